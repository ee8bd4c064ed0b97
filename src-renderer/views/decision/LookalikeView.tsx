import { useMemo, useState } from 'react';
import type { LookalikeFeature, LookalikeRequest } from '../../../src-main/contract';
import { punctuation } from '../../../src-main/locale/common';
import { describeError } from '../../../src-main/locale/errors';
import { lookalikeText } from '../../../src-main/locale/lookalike';
import { useMutation } from '../../api/useMutation';
import { useQuery } from '../../api/useQuery';
import { Chart } from '../../components/Chart';
import { DataGrid } from '../../components/DataGrid';
import { ProgressBar } from '../../components/ProgressBar';
import { ScopeBar } from '../../components/ScopeBar';
import { apiDownload, exportDownload } from '../../components/useExport';
import { useScopeRequest } from '../../store/scope';
import { formatFigure } from './decisionFormat';
import { calibrationOption, coefficientColumns, featureLabel, forestOption, initialFeatures, offeredFeatures, personColumns } from './lookalikeModel';
import './decision.css';

/** 相似人群: the fit on the chosen features, its AUC and calibration, the ranked list, saving it as a tag. */
export function LookalikeView() {
  const text = lookalikeText;
  const scope = useScopeRequest();
  const [features, setFeatures] = useState<LookalikeFeature[]>([...initialFeatures]);
  const [seed, setSeed] = useState(1);
  const [top, setTop] = useState(100);
  const [asked, setAsked] = useState<LookalikeRequest | null>(null);
  const [tagName, setTagName] = useState('');
  const [savedNote, setSavedNote] = useState('');
  const { data: result, isLoading, error } = useQuery('decision:lookalike', asked);
  const { data: savedTags } = useQuery('decision:savedTags', {});
  const saveTag = useMutation('decision:saveLookalikeTag', { invalidates: 'definitions' });
  const removeTag = useMutation('decision:deleteTag', { invalidates: 'definitions' });
  const forest = useMemo(() => (result ? forestOption(result.coefficients) : null), [result]);
  const calibration = useMemo(() => (result ? calibrationOption(result.calibration) : null), [result]);
  const toggle = (f: LookalikeFeature, isOn: boolean) => setFeatures(isOn ? offeredFeatures.filter((o) => o === f || features.includes(o)) : features.filter((o) => o !== f));
  const request: LookalikeRequest = { features, seed, top, ...(scope.groups ? { groups: scope.groups } : {}) };

  async function save() {
    if (!asked) return;
    const name = tagName.trim();
    const saved = await saveTag.run({ ...asked, name });
    const tag = saved?.find((t) => t.name === name);
    if (tag) setSavedNote(text.tagSaved(tag.name, tag.people));
  }

  return (
    <div className="decision-view" aria-busy={isLoading} data-testid="lookalike-view">
      <ScopeBar hasRange={false} />
      <p className="muted">{text.intro}</p>
      <div className="abtest-form">
        <fieldset className="card lookalike-features" data-testid="lookalike-features">
          <legend>{text.featuresLegend}</legend>
          {offeredFeatures.map((f) => (
            <label key={f}>
              <input type="checkbox" checked={features.includes(f)} data-testid={`lookalike-feature-${f}`} onChange={(e) => toggle(f, e.target.checked)} />
              {featureLabel(f)}
            </label>
          ))}
          <p className="muted lookalike-hint">{text.purchaseFeaturesLeftOut}</p>
        </fieldset>
        <fieldset className="card abtest-arm">
          <legend>{text.run}</legend>
          <label title={text.seedHint}>
            {text.seed}
            <input type="number" min={0} step={1} value={seed} data-testid="lookalike-seed" onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
          </label>
          <label>
            {text.top}
            <input type="number" min={1} max={100000} value={top} data-testid="lookalike-top" onChange={(e) => setTop(Math.min(100_000, Math.max(1, Math.floor(Number(e.target.value) || 1))))} />
          </label>
          <button type="button" className="primary" disabled={features.length === 0 || isLoading} data-testid="lookalike-run" onClick={() => setAsked(request)}>
            {text.run}
          </button>
          {features.length === 0 && <span className="muted">{text.noFeature}</span>}
        </fieldset>
      </div>
      {isLoading && (
        <div className="card" data-testid="lookalike-progress">
          <span>{text.fitting}</span>
          <ProgressBar fraction={null} />
        </div>
      )}
      {error && !isLoading && (
        <p className="card lookalike-error" role="alert" data-testid="lookalike-error" data-code={error.code}>
          {describeError(error)}
        </p>
      )}
      {result && asked && (
        <section className="card" data-testid="lookalike-result">
          <h3>
            {text.auc}
            {punctuation.colon}
            <span data-testid="lookalike-auc">{formatFigure(result.auc.value, 3)}</span>
            <span className="muted">
              {' '}
              ({formatFigure(result.auc.low, 3)} ~ {formatFigure(result.auc.high, 3)}; {text.aucMethod})
            </span>
          </h3>
          <p className="muted" data-testid="lookalike-split">{text.split(result)}</p>
          {result.dropped.length > 0 && <p className="muted" data-testid="lookalike-dropped">{text.droppedNote(result.dropped.map((d) => d.label))}</p>}
          {result.imputed.length > 0 && <p className="muted">{text.imputedNote(result.imputed)}</p>}
          <p data-testid="lookalike-reading">{result.reading}</p>
          <h4>{text.coefficients}</h4>
          {forest && <Chart option={forest} testId="lookalike-forest" height={Math.max(140, 50 + 36 * result.coefficients.length)} />}
          <div className="decision-grid" style={{ height: 60 + 42 * result.coefficients.length }}>
            <DataGrid columns={coefficientColumns()} rows={result.coefficients} rowId={(r) => r.feature} testId="lookalike-coefficients" />
          </div>
          <h4>{text.calibration}</h4>
          {calibration && <Chart option={calibration} testId="lookalike-calibration" height={260} />}
          <h4>{text.list}</h4>
          <div className="lookalike-actions">
            <input placeholder={text.tagName} value={tagName} maxLength={40} data-testid="lookalike-tag-name" onChange={(e) => setTagName(e.target.value)} />
            <button type="button" disabled={!tagName.trim() || saveTag.isRunning || !asked} data-testid="lookalike-save-tag" onClick={() => void save()}>
              {text.saveTag}
            </button>
            {savedNote && <span className="muted" data-testid="lookalike-tag-saved">{savedNote}</span>}
          </div>
          <div className="decision-grid decision-grid-shifts">
            <DataGrid columns={personColumns()} rows={result.top} rowId={(r) => r.pid} testId="lookalike-list" exportFile={(format) => apiDownload('decision:lookalikeExport', { ...asked, format }, exportDownload)} />
          </div>
        </section>
      )}
      <section className="card" data-testid="lookalike-saved-tags">
        <h3>{text.savedTags}</h3>
        {!savedTags?.length && <p className="muted">{text.noSavedTags}</p>}
        <ul className="abtest-saved-list">
          {savedTags?.map((t) => (
            <li key={t.name}>
              <strong>{t.name}</strong>
              <span className="muted">{t.note}</span>
              <button type="button" onClick={() => void removeTag.run({ name: t.name })}>
                {text.remove}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
