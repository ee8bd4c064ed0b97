import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { t } from '../../../src-main/locale/app';
import { createViewVisibility, ViewVisibilityContext } from '../../api/viewShown';
import { selectDataVersion, selectProjectVersion, useDataVersion } from '../../store/dataVersion';
import { useImports } from '../../store/imports';
import { useProject } from '../../store/project';
import { navSections, selectTab, useNavigation, type Tab } from '../../store/navigation';
import { pendingFromFiles } from '../import/fileDrop';
import { TopBar } from './TopBar';
import { lazyView, preloadInIdle, type LazyView } from './lazyView';
import { ViewFrame, ViewLoading } from './ViewFrame';
import { createScrollKeeper, offsetOf, type ScrollOffset } from './keptScroll';
import { createWarmUp } from './warmUp';

/** What a view shows while its code loads. */
const viewLoading = () => <ViewLoading />;

/** Every view, loaded with its own code on first visit (one entry per view: its module and component). */
const views: Record<Tab, LazyView> = {
  overview: lazyView(() => import('../overview/OverviewView'), (m) => m.OverviewView, viewLoading),
  metrics: lazyView(() => import('../metrics/MetricsView'), (m) => m.MetricsView, viewLoading),
  funnel: lazyView(() => import('../funnel/FunnelView'), (m) => m.FunnelView, viewLoading),
  churn: lazyView(() => import('../churn/ChurnView'), (m) => m.ChurnView, viewLoading),
  channels: lazyView(() => import('../channels/ChannelsView'), (m) => m.ChannelsView, viewLoading),
  activity: lazyView(() => import('../activity/ActivityView'), (m) => m.ActivityView, viewLoading),
  features: lazyView(() => import('../features/FeaturesView'), (m) => m.FeaturesView, viewLoading),
  behaviours: lazyView(() => import('../behaviours/BehavioursView'), (m) => m.BehavioursView, viewLoading),
  quadrant: lazyView(() => import('../quadrant/QuadrantView'), (m) => m.QuadrantView, viewLoading),
  vvip: lazyView(() => import('../vvip/VvipView'), (m) => m.VvipView, viewLoading),
  abtest: lazyView(() => import('../decision/AbtestView'), (m) => m.AbtestView, viewLoading),
  community: lazyView(() => import('../decision/CommunityView'), (m) => m.CommunityView, viewLoading),
  growth: lazyView(() => import('../decision/GrowthView'), (m) => m.GrowthView, viewLoading),
  contribution: lazyView(() => import('../decision/ContributionView'), (m) => m.ContributionView, viewLoading),
  roi: lazyView(() => import('../decision/RoiView'), (m) => m.RoiView, viewLoading),
  ltv: lazyView(() => import('../decision/LtvView'), (m) => m.LtvView, viewLoading),
  lookalike: lazyView(() => import('../decision/LookalikeView'), (m) => m.LookalikeView, viewLoading),
  data: lazyView(() => import('../data/DataView'), (m) => m.DataView, viewLoading),
  match: lazyView(() => import('../match/MatchView'), (m) => m.MatchView, viewLoading),
  import: lazyView(() => import('../import/ImportView'), (m) => m.ImportView, viewLoading),
};

// The overview is the first view of every opened project: its code loads beside the workspace's.
views.overview.preload();

/** Once the first view's figures are shown, the other views' code loads in idle time, in the tabs' order. */
let isPreloading = false;
function preloadViews(): void {
  if (isPreloading) return;
  isPreloading = true;
  preloadInIdle(navSections.flatMap((s) => s.tabs).map((id) => views[id]));
}

/**
 * Warmed before the others: the views whose first answers take longest (at 100,000 people 增长点's
 * one question 0.7–0.8 s, 流失与留存's 0.7 s), so a visit soon after the first screen finds them
 * answered or under way.
 */
const warmedFirst: Tab[] = ['growth', 'churn'];

/** The views whose first questions are asked ahead of a visit: those that show analyses (not the data, matching or import pages). */
const warmedTabs = [...warmedFirst, ...navSections.flatMap((s) => s.tabs).filter((id) => id !== 'data' && id !== 'match' && id !== 'import' && !warmedFirst.includes(id))];

/** Props of {@link KeptView}. */
interface KeptViewProps {
  tab: Tab;
  isShown: boolean;
  /** Where the shown view goes (null until the workspace's body is in the page). */
  host: HTMLElement | null;
  /** The host's scroll offsets as its last scroll event found them (keptScroll.ts). */
  hostScroll: { current: ScrollOffset };
  onReady: () => void;
}

