import { useEffect, useRef, useState } from 'react';
import { t } from '../../../src-main/locale/app';
import { selectDataVersion, useDataVersion } from '../../store/dataVersion';
import { useImports } from '../../store/imports';
import { useProject } from '../../store/project';
import { navSections, selectTab, useNavigation, type Tab } from '../../store/navigation';
import { DataView } from '../data/DataView';
import { pendingFromFiles } from '../import/fileDrop';
import { ImportView } from '../import/ImportView';
import { MatchView } from '../match/MatchView';
import { MetricsView } from '../metrics/MetricsView';
import { OverviewView } from '../overview/OverviewView';
import { FunnelView } from '../funnel/FunnelView';
import { ChurnView } from '../churn/ChurnView';
import { ChannelsView } from '../channels/ChannelsView';
import { ActivityView } from '../activity/ActivityView';
import { FeaturesView } from '../features/FeaturesView';
import { BehavioursView } from '../behaviours/BehavioursView';
import { QuadrantView } from '../quadrant/QuadrantView';
import { VvipView } from '../vvip/VvipView';
import { AbtestView } from '../decision/AbtestView';
import { CommunityView } from '../decision/CommunityView';
import { GrowthView } from '../decision/GrowthView';
import { ContributionView } from '../decision/ContributionView';
import { TopBar } from './TopBar';


const views: Record<Tab, () => React.ReactNode> = {
  overview: () => <OverviewView />,
  metrics: () => <MetricsView />,
  funnel: () => <FunnelView />,
  churn: () => <ChurnView />,
  channels: () => <ChannelsView />,
  activity: () => <ActivityView />,
  features: () => <FeaturesView />,
  behaviours: () => <BehavioursView />,
  quadrant: () => <QuadrantView />,
  vvip: () => <VvipView />,
  abtest: () => <AbtestView />,
  community: () => <CommunityView />,
  growth: () => <GrowthView />,
  contribution: () => <ContributionView />,
  data: () => <DataView />,
  match: () => <MatchView />,
  import: () => <ImportView />,
};

/** The open project: top bar, tabs, and a window-wide drop target for imports. */
export function Workspace() {
  const tab = useNavigation(selectTab);
  const setTab = useNavigation.getState().go;
  const [isDragging, setDragging] = useState(false);

  // New data may bring new groups and counts: the project summary is read again (the views'
  // queries follow the same version on their own).
  const dataVersion = useDataVersion(selectDataVersion);
  const seenVersion = useRef(dataVersion);
  useEffect(() => {
    if (seenVersion.current === dataVersion) return;
    seenVersion.current = dataVersion;
    void useProject.getState().refresh();
  }, [dataVersion]);

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
    <div className="workspace">
      <TopBar />
      <div className="workspace-body">
        <nav className="sidenav" role="tablist" aria-orientation="vertical">
          {navSections.map((section) => (
            <div key={section.id} className="sidenav-section">
              <div className="sidenav-title">{t.nav[section.id]}</div>
              {section.tabs.map((id) => (
                <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} data-testid={`tab-${id}`} onClick={() => setTab(id)}>
                  {t.tabs[id]}
                </button>
              ))}
            </div>
          ))}
        </nav>
        <main className="tab-body">{views[tab]()}</main>
      </div>
      {isDragging && <div className="drop-overlay">{t.import.dropOverlay}</div>}
    </div>
  );
}
