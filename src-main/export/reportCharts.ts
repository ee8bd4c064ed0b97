/**
 * The report's charts as PNG images without a browser: a plain ECharts option built from a
 * {@link ReportChart}, drawn by ECharts' server-side SVG renderer and rasterised by resvg with the
 * fonts chartFonts.ts finds. CPU-bound: the report worker runs it, never the main process.
 * The renderer's interactive charts are built elsewhere (src-renderer); these stay simple on purpose.
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ReportChart } from './reportDocument';
import { CHART_FONT_FAMILIES, chartFontFamily, cssFamilies, systemChartFonts, type ChartFonts } from './chartFonts';

/** Size of a chart image in pixels (drawn at twice that for a sharp image in the sheet). */
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;
const SCALE = 2;

/** Category labels beyond this length are cut in the chart (the table beside it has them whole). */
const MAX_LABEL = 12;

const shorten = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/** The ECharts option of a report chart (pure: tests check it without drawing). */
export function chartOption(chart: ReportChart): echarts.EChartsCoreOption {
  const hasSecond = chart.series.some((s) => s.onSecondAxis);
  const categoryAxis = { type: 'category', data: chart.categories.map(shorten), axisLabel: { hideOverlap: true } };
  const valueAxes = [
    { type: 'value', name: chart.axes?.[0] ?? '' },
    ...(hasSecond ? [{ type: 'value', name: chart.axes?.[1] ?? '', splitLine: { show: false } }] : []),
  ];
  const isSideways = chart.isHorizontal === true;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: chartFontFamily },
    // Regular weight: the report loads no bold face (chartFonts.ts).
    title: { text: chart.title, left: 12, top: 8, textStyle: { fontSize: 15, fontWeight: 'normal' } },
    legend: { top: 10, right: 12, type: 'plain' },
    grid: { left: 16, right: 24, top: 68, bottom: 16, containLabel: true },
    xAxis: isSideways ? valueAxes[0] : categoryAxis,
    yAxis: isSideways ? { ...categoryAxis, inverse: true } : valueAxes,
    series: chart.series.map((s) => ({
      type: s.kind ?? chart.kind,
      name: s.name,
      data: s.values,
      ...(s.onSecondAxis && !isSideways ? { yAxisIndex: 1 } : {}),
      ...((s.kind ?? chart.kind) === 'line' ? { symbolSize: 5, connectNulls: false } : { barMaxWidth: 28 }),
    })),
  };
}

/** The chart as SVG text, drawn by ECharts' server-side renderer. */
export function chartSvg(chart: ReportChart): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    instance.setOption(chartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** A run of CJK characters (and CJK punctuation, full-width forms): the text the CJK face draws. */
const CJK_RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]+)/u;

/**
 * The SVG with each text's CJK runs in the CJK family and the other runs in the Latin one (pure).
 * Named per run, so resvg never looks for a fallback face, which would read every loaded font
 * file and could pick the Japanese face of a CJK collection for Chinese text.
 */
export function withFontRuns(svg: string, fonts: Pick<ChartFonts, 'cjk' | 'latin'>): string {
  if (fonts.cjk === fonts.latin) return svg;
  const span = (family: string, text: string) => `<tspan style="font-family:${cssFamilies([family])}">${text}</tspan>`;
  return svg.replace(/(<text\b[^>]*>)([^<]+)(<\/text>)/g, (_whole, open: string, content: string, close: string) => {
    const runs = content.split(CJK_RUN).map((run, i) => (run === '' ? '' : span(i % 2 === 1 ? fonts.cjk : fonts.latin, run)));
    return `${open}${runs.join('')}${close}`;
  });
}

/** resvg's font options: only the chart fonts when found, else every system font. */
function fontOptions(fonts: ChartFonts | null): ResvgRenderOptions['font'] {
  if (!fonts) return { loadSystemFonts: true, defaultFontFamily: CHART_FONT_FAMILIES[0], sansSerifFamily: CHART_FONT_FAMILIES[0] };
  return { loadSystemFonts: false, fontFiles: fonts.files, defaultFontFamily: fonts.cjk, sansSerifFamily: fonts.cjk };
}

/**
 * The chart as PNG bytes, drawn on libuv's thread pool (several charts at once use the cores).
 * `fonts` defaults to this machine's ({@link systemChartFonts}); null loads every system font.
 */
export async function chartPng(chart: ReportChart, fonts: ChartFonts | null = systemChartFonts()): Promise<Uint8Array> {
  const svg = chartSvg(chart);
  const image = await renderAsync(fonts ? withFontRuns(svg, fonts) : svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: SCALE },
    font: fontOptions(fonts),
  });
  return image.asPng();
}
