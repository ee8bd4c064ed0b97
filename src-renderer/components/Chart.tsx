// What a view draws a chart with. ECharts is a chunk of its own (DrawnChart.tsx), fetched when a
// chart is first shown or in idle time, and evaluated in a task of its own: in the chunk of the
// views that draw charts, its 40–70 ms of evaluation (more on a busy machine) lengthened the one
// task that evaluated a view's modules, the overview's on every page load (issue 17).
import { useWarmUpScope } from '../api/warmUpScope';
import { lazyView } from '../views/workspace/lazyView';
import { ChartBox } from './ChartBox';
import type { ChartProps } from './chartTypes';

export type { ChartOption, ChartProps } from './chartTypes';

const drawnChart = lazyView(
  () => import('./DrawnChart'),
  (m) => m.DrawnChart,
  // The chart's frame and box while ECharts's code loads: not drawn, so its view is not called ready.
  ({ testId, height }: ChartProps) => <ChartBox testId={testId} height={height} />,
);
requestIdleCallback(drawnChart.preload);

/**
 * Draws an option and follows its container's size (DrawnChart.tsx). Sets `data-rendered="true"`
 * on the container once ECharts reports the frame finished, so tests can wait for it. Draws
 * nothing in a view the warm-up renders off screen (api/warmUpScope.ts).
 */
export function Chart(props: ChartProps) {
  return useWarmUpScope() ? null : <drawnChart.Component {...props} />;
}
