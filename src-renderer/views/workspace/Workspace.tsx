import { useEffect, useState } from 'react';
import { t } from '../../locale/zh-CN';
import { onImportFinished, useImports } from '../../store/imports';
import { useMetrics } from '../../store/metrics';
import { useProject } from '../../store/project';
import { DataView } from '../data/DataView';
import { pendingFromFiles } from '../import/fileDrop';
import { ImportView } from '../import/ImportView';
import { MatchView } from '../match/MatchView';
import { MetricsView } from '../metrics/MetricsView';
import { TopBar } from './TopBar';

type Tab = 'metrics' | 'data' | 'match' | 'import';
const tabs: Tab[] = ['metrics', 'data', 'match', 'import'];

/** The open project: top bar, tabs, and a window-wide drop target for imports. */
export function Workspace() {
  const [tab, setTab] = useState<Tab>('metrics');
  const [isDragging, setDragging] = useState(false);

  useEffect(() => {
    return onImportFinished(() => {
      void useProject.getState().refresh();
      void useMetrics.getState().load();
    });
  }, []);

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
      <nav className="tabs" role="tablist">
        {tabs.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} data-testid={`tab-${id}`} onClick={() => setTab(id)}>
            {t.tabs[id]}
          </button>
        ))}
      </nav>
      <main className="tab-body">
        {tab === 'metrics' && <MetricsView />}
        {tab === 'data' && <DataView />}
        {tab === 'match' && <MatchView />}
        {tab === 'import' && <ImportView />}
      </main>
      {isDragging && <div className="drop-overlay">{t.import.dropOverlay}</div>}
    </div>
  );
}
