/**
 * Browser mode: the one API of `contract.ts` over HTTP, plus the built renderer, on
 * 127.0.0.1 only. Every request must carry the per-run token (cookie or Bearer header) and
 * name this server in its Host header; see `auth.ts` for why each check exists.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { Api, ApiError, Result } from '../contract';
import type { AppPaths } from '../api/context';
import { dispatch } from '../api/dispatch';
import { newUploadId, uploadPath } from '../api/uploads';
import { hasValidToken, isAllowedHost, isAllowedOrigin, isSameToken, newToken, tokenCookie } from './auth';
import { SECURITY_HEADERS } from './securityHeaders';
import { getLanguage } from '../locale/language';
import { serverText } from '../locale/shell';
import { createStaticFiles, resolveStaticPath, type StaticFiles } from './staticFiles';

/** Largest JSON body an API call may send: a grid's rows sent for export (`table:xlsx`) are the largest, some 100,000 rows. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** Largest file the UI may upload for import. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** What {@link startServer} needs. */
export interface ServerOptions {
  /** The API to serve. */
  handlers: Api;
  /** App folders; uploads go under `tempDir`. */
  paths: AppPaths;
  /** Folder of the built renderer (`out/renderer`). */
  staticDir: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The per-run token; a random one when omitted. */
  token?: string;
  /** Upload size limit in bytes (tests lower it). */
  maxUploadBytes?: number;
}

/** A running browser-mode server. */
export interface RunningServer {
  /** The URL to open, token included. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The per-run token. */
  token: string;
  /** The underlying node:http server. */
  server: http.Server;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** A JSON error body in the Result shape of the API. */
function failure(code: ApiError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function wantsHtml(req: http.IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

/** The page a browser without the token gets, in the server's language. */
function unauthorizedPage(): string {
  const s = serverText;
  const aside = s.tokenPageAside ? `\n<p>${s.tokenPageAside}</p>` : '';
  return `<!doctype html><html lang="${getLanguage()}"><head><meta charset="utf-8"><title>${s.tokenPageTitle}</title></head>
<body><h1>${s.tokenPageHeading}</h1><p>${s.tokenPageBody}</p>${aside}</body></html>`;
}

function sendUnauthorized(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (wantsHtml(req)) {
    send(res, 401, unauthorizedPage(), 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
  } else {
    sendJson(res, 401, failure('UNAUTHORIZED', serverText.badToken));
  }
}

class BodyTooLarge extends Error {}

/** Reads a request body into memory, refusing more than `limit` bytes. */
async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A pass-through that fails once more than `limit` bytes have gone through. */
function byteLimit(limit: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > limit ? new BodyTooLarge() : null, chunk);
    },
  });
}

/**
 * Answers 413 to a request that declares a body over `limit`, once the body has gone by unread: a
 * 413 sent while the client still sends ends the connection under it, and it reads a reset (all
 * it saw of a 64 MB JSON body on a loaded machine), not the 413.
 */
async function isRefusedAsTooLarge(req: http.IncomingMessage, res: http.ServerResponse, limit: number, message: string): Promise<boolean> {
  if (Number(req.headers['content-length'] ?? 0) <= limit) return false;
  req.resume();
  await finished(req).catch(() => undefined);
  if (!res.destroyed) sendJson(res, 413, failure('INVALID_REQUEST', message));
  return true;
}

function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

async function handleApi(handlers: Api, method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, failure('INVALID_REQUEST', serverText.postOnly));
    return;
  }
  // A cross-site <form> can only send "simple" content types; requiring JSON forces a preflight it cannot pass.
  if (!isJsonContentType(req.headers['content-type'])) {
    sendJson(res, 415, failure('INVALID_REQUEST', serverText.jsonOnly));
    return;
  }
  if (await isRefusedAsTooLarge(req, res, MAX_JSON_BYTES, serverText.bodyTooLarge)) return;
  let body: Buffer;
  try {
    body = await readBody(req, MAX_JSON_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLarge) sendJson(res, 413, failure('INVALID_REQUEST', serverText.bodyTooLarge));
    else res.destroy();
    return;
  }
  let parsed: unknown = undefined;
  if (body.length > 0) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, failure('INVALID_REQUEST', serverText.badJson));
      return;
    }
  }
  // The client gave up (a superseded query's fetch aborted, the tab closed): the connection closes
  // before the answer is sent, and the handler is told to stop, down to the database's interrupt.
  const abandoned = new AbortController();
  const onClose = () => {
    if (!res.writableEnded) abandoned.abort();
  };
  res.once('close', onClose);
  if (res.destroyed) abandoned.abort(); // closed while the body was read, before the listener
  const result = await dispatch(handlers, method, parsed, { signal: abandoned.signal });
  res.off('close', onClose);
  if (!res.destroyed) sendJson(res, 200, result);
}

