/**
 * The one language switch of the app, shared by the renderer, the exports and the CLI.
 *
 * Every table of user-facing text is made with {@link localized}: it holds the texts of each language
 * and reads through to the current one on every property access, so a switch takes effect at the next
 * read without reloading any module. Holding a nested table in a module-level constant would freeze it
 * in the language of the moment: read from the exported table where the text is used.
 *
 * Why not an i18n library: the texts are typed objects with plain functions for plurals and numbers
 * (checked complete per language by the type checker and test/locale), which key-string lookups in
 * i18next or FormatJS would trade for runtime misses; two languages need no message format.
 */

import type { Language as ContractLanguage } from '../contract';

/**
 * The languages of the UI, the first one the default: the contract's list, repeated because the
 * renderer may import only the contract's types (checked equal below).
 */
export const languages = ['zh-CN', 'en'] as const satisfies readonly ContractLanguage[];

/** One language of the UI. */
export type Language = (typeof languages)[number];

// Fails to compile when the contract gains a language this list lacks.
const _isComplete: Exclude<ContractLanguage, Language> extends never ? true : false = true;

/** Each language by its own name, as the language switch lists it (the same in every language). */
export const languageNames = { 'zh-CN': '中文', en: 'English' } satisfies Record<Language, string>;

/** The default language: the users are Chinese community operators. */
export const defaultLanguage: Language = 'zh-CN';

let current: Language = defaultLanguage;
const listeners = new Set<(language: Language) => void>();

/** Whether a string names a language of the UI. */
export function isLanguage(value: unknown): value is Language {
  return (languages as readonly unknown[]).includes(value);
}

/** The language every localized table reads in now. */
export function getLanguage(): Language {
  return current;
}

/** Switches every localized table to `language` and tells the listeners (menus, the React root). */
export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  for (const listener of listeners) listener(language);
}

/** Calls `listener` after each switch; returns the unsubscribe function. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The number/date locale of the current language, for `toLocaleString`. */
export function numberLocale(): string {
  return current === 'en' ? 'en-US' : 'zh-CN';
}

/** A count with the current language's digit grouping (12,345). */
export function formatCount(n: number): string {
  return n.toLocaleString(numberLocale());
}

/**
 * The shape another language must give a table: the same keys, strings for strings (not the
 * Chinese literals), functions with the same parameters returning strings.
 */
export type Translation<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Translation<R>
    : T extends object
      ? { readonly [K in keyof T]: Translation<T[K]> }
      : T;

/** The texts of one table in every language. */
export type Translations<T> = { readonly 'zh-CN': T } & { readonly [L in Exclude<Language, 'zh-CN'>]: Translation<NoInfer<T>> };

/**
 * A table whose property reads follow the current language. Both languages have the same keys (the
 * type checker and test/locale see to it), so the Proxy may report the current table's keys and
 * descriptors for the Chinese one it wraps.
 */
export function localized<T extends object>(tables: Translations<T>): Translation<T> {
  const pick = (): object => (tables as Record<Language, object>)[current];
  return new Proxy(tables['zh-CN'], {
    get: (_target, key) => Reflect.get(pick(), key),
    has: (_target, key) => Reflect.has(pick(), key),
    ownKeys: () => Reflect.ownKeys(pick()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(pick(), key),
  }) as Translation<T>;
}

/**
 * A nested table of a localized table that keeps following the language, for a module-level
 * shorthand such as `const tx = part(funnelText, 'path')` (a plain `funnelText.path` would freeze).
 */
export function part<T extends object, K extends keyof T>(table: T, key: K): T[K] & object {
  const pick = (): object => table[key] as object;
  return new Proxy(pick(), {
    get: (_target, prop) => Reflect.get(pick(), prop),
    has: (_target, prop) => Reflect.has(pick(), prop),
    ownKeys: () => Reflect.ownKeys(pick()),
    getOwnPropertyDescriptor: (_target, prop) => Reflect.getOwnPropertyDescriptor(pick(), prop),
  }) as T[K] & object;
}

/**
 * A value built from texts once per language, e.g. a module's grid columns: `perLanguage(() => [...])()`
 * returns the same object until the language changes, so memoised consumers are not rebuilt each render.
 */
export function perLanguage<T>(build: () => T): () => T {
  const built = new Map<Language, T>();
  return () => {
    if (!built.has(current)) built.set(current, build());
    return built.get(current) as T;
  };
}
