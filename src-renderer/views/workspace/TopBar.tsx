import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/useMutation';
import { LanguageSelect } from '../../components/LanguageSelect';
import { jsonDownload, useExport } from '../../components/useExport';
import { t } from '../../../src-main/locale/app';
import { punctuation } from '../../../src-main/locale/common';
import { platform } from '../../platform';
import { selectBusy, selectProject, useProject } from '../../store/project';
import { reportError } from '../../store/toasts';

/** Project name, time zone, 另存为… and 关闭项目. */
export function TopBar() {
  const project = useProject(selectProject);
  const busy = useProject(selectBusy);
  const { saveAs, close } = useProject.getState();
  const [isFormShown, setFormShown] = useState(false);
  const [path, setPath] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

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
    if (choice.value.kind === 'path') await saveAs(choice.value.path);
    else if (choice.value.kind === 'form') {
      setPath(project ? `${project.path.replace(/\.qunxi$/i, '')}${t.top.copySuffix}.qunxi` : '');
      setFormShown(true);
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!path.trim()) return;
    if (await saveAs(path.trim())) setFormShown(false);
  }

  if (!project) return null;
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="brand">{t.appName}</span>
        <span className="project-name" data-testid="project-name" title={project.path}>
          {project.name}
        </span>
        <span className="muted tz" data-testid="project-timezone">
          {t.top.timeZone}{punctuation.colon}{project.timeZone}
        </span>
      </div>
      <div className="topbar-actions">
        {notice && (
          <span className="muted" data-testid="definitions-notice">
            {notice}
          </span>
        )}
        <button type="button" data-testid="definitions-export" title={t.top.definitionsHint} disabled={definitionsExport.isExporting} onClick={() => void definitionsExport.run({})}>
          {t.top.exportDefinitions}
        </button>
        <button type="button" data-testid="definitions-import" title={t.top.definitionsHint} onClick={() => fileRef.current?.click()}>
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
        <button type="button" data-testid="close-project" onClick={() => void close()} disabled={busy !== null}>
          {t.top.close}
        </button>
      </div>
      {isFormShown && (
        <form className="saveas-form card" onSubmit={onSubmit} data-testid="save-as-form">
          <label className="field">
            <span>{t.top.saveAsPath}</span>
            <input data-testid="save-as-path" value={path} onChange={(e) => setPath(e.target.value)} autoFocus />
          </label>
          <button type="submit" className="primary" data-testid="save-as-submit" disabled={busy !== null || !path.trim()}>
            {t.top.save}
          </button>
          <button type="button" onClick={() => setFormShown(false)}>
            {t.top.cancel}
          </button>
        </form>
      )}
    </header>
  );
}
