import { useState, type FormEvent } from 'react';
import type { ProjectEntry } from '../../../src-main/contract';
import { useQuery } from '../../api/useQuery';
import { LanguageSelect } from '../../components/LanguageSelect';
import { t } from '../../../src-main/locale/app';
import { platform } from '../../platform';
import { reportError } from '../../store/toasts';
import { selectBusy, useProject } from '../../store/project';

function ProjectList({ entries, testId, onOpen, isDisabled }: { entries: ProjectEntry[]; testId?: string; onOpen: (p: string) => void; isDisabled: boolean }) {
  return (
    <ul className="project-list" data-testid={testId}>
      {entries.map((e) => (
        <li key={e.path}>
          <button type="button" className="project-item" disabled={isDisabled || !e.exists} onClick={() => onOpen(e.path)} title={e.path} data-path={e.path}>
            <span className="project-item-name">{e.name}</span>
            {!e.exists && <span className="muted">{t.start.missing}</span>}
            <span className="project-item-path">{e.path}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

const noEntries: ProjectEntry[] = [];

/** The screen shown when no project is open. */
export function StartScreen() {
  const s = t.start;
  const busy = useProject(selectBusy);
  const recent = useQuery('project:recent', {}).data ?? noEntries;
  const folder = useQuery('project:list', {}).data ?? noEntries;
  const { create, open, openDemo } = useProject.getState();
  const [name, setName] = useState('');
  const [openPath, setOpenPath] = useState('');
  const [isPathFormShown, setPathFormShown] = useState(platform.kind === 'web');
  const isBusy = busy !== null;

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const choice = await platform.chooseProjectToSave(trimmed);
    if (!choice.ok) return reportError(choice.error);
    if (choice.value.kind === 'cancelled') return;
    await create(choice.value.kind === 'path' ? { path: choice.value.path, name: trimmed } : { name: trimmed });
  }

  async function onOpenOther() {
    const choice = await platform.chooseProjectToOpen();
    if (!choice.ok) return reportError(choice.error);
    if (choice.value.kind === 'path') await open(choice.value.path);
    else if (choice.value.kind === 'form') setPathFormShown(true);
  }

  function onOpenPath(e: FormEvent) {
    e.preventDefault();
    if (openPath.trim()) void open(openPath.trim());
  }

  const folderOnly = folder.filter((f) => !recent.some((r) => r.path === f.path));

  return (
    <div className="start">
      <header className="start-header">
        <LanguageSelect />
        <h1>{s.title}</h1>
        <p className="muted">{s.subtitle}</p>
      </header>
      <div className="start-columns">
        <section className="card">
          <h2>{s.newProject}</h2>
          <form onSubmit={onCreate} className="form-row">
            <label className="field">
              <span>{s.newName}</span>
              <input data-testid="start-new-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={s.newNamePlaceholder} maxLength={200} />
            </label>
            <button type="submit" className="primary" data-testid="start-new-submit" disabled={isBusy || !name.trim()}>
              {busy === 'new' ? s.creating : s.create}
            </button>
          </form>
          <hr />
          <h2>{s.demo}</h2>
          <p className="muted">{s.demoHint}</p>
          <button type="button" data-testid="start-open-demo" onClick={() => void openDemo()} disabled={isBusy} aria-busy={busy === 'demo'}>
            {busy === 'demo' ? s.demoBusy : s.demo}
          </button>
          {busy === 'demo' && <div className="spinner-line" />}
        </section>
        <section className="card">
          <h2>{s.openProject}</h2>
          <h3>{s.recent}</h3>
          {recent.length ? <ProjectList entries={recent} testId="recent-list" onOpen={(p) => void open(p)} isDisabled={isBusy} /> : <ul className="project-list" data-testid="recent-list"><li className="muted">{s.noProjects}</li></ul>}
          {folderOnly.length > 0 && (
            <>
              <h3>{s.inFolder}</h3>
              <ProjectList entries={folderOnly} testId="folder-list" onOpen={(p) => void open(p)} isDisabled={isBusy} />
            </>
          )}
          {platform.kind === 'electron' && (
            <button type="button" onClick={() => void onOpenOther()} disabled={isBusy}>
              {s.openOther}
            </button>
          )}
          {isPathFormShown && (
            <form onSubmit={onOpenPath} className="form-row">
              <label className="field">
                <span>{platform.kind === 'web' ? s.openOther : s.openPath}</span>
                <input data-testid="start-open-path" value={openPath} onChange={(e) => setOpenPath(e.target.value)} placeholder={s.openPathPlaceholder} />
              </label>
              <button type="submit" data-testid="start-open-path-submit" disabled={isBusy || !openPath.trim()}>
                {s.open}
              </button>
            </form>
          )}
        </section>
      </div>
    </div>
  );
}
