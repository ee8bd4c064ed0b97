import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppPaths } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import { startServer, type RunningServer } from '../../src-main/server/httpServer';
import { pickEncoding } from '../../src-main/server/staticFiles';

let root: string;
let staticDir: string;
let server: RunningServer;
let auth: Record<string, string>;

/** A script of some size, as a build's chunk: worth compressing. */
const CHUNK = Array.from({ length: 400 }, (_, i) => `export const figure${i} = ${i * 7} + "群成员";`).join('\n');
const INDEX_HTML = `<!doctype html><title>群析</title><script type="module" src="/assets/index-AbCd1234.js"></script>${' '.repeat(2000)}`;

/** GET with raw bytes back (the server tests' rawRequest decodes text, which compressed bodies are not). */
function get(urlPath: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: urlPath, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-static-'));
  const paths: AppPaths = { projectsDir: path.join(root, 'projects'), configDir: path.join(root, 'config'), demoDir: path.join(root, 'demo'), tempDir: path.join(root, 'tmp') };
  staticDir = path.join(root, 'renderer');
  await fs.mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(staticDir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(staticDir, 'assets', 'index-AbCd1234.js'), CHUNK);
  await fs.writeFile(path.join(staticDir, 'assets', 'tiny-AbCd1234.js'), 'export {};');
  server = await startServer({ handlers: createHandlers(createContext('browser', paths)), paths, staticDir, port: 0 });
  auth = { cookie: `qunxi_token_${server.port}=${server.token}` };
});

afterAll(async () => {
  await server?.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe('static files of browser mode', () => {
  it('sends a script brotli-compressed to a browser that takes brotli, gzip to one that takes gzip, plain otherwise', async () => {
    const br = await get('/assets/index-AbCd1234.js', { ...auth, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(CHUNK) / 4);
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(CHUNK);

    const gz = await get('/assets/index-AbCd1234.js', { ...auth, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(CHUNK);

    const plain = await get('/assets/index-AbCd1234.js', auth);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(CHUNK);
    // The CSP and the other security headers go with every encoding.
    for (const res of [br, gz, plain]) expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('sends a file too small to gain from compression as it is', async () => {
    const res = await get('/assets/tiny-AbCd1234.js', { ...auth, 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toBe('export {};');
  });

  it('lets the browser keep hashed assets for good and asks it to revalidate the page', async () => {
    const asset = await get('/assets/index-AbCd1234.js', auth);
    expect(asset.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const page = await get('/', { ...auth, 'accept-encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(zlib.gunzipSync(page.body).toString('utf8')).toBe(INDEX_HTML);
    const etag = page.headers.etag!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/', { ...auth, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('still requires the token for every file, compressed or not', async () => {
    for (const p of ['/', '/assets/index-AbCd1234.js']) {
      const res = await get(p, { 'accept-encoding': 'br, gzip' });
      expect(res.status, p).toBe(401);
      expect(res.body.toString('latin1'), p).not.toContain('figure1');
    }
    const wrongEtag = await get('/assets/index-AbCd1234.js', { 'if-none-match': '*' });
    expect(wrongEtag.status).toBe(401);
  });

  it('serves a file again once it changed on disk (a new build in the same folder)', async () => {
    const file = path.join(staticDir, 'index.html');
    const before = await get('/', auth);
    const changed = `${INDEX_HTML}<!-- rebuilt -->`;
    await fs.writeFile(file, changed);
    await fs.utimes(file, new Date(), new Date(Date.now() + 5000));
    const after = await get('/', { ...auth, 'if-none-match': before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.body.toString('utf8')).toBe(changed);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(pickEncoding('deflate')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});
