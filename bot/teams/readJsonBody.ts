// Reads the body of a request to /api/messages, strictly: JSON only, no content encoding (a gzip body could
// inflate far past any limit, and a broken one used to crash the process), no multipart (which restify's body
// parser wrote to temp files), and the byte limit enforced on the stream while it arrives, not after. Every
// refusal is a RequestRefused with a 4xx status and a short reason; nothing here throws anything else.
import type { IncomingMessage } from 'node:http';

export class RequestRefused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i;

/** Why the headers alone rule the request out, or undefined. */
export function headerProblem(headers: IncomingMessage['headers'], maxBytes: number): RequestRefused | undefined {
  const type = String(headers['content-type'] ?? '').trim();
  if (!JSON_TYPE.test(type)) return new RequestRefused(415, `the body must be application/json (UTF-8), not "${type.slice(0, 60) || 'none'}"`);
  const encoding = String(headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding && encoding !== 'identity') return new RequestRefused(415, 'content encodings (gzip, deflate, br) are not accepted; send the JSON uncompressed');
  const length = headers['content-length'];
  if (length !== undefined && !/^\d+$/.test(String(length))) return new RequestRefused(400, 'the content-length header is not a number');
  if (length !== undefined && Number(length) > maxBytes) return new RequestRefused(413, `the body is larger than ${maxBytes} bytes`);
  return undefined;
}

/** The raw body, refused (413) as soon as more than maxBytes arrived. */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: RequestRefused) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (!error) return resolve(Buffer.concat(chunks));
      // Stop reading; the rest of the body is discarded, not buffered.
      req.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(new RequestRefused(413, `the body is larger than ${maxBytes} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = () => finish(new RequestRefused(400, 'the body could not be read'));
    const onAborted = () => finish(new RequestRefused(400, 'the request was aborted'));
    const timer = setTimeout(() => finish(new RequestRefused(408, `the body did not arrive within ${timeoutMs} ms`)), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}

/** The body parsed as JSON; 400 for bytes that are not UTF-8 JSON. */
export function parseJson(body: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new RequestRefused(400, 'Invalid JSON: the body is not UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RequestRefused(400, `Invalid JSON: ${(err as Error).message.slice(0, 120)}`);
  }
}
