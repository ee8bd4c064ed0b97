/**
 * The report's charts as PNG images without a browser: a plain ECharts option built from a
 * {@link ReportChart}, drawn by ECharts' server-side SVG renderer and rasterised by resvg with the
 * system's CJK fonts (chartFonts.ts). CPU-bound: the report worker runs it, never the main process.
 * The renderer's interactive charts are built elsewhere (src-renderer); these stay simple on purpose.
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ReportChart } from './reportDocument';
import { CHART_FONT_FAMILIES, chartFontFamily } from './chartFonts';

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
    title: { text: chart.title, left: 12, top: 8, textStyle: { fontSize: 15 } },
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

/** The chart as PNG bytes. */
export function chartPng(chart: ReportChart): Uint8Array {
  const resvg = new Resvg(chartSvg(chart), {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: SCALE },
    font: { loadSystemFonts: true, defaultFontFamily: CHART_FONT_FAMILIES[0], sansSerifFamily: CHART_FONT_FAMILIES[0] },
  });
  return resvg.render().asPng();
}
