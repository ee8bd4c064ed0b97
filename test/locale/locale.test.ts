import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getLanguage, languages, setLanguage, type Language } from '../../src-main/locale/language';
import { churnWayText } from '../../src-main/locale/churn';
import { t } from '../../src-main/locale/app';

const localeDir = path.join(__dirname, '../../src-main/locale');
const cjk = /[\u4e00-\u9fff]/;

/** Every module of src-main/locale with its exports (the language switch itself has no texts). */
async function localeModules(): Promise<[string, Record<string, unknown>][]> {
  const files = readdirSync(localeDir).filter((f) => f.endsWith('.ts') && f !== 'language.ts');
  return Promise.all(files.map(async (f) => [f, (await import(path.join(localeDir, f))) as Record<string, unknown>] as [string, Record<string, unknown>]));
}

/** The shape of a table as read in one language: every key path, with the kind of its value. */
function shape(value: unknown, at = ''): string[] {
  if (typeof value === 'function') return [`${at}:function/${(value as (...a: unknown[]) => unknown).length}`];
  if (value === null || typeof value !== 'object') return [`${at}:${typeof value}`];
  return Object.keys(value).flatMap((k) => shape((value as Record<string, unknown>)[k], `${at}.${k}`));
}

/** Every string a table gives in the current language, functions called with sample arguments. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const f = value as (...a: unknown[]) => unknown;
    const samples = [[], [1], [1, 2], [1, 2, 3], ['a'], ['a', 'b'], ['a', 'b', 'c', 'd'], [['a', 'b']], [['a'], 3], [{ label: 'a', kind: 'person', available: 1 }]];
    return samples.flatMap((args) => {
      try {
        const r = f(...args);
        return typeof r === 'string' ? [r] : [];
      } catch {
        return [];
      }
    });
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

function readIn(language: Language, read: () => unknown): unknown {
  setLanguage(language);
  return read();
}

afterEach(() => setLanguage('zh-CN'));

describe('locale tables', () => {
  it('start in Chinese', () => {
    expect(getLanguage()).toBe('zh-CN');
    expect(languages[0]).toBe('zh-CN');
  });

  it('have the same keys, and functions of the same arity, in every language', async () => {
    for (const [file, exports] of await localeModules()) {
      for (const [name, table] of Object.entries(exports)) {
        const zh = readIn('zh-CN', () => shape(table));
        for (const language of languages) expect(readIn(language, () => shape(table)), `${file} ${name} in ${language}`).toEqual(zh);
      }
    }
  });

  it('hold no Chinese characters in English', async () => {
    const leaks: string[] = [];
    const tables = (await localeModules()).filter(([file]) => file !== 'language.ts');
    setLanguage('en');
    for (const [file, exports] of tables) {
      for (const [name, table] of Object.entries(exports)) {
        for (const s of strings(table)) if (cjk.test(s)) leaks.push(`${file} ${name}: ${s}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('read in the language set last, without importing anything again', () => {
    expect(churnWayText.left_group).toBe('主动退群');
    expect(t.tabs.churn).toBe('流失与留存');
    setLanguage('en');
    expect(churnWayText.left_group).toBe('Left the group');
    expect(t.tabs.churn).toBe('Churn & retention');
    expect(Object.keys(churnWayText)).toEqual(['left_group', 'removed', 'customer_deleted_staff', 'staff_deleted_customer']);
    setLanguage('zh-CN');
    expect(t.top.definitionsImported('a.json')).toBe('已导入定义模板 a.json');
  });
});
