// package-lock.json must let `npm ci` install the app on Windows, macOS and Linux: every native
// package that ships its binary as per-platform optional packages (DuckDB's @duckdb/node-bindings,
// esbuild, rolldown, lightningcss, …) needs the binding of each platform below locked. A lock
// generated where the registry served only some builds, or trimmed by hand, fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
};
const packages = lock.packages;

/** The platforms Qunxi is installed on. Linux means glibc (a musl build alone does not do). */
const PLATFORMS = [
  { os: 'win32', cpu: 'x64' },
  { os: 'darwin', cpu: 'arm64' },
  { os: 'darwin', cpu: 'x64' },
  { os: 'linux', cpu: 'x64', libc: 'glibc' },
] as const;

/** npm's reading of an os / cpu / libc list: absent accepts all; `!x` excludes x; otherwise x must be listed. */
function accepts(list: string[] | undefined, value: string): boolean {
  if (!list || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  const allowed = list.filter((v) => !v.startsWith('!'));
  return allowed.length === 0 || allowed.includes(value);
}

/** The lock key `name` resolves to from the package at `from`, the way Node looks up node_modules. */
function resolveKey(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[key]) return key;
    if (!base) return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up === -1 ? '' : base.slice(0, up);
  }
}

/** A binary for one os and one cpu (fsevents, which names only an os, is a macOS-only feature, not a binding). */
const isPlatformBinding = (p: LockedPackage) => Boolean(p.os?.length && p.cpu?.length);

/** Every locked package with per-platform bindings, each with the locked keys of its bindings. */
function nativePackages(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(packages)) {
    const bindings = Object.keys(entry.optionalDependencies ?? {})
      .map((name) => resolveKey(key, name))
      .filter((k): k is string => k !== undefined && isPlatformBinding(packages[k]));
    if (bindings.length > 0) found.set(key, bindings);
  }
  return found;
}

describe('package-lock.json', () => {
  it('is a lockfile npm ci reads (v3)', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  it("finds DuckDB's bindings among the native packages", () => {
    expect([...nativePackages().keys()]).toContain('node_modules/@duckdb/node-bindings');
  });

  it('locks every optional dependency it names (else npm ci refuses the lock as out of sync)', () => {
    const unlocked: string[] = [];
    for (const [key, entry] of Object.entries(packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!resolveKey(key, name)) unlocked.push(`${key || '(root)'} → ${name}`);
      }
    }
    expect(unlocked).toEqual([]);
  });

  it('locks the win32-x64, darwin-arm64, darwin-x64 and linux-x64 binding of every native package', () => {
    const missing: string[] = [];
    for (const [key, bindings] of nativePackages()) {
      for (const platform of PLATFORMS) {
        const libc = 'libc' in platform ? platform.libc : undefined;
        const has = bindings.some((k) => {
          const p = packages[k];
          return accepts(p.os, platform.os) && accepts(p.cpu, platform.cpu) && (!libc || accepts(p.libc, libc));
        });
        if (!has) missing.push(`${key.replace(/^.*node_modules\//, '') || '(root)'}@${packages[key].version}: ${platform.os}-${platform.cpu}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
