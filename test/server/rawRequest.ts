/** A bare node:http client for the server tests: unlike fetch it sends any Host and path untouched. */
import http from 'node:http';

/** A response as the tests look at it. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Sends one request to 127.0.0.1:port, on a connection of its own. Node 20's global agent keeps
 * connections alive, and the server closes one left idle for its keep-alive timeout (5 s): a
 * request that takes it up just then is reset under it. On a loaded machine the tests' gaps reach
 * 5 s ('refuses a JSON body over its limit' builds a 64 MB body first), and that test read
 * ECONNRESET instead of the 413.
 */
export function rawRequest(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, agent: false, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
