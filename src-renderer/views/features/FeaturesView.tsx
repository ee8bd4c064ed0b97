import { useCallback, useMemo, useState } from 'react';
import type { ExportFileFormat, FeatureRow } from '../../../src-main/contract';
import { call } from '../../api/client';
import { DataGrid, type GridShown } from '../../components/DataGrid';
import type { PageLoader } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { apiDownload, exportDownload } from '../../components/useExport';
import { featuresText } from '../../../src-main/locale/features';
import { selectDataVersion, selectDefinitionsVersion, useDataVersion } from '../../store/dataVersion';
import { selectScopeGroups, useScope } from '../../store/scope';
import { reportError } from '../../store/toasts';
import { featureGridColumns, type BehaviourColumn } from './featuresColumns';
import './features.css';

/** Customer 360: one row per person with every feature, paged, sorted and filtered on the Node side. */
export function FeaturesView() {
  const groups = useScope(selectScopeGroups);
  // The grid pages through its own datasource (ag-grid's infinite model), asked again like every
  // query when the data or a definition (the key behaviours' columns) change.
  const dataVersion = useDataVersion(selectDataVersion);
  const definitionsVersion = useDataVersion(selectDefinitionsVersion);
  const [total, setTotal] = useState<number | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [behaviours, setBehaviours] = useState<BehaviourColumn[]>([]);

  const loader = useCallback<PageLoader<FeatureRow>>(
    async (query, signal) => {
      const r = await call('features:query', { ...query, ...(groups.length ? { groups } : {}) }, { signal });
      if (!r.ok) {
        if (!signal) reportError(r.error);
        return null;
      }
      setAsOf(r.value.asOf);
      // Same ids → same array, so the columns (and the grid's column state) stay.
      setBehaviours((prev) => (JSON.stringify(prev) === JSON.stringify(r.value.behaviours) ? prev : r.value.behaviours));
      return r.value;
    },
    [groups],
  );
  const columns = useMemo(() => featureGridColumns(behaviours), [behaviours]);
  const onTotal = useCallback((n: number) => setTotal(n), []);
  // 1M rows do not go through the page: the Node side writes the rows the grid shows now, in both formats.
  const exportFile = useCallback(
    (format: ExportFileFormat, shown: GridShown) => apiDownload('features:export', { ...shown, ...(groups.length ? { groups } : {}), format }, exportDownload),
    [groups],
  );

  return (
    <div className="features-view" data-testid="features-view">
      <ScopeBar hasRange={false}>
        <span className="spacer" />
        {asOf && (
          <span className="muted" data-testid="features-as-of" title={featuresText.asOfHint}>
            {featuresText.asOf(asOf)}
          </span>
        )}
        {total !== null && (
          <span className="features-total" data-testid="features-total" data-total={total}>
            {featuresText.rowCount(total)}
          </span>
        )}
      </ScopeBar>
      <p className="muted features-hint">{featuresText.hint}</p>
      <div className="grid-box grid-box-fill">
        <DataGrid columns={columns} loader={loader} reloadKey={`${dataVersion}:${definitionsVersion}`} onTotal={onTotal} testId="features-grid" exportFile={exportFile} isMadeAfterFirstPage />
      </div>
    </div>
  );
}
