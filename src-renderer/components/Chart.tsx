// The one component that imports ECharts. Only the charts and components the app draws are
// registered, so the bundle carries no more of ECharts than it uses.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './chartTypes';

export type { ChartOption };

echarts.use([
  LineChart,
  BarChart,
  FunnelChart,
  HeatmapChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  TitleComponent,
  DataZoomComponent,
  VisualMapComponent,
  MarkLineComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

/** Props of {@link Chart}. */
export interface ChartProps {
  option: ChartOption;
  testId?: string;
  /** Called when a data item is clicked (series name, data index, item name). */
  onItemClick?: (item: { seriesName: string; dataIndex: number; name: string }) => void;
  /** CSS height of the chart (default from the stylesheet). */
  height?: number | string;
}

const fontFamily = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Draws an option and follows its container's size. Sets `data-rendered="true"` on the
 * container once ECharts reports the frame finished, so tests can wait for it.
 */
export function Chart({ option, testId, onItemClick, height }: ChartProps) {
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => el.setAttribute('data-rendered', 'true'));
    chart.on('click', (p) => clickRef.current?.({ seriesName: String(p.seriesName ?? ''), dataIndex: p.dataIndex, name: String(p.name ?? '') }));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      el.removeAttribute('data-rendered');
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    const el = ref.current;
    if (!chart || !el) return;
    el.setAttribute('data-rendered', 'false');
    // The same instance draws each new option (no re-creation); an animation, where an option keeps
    // one, is short: the figures count as shown once it has finished (`data-rendered`).
    chart.setOption({ textStyle: { fontFamily }, animationDuration: 300, animationDurationUpdate: 300, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="chart" data-testid={testId} data-rendered="false" style={height !== undefined ? { height } : undefined} />;
}