/**
 * A visited view, kept mounted for the rest of the project's session: in the page while shown,
 * detached from it otherwise (its grid and charts stay made, its queries ask nothing: see
 * api/viewShown.ts), so a revisit only puts it back, rendering nothing again. Detached, it answers no locator, no focus and
 * no layout.
 */
function KeptView({ tab, isShown, host, hostScroll, onReady }: KeptViewProps) {
  const [container] = useState(() => Object.assign(document.createElement('div'), { className: 'kept-view' }));
  const [visibility] = useState(() => createViewVisibility(isShown));
  // Where the view was scrolled when it left the page, put back on its return (keptScroll.ts).
  const [scroll] = useState(() => createScrollKeeper(container));
  useEffect(() => scroll.follow(), [scroll]);
  useLayoutEffect(() => {
    if (!isShown || !host) return;
    host.appendChild(container);
    hostScroll.current = scroll.restore(host, hostScroll.current);
    visibility.set(true);
    return () => {
      scroll.keep(hostScroll.current);
      visibility.set(false);
      container.remove();
    };
  }, [isShown, host, hostScroll, container, visibility, scroll]);
  // The same element on every render: showing or hiding the view renders none of it again.
  const View = views[tab].Component;
  const content = useMemo(() => <View />, [View]);
  return createPortal(
    <ViewVisibilityContext.Provider value={visibility}>
      <ViewFrame view={tab} onReady={isShown ? onReady : undefined} isShown={isShown}>
        {content}
      </ViewFrame>
    </ViewVisibilityContext.Provider>,
    container,
  );
}

/** The open project: top bar, tabs, and a window-wide drop target for imports. */
export function Workspace() {
  const tab = useNavigation(selectTab);
  // Every view visited since the project opened, kept mounted (see KeptView).
  const [visited, setVisited] = useState<Tab[]>([tab]);
  if (!visited.includes(tab)) setVisited([...visited, tab]);
  // State, not a ref: the views' effects run before a parent's ref is set, and must run again once it is.
  const [host, setHost] = useState<HTMLElement | null>(null);
  // The host's offsets as its last scroll event found them: read there, not as a view leaves (keptScroll.ts).
  const hostScroll = useRef<ScrollOffset>({ top: 0, left: 0 });
  useEffect(() => {
    if (!host) return;
    const onScroll = () => (hostScroll.current = offsetOf(host));
    host.addEventListener('scroll', onScroll, { passive: true });
    return () => host.removeEventListener('scroll', onScroll);
  }, [host]);
  const setTab = useNavigation.getState().go;
  const [isDragging, setDragging] = useState(false);
  const [warmUp] = useState(() => createWarmUp(views));
  const warmUpStatus = useSyncExternalStore(warmUp.subscribe, warmUp.getStatus);
  const projectVersion = useDataVersion(selectProjectVersion);

  // New data may bring new groups and counts: the project summary is read again (the views'
  // queries follow the same version on their own).
  const dataVersion = useDataVersion(selectDataVersion);
  const seenVersion = useRef(dataVersion);
  useEffect(() => {
    if (seenVersion.current === dataVersion) return;
    seenVersion.current = dataVersion;
    void useProject.getState().refresh();
  }, [dataVersion]);

  useEffect(() => warmUp.visit(tab), [warmUp, tab]);
  useEffect(() => () => warmUp.stop(), [warmUp]);
  const onReady = () => {
    preloadViews();
    warmUp.resume(`${projectVersion}:${dataVersion}`, warmedTabs, tab);
  };

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      // Always stop the default, or the browser would navigate to the dropped file.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = e.dataTransfer?.files;
      if (!files || !files.length) return;
      setTab('import');
      useImports.getState().enqueue(pendingFromFiles(files));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <div className="workspace" data-warm-up={warmUpStatus}>
      <TopBar />
      <div className="workspace-body">
        <nav className="sidenav" role="tablist" aria-orientation="vertical">
          {navSections.map((section) => (
            <div key={section.id} className="sidenav-section">
              <div className="sidenav-title">{t.nav[section.id]}</div>
              {section.tabs.map((id) => (
                <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} data-testid={`tab-${id}`} onClick={() => setTab(id)} onPointerEnter={views[id].preload} onFocus={views[id].preload}>
                  {t.tabs[id]}
                </button>
              ))}
            </div>
          ))}
        </nav>
        <main className="tab-body" ref={setHost}>
          {visited.map((id) => (
            <KeptView key={id} tab={id} isShown={id === tab} host={host} hostScroll={hostScroll} onReady={onReady} />
          ))}
        </main>
      </div>
      {isDragging && <div className="drop-overlay">{t.import.dropOverlay}</div>}
    </div>
  );
}
