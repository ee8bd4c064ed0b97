import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src-renderer/components/escapeHtml';

/** What a browser shows for a string put into an element as HTML (entities decoded, no tags built). */
function shownAsText(html: string): { text: string; hasTag: boolean } {
  const hasTag = /<[a-z/!]/i.test(html);
  const text = html.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  return { text, hasTag };
}

describe('escapeHtml', () => {
  it('turns markup into text that shows as typed, with no tag left for the browser to build', () => {
    const hostile = `<img src=x onerror="alert('x')"> & <b>x</b>`;
    const escaped = escapeHtml(hostile);
    expect(escaped).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &lt;b&gt;x&lt;/b&gt;');
    expect(shownAsText(escaped)).toEqual({ text: hostile, hasTag: false });
  });

  it('leaves ordinary names alone', () => {
    expect(escapeHtml('入群 · 付费（7 天）')).toBe('入群 · 付费（7 天）');
  });

  it('escapes an ampersand once, so an entity typed in a name shows as typed', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
