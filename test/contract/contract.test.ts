import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../src-main/contract';

const contractDir = fileURLToPath(new URL('../../src-main/contract/', import.meta.url));
const sourceFiles = readdirSync(contractDir).filter((f) => f.endsWith('.ts'));

/** A `*Methods` map exported by a file of the contract folder. */
interface DomainMap {
  /** File name without `.ts`: the domain the map's methods must belong to. */
  file: string;
  /** Export name, e.g. `churnMethods`. */
  name: string;
  methods: Record<string, { request: unknown }>;
}

/** Every method map of the contract folder, found by reading the folder rather than by a list kept beside it. */
async function domainMaps(): Promise<DomainMap[]> {
  const maps: DomainMap[] = [];
  for (const fileName of sourceFiles) {
    if (fileName === 'index.ts') continue;
    const mod = (await import(path.join(contractDir, fileName))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (name.endsWith('Methods')) maps.push({ file: fileName.replace(/\.ts$/, ''), name, methods: value as DomainMap['methods'] });
    }
  }
  return maps;
}

describe('the API contract', () => {
  it('declares each domain’s methods in the file named after the domain, as `domain:verb`', async () => {
    const maps = await domainMaps();
    expect(maps.length).toBeGreaterThan(15);
    for (const { file, name, methods } of maps) {
      expect(name).toBe(`${file}Methods`);
      for (const methodName of Object.keys(methods)) {
        expect(methodName, `${methodName} in ${file}.ts`).toMatch(/^[a-z]+:[a-zA-Z]+$/);
        expect(methodName.split(':')[0], `${methodName} in ${file}.ts`).toBe(file);
      }
    }
  });

  it('merges every domain map into the one contract, each method exactly once', async () => {
    const maps = await domainMaps();
    const declared = maps.reduce((n, m) => n + Object.keys(m.methods).length, 0);
    const merged: Record<string, { request: unknown }> = Object.assign({}, ...maps.map((m) => m.methods));
    // A method declared in two maps collapses to one key here.
    expect(Object.keys(merged)).toHaveLength(declared);
    expect(Object.keys(contract).sort()).toEqual(Object.keys(merged).sort());
    for (const [methodName, spec] of Object.entries(contract)) expect(spec, methodName).toBe(merged[methodName]);
  });

  it('gives every method a zod request schema that takes an object', () => {
    for (const [methodName, spec] of Object.entries(contract)) {
      expect(spec.request, methodName).toBeInstanceOf(z.ZodType);
      expect(spec.request.safeParse('not an object').success, methodName).toBe(false);
    }
  });

  it('imports nothing but zod and its own files', () => {
    const seen = new Set<string>();
    for (const fileName of sourceFiles) {
      const source = readFileSync(path.join(contractDir, fileName), 'utf8');
      for (const [, specifier] of source.matchAll(/^(?:import|export)\b[^;]*?\bfrom '([^']+)'/gms)) {
        expect(specifier, `${fileName} imports ${specifier}`).toMatch(/^(zod|\.\/[a-zA-Z]+)$/);
        seen.add(specifier);
      }
    }
    // The pattern does find the imports it is meant to vet.
    expect(seen).toContain('zod');
    expect(seen).toContain('./common');
  });
});
