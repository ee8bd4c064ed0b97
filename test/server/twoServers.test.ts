import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppPaths } from '../../src-main/api/context';
import { createHandlers } from '../../src-main/api/handlers';
import { startServer, type RunningServer } from '../../src-main/server/httpServer';
import { rawRequest } from './rawRequest';

/**
 * A browser's cookie store for 127.0.0.1 as RFC 6265 §8.5 has it: cookies belong to the host, not
 * to the port, so one Set-Cookie from any port replaces a cookie of the same name for all of them,
 * and every port is sent all of them.
 */
class HostCookieJar {
  private readonly cookies = new Map<string, string>();

  take(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

let root: string;
const servers: RunningServer[] = [];

async function serve(name: string): Promise<RunningServer> {
  const dir = path.join(root, name);
  const paths: AppPaths = { projectsDir: path.join(dir, 'projects'), configDir: path.join(dir, 'config'), demoDir: path.join(dir, 'demo'), tempDir: path.join(dir, 'tmp') };
  const staticDir = path.join(dir, 'static');
  await fs.mkdir(staticDir, { recursive: true });
  await fs.writeFile(path.join(staticDir, 'index.html'), `<!doctype html><p>${name}</p>`);
  const server = await startServer({ handlers: createHandlers(createContext('browser', paths)), paths, staticDir, port: 0 });
  servers.push(server);
  return server;
}

/** Visits the tokened address the server printed, as a browser tab does, keeping the cookie it is given. */
async function visit(server: RunningServer, jar: HostCookieJar): Promise<void> {
  const res = await rawRequest(server.port, { path: `/?token=${server.token}` });
  expect(res.status).toBe(302);
  jar.take(res.headers['set-cookie'] as string[] | undefined);
}

const page = (server: RunningServer, jar: HostCookieJar) => rawRequest(server.port, { path: '/', headers: { cookie: jar.header() } });

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-two-servers-'));
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe('two browser-mode servers in one browser', () => {
  it('the second server’s tab leaves the first one signed in, and each server accepts only its own token', async () => {
    const first = await serve('first');
    const second = await serve('second');
    const jar = new HostCookieJar();
    await visit(first, jar);
    expect((await page(first, jar)).body).toContain('first');
    await visit(second, jar);
    // The first tab, reloaded after the second server handed out its cookie, is still signed in.
    const firstAgain = await page(first, jar);
    expect(firstAgain.status).toBe(200);
    expect(firstAgain.body).toContain('first');
    const secondPage = await page(second, jar);
    expect(secondPage.status).toBe(200);
    expect(secondPage.body).toContain('second');
    // The first server's token under the second server's cookie name does not open the second.
    const swapped = await rawRequest(second.port, { path: '/', headers: { cookie: `qunxi_token_${second.port}=${first.token}` } });
    expect(swapped.status).toBe(401);
  });
});
