/**
 * The one escape for text put into HTML the renderer builds by hand: ECharts draws a tooltip
 * formatter's string as HTML, and names in it (stage names, nicknames, group names) come from
 * imported files and shared templates, so `<img onerror=…>` in a name must show as text.
 * ECharts escapes its own default tooltips and `{b}` templates; only our formatters need this.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEntities[ch]!);
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
