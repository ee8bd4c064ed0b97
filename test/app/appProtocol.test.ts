import './noElectron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, appProtocolResponse, resolveAppFile, serveAppScheme } from '../../src-main/app/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/securityHeaders';

const INDEX = '<!doctype html><title>entry</title>';
const SCRIPT = 'console.log("app");';
const SECRET = 'SECRET-outside-the-renderer';

let tmp: string;
/** The served folder, as out/renderer is laid out. */
let root: string;
/** A file next to the served folder that no URL may reach. */
let secretFile: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-appproto-'));
  root = path.join(tmp, 'out', 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.mkdir(path.join(root, 'sub'));
  await fs.writeFile(path.join(root, 'index.html'), INDEX);
  await fs.writeFile(path.join(root, 'assets', 'app.js'), SCRIPT);
  await fs.writeFile(path.join(root, 'assets', '群.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  secretFile = path.join(tmp, 'secret.txt');
  await fs.writeFile(secretFile, SECRET);
  // A sibling whose name starts with the served folder's: a prefix test alone would let it through.
  await fs.mkdir(path.join(tmp, 'out', 'renderer-evil'));
  await fs.writeFile(path.join(tmp, 'out', 'renderer-evil', 'secret.txt'), SECRET);
  await fs.mkdir(path.join(tmp, 'private'));
  await fs.writeFile(path.join(tmp, 'private', 'secret.txt'), SECRET);
  await fs.symlink(secretFile, path.join(root, 'link-out.txt'));
  await fs.symlink(path.join(tmp, 'private'), path.join(root, 'dir-out'));
  await fs.symlink(path.join(root, 'assets', 'app.js'), path.join(root, 'link-in.js'));
  await fs.symlink(path.join(tmp, 'missing'), path.join(root, 'dangling.txt'));
  // The app folder itself reached through a link (as macOS's /tmp is /private/tmp).
  await fs.symlink(path.join(tmp, 'out'), path.join(tmp, 'linked-out'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => appProtocolResponse(root, { url, method });

describe('app:// scheme', () => {
  it('is registered standard and secure, without a CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the entry page with its type and the strict CSP', async () => {
    for (const url of ['app://qunxi/', 'app://qunxi/index.html', 'app://qunxi/index.html#/metrics']) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(await r.text()).toBe(INDEX);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves assets, encoded Chinese names and links that stay inside the folder', async () => {
    const js = await get('app://qunxi/assets/app.js?v=1');
    expect([js.status, await js.text(), js.headers.get('content-type')]).toEqual([200, SCRIPT, 'text/javascript; charset=utf-8']);
    const png = await get('app://qunxi/assets/%E7%BE%A4.png');
    expect(png.status).toBe(200);
    expect([...new Uint8Array(await png.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await (await get('app://qunxi/link-in.js')).text()).toBe(SCRIPT);
  });

  it('serves from a folder reached through a symbolic link', async () => {
    const r = await appProtocolResponse(path.join(tmp, 'linked-out', 'renderer'), { url: 'app://qunxi/index.html', method: 'GET' });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(INDEX);
  });

  it('refuses every way out of the folder: .., encoded dots and slashes, backslashes, absolute paths, drive letters, NUL', async () => {
    const escapes = [
      'app://qunxi/../secret.txt',
      'app://qunxi/../../secret.txt',
      'app://qunxi/assets/../../secret.txt',
      'app://qunxi/%2e%2e/secret.txt',
      'app://qunxi/%2E%2E/%2e%2e/secret.txt',
      'app://qunxi/..%2fsecret.txt',
      'app://qunxi/%2e%2e%2fsecret.txt',
      'app://qunxi/assets/..%2f..%2fsecret.txt',
      'app://qunxi/..%5csecret.txt',
      'app://qunxi/assets%5c..%5c..%5csecret.txt',
      'app://qunxi/../renderer-evil/secret.txt',
      'app://qunxi/%2e%2e/renderer-evil/secret.txt',
      `app://qunxi/${encodeURIComponent(secretFile)}`,
      `app://qunxi${secretFile}`,
      `app://qunxi/${secretFile}`,
      'app://qunxi/C:/Windows/win.ini',
      'app://qunxi/C:%5cWindows%5cwin.ini',
      'app://qunxi/index.html%00.png',
      'app://qunxi/%E0%A4%A',
    ];
    for (const url of escapes) {
      expect(await resolveAppFile(root, url), url).toBeNull();
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain(SECRET);
    }
  });

  it('refuses symbolic links that lead out of the folder, dangling links and folders', async () => {
    for (const url of ['app://qunxi/link-out.txt', 'app://qunxi/dir-out/secret.txt', 'app://qunxi/dangling.txt', 'app://qunxi/sub', 'app://qunxi/assets/']) {
      expect(await resolveAppFile(root, url), url).toBeNull();
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain(SECRET);
    }
  });

  it('answers only its own scheme and host', async () => {
    for (const url of ['app://other/index.html', 'app://qunxi.evil/index.html', 'file:///index.html', `file://${path.join(root, 'index.html')}`, 'https://qunxi/index.html', 'not a url']) {
      expect(await resolveAppFile(root, url), url).toBeNull();
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://qunxi/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(INDEX)));
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await get('app://qunxi/index.html', method)).status, method).toBe(405);
  });

  it('is wired to Electron’s protocol.handle under the scheme "app", serving the folder it is given', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response>>();
    const fakeProtocol = { handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void handlers.set(scheme, handler) };
    serveAppScheme(fakeProtocol as never, root);
    expect([...handlers.keys()]).toEqual(['app']);
    const r = await handlers.get('app')!(new Request('app://qunxi/assets/app.js'));
    expect([r.status, await r.text()]).toEqual([200, SCRIPT]);
    expect((await handlers.get('app')!(new Request('app://qunxi/%2e%2e/secret.txt'))).status).toBe(404);
  });
});
