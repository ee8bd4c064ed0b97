/**
 * The `app://` scheme that serves the built renderer, in place of `file://` (Electron's security
 * checklist, "avoid the file protocol"): a `file://` page may read any file the user can, while
 * `app://qunxi/` reaches only the files of `out/renderer`. The handler is a plain function over a
 * folder and a request, so it is tested against real files without Electron.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { SECURITY_HEADERS } from '../server/securityHeaders';
import { mimeType, resolveStaticPath } from '../server/staticFiles';

/** The scheme the window's pages are served on. */
export const APP_SCHEME = 'app';

/** The scheme's one host: the pages' origin is `app://qunxi`. */
export const APP_HOST = 'qunxi';

/** The URL of the built renderer's entry page. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * How the scheme is registered before the app is ready: standard (so pages have an origin and
 * relative URLs resolve) and secure (like https), reachable by fetch. It gets no privilege that
 * would weaken the page: no CSP bypass, no service workers, no CORS to other origins.
 */
export const APP_SCHEME_PRIVILEGES = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }] satisfies CustomScheme[];

/** The request fields the handler reads (a subset of the Fetch API `Request` Electron passes). */
export interface AppRequest {
  /** The full URL asked for, e.g. `app://qunxi/assets/index.js`. */
  url: string;
  /** The HTTP method. */
  method: string;
}

/** Whether `file` is `root` itself or below it; both already real paths. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The regular file under `root` that an `app://qunxi/…` URL names, or null. Refused: another
 * scheme or host, `..` and `.` segments however encoded, encoded slashes and backslashes, NUL,
 * drive letters (all by the browser-mode resolver), and any path whose real location, after
 * symbolic links, is outside `root`. `/` names `index.html`.
 */
export async function resolveAppFile(root: string, url: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const candidate = resolveStaticPath(root, parsed.pathname);
  if (!candidate) return null;
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    return (await fs.stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null; // missing, or a dangling link
  }
}

/**
 * The answer to one `app://` request: the file with its type and the security headers (the CSP
 * among them, so the page is covered even where the session's header hook does not see custom
 * schemes), 404 for anything refused or missing, 405 for methods other than GET and HEAD.
 */
export async function appProtocolResponse(root: string, request: AppRequest): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = await resolveAppFile(root, request.url);
  let data: Buffer | null = null;
  if (file) {
    try {
      data = await fs.readFile(file);
    } catch {
      data = null;
    }
  }
  if (!file || !data) return new Response(null, { status: 404, headers: { 'X-Content-Type-Options': 'nosniff' } });
  const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeType(file), 'Content-Length': String(data.length), 'Cache-Control': 'no-cache' };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), { status: 200, headers });
}

/** Serves the built renderer in `pagesDir` on the `app://` scheme (after the app is ready). */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, pagesDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(pagesDir, request));
}
