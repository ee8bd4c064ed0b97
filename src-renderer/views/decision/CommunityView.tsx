import type { EffectRow } from '../../../src-main/contract';
import { communityText, decisionViewText } from '../../../src-main/locale/decision';
import { useQuery } from '../../api/useQuery';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridTypes';
import { ScopeBar } from '../../components/ScopeBar';
import { useScopeRequest } from '../../store/scope';
import { formatFigure, formatP } from './decisionFormat';
import './decision.css';

function effectColumns(): GridColumn<EffectRow>[] {
  const c = decisionViewText.effectCols;
  const num = (field: 'members' | 'nonMembers' | 'difference' | 'low' | 'high', headerName: string): GridColumn<EffectRow> => ({
    field,
    headerName,
    isNumeric: true,
    width: 120,
    format: (v) => formatFigure(v as number | null),
  });
  return [
    { field: 'metric', headerName: c.metric, width: 160, format: (v) => communityText.metrics[v as EffectRow['metric']] },
    num('members', c.members),
    num('nonMembers', c.nonMembers),
    num('difference', c.difference),
    num('low', c.low),
    num('high', c.high),
    { field: 'p', headerName: c.p, isNumeric: true, width: 100, format: (v) => formatP(v as number | null) },
  ];
}

/** 社群价值: do buyers in the community buy again more, and do members buy more after joining? */
export function CommunityView() {
  const text = decisionViewText;
  const { groups } = useScopeRequest();
  const { data: r, isLoading } = useQuery('decision:communityEffect', groups ? { groups } : {});
  const ba = r?.beforeAfter;
  return (
    <div className="decision-view" aria-busy={isLoading} data-testid="community-view">
      <ScopeBar>{isLoading && <span className="muted">{text.running}</span>}</ScopeBar>
      <section className="card">
        <h3>{text.communityTitle}</h3>
        <p className="muted">{text.communityIntro}</p>
        {r && (
          <p data-testid="community-reading" data-member-buyers={r.memberBuyers} data-non-member-buyers={r.nonMemberBuyers}>
            {r.reading}
          </p>
        )}
      </section>
      <section className="card">
        <div className="decision-grid decision-grid-effect">
          <DataGrid columns={effectColumns()} rows={r?.rows ?? []} rowId={(row) => row.metric} testId="community-grid" />
        </div>
        {ba && ba.members > 0 && (
          <p className="muted" data-testid="community-before-after">
            {text.beforeAfter(ba.members, formatFigure(ba.before), formatFigure(ba.after), formatFigure(ba.low), formatFigure(ba.high))}
          </p>
        )}
      </section>
    </div>
  );
}
