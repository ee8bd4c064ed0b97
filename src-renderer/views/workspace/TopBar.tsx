import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation';
import { LanguageSelect } from '../../components/LanguageSelect';
import { jsonDownload, useExport } from '../../components/useExport';
import { t } from '../../../src-main/locale/app';
import { punctuation } from '../../../src-main/locale/common';
import { projectFileText } from '../../../src-main/locale/projectFile';
import { projectTargetText } from '../../../src-main/locale/projectTarget';
import { sharingText } from '../../../src-main/locale/sharing';
import { platform } from '../../platform';
import { confirmDropDrafts } from '../../store/drafts';
import { selectBusy, selectProject, useProject } from '../../store/project';
import { reportError } from '../../store/toasts';
import { PreparationNotice } from './PreparationNotice';
import { ReportButton } from './ReportButton';

/** Project name, time zone, 另存为… and 关闭项目. */
export function TopBar() {
  const project = useProject(selectProject);
  const busy = useProject(selectBusy);
  const { saveAs, close } = useProject.getState();
  const [isFormShown, setFormShown] = useState(false);
  const [path, setPath] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  // The question of a Save As onto an existing project, until the user replaces it or cancels.
  const [question, setQuestion] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const isReadOnly = !!project?.isReadOnly;

  // The window's title bar says so too (Electron shows the page's title).
  useEffect(() => {
    if (!project?.isReadOnly) return;
    const before = document.title;
    document.title = projectFileText.readOnlyTitle(project.name, t.windowTitle);
    return () => {
      document.title = before;
    };
  }, [project?.isReadOnly, project?.name]);

  const definitionsExport = useExport('definitions:export', (json) => jsonDownload(t.top.definitionsFileName(project?.name ?? ''), json));
  // Every view reads its definitions and figures again.
  const definitionsImport = useMutation('definitions:import', { invalidates: 'definitions' });

  async function onImportDefinitions(file: File) {
    if (!(await definitionsImport.run({ content: await file.text() }))) return;
    setNotice(t.top.definitionsImported(file.name));
    setTimeout(() => setNotice(null), 6000);
  }

  async function onSaveAs() {
    const choice = await platform.chooseProjectToSave(project?.name);
    if (!choice.ok) return reportError(choice.error);
    // The native save dialog has already asked before replacing a file.
    if (choice.value.kind === 'path') await saveAs(choice.value.path, true);
    else if (choice.value.kind === 'form') {
      setPath(project ? `${project.path.replace(/\.qunxi$/i, '')}${t.top.copySuffix}.qunxi` : '');
      setFormShown(true);
    }
  }

  async function submit(overwrite: boolean) {
    if (!path.trim()) return;
    const outcome = await saveAs(path.trim(), overwrite);
    setQuestion(outcome.kind === 'needsConfirm' ? outcome.question : null);
    if (outcome.kind === 'saved') setFormShown(false);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    await submit(false);
  }

  if (!project) return null;
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="brand">{t.appName}</span>
        <span className="project-name" data-testid="project-name" title={project.path}>
          {project.name}
        </span>
        {isReadOnly && (
          <span className="readonly-badge" data-testid="project-readonly" title={projectFileText.readOnlyBanner}>
            {projectFileText.readOnlyBadge}
          </span>
        )}
        <span className="muted tz" data-testid="project-timezone">
          {t.top.timeZone}{punctuation.colon}{project.timeZone}
        </span>
        <PreparationNotice />
      </div>
      <div className="topbar-actions">
        {notice && (
          <span className="muted" data-testid="definitions-notice">
            {notice}
          </span>
        )}
        <ReportButton />
        <button type="button" data-testid="definitions-export" title={t.top.definitionsHint} disabled={definitionsExport.isExporting} onClick={() => void definitionsExport.run({})}>
          {t.top.exportDefinitions}
        </button>
        <button
          type="button"
          data-testid="definitions-import"
          title={isReadOnly ? projectFileText.readOnlyBanner : t.top.definitionsHint}
          disabled={isReadOnly}
          onClick={() => fileRef.current?.click()}
        >
          {t.top.importDefinitions}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="definitions-file-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void onImportDefinitions(file);
            e.currentTarget.value = '';
          }}
        />
        <LanguageSelect />
        <button type="button" data-testid="save-as" onClick={() => void onSaveAs()} disabled={busy !== null}>
          {t.top.saveAs}
        </button>
        <button type="button" data-testid="close-project" onClick={() => confirmDropDrafts(t.top.closeWithDrafts) && void close()} disabled={busy !== null}>
          {t.top.close}
        </button>
      </div>
      {isReadOnly && (
        <p className="readonly-banner" data-testid="readonly-banner">
          {project.heldBy ? sharingText.readOnlyHeld(project.heldBy.user, project.heldBy.host) : projectFileText.readOnlyBanner}
        </p>
      )}
      {isFormShown && (
        <form className="saveas-form card" onSubmit={onSubmit} data-testid="save-as-form">
          <label className="field">
            <span>{t.top.saveAsPath}</span>
            <input
              data-testid="save-as-path"
              value={path}
              onChange={(e) => {
                setPath(e.target.value);
                setQuestion(null);
              }}
              autoFocus
            />
          </label>
          <button type="submit" className="primary" data-testid="save-as-submit" disabled={busy !== null || !path.trim()}>
            {t.top.save}
          </button>
          <button
            type="button"
            onClick={() => {
              setFormShown(false);
              setQuestion(null);
            }}
          >
            {t.top.cancel}
          </button>
          {question && (
            <div className="saveas-confirm" role="alertdialog" data-testid="save-as-confirm">
              <span>{question}</span>
              <button type="button" className="primary" data-testid="save-as-replace" disabled={busy !== null} onClick={() => void submit(true)}>
                {projectTargetText.replace}
              </button>
              <button type="button" data-testid="save-as-keep" onClick={() => setQuestion(null)}>
                {projectTargetText.keep}
              </button>
            </div>
          )}
        </form>
      )}
    </header>
  );
}
