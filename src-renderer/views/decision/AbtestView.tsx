import { DateField } from '../../components/DateField';
import { useState } from 'react';
import type { AbArm, AbArmResult, AbMetric, AbtestRequest } from '../../../src-main/contract';
import { punctuation } from '../../../src-main/locale/common';
import { abMetricLabels, decisionViewText, verdictLabels } from '../../../src-main/locale/decision';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { useScopeRequest } from '../../store/scope';
import { formatFigure, formatP } from './decisionFormat';
import './decision.css';

// The renderer takes only types from the contract: the choices as typed lists (the compiler checks each entry).
const abArmKinds: readonly AbArm['kind'][] = ['group', 'staff', 'channel', 'tag', 'joinWeek', 'period'];
const abMetrics: readonly AbMetric[] = ['conversion', 'active', 'behaviour', 'retention', 'gmv', 'messages'];

/** Columns of the two-arm grid. */
function armColumns(): GridColumn<AbArmResult>[] {
  const c = decisionViewText.cols;
  const num = (field: 'n' | 'successes' | 'value' | 'low' | 'high', headerName: string): GridColumn<AbArmResult> => ({
    field,
    headerName,
    isNumeric: true,
    width: 120,
    format: (v) => formatFigure(v as number | null),
  });
  return [{ field: 'label', headerName: c.label, width: 220 }, num('n', c.n), num('successes', c.successes), num('value', c.value), num('low', c.low), num('high', c.high)];
}

function ArmEditor({ arm, onChange, testId, title, tags }: { arm: AbArm; onChange: (a: AbArm) => void; testId: string; title: string; tags: readonly string[] }) {
  const text = decisionViewText;
  const tagList = `${testId}-tags`;
  const usesValue = arm.kind === 'group' || arm.kind === 'staff' || arm.kind === 'channel' || arm.kind === 'tag';
  return (
    <fieldset className="card abtest-arm" data-testid={testId}>
      <legend>{title}</legend>
      <select value={arm.kind} data-testid={`${testId}-kind`} onChange={(e) => onChange({ kind: e.target.value as AbArm['kind'] })}>
        {abArmKinds.map((k) => (
          <option key={k} value={k}>
            {text.armKinds[k]}
          </option>
        ))}
      </select>
      {usesValue && (
        <input
          placeholder={text.value}
          value={arm.value ?? ''}
          list={arm.kind === 'tag' ? tagList : undefined}
          data-testid={`${testId}-value`}
          onChange={(e) => onChange({ ...arm, value: e.target.value })}
        />
      )}
      {arm.kind === 'tag' && (
        // The customer list's tags and the saved ones (相似人群 保存为标签), offered as the value is typed.
        <datalist id={tagList} data-testid={tagList}>
          {tags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      )}
      {!usesValue && (
        <DateField ariaLabel={text.from} value={arm.from ?? ''} testId={`${testId}-from`} onChange={(v) => onChange({ ...arm, from: v })} />
      )}
      {arm.kind === 'period' && (
        <DateField ariaLabel={text.to} value={arm.to ?? ''} testId={`${testId}-to`} onChange={(v) => onChange({ ...arm, to: v })} />
      )}
    </fieldset>
  );
}

/** A/B 对比: two arms compared on a rate or a mean per person, with the verdict in plain words. */
export function AbtestView() {
  const text = decisionViewText;
  const scope = useScopeRequest();
  const [draft, setDraft] = useState<Omit<AbtestRequest, 'groups'>>({ a: { kind: 'group' }, b: { kind: 'group' }, metric: 'conversion' });
  const [asked, setAsked] = useState<AbtestRequest | null>(null);
  const [name, setName] = useState('');
  const { data: result, isLoading } = useQuery('decision:abtest', asked);
  const { data: saved } = useQuery('decision:abtests', {});
  const { data: tags } = useQuery('decision:tags', { ...(scope.groups ? { groups: scope.groups } : {}) });
  const save = useMutation('decision:saveAbtest', { invalidates: 'definitions' });
  const remove = useMutation('decision:deleteAbtest', { invalidates: 'definitions' });
  const request: AbtestRequest = { ...draft, ...(scope.groups ? { groups: scope.groups } : {}) };

  return (
    <div className="decision-view" aria-busy={isLoading} data-testid="abtest-view">
      <ScopeBar>{isLoading && <span className="muted">{text.running}</span>}</ScopeBar>
      <div className="abtest-form">
        <ArmEditor arm={draft.a} title={text.armA} testId="abtest-a" tags={tags ?? []} onChange={(a) => setDraft({ ...draft, a })} />
        <ArmEditor arm={draft.b} title={text.armB} testId="abtest-b" tags={tags ?? []} onChange={(b) => setDraft({ ...draft, b })} />
        <fieldset className="card abtest-arm">
          <legend>{text.metric}</legend>
          <select value={draft.metric} data-testid="abtest-metric" onChange={(e) => setDraft({ ...draft, metric: e.target.value as AbtestRequest['metric'] })}>
            {abMetrics.map((m) => (
              <option key={m} value={m}>
                {abMetricLabels[m]}
              </option>
            ))}
          </select>
          {draft.metric === 'behaviour' && (
            <input placeholder={text.behaviour} value={draft.behaviourId ?? ''} onChange={(e) => setDraft({ ...draft, behaviourId: e.target.value })} />
          )}
          {draft.metric === 'retention' && (
            <input type="number" min={1} max={104} aria-label={text.weeks} value={draft.weeks ?? 4} onChange={(e) => setDraft({ ...draft, weeks: Number(e.target.value) })} />
          )}
          <button type="button" className="primary" data-testid="abtest-run" onClick={() => setAsked(request)}>
            {text.run}
          </button>
        </fieldset>
      </div>
      {result && (
        <section className="card abtest-result" data-testid="abtest-result">
          <h3>
            {text.verdict}
            {punctuation.colon}
            <span className={`abtest-verdict verdict-${result.verdict}`} data-testid="abtest-verdict" data-verdict={result.verdict}>
              {verdictLabels[result.verdict]}
            </span>
          </h3>
          <p data-testid="abtest-reading">{result.reading}</p>
          <p className="muted">{text.difference(formatFigure(result.difference), formatFigure(result.low), formatFigure(result.high))}</p>
          <p className="muted">{text.pLine(result.test ? text.tests[result.test] : '-', formatP(result.p), formatFigure(result.requiredPerArm, 0))}</p>
          <div className="decision-grid decision-grid-arms">
            <DataGrid columns={armColumns()} rows={[result.a, result.b]} rowId={(r) => r.label} testId="abtest-arms" />
          </div>
          <div className="abtest-save">
            <input placeholder={text.saveName} value={name} data-testid="abtest-save-name" onChange={(e) => setName(e.target.value)} />
            <button type="button" disabled={!name.trim() || save.isRunning} data-testid="abtest-save" onClick={() => void save.run({ id: `ab-${Date.now()}`, name: name.trim(), request: asked ?? request })}>
              {text.save}
            </button>
          </div>
        </section>
      )}
      <section className="card" data-testid="abtest-saved">
        <h3>{text.saved}</h3>
        {!saved?.length && <p className="muted">{text.noSaved}</p>}
        <ul className="abtest-saved-list">
          {saved?.map((s) => (
            <li key={s.id}>
              <span>{s.name}</span>
              <button type="button" onClick={() => { setDraft(s.request); setAsked(s.request); }}>
                {text.load}
              </button>
              <button type="button" onClick={() => void remove.run({ id: s.id })}>
                {text.remove}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
