import { useEffect, useLayoutEffect } from 'react';
import { Toasts } from './components/Toasts';
import { useLanguage } from './store/language';
import { t } from '../src-main/locale/app';
import { useImports } from './store/imports';
import { useNavigation } from './store/navigation';
import { rememberScope, useScope } from './store/scope';
import { useMetrics } from './store/metrics';
import { selectStatus, useProject } from './store/project';
import { StartScreen } from './views/start/StartScreen';
import { Workspace } from './views/workspace/Workspace';

/** The app: start screen or the open project, plus the error banners. */
export function App() {
  const status = useProject(selectStatus);
  const language = useLanguage();
  const projectPath = useProject((s) => s.project?.path ?? null);

  useEffect(() => {
    void useProject.getState().init();
  }, []);

  // A file dropped where nothing takes it must not make the window navigate to it.
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  // View state belongs to one project: start clean whenever another one is opened. A layout
  // effect, so the reset lands before the new views' first loads (passive effects).
  useLayoutEffect(() => {
    useMetrics.getState().reset();
    useImports.getState().reset();
    useScope.getState().reset();
    useNavigation.getState().go('overview');
    // The scope is remembered per project: reopening it brings back its groups and dates.
    const timeZone = useProject.getState().project?.timeZone;
    return projectPath && timeZone ? rememberScope(projectPath, timeZone) : undefined;
  }, [projectPath]);

  return (
    // Keyed by the language: a switch re-renders every view, memoised columns and chart options included.
    <div className="app" data-status={status} key={language}>
      {status === 'loading' && <div className="loading muted">{t.start.loading}</div>}
      {status === 'start' && <StartScreen />}
      {status === 'open' && <Workspace key={projectPath ?? ''} />}
      <Toasts />
    </div>
  );
}
