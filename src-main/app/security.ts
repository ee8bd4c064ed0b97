/**
 * Window and session hardening (DESIGN §5): no navigation away from the app, no new windows,
 * no permissions, no remote content, and the strict CSP on every response. Each helper takes
 * the Electron object it hardens, so tests pass fakes.
 */
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/securityHeaders';

/** The CSP the shell enforces; the dev server's hot reload needs its inline preamble and websocket. */
export function shellCsp(isDevServer: boolean): string {
  if (!isDevServer) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:");
}

/** The parts of a WebContents that {@link hardenWebContents} uses. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Keeps a window on the app's own pages: foreign navigations, redirects, popups and webviews are refused. */
export function hardenWebContents(contents: HardenableContents, isAppUrl: (url: string) => boolean): void {
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * URL schemes the app's own pages use; anything else (http, https …) is remote content. `file:`
 * is not among them: the pages come from `app://`, and nothing they do needs a path on disk.
 */
export function isLocalRequest(url: string, devServerOrigin: string | null): boolean {
  if (/^(app|data|blob|devtools):/i.test(url)) return true;
  if (!devServerOrigin) return false;
  try {
    const u = new URL(url);
    return u.origin === devServerOrigin || (u.protocol === 'ws:' && u.host === new URL(devServerOrigin).host);
  } catch {
    return false;
  }
}

/** The parts of a Session that {@link hardenSession} uses. */
export type HardenableSession = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'>;
};

/** Response headers with any CSP a response brought removed: the shell's CSP replaces it. */
function withoutCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-security-policy'));
}

/** The development headers: the relaxed CSP hot reload needs. */
function devServerHeaders(headers: Record<string, string[]>): Record<string, string[]> {
  return { ...headers, 'Content-Security-Policy': [shellCsp(true)], 'X-Content-Type-Options': ['nosniff'] };
}

/** Denies every permission, cancels remote requests and sets the CSP header on every response. */
export function hardenSession(session: HardenableSession, devServerOrigin: string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url, devServerOrigin) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = withoutCsp(details.responseHeaders);
    if (devServerOrigin !== null) {
      callback({ responseHeaders: devServerHeaders(headers) });
      return;
    }
    // The policy is CONTENT_SECURITY_POLICY written out as one string: Electronegativity evaluates a
    // CSP only when it is a literal at this call (a name reads as unparsable). test/app/security.test.ts
    // holds the two equal.
    callback({
      responseHeaders: {
        ...headers,
        'Content-Security-Policy': ["default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}
