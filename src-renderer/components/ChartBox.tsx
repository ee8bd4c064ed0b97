import type { Ref } from 'react';

/**
 * The box a chart is drawn in (by ECharts, DrawnChart.tsx), and the same box while ECharts's code
 * loads: the page keeps its layout, and the chart counts as not yet drawn (`data-rendered`, which
 * DrawnChart sets once ECharts has finished a frame).
 */
export function ChartBox({ testId, height, ref }: { testId?: string; height?: number | string; ref?: Ref<HTMLDivElement> }) {
  return <div ref={ref} className="chart" data-testid={testId} data-rendered="false" style={height !== undefined ? { height } : undefined} />;
}
