// The path editor's grid columns and checks, as plain functions (the server checks the same on save).
import type { PathStage, StageSource, StageSourceInfo } from '../../../src-main/contract';
import type { DefinitionColumn } from '../../components/definitionGridTypes';
import { funnelText } from '../../../src-main/locale/funnel';
import { part } from '../../../src-main/locale/language';

const tx = part(funnelText, 'path');

/** A stage as the editor holds it: a new stage has no bound data until the user picks it (''). */
export type DraftStage = Omit<PathStage, 'source'> & { source: StageSource | '' };

/** Most stages a path may have (the contract's limit). */
export const MAX_STAGES_IN_PATH = 30;

/** Why a stage's name is invalid among all stages, or null. */
export function nameProblem(stage: DraftStage, stages: readonly DraftStage[]): string | null {
  const name = stage.name.trim();
  if (!name) return tx.nameRequired;
  if (stages.some((s) => s.id !== stage.id && s.name.trim() === name)) return tx.nameDuplicate(name);
  return null;
}

/** Why a stage cannot be saved for its bound data (none chosen yet), or null. */
export function sourceProblem(stage: DraftStage): string | null {
  return stage.source === '' ? tx.sourceRequired : null;
}

/** Choices of the source select: a blank 请选择 first, then each source's label with how much data the project holds. */
export function sourceOptions(sources: readonly StageSourceInfo[]): { value: string; label: string }[] {
  return [{ value: '', label: tx.sourceChoose }, ...sources.map((s) => ({ value: s.source, label: funnelText.sourceOption(s) }))];
}

/** Columns of the path grid: the stage name (text) and its bound data (select). */
export function pathColumns(sources: readonly StageSourceInfo[]): DefinitionColumn<DraftStage>[] {
  const options = sourceOptions(sources);
  return [
    { field: 'name', headerName: tx.colName, type: 'text', width: 200, validate: nameProblem },
    {
      field: 'source',
      headerName: tx.colSource,
      type: 'select',
      flex: 1,
      options,
      validate: sourceProblem,
      format: (row) => options.find((o) => o.value === row.source)?.label ?? row.source,
    },
  ];
}

/** Problems of the whole path: errors block saving, warnings only inform. */
export interface PathCheck {
  errors: string[];
  warnings: string[];
}

/** Checks a path: at least 2 stages, valid names and a bound data on each (errors); a source bound twice (warning). */
export function checkPath(stages: readonly DraftStage[], sources: readonly StageSourceInfo[]): PathCheck {
  const errors: string[] = [];
  if (stages.length < 2) errors.push(tx.tooFew);
  for (const s of stages) {
    const problem = nameProblem(s, stages) ?? sourceProblem(s);
    if (problem && !errors.includes(problem)) errors.push(problem);
  }
  const bySource = new Map<StageSource, string[]>();
  for (const s of stages) if (s.source !== '') bySource.set(s.source, [...(bySource.get(s.source) ?? []), s.name.trim() || tx.unnamed]);
  const warnings = [...bySource.entries()]
    .filter(([, names]) => names.length > 1)
    .map(([source, names]) => tx.sourceTwice(sources.find((x) => x.source === source)?.label ?? source, names));
  return { errors, warnings };
}

/**
 * A new stage with an id and a name no other stage has, bound to nothing: any default (the first
 * unused source was 广告曝光, 0 天 on most projects) would be a guess the user might not notice.
 */
export function newStage(stages: readonly DraftStage[]): DraftStage {
  const ids = new Set(stages.map((s) => s.id));
  const names = new Set(stages.map((s) => s.name.trim()));
  let n = 1;
  while (ids.has(`stage${n}`) || names.has(tx.newStage(n))) n++;
  return { id: `stage${n}`, name: tx.newStage(n), source: '' };
}

/** The stages to save once {@link checkPath} has no errors (every stage bound); null while one is not. */
export function savableStages(stages: readonly DraftStage[]): PathStage[] | null {
  const bound = stages.flatMap((s) => (s.source === '' ? [] : [{ ...s, source: s.source }]));
  return bound.length === stages.length ? bound : null;
}

/** The path in one line: 广告曝光 → 入群 → 付费下单. */
export function pathSummary(stages: readonly DraftStage[]): string {
  return tx.summary(stages.map((s) => s.name.trim() || tx.unnamed));
}
