import type { ReactNode, Ref } from 'react';

/**
 * A chart's frame and the box it is drawn in (by ECharts, DrawnChart.tsx, which puts its save
 * buttons in `children`), and the same frame while ECharts's code loads: the page keeps its layout,
 * and the chart counts as not yet drawn (`data-rendered`, which DrawnChart sets once ECharts has
 * finished a frame).
 */
export function ChartBox({ testId, height, ref, children }: { testId?: string; height?: number | string; ref?: Ref<HTMLDivElement>; children?: ReactNode }) {
  return (
    <div className="chart-frame">
      <div ref={ref} className="chart" data-testid={testId} data-rendered="false" style={height !== undefined ? { height } : undefined} />
      {children}
    </div>
  );
}
