// Fetches a file someone sent the bot. Teams hands the bot a short-lived, pre-authorised https download URL, so
// no token is sent (a bot token would leak to whatever host the URL names). Only https is fetched, and plain
// http only on loopback (Agents Playground, tests); every redirect target is checked the same way. The body is
// read up to the size limit and the whole fetch has a deadline, so a huge or stalled file cannot hold the bot.

export type DownloadFailure = 'not-allowed' | 'too-large' | 'http' | 'timeout' | 'failed';

export class DownloadError extends Error {
  constructor(readonly reason: DownloadFailure, message: string, readonly sizeBytes = 0) {
    super(message);
  }
}

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
}

const MAX_REDIRECTS = 3;
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** https anywhere; http only to this machine. */
export function downloadAllowed(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  if (parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function downloadFile(url: string, options: DownloadOptions): Promise<Buffer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      if (!downloadAllowed(current)) throw new DownloadError('not-allowed', `not an https or loopback URL: ${new URL(current).protocol}//${new URL(current).host}`);
      const response = await fetch(current, { redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new DownloadError('http', 'too many redirects');
        current = new URL(response.headers.get('location')!, current).toString();
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new DownloadError('http', `HTTP ${response.status}`);
      }
      return await readLimited(response, options.maxBytes);
    }
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    if (signal.aborted) throw new DownloadError('timeout', `no complete answer within ${options.timeoutMs} ms`);
    throw new DownloadError('failed', (err as Error)?.message ?? String(err));
  }
}

/** The body, or a 'too-large' error as soon as it passes the limit (announced or counted). */
async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const announced = Number(response.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > maxBytes) {
    await response.body?.cancel();
    throw new DownloadError('too-large', `${announced} bytes`, announced);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new DownloadError('too-large', `more than ${maxBytes} bytes`, size);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
