/**
 * Serving the built renderer: MIME types, a path resolver that cannot leave its folder, and the
 * files themselves, compressed (brotli or gzip, as the browser accepts) once and kept in memory,
 * with cache headers: Vite's content-hashed assets never change, the page is revalidated.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The Content-Type for a file name; unknown kinds are sent as opaque bytes. */
export function mimeType(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names, or null when the path is malformed or would
 * escape the folder (`..` segments, encoded slashes, NUL bytes, absolute Windows paths).
 * `/` names `index.html`.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:/.test(s))) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join(path.sep);
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  return full.startsWith(base + path.sep) ? full : null;
}

/** Cache-Control of the content-hashed files under `/assets/` (a new build gives new names). */
export const IMMUTABLE_CACHE = 'private, max-age=31536000, immutable';
/** Cache-Control of everything else (index.html): kept, but asked again (ETag) before each use. */
export const REVALIDATE_CACHE = 'no-cache';

/** Kinds worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.wasm']);
/** Smaller files are sent as they are: the headers would eat the gain. */
const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** One file as it may be sent. */
interface CachedFile {
  mtimeMs: number;
  size: number;
  etag: string;
  identity: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

/** What to send for a static file. */
export interface StaticReply {
  /** 200, or 304 when the browser's copy (If-None-Match) is current. */
  status: 200 | 304;
  headers: Record<string, string>;
  /** The bytes (empty for a 304). */
  body: Buffer;
}

/** The encoding to send, from an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';').map((x) => x.trim()))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q))
      .map(([name]) => name!.toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/**
 * The files of one built renderer, read and compressed on first request and kept in memory (a
 * build is a few MB) until the file changes on disk. Compression runs on libuv's thread pool, not
 * on the thread that answers API calls.
 */
export function createStaticFiles(root: string) {
  const files = new Map<string, CachedFile>();

  async function load(file: string): Promise<CachedFile | null> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const known = files.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
    const identity = await fs.readFile(file);
    const entry: CachedFile = { mtimeMs: stat.mtimeMs, size: stat.size, identity, etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"` };
    files.set(file, entry);
    return entry;
  }

  function encoded(entry: CachedFile, encoding: 'br' | 'gzip'): Promise<Buffer> {
    // Quality 5 of 11: a build's scripts come out within a ninth of brotli's smallest, in a fifth of its time.
    if (encoding === 'br') {
      entry.br ??= brotli(entry.identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.identity.length } });
      return entry.br;
    }
    entry.gzip ??= gzip(entry.identity, { level: 6 });
    return entry.gzip;
  }

  return {
    /**
     * Reads and brotli-compresses every file of the build one after the other, so that the first
     * page load finds them ready; failures are left for the request that meets them.
     */
    async warm(): Promise<void> {
      const names = await fs.readdir(root, { recursive: true }).catch(() => [] as string[]);
      for (const name of names) {
        if (!COMPRESSIBLE.has(path.extname(name).toLowerCase())) continue;
        const entry = await load(path.join(root, name)).catch(() => null);
        if (entry && entry.size >= MIN_COMPRESS_BYTES) await encoded(entry, 'br').catch(() => undefined);
      }
    },
    /**
     * The reply for a GET of `urlPath`, or null when no such file is under the root (a path
     * that escapes it is null too: check {@link resolveStaticPath} first to tell 403 from 404).
     */
    async reply(urlPath: string, request: { acceptEncoding?: string; ifNoneMatch?: string }): Promise<StaticReply | null> {
      const file = resolveStaticPath(root, urlPath);
      if (!file) return null;
      const entry = await load(file);
      if (!entry) return null;
      const relative = path.relative(root, file).split(path.sep).join('/');
      const headers: Record<string, string> = {
        'Content-Type': mimeType(file),
        'Cache-Control': relative.startsWith('assets/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
        ETag: entry.etag,
        Vary: 'Accept-Encoding',
      };
      const etags = (request.ifNoneMatch ?? '').split(',').map((e) => e.trim());
      if (etags.includes(entry.etag) || etags.includes('*')) return { status: 304, headers, body: Buffer.alloc(0) };
      const encoding = COMPRESSIBLE.has(path.extname(file).toLowerCase()) && entry.size >= MIN_COMPRESS_BYTES ? pickEncoding(request.acceptEncoding) : null;
      const body = encoding ? await encoded(entry, encoding) : entry.identity;
      if (encoding) headers['Content-Encoding'] = encoding;
      headers['Content-Length'] = String(body.length);
      return { status: 200, headers, body };
    },
  };
}

/** The static files of one renderer folder (see {@link createStaticFiles}). */
export type StaticFiles = ReturnType<typeof createStaticFiles>;
