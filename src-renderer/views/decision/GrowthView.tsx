import type { GrowthFinding, GrowthLink, SegmentShift } from '../../../src-main/contract';
import { growthText, growthViewText } from '../../../src-main/locale/growth';
import { useQuery } from '../../api/useQuery';
import { BelowFold } from '../../components/BelowFold';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { useMetrics } from '../../store/metrics';
import { useNavigation } from '../../store/navigation';
import { useScope, useScopeRequest } from '../../store/scope';
import { formatFigure } from './decisionFormat';
import './decision.css';

/** Money as the findings print it: ¥ and whole yuan, signed. */
function formatYuan(v: number | null): string {
  if (v === null) return '-';
  const text = `¥${Math.round(Math.abs(v)).toLocaleString('en-US')}`;
  return v < 0 ? `−${text}` : v > 0 ? `+${text}` : text;
}

/** Opens the linked view with the finding's scope. */
function follow(link: GrowthLink): void {
  const scope = useScope.getState();
  scope.setGroups(link.scope.groups ?? []);
  scope.setRange(link.scope.from ?? '', link.scope.to ?? '');
  if (link.view === 'metrics') {
    // The two periods week by week, the week being the decomposition's default unit.
    useMetrics.getState().setPeriod('week');
  }
  useNavigation.getState().go(link.view);
}

function shiftColumns(): GridColumn<SegmentShift>[] {
  const c = growthViewText.cols;
  const num = (field: keyof SegmentShift, headerName: string, digits = 0): GridColumn<SegmentShift> => ({
    field,
    headerName,
    isNumeric: true,
    width: 110,
    format: (v) => formatFigure(v as number | null, digits),
  });
  return [
    { field: 'dimension', headerName: c.dimension, width: 80, format: (v) => growthText.dimensions[v as SegmentShift['dimension']] },
    { field: 'segment', headerName: c.segment, width: 180 },
    num('people0', c.people0),
    num('people1', c.people1),
    num('converted0', c.converted0),
    num('converted1', c.converted1),
    num('convertedMix', c.convertedMix, 2),
    num('convertedRate', c.convertedRate, 2),
    { ...num('gmvMix', c.gmvMix), format: (v) => formatYuan(v as number) },
    { ...num('gmvRate', c.gmvRate), format: (v) => formatYuan(v as number) },
  ];
}

function FindingCard({ finding, rank }: { finding: GrowthFinding; rank: number }) {
  const text = growthViewText;
  return (
    <li className="card growth-finding" data-testid="growth-finding" data-kind={finding.kind} data-view={finding.link.view}>
      <div className="growth-finding-head">
        <span className="growth-rank">{rank}</span>
        <span className={`growth-kind growth-kind-${finding.kind}`}>{growthText.kinds[finding.kind]}</span>
        <strong className="growth-title">{finding.title}</strong>
        <span className="growth-size" data-testid="growth-size">
          {finding.people === null ? '' : text.people(formatFigure(finding.people, 1))}
          {finding.yuan === null ? '' : ` · ${formatYuan(finding.yuan)}`}
        </span>
      </div>
      <p className="growth-explanation">{finding.explanation}</p>
      <details>
        <summary>{text.evidence}</summary>
        <dl className="growth-evidence">
          {finding.evidence.map((e) => (
            <div key={e.label}>
              <dt>{e.label}</dt>
              <dd>{typeof e.value === 'number' ? formatFigure(e.value) : (e.value ?? '-')}</dd>
            </div>
          ))}
        </dl>
      </details>
      <button type="button" className="link growth-link" data-testid="growth-link" onClick={() => follow(finding.link)}>
        {text.open(text.views[finding.link.view])}
      </button>
    </li>
  );
}

/** 增长点: where the change between two periods came from and where more buyers are to be had, largest in ¥ first. */
export function GrowthView() {
  const text = growthViewText;
  const scope = useScopeRequest();
  // The range is the current period; a half-set range means the default week.
  const req = scope.from && scope.to ? scope : scope.groups ? { groups: scope.groups } : {};
  const { data: r, isLoading } = useQuery('decision:growthPoints', req);
  return (
    <div className="decision-view" aria-busy={isLoading} data-testid="growth-view">
      <ScopeBar>{isLoading && <span className="muted">{text.running}</span>}</ScopeBar>
      <section className="card">
        <h3>{text.title}</h3>
        <p className="muted">{text.intro}</p>
        {r && (
          <p data-testid="growth-reading" data-findings={r.findings.length} data-current-from={r.current.from} data-current-to={r.current.to}>
            {r.reading}
          </p>
        )}
      </section>
      {r && r.findings.length === 0 && <p className="muted">{text.none}</p>}
      <ol className="growth-findings">
        {r?.findings.map((f, i) => <FindingCard key={`${f.kind}-${i}`} finding={f} rank={i + 1} />)}
      </ol>
      {r && (
        <section className="card" data-testid="growth-shifts-card">
          <h3>{text.decomposition}</h3>
          <div className="decision-grid decision-grid-shifts">
            {/* Below the findings: made once in sight, or after the figures stood a while (BelowFold). */}
            <BelowFold minHeight="100%">
              <DataGrid columns={shiftColumns()} rows={r.shifts} rowId={(row) => `${row.dimension}\u0000${row.segment}`} testId="growth-shifts" />
            </BelowFold>
          </div>
        </section>
      )}
    </div>
  );
}
