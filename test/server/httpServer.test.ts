import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppPaths } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import { uploadPath } from '../../src-main/api/uploads';
import { MAX_JSON_BYTES, startServer, type RunningServer } from '../../src-main/server/httpServer';
import { rawRequest } from './rawRequest';

let root: string;
let paths: AppPaths;
let server: RunningServer;
let auth: Record<string, string>;

const INDEX_HTML = '<!doctype html><title>群析测试</title><p>ok</p>';

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-server-'));
  paths = {
    projectsDir: path.join(root, 'projects'),
    configDir: path.join(root, 'config'),
    demoDir: path.join(root, 'demo'),
    tempDir: path.join(root, 'tmp'),
  };
  const staticDir = path.join(root, 'static');
  await fs.mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(staticDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  await fs.writeFile(path.join(root, 'secret.txt'), 'top secret');
  const ctx = createContext('browser', paths);
  server = await startServer({ handlers: createHandlers(ctx), paths, staticDir, port: 0, maxUploadBytes: 1024 });
  auth = { cookie: `qunxi_token_${server.port}=${server.token}` };
});

afterAll(async () => {
  await server?.close();
  await fs.rm(root, { recursive: true, force: true });
});

const callApi = (method: string, body: unknown, headers: Record<string, string> = auth) =>
  rawRequest(server.port, { method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser-mode server', () => {
  it('binds to 127.0.0.1 only', () => {
    const address = server.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses an API call without the token with 401 UNAUTHORIZED', async () => {
    const res = await callApi('app:info', {}, {});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses a wrong token in cookie, Bearer header and query', async () => {
    const wrong = 'f'.repeat(48);
    expect((await callApi('app:info', {}, { cookie: `qunxi_token_${server.port}=${wrong}` })).status).toBe(401);
    expect((await callApi('app:info', {}, { authorization: `Bearer ${wrong}` })).status).toBe(401);
    const viaQuery = await rawRequest(server.port, { path: `/?token=${wrong}` });
    expect(viaQuery.status).toBe(401);
    expect(viaQuery.headers['set-cookie']).toBeUndefined();
  });

  it('answers a page navigation without the token with a Chinese hint page', async () => {
    const res = await rawRequest(server.port, { path: '/', headers: { accept: 'text/html' } });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('终端');
    expect(res.body).not.toContain('群析测试');
  });

  it('trades the token in the URL for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const res = await rawRequest(server.port, { path: `/?token=${server.token}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toContain(`qunxi_token_${server.port}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    const page = await rawRequest(server.port, { path: '/', headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
  });

  it('serves app:info with the cookie and with a Bearer header', async () => {
    const res = await callApi('app:info', {});
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser', projectsDir: paths.projectsDir } });
    const bearer = await callApi('app:info', {}, { authorization: `Bearer ${server.token}` });
    expect(JSON.parse(bearer.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    for (const host of ['evil.example:' + server.port, `127.0.0.1:${server.port + 1}`, 'localhost']) {
      const res = await rawRequest(server.port, { method: 'POST', path: '/api/app:info', headers: { ...auth, host, 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, host).toBe(421);
    }
    const ok = await rawRequest(server.port, { method: 'POST', path: '/api/app:info', headers: { ...auth, host: `localhost:${server.port}`, 'content-type': 'application/json' }, body: '{}' });
    expect(ok.status).toBe(200);
  });

  it('refuses a request from a foreign Origin', async () => {
    const res = await callApi('app:info', {}, { ...auth, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses path traversal out of the static folder', async () => {
    for (const p of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..\\secret.txt', '/assets/%00app.js']) {
      const res = await rawRequest(server.port, { path: p, headers: auth });
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('top secret');
    }
  });

  it('serves static files with their MIME type and the strict CSP', async () => {
    const res = await rawRequest(server.port, { path: '/assets/app.js', headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect((await rawRequest(server.port, { path: '/missing.js', headers: auth })).status).toBe(404);
  });

  it('refuses an API POST that is not JSON (a cross-site form cannot send JSON)', async () => {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect((await rawRequest(server.port, { path: '/api/app:info', headers: auth })).status).toBe(405);
  });

  it('returns INVALID_REQUEST and UNKNOWN_METHOD as data', async () => {
    const bad = await callApi('project:open', { path: 42 });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const extra = await callApi('app:info', { unexpected: true });
    expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const unknown = await callApi('nope:nothing', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const malformed = await rawRequest(server.port, { method: 'POST', path: '/api/app:info', headers: { ...auth, 'content-type': 'application/json' }, body: '{nope' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('refuses a JSON body over its limit', async () => {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(MAX_JSON_BYTES + 10) }),
    });
    expect(res.status).toBe(413);
  });

  it('stores an upload under the upload path and returns its id', async () => {
    const bytes = Buffer.from('群名称,群成员昵称\n测试群,小明\n', 'utf8');
    const res = await rawRequest(server.port, { method: 'PUT', path: `/upload?name=${encodeURIComponent('群成员.csv')}`, headers: auth, body: bytes });
    expect(res.status).toBe(200);
    const result = JSON.parse(res.body) as { ok: true; value: { uploadId: string; name: string } };
    expect(result.ok).toBe(true);
    expect(result.value.name).toBe('群成员.csv');
    expect(await fs.readFile(uploadPath(paths, result.value.uploadId))).toEqual(bytes);
  });

  it('refuses an upload without the token, without a name, or over the size limit', async () => {
    expect((await rawRequest(server.port, { method: 'PUT', path: '/upload?name=a.csv', body: 'x' })).status).toBe(401);
    expect((await rawRequest(server.port, { method: 'PUT', path: '/upload', headers: auth, body: 'x' })).status).toBe(400);
    // This process's upload folder (uploads live in a folder per process under the temp folder).
    const uploads = path.dirname(uploadPath(paths, '00000000-0000-4000-8000-000000000000'));
    const before = await fs.readdir(uploads).catch(() => []);
    const declared = await rawRequest(server.port, { method: 'PUT', path: '/upload?name=big.csv', headers: auth, body: Buffer.alloc(2048) });
    expect(declared.status).toBe(413);
    // Without a Content-Length the limit is enforced while streaming, and the partial file is removed.
    const streamed = await rawRequest(server.port, { method: 'PUT', path: '/upload?name=big.csv', headers: { ...auth, 'transfer-encoding': 'chunked' }, body: Buffer.alloc(2048) });
    expect(streamed.status).toBe(413);
    expect(await fs.readdir(uploads)).toEqual(before);
  });
});
