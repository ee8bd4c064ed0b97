// The one component that imports ECharts, loaded by Chart.tsx in a chunk of its own. Only the charts
// and components the app draws are registered, so the bundle carries no more of ECharts than it uses.
import { useEffect, useRef, useState } from 'react';
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
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { exportsText } from '../../src-main/locale/exports';
import { loadingQueries, subscribeLoadingQueries } from '../api/useQuery';
import { platform } from '../platform';
import type { ChartOption, ChartProps } from './chartTypes';
import { ChartBox } from './ChartBox';
import { inCreationTurn } from './creationTurn';
import { currentExportName } from './exportName';

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
  SVGRenderer,
]);

const fontFamily = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Draws an option and follows its container's size. Sets `data-rendered="true"` on the
 * container once ECharts reports the frame finished, so tests can wait for it.
 */
export function DrawnChart({ option, testId, onItemClick, height, title = '' }: ChartProps) {
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);

  /** The option last drawn, so the creation's own first draw is not drawn again by the effect below. */
  const drawnRef = useRef<ChartOption | null>(null);
  /** Whether ECharts has finished drawing {@link drawnRef}'s option. */
  const isFinishedRef = useRef(false);
  /** Whether a newer option waits for its turn: the chart is not called drawn until it is. */
  const isPendingRef = useRef(false);
  const optionRef = useRef(option);
  optionRef.current = option;
  const isCreatable = useCreatable(option);

  // Created and first drawn in a creation turn of its own (creationTurn.ts), after the view's
  // render: a view's charts and grid, all made in one task, froze the page for hundreds of
  // milliseconds; one at a time, the page answers in between. `data-rendered` stays "false" until
  // the chart has drawn.
  useEffect(() => {
    const el = ref.current;
    if (!el || !isCreatable) return;
    let created: echarts.ECharts | null = null;
    let observer: ResizeObserver | null = null;
    const cancel = inCreationTurn(() => {
      const instance = echarts.init(el, null, { renderer: 'canvas' });
      created = instance;
      instance.on('finished', () => {
        isFinishedRef.current = true;
        if (!isPendingRef.current) el.setAttribute('data-rendered', 'true');
      });
      instance.on('click', (p) => clickRef.current?.({ seriesName: String(p.seriesName ?? ''), dataIndex: p.dataIndex, name: String(p.name ?? '') }));
      // The observer also reports the size the chart was just created at: drawing everything again
      // for it would double the first draw.
      observer = new ResizeObserver(() => {
        // A view kept while another is shown is detached (size 0): its drawing stays for its return.
        if (!el.isConnected || el.clientWidth === 0) return;
        if (el.clientWidth !== instance.getWidth() || el.clientHeight !== instance.getHeight()) instance.resize();
      });
      observer.observe(el);
      // The first draw has no animation: the figures stand at once when a view opens (a change
      // still moves them).
      drawnRef.current = optionRef.current;
      isFinishedRef.current = false;
      draw(instance, el, optionRef.current, false);
      setChart(instance);
    });
    return () => {
      cancel();
      observer?.disconnect();
      created?.dispose();
      drawnRef.current = null;
      el.removeAttribute('data-rendered');
    };
  }, [isCreatable]);

  // A new option (the answer came, the user changed something) is drawn in a turn of its own too:
  // a view's charts and grid all took their new data in the one render that received it.
  useEffect(() => {
    const el = ref.current;
    if (!chart || !el) return;
    if (option === drawnRef.current) {
      // Back to the option drawn before a redraw's turn came: that drawing stands.
      isPendingRef.current = false;
      if (isFinishedRef.current) el.setAttribute('data-rendered', 'true');
      return;
    }
    isPendingRef.current = true;
    el.setAttribute('data-rendered', 'false');
    return inCreationTurn(() => {
      isPendingRef.current = false;
      // Figures coming to a chart that showed none (its view's answer came after it was made)
      // stand at once, as on a first draw; a change of figures moves them.
      const isAnimated = hasFigures(drawnRef.current);
      drawnRef.current = option;
      isFinishedRef.current = false;
      draw(chart, el, option, isAnimated);
    });
  }, [chart, option]);

  const save = (kind: 'png' | 'svg') => {
    const el = ref.current;
    if (!chart || !el) return;
    const content = kind === 'png' ? pngOf(chart) : svgOf({ textStyle: { fontFamily }, ...option }, el);
    platform.saveDownload(currentExportName(title, kind), content);
  };

  return (
    <ChartBox ref={ref} testId={testId} height={height}>
      <div className="chart-save" title={exportsText.saveImage}>
        <span className="muted">{exportsText.saveImage}</span>
        <button type="button" className="small" onClick={() => save('png')} data-testid={testId ? `${testId}-save-png` : undefined}>
          {exportsText.savePng}
        </button>
        <button type="button" className="small" onClick={() => save('svg')} data-testid={testId ? `${testId}-save-svg` : undefined}>
          {exportsText.saveSvg}
        </button>
      </div>
    </ChartBox>
  );
}

