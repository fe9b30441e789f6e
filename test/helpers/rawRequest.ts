// A POST with exactly the headers and bytes a test gives (fetch adds and forbids some), for probing the front door.
import http from 'node:http';

export interface RawResponse {
  status: number;
  body: any;
  /** The connection failed before a response arrived (e.g. reset while still sending). */
  error?: string;
}

function collect(res: http.IncomingMessage, resolve: (r: RawResponse) => void): void {
  let raw = '';
  res.setEncoding('utf8');
  res.on('data', (d) => (raw += d));
  res.on('end', () => {
    let parsed: any = raw;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      // not JSON: keep the text
    }
    resolve({ status: res.statusCode ?? 0, body: parsed });
  });
}

/** A GET on a connection of its own (no keep-alive reuse); the status and body, or an error after timeoutMs. */
export function rawGet(url: string, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => collect(res, resolve));
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ status: 0, body: undefined, error: err.message }));
  });
}

/** A POST on a connection of its own. */
export function rawPost(url: string, headers: Record<string, string>, body: Buffer | Buffer[], timeoutMs = 15_000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers, timeout: timeoutMs, agent: false }, (res) => collect(res, resolve));
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ status: 0, body: undefined, error: err.message }));
    // Several pieces go out as a chunked body without content-length.
    for (const piece of Array.isArray(body) ? body : [body]) req.write(piece);
    req.end();
  });
}
