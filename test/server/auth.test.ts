import { describe, expect, it } from 'vitest';
import { bearerToken, cookieValues, hasValidToken, isAllowedHost, isAllowedOrigin, isSameToken, newToken, tokenCookie } from '../../src-main/server/auth';
import { resolveStaticPath, mimeType } from '../../src-main/server/staticFiles';
import { parseServeArgs } from '../../src-main/server/args';

describe('browser-mode access checks', () => {
  const token = newToken();

  it('makes a fresh 48-hex-character token per run', () => {
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(newToken()).not.toBe(token);
  });

  it('accepts only the exact token', () => {
    expect(isSameToken(token, token)).toBe(true);
    expect(isSameToken(token.slice(0, -1), token)).toBe(false);
    expect(isSameToken(`${token}0`, token)).toBe(false);
    expect(isSameToken('', token)).toBe(false);
    expect(isSameToken(null, token)).toBe(false);
  });

  it('finds the token in the cookie or a Bearer header', () => {
    expect(hasValidToken({ cookie: `a=1; qunxi_token_5183=${token}; b=2` }, token, 5183)).toBe(true);
    expect(hasValidToken({ cookie: `qunxi_token_5183=old; qunxi_token_5183=${token}` }, token, 5183)).toBe(true);
    expect(hasValidToken({ authorization: `Bearer ${token}` }, token, 5183)).toBe(true);
    expect(hasValidToken({ authorization: `Basic ${token}` }, token, 5183)).toBe(false);
    expect(hasValidToken({ cookie: `other_token=${token}` }, token, 5183)).toBe(false);
    // Another server's cookie (another port) is not this server's, even holding the same value.
    expect(hasValidToken({ cookie: `qunxi_token_5184=${token}` }, token, 5183)).toBe(false);
    expect(hasValidToken({ cookie: `qunxi_token=${token}` }, token, 5183)).toBe(false);
    expect(hasValidToken({}, token, 5183)).toBe(false);
    expect(cookieValues(undefined, 'x')).toEqual([]);
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it('hands the token over in an HttpOnly, SameSite=Strict cookie named after the port', () => {
    expect(tokenCookie('t', 5183)).toBe('qunxi_token_5183=t; HttpOnly; SameSite=Strict; Path=/');
  });

  it('accepts only loopback names with our port as Host', () => {
    expect(isAllowedHost('127.0.0.1:5183', 5183)).toBe(true);
    expect(isAllowedHost('LOCALHOST:5183', 5183)).toBe(true);
    expect(isAllowedHost('127.0.0.1', 5183)).toBe(false);
    expect(isAllowedHost('127.0.0.1:80', 5183)).toBe(false);
    expect(isAllowedHost('rebind.example:5183', 5183)).toBe(false);
    expect(isAllowedHost('[::1]:5183', 5183)).toBe(false);
    expect(isAllowedHost(undefined, 5183)).toBe(false);
  });

  it('accepts a missing Origin or our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 5183)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5183', 5183)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', 5183)).toBe(false);
    expect(isAllowedOrigin('null', 5183)).toBe(false);
  });
});

describe('static file resolution', () => {
  const root = '/srv/renderer';

  it('maps / to index.html and keeps files inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
    expect(resolveStaticPath(root, '/assets/%E7%BE%A4.png')).toBe('/srv/renderer/assets/群.png');
  });

  it('refuses traversal, encoded or not', () => {
    for (const p of ['/../etc/passwd', '/..%2fetc%2fpasswd', '/a/%2e%2e/%2e%2e/etc', '/..\\x', '/a%00b', '/C:/x', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });

  it('names the MIME type by extension', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeType('font.woff2')).toBe('font/woff2');
    expect(mimeType('blob.bin')).toBe('application/octet-stream');
  });
});

describe('browser-mode options', () => {
  it('defaults to port 5183 with fallback, no project', () => {
    expect(parseServeArgs([], {})).toEqual({ port: 5183, isPortExplicit: false, isDemo: false, project: null, language: 'zh-CN' });
  });

  it('reads --demo, --project, --port and QUNXI_PORT', () => {
    expect(parseServeArgs(['--demo', '--port', '0'], {})).toEqual({ port: 0, isPortExplicit: true, isDemo: true, project: null, language: 'zh-CN' });
    expect(parseServeArgs(['--project=/p/a.qunxi'], { QUNXI_PORT: '6000' })).toEqual({ port: 6000, isPortExplicit: true, isDemo: false, project: '/p/a.qunxi', language: 'zh-CN' });
    expect(parseServeArgs(['--lang', 'en'], {}).language).toBe('en');
    expect(parseServeArgs([], { QUNXI_LANG: 'en' }).language).toBe('en');
  });

  it('refuses bad options with a one-line message', () => {
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(/端口无效/);
    expect(() => parseServeArgs(['--project'], {})).toThrow(/缺少取值/);
    expect(() => parseServeArgs(['--bogus'], {})).toThrow(/未知参数/);
  });
});