/**
 * Whether the chart may be made: once its option has figures or no query of the renderer is under
 * way (then an option without figures is the answer: nothing to draw). A chart made while its
 * view's answers were on their way drew its axes and "no data" once for nothing, then everything
 * again with the figures: twice the drawing of a first visit, beside the server's work on the same
 * two cores (issue 17). Quiet is read after the view's own questions are asked: their effects run
 * after the chart's (a parent's after its children's) in the same commit, and in the first render
 * none is counted yet, so a check there made every chart of a first visit empty. True from then on.
 */
function useCreatable(option: ChartOption): boolean {
  const [isLatched, setLatched] = useState(false);
  const isFilled = hasFigures(option);
  if (isFilled && !isLatched) setLatched(true);
  useEffect(() => {
    if (isLatched || isFilled) return;
    let isLive = true;
    const check = () => {
      if (isLive && loadingQueries() === 0) setLatched(true);
    };
    const unsubscribe = subscribeLoadingQueries(check);
    // A microtask runs once the commit's remaining effects (the view's questions) have run.
    queueMicrotask(check);
    return () => {
      isLive = false;
      unsubscribe();
    };
  }, [isLatched, isFilled]);
  return isLatched || isFilled;
}

/** Whether an option draws any data: a series with at least one value. */
function hasFigures(option: ChartOption | null): boolean {
  const series = option?.series;
  return (Array.isArray(series) ? series : series ? [series] : []).some((s) => Array.isArray(s.data) && s.data.length > 0);
}

/**
 * Draws `option` with the same instance (no re-creation). An animation, where an option keeps one,
 * is short: the figures count as shown once it has finished (`data-rendered`). A container whose
 * size changed since the last draw (the answer that brought the option also set its height) is
 * drawn once, at its new size: drawn first at the old one, the ResizeObserver drew it all again
 * (流失与留存's retention heatmap, twice in one task, issue 17).
 *
 * A draw without animation (a chart's first figures) takes three tasks, not one: the option is
 * merged into ECharts's model here, laid out in the next creation turn, and painted in the next
 * animation frame (ECharts: setOption lazily, then resize). In one task a first draw took 60–100 ms
 * at 100,000 people on two busy cores (issue 17: no task over 100 ms). Anything that lays it out
 * before the turn (a resize) leaves the turn nothing to do.
 */
function draw(instance: echarts.ECharts, el: HTMLElement, option: ChartOption, isAnimated: boolean): void {
  el.setAttribute('data-rendered', 'false');
  const isResized = el.clientWidth > 0 && (el.clientWidth !== instance.getWidth() || el.clientHeight !== instance.getHeight());
  const isSplit = !isAnimated || isResized;
  let isLaidOut = false;
  const onUpdated = () => {
    isLaidOut = true;
  };
  if (isSplit) instance.on('updated', onUpdated);
  instance.setOption(
    { textStyle: { fontFamily }, animationDuration: 300, animationDurationUpdate: 300, ...option, ...(isAnimated ? {} : { animation: false }) },
    // Merged without drawing where the resize below draws it.
    { notMerge: true, lazyUpdate: isSplit },
  );
  if (!isSplit) return;
  // A lazy option wakes ECharts's frame loop, which would lay it out and paint it in the next frame,
  // all in one task and before the turn (the frame came first). Stopped, the loop is woken again by
  // the layout's redraw.
  instance.getZr().animation.stop();
  inCreationTurn(() => {
    if (instance.isDisposed()) return;
    instance.off('updated', onUpdated);
    if (isLaidOut) return;
    // Out of the page (its view hidden meanwhile) a resize would measure 0 px and draw the chart at
    // that size: ECharts's frame loop draws it at the size it has.
    if (el.isConnected) instance.resize();
    else instance.getZr().wakeUp();
  }, true);
}

/** The chart as drawn, as a PNG at twice the screen's pixels on white (a transparent PNG reads badly in documents). */
function pngOf(chart: echarts.ECharts): Blob {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

/** The option drawn again by ECharts's SVG renderer, off screen at the chart's size: vector text and lines for print. */
function svgOf(option: ChartOption, el: HTMLElement): Blob {
  const svg = echarts.init(null, null, { renderer: 'svg', ssr: true, width: el.clientWidth || 800, height: el.clientHeight || 340 });
  try {
    svg.setOption({ ...option, animation: false, backgroundColor: '#fff' });
    return new Blob([svg.renderToSVGString()], { type: 'image/svg+xml' });
  } finally {
    svg.dispose();
  }
}
