// The top bar's notice while the open project's derived tables are built in the background
// (issue 16): the build reads every message, up to a minute on a large project, and every
// analysis waits for it, so the user is told why and how far it is.
import { useEffect, useState } from 'react';
import type { PreparationProgress } from '../../../src-main/contract';
import { preparationText } from '../../../src-main/locale/project';
import { call } from '../../api/client';
import { ProgressBar } from '../../components/ProgressBar';
import { selectDataVersion, selectProjectVersion, useDataVersion } from '../../store/dataVersion';

/** How often the build's progress is read while it runs. */
const POLL_MS = 400;

/** 正在准备分析数据… with the steps done of all, shown while the build runs and gone after. */
export function PreparationNotice() {
  const projectVersion = useDataVersion(selectProjectVersion);
  const dataVersion = useDataVersion(selectDataVersion);
  const [progress, setProgress] = useState<PreparationProgress | null>(null);

  // Read on every open and data change (an import's build), then again while a build runs.
  useEffect(() => {
    let isStopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await call('project:preparation', {});
      if (isStopped) return;
      const value = r.ok ? r.value : null;
      setProgress(value);
      if (value) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }, [projectVersion, dataVersion]);

  // A check that finds the tables current takes milliseconds: nothing to say.
  if (!progress?.isBuilding) return null;
  return (
    <span className="preparation" role="status" title={preparationText.hint} data-testid="preparation">
      <span>{preparationText.preparing}</span>
      <ProgressBar fraction={progress.done / Math.max(1, progress.total)} />
      <span className="muted" data-testid="preparation-steps">
        {progress.done}/{progress.total}
      </span>
    </span>
  );
}
