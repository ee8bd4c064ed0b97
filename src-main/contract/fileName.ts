/**
 * File names the app suggests (export downloads, 另存为, projects created by name) that every
 * platform accepts, Windows being the strictest (issue 19). Pure and import-free, so the renderer
 * imports it too.
 */

/** Characters Windows forbids in a file name, and the control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** Device names Windows reserves, alone or with any extension (`CON`, `nul.txt`, `COM1.xlsx` …). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.[^.]*)*$/i;

/** Longest name suggested, in characters: Windows allows 255 UTF-16 units per name, and a copy suffix may follow. */
const MAX_CHARS = 180;

/**
 * A file name Windows, macOS and Linux all accept: forbidden and control characters become `_`,
 * leading and trailing spaces and trailing dots go, a reserved device name gets a leading `_`, an
 * overlong name is cut before its extension. `fallback` when nothing is left (`..`, `   `).
 */
export function safeFileName(name: string, fallback = ''): string {
  let safe = name.replace(FORBIDDEN, '_').trim().replace(/[. ]+$/, '');
  if (RESERVED.test(safe)) safe = `_${safe}`;
  const chars = Array.from(safe);
  if (chars.length > MAX_CHARS) {
    const dot = safe.lastIndexOf('.');
    const ext = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = `${chars.slice(0, MAX_CHARS - ext.length).join('').trimEnd()}${ext}`;
  }
  return safe || fallback;
}

/** Whether a name is already one {@link safeFileName} leaves as it is. */
export function isSafeFileName(name: string): boolean {
  return name.length > 0 && safeFileName(name) === name;
}
