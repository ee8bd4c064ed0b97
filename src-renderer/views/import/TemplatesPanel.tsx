import { useMemo, useRef, useState } from 'react';
import type { MappingTemplate } from '../../../src-main/contract';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import { gridHeight, type GridColumn } from '../../components/gridTypes';
import { jsonDownload, useExport } from '../../components/useExport';
import { t } from '../../../src-main/locale/app';
import { importKindText } from '../../../src-main/locale/common';
import { projectFileText } from '../../../src-main/locale/projectFile';
import { selectProject, useProject } from '../../store/project';
import { formatInstant } from './historyColumns';

/** The saved mapping templates: list, delete, export as JSON, import a JSON file. */
export function TemplatesPanel() {
  // A finished import may have saved a template: the data changed, the list is asked again.
  const list = useQuery('templates:list', {});
  const templates = list.data;
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  // Templates live in the project file: one open read-only keeps them as they are.
  const isReadOnly = !!useProject(selectProject)?.isReadOnly;
  const deleter = useMutation('templates:delete', { onDone: list.refresh });
  const importer = useMutation('templates:import', {
    onDone: (all) => {
      list.refresh();
      setNotice(t.templates.imported(all.length));
    },
  });
  const exporter = useExport('templates:export', (json) => jsonDownload(t.templates.fileName, json));

  const columns = useMemo<GridColumn<MappingTemplate>[]>(() => {
    const c = t.templates.col;
    return [
      { field: 'name', headerName: c.name, flex: 2 },
      { field: 'kind', headerName: c.kind, width: 120, format: (v) => importKindText[v as MappingTemplate['kind']] ?? String(v) },
      { field: 'headers', headerName: c.headers, width: 80, isNumeric: true, format: (v) => String((v as string[]).length) },
      { field: 'savedAt', headerName: c.savedAt, width: 170, format: (v) => formatInstant(String(v)) },
      {
        field: 'id',
        headerName: c.actions,
        width: 100,
        sortable: false,
        render: (r) => (
          <button type="button" className="small" data-testid="template-delete" disabled={isReadOnly} onClick={() => setConfirmId(r.id)}>
            {t.templates.delete}
          </button>
        ),
      },
    ];
  }, [isReadOnly]);

  async function onDelete(id: string) {
    setConfirmId(null);
    await deleter.run({ id });
  }

  async function onImportFile(file: File) {
    await importer.run({ content: await file.text() });
  }

  const toDelete = templates?.find((x) => x.id === confirmId);
  return (
    <section className="templates" data-testid="templates">
      <div className="section-head">
        <h3>{t.templates.title}</h3>
        <button type="button" className="small" data-testid="templates-export" disabled={!templates?.length || exporter.isExporting} onClick={() => void exporter.run({})}>
          {t.templates.export}
        </button>
        <button
          type="button"
          className="small"
          data-testid="templates-import"
          disabled={isReadOnly}
          title={isReadOnly ? projectFileText.readOnlyBanner : undefined}
          onClick={() => inputRef.current?.click()}
        >
          {t.templates.import}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="templates-file-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void onImportFile(file);
            e.currentTarget.value = '';
          }}
        />
        {notice && (
          <span className="muted" data-testid="templates-notice">
            {notice}
          </span>
        )}
      </div>
      {toDelete && (
        <div className="confirm card" data-testid="template-delete-confirm">
          <span>{t.templates.deleteConfirm(toDelete.name)}</span>
          <button type="button" className="primary danger" data-testid="template-delete-ok" onClick={() => void onDelete(toDelete.id)}>
            {t.templates.delete}
          </button>
          <button type="button" onClick={() => setConfirmId(null)}>
            {t.import.removeCancel}
          </button>
        </div>
      )}
      {templates?.length ? (
        <div className="grid-box" style={{ height: gridHeight(templates.length, 240) }}>
          <DataGrid columns={columns} rows={templates} rowId={(r) => r.id} testId="templates-grid" />
        </div>
      ) : (
        <p className="muted" data-testid="templates-empty">
          {t.templates.empty}
        </p>
      )}
    </section>
  );
}
