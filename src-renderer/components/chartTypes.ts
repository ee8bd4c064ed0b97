// The option type of the charts the app draws, apart from Chart.tsx so option builders
// (and their node-side unit tests) need no React or ECharts runtime.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, FunnelSeriesOption, HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  VisualMapComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

/** A scatter series, for builders that make several per chart. */
export type { ScatterSeriesOption };

/** The options the parts registered in Chart.tsx understand. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | FunnelSeriesOption
  | HeatmapSeriesOption
  | ScatterSeriesOption
  | MarkLineComponentOption
  | MarkAreaComponentOption
  | VisualMapComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | TitleComponentOption
  | DataZoomComponentOption
>;

/** Props of a chart (Chart.tsx). */
export interface ChartProps {
  option: ChartOption;
  testId?: string;
  /** Called when a data item is clicked (series name, data index, item name). */
  onItemClick?: (item: { seriesName: string; dataIndex: number; name: string }) => void;
  /** CSS height of the chart (default from the stylesheet). */
  height?: number | string;
  /** What the chart shows, for the file name of 保存图片 (the view and the scope are added). */
  title?: string;
}

/**
 * A series of many items drawn over several frames, a few hundred items each (ECharts' progressive
 * rendering), instead of in the one task of the option's draw: 流失与留存's retention heatmap
 * (1,400 cells at 100,000 people) froze the page for 150–250 ms (issue 17). Not 四象限's density:
 * drawn so, its longest task at M did not drop and its figures came frames later.
 */
export const DRAWN_IN_FRAMES = { progressive: 250, progressiveThreshold: 250 } as const;
