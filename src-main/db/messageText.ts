/**
 * Message content as the key-behaviour rules read it (DESIGN §4): Unicode NFKC, so a full-width
 * space, letter, digit or ＃ counts as its ASCII form (RE2's `\s` is ASCII only, and DuckDB has
 * no NFKC). It is stored beside the content, in `messages.content_nfkc`, only where it differs;
 * the importer's parsing worker and the format-4 migration both compute it with this function.
 * No imports: the parsing worker loads this module.
 */

/**
 * Whether NFKC leaves a text as it is because it holds only ASCII and CJK Unified Ideographs
 * (U+4E00–U+9FFF): neither has a decomposition and nothing composes with them. Most chat lines
 * that are not pure Chinese and ASCII still go to `normalize`, which decides.
 */
function isSurelyStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && (c < 0x4e00 || c > 0x9fff)) return false;
  }
  return true;
}

/** The same test in RE2, negated: content with a character that NFKC may change (a pre-filter in SQL). */
export const MAY_CHANGE_UNDER_NFKC_RE2 = '[^\\x00-\\x7F\\x{4E00}-\\x{9FFF}]';

/** The NFKC form of a message's content, or null when it is the content itself (or there is no content). */
export function contentNfkc(content: string | null): string | null {
  if (content === null || isSurelyStable(content)) return null;
  const normalised = content.normalize('NFKC');
  return normalised === content ? null : normalised;
}
