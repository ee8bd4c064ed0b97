/**
 * The fonts of charts drawn without a browser (the report's images): the CJK faces each platform
 * ships, in order, so resvg finds one among the system fonts wherever the report is written. The
 * one place to add a face.
 */
export const CHART_FONT_FAMILIES = [
  // Linux (fonts-noto-cjk), and Source Han Sans, its Adobe twin.
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  // Windows.
  'Microsoft YaHei',
  'SimHei',
  // macOS.
  'PingFang SC',
  'Hiragino Sans GB',
  'Heiti SC',
  // Older Linux desktops.
  'WenQuanYi Micro Hei',
  'sans-serif',
] as const;

/**
 * The families as a CSS font-family list, for the chart's SVG text. Single quotes: ECharts writes
 * the list into a double-quoted style attribute without escaping it.
 */
export const chartFontFamily = CHART_FONT_FAMILIES.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ');
