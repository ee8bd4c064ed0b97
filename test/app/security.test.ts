import './noElectron';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../src-main/app/appUrls';
import { hardenSession, hardenWebContents, isLocalRequest, shellCsp, type HardenableContents, type HardenableSession } from '../../src-main/app/security';
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/securityHeaders';

const APP_URL = 'app://qunxi/index.html';

type Handler = (event: { preventDefault(): void }, url: string) => void;

/** A stand-in for WebContents that records its listeners. */
function fakeContents() {
  const listeners = new Map<string, Handler>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, fn: Handler) => {
      listeners.set(name, fn);
      return contents;
    },
    setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => {
      openHandler = fn;
    },
  };
  const fire = (name: string, url: string): boolean => {
    let isPrevented = false;
    listeners.get(name)?.({ preventDefault: () => void (isPrevented = true) }, url);
    return isPrevented;
  };
  return { contents: contents as unknown as HardenableContents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('window hardening', () => {
  const { contents, fire, open } = fakeContents();
  hardenWebContents(contents, (url) => isAppUrl(url, APP_URL));

  it('blocks navigation and redirects away from the app', () => {
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
  });

  it('lets the app move within its own page', () => {
    expect(fire('will-navigate', `${APP_URL}#/metrics`)).toBe(false);
  });

  it('blocks navigation to the built page by file:// and to another app:// host', () => {
    expect(fire('will-navigate', 'file:///opt/qunxi/out/renderer/index.html')).toBe(true);
    expect(fire('will-navigate', 'app://elsewhere/index.html')).toBe(true);
  });

  it('denies every new window and webview', () => {
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open(APP_URL)).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview', 'about:blank')).toBe(true);
  });
});

describe('session hardening', () => {
  const calls: Record<string, unknown> = {};
  const session = {
    setPermissionRequestHandler: (fn: unknown) => void (calls.request = fn),
    setPermissionCheckHandler: (fn: unknown) => void (calls.check = fn),
    webRequest: {
      onBeforeRequest: (fn: unknown) => void (calls.before = fn),
      onHeadersReceived: (fn: unknown) => void (calls.headers = fn),
    },
  };
  hardenSession(session as unknown as HardenableSession, null);

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    (calls.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect((calls.check as () => boolean)()).toBe(false);
  });

  it('cancels remote requests and file:// ones, and lets the app:// pages through', () => {
    const decide = (url: string) => {
      let response: { cancel?: boolean } = {};
      (calls.before as (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void)({ url }, (r) => (response = r));
      return response.cancel;
    };
    expect(decide('https://cdn.example/font.woff2')).toBe(true);
    expect(decide('http://127.0.0.1:5183/api/app:info')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('file:///opt/qunxi/out/renderer/assets/index.js')).toBe(true);
    expect(decide('app://qunxi/assets/index.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
  });

  it('sets the strict CSP on every response, replacing any other', () => {
    let out: { responseHeaders?: Record<string, string[]> } = {};
    (calls.headers as (d: unknown, cb: (r: typeof out) => void) => void)(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (r) => (out = r),
    );
    expect(out.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(out.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(out.responseHeaders?.['Content-Type']).toEqual(['text/html']);
  });

  it('relaxes the CSP only for the dev server, and only as hot reload needs', () => {
    expect(shellCsp(false)).toBe(CONTENT_SECURITY_POLICY);
    expect(shellCsp(true)).toContain("script-src 'self' 'unsafe-inline'");
    expect(shellCsp(true)).toContain("object-src 'none'");
    expect(isLocalRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isLocalRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('session hardening with the dev server', () => {
  let onHeaders: unknown;
  const session = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: () => undefined, onHeadersReceived: (fn: unknown) => void (onHeaders = fn) },
  };
  hardenSession(session as unknown as HardenableSession, 'http://localhost:5173');

  it('sets the hot-reload CSP, and only then', () => {
    let out: { responseHeaders?: Record<string, string[]> } = {};
    (onHeaders as (d: unknown, cb: (r: typeof out) => void) => void)({ responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (r) => (out = r));
    expect(out.responseHeaders?.['Content-Security-Policy']).toEqual([shellCsp(true)]);
    expect(shellCsp(true)).not.toBe(CONTENT_SECURITY_POLICY);
  });
});
