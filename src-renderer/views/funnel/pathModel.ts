// The path editor's grid columns and checks, as plain functions (the server checks the same on save).
import type { PathStage, StageSource, StageSourceInfo } from '../../../src-main/contract';
import type { DefinitionColumn } from '../../components/definitionGridTypes';
import { funnelText } from '../../../src-main/locale/funnel';
import { part } from '../../../src-main/locale/language';

const tx = part(funnelText, 'path');

/** Most stages a path may have (the contract's limit). */
export const MAX_STAGES_IN_PATH = 30;

/** Why a stage's name is invalid among all stages, or null. */
export function nameProblem(stage: PathStage, stages: readonly PathStage[]): string | null {
  const name = stage.name.trim();
  if (!name) return tx.nameRequired;
  if (stages.some((s) => s.id !== stage.id && s.name.trim() === name)) return tx.nameDuplicate(name);
  return null;
}

/** Choices of the source select: each source's label with how much data the project holds. */
export function sourceOptions(sources: readonly StageSourceInfo[]): { value: string; label: string }[] {
  return sources.map((s) => ({ value: s.source, label: funnelText.sourceOption(s) }));
}

/** Columns of the path grid: the stage name (text) and its bound data (select). */
export function pathColumns(sources: readonly StageSourceInfo[]): DefinitionColumn<PathStage>[] {
  const options = sourceOptions(sources);
  return [
    { field: 'name', headerName: tx.colName, type: 'text', width: 200, validate: nameProblem },
    {
      field: 'source',
      headerName: tx.colSource,
      type: 'select',
      flex: 1,
      options,
      format: (row) => options.find((o) => o.value === row.source)?.label ?? row.source,
    },
  ];
}

/** Problems of the whole path: errors block saving, warnings only inform. */
export interface PathCheck {
  errors: string[];
  warnings: string[];
}

/** Checks a path: at least 2 stages and valid names (errors); a source bound twice (warning). */
export function checkPath(stages: readonly PathStage[], sources: readonly StageSourceInfo[]): PathCheck {
  const errors: string[] = [];
  if (stages.length < 2) errors.push(tx.tooFew);
  for (const s of stages) {
    const problem = nameProblem(s, stages);
    if (problem && !errors.includes(problem)) errors.push(problem);
  }
  const bySource = new Map<StageSource, string[]>();
  for (const s of stages) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s.name.trim() || '？']);
  const warnings = [...bySource.entries()]
    .filter(([, names]) => names.length > 1)
    .map(([source, names]) => tx.sourceTwice(sources.find((x) => x.source === source)?.label ?? source, names));
  return { errors, warnings };
}

/** A new stage with an id and a name no other stage has, bound to the first source not yet used. */
export function newStage(stages: readonly PathStage[], sources: readonly StageSourceInfo[]): PathStage {
  const ids = new Set(stages.map((s) => s.id));
  const names = new Set(stages.map((s) => s.name.trim()));
  let n = 1;
  while (ids.has(`stage${n}`) || names.has(tx.newStage(n))) n++;
  const used = new Set(stages.map((s) => s.source));
  const source = sources.find((s) => !used.has(s.source) && s.available > 0)?.source ?? sources.find((s) => !used.has(s.source))?.source ?? 'person_joined';
  return { id: `stage${n}`, name: tx.newStage(n), source };
}

/** The path in one line: 广告曝光 → 入群 → 付费下单. */
export function pathSummary(stages: readonly PathStage[]): string {
  return tx.summary(stages.map((s) => s.name.trim() || '？'));
}