async function handleUpload(paths: AppPaths, limit: number, url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'PUT') {
    sendJson(res, 405, failure('INVALID_REQUEST', serverText.putOnly));
    return;
  }
  const name = url.searchParams.get('name');
  if (!name || name.length > 500) {
    sendJson(res, 400, failure('INVALID_REQUEST', serverText.uploadNoName));
    return;
  }
  if (await isRefusedAsTooLarge(req, res, limit, serverText.uploadTooLarge)) return;
  const uploadId = newUploadId();
  const target = uploadPath(paths, uploadId);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await pipeline(req, byteLimit(limit), createWriteStream(target, { flags: 'wx' }));
  } catch (e) {
    await fs.rm(target, { force: true });
    if (e instanceof BodyTooLarge) sendJson(res, 413, failure('INVALID_REQUEST', serverText.uploadTooLarge));
    else if (!res.destroyed) sendJson(res, 500, failure('INTERNAL', serverText.uploadFailed));
    return;
  }
  sendJson(res, 200, { ok: true, value: { uploadId, name } } satisfies Result<{ uploadId: string; name: string }>);
}

async function handleStatic(files: StaticFiles, staticDir: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, failure('INVALID_REQUEST', serverText.badMethod));
    return;
  }
  if (!resolveStaticPath(staticDir, url.pathname)) {
    send(res, 403, serverText.forbidden, 'text/plain; charset=utf-8');
    return;
  }
  const reply = await files.reply(url.pathname, { acceptEncoding: req.headers['accept-encoding'], ifNoneMatch: req.headers['if-none-match'] });
  if (!reply) {
    if (url.pathname === '/') {
      send(res, 503, serverText.notBuilt, 'text/plain; charset=utf-8');
    } else {
      send(res, 404, serverText.notFound, 'text/plain; charset=utf-8');
    }
    return;
  }
  res.writeHead(reply.status, { ...SECURITY_HEADERS, ...reply.headers });
  res.end(req.method === 'HEAD' || reply.status === 304 ? undefined : reply.body);
}

/** Starts the browser-mode server on 127.0.0.1. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const files = createStaticFiles(options.staticDir);
  void files.warm();
  let port = 0;

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still sends its own Host.
    if (!isAllowedHost(req.headers.host, port)) {
      sendJson(res, 421, failure('UNAUTHORIZED', serverText.badHost));
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      sendJson(res, 403, failure('UNAUTHORIZED', serverText.crossSite));
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!isSameToken(queryToken, token)) {
        sendUnauthorized(req, res);
        return;
      }
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      res.writeHead(302, { ...SECURITY_HEADERS, 'Set-Cookie': tokenCookie(token, port), Location: '/', 'Cache-Control': 'no-store', 'Content-Length': '0' });
      res.end();
      return;
    }
    if (!hasValidToken({ cookie: req.headers.cookie, authorization: req.headers.authorization }, token, port)) {
      sendUnauthorized(req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        method = url.pathname;
      }
      await handleApi(options.handlers, method, req, res);
    } else if (url.pathname === '/upload') {
      await handleUpload(options.paths, maxUpload, url, req, res);
    } else {
      await handleStatic(files, options.staticDir, url, req, res);
    }
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', serverText.internal));
      else res.destroy();
    });
  });
  server.requestTimeout = 0; // uploads of large exports may take long; the socket idle timeout still applies
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
