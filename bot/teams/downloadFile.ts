// Fetches a file someone sent the bot. Teams hands the bot a short-lived, pre-authorised https download URL, so
// no token is sent (a bot token would leak to whatever host the URL names). Only https is fetched, and never
// from this machine or a private network address written in the URL; plain http only to this machine, and only
// in local mode (Agents Playground, tests). Every redirect target is checked the same way, and a refused address
// is refused before any connection, so the reply says nothing about which ports are open. The body is read up
// to the size limit and the whole fetch has a deadline, so a huge or stalled file cannot hold the bot.

export type DownloadFailure = 'not-allowed' | 'too-large' | 'http' | 'timeout' | 'failed';

export class DownloadError extends Error {
  constructor(readonly reason: DownloadFailure, message: string, readonly sizeBytes = 0) {
    super(message);
  }
}

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  /** http (and https) to this machine: local mode only. */
  allowLoopback?: boolean;
}

const MAX_REDIRECTS = 3;
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** IPv4 literals of private, link-local and unspecified ranges, and IPv6 literals that are not global. */
function isPrivateAddress(host: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  return host.startsWith('[') && !/^\[(?:2|3)[0-9a-f]{3}:/i.test(host);
}

/** https to public hosts; with allowLoopback also http and https to this machine. */
export function downloadAllowed(url: string, allowLoopback = false): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  if (isLoopback(host)) return allowLoopback && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
  return parsed.protocol === 'https:' && !isPrivateAddress(host);
}

export async function downloadFile(url: string, options: DownloadOptions): Promise<Buffer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      if (!downloadAllowed(current, options.allowLoopback)) throw new DownloadError('not-allowed', `not an address the bot fetches from: ${new URL(current).protocol}//${new URL(current).host}`);
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
