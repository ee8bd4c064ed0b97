// The key-behaviour grid as plain functions: rows ⇄ definitions, columns, checks, type choices.
import type { BehaviourCount, KeyBehaviour } from '../../../src-main/contract';
import type { DefinitionColumn } from '../../components/definitionGridTypes';
import type { SelectOption } from '../../components/gridTypes';
import { behavioursText } from '../../../src-main/locale/behaviours';
import { bracketed, msgTypeLabel, punctuation } from '../../../src-main/locale/common';
import { formatCount } from '../metrics/metricsFormat';

/** A row of the grid: a rule with its window as text ('' = no window), so the cell can be emptied. */
export interface BehaviourRow extends Omit<KeyBehaviour, 'windowDays'> {
  window: string;
}

const MAX_WINDOW = 3660;
const MAX_COUNT = 100000;

/** Rows for the grid from saved (or default) rules. */
export function toRows(behaviours: KeyBehaviour[]): BehaviourRow[] {
  return behaviours.map(({ windowDays, ...rest }) => ({ ...rest, window: windowDays === null ? '' : String(windowDays) }));
}

/** The window in days a cell's text stands for: null for none, NaN when it means nothing. */
export function parseWindow(text: string): number | null {
  const s = text.trim();
  if (s === '' || s === behavioursText.noWindow) return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** The rules the rows stand for (an unreadable window as null: the checks keep such rows from being saved). */
export function toDefinition(rows: BehaviourRow[]): KeyBehaviour[] {
  return rows.map(({ window, ...rest }) => {
    const days = parseWindow(window);
    return { ...rest, name: rest.name.trim(), windowDays: days !== null && Number.isFinite(days) ? days : null };
  });
}

/**
 * The rules as the live counts need them: every row, those the checks still flag made acceptable to
 * the API (a placeholder name, a clamped minimum count), so the other rows keep being counted.
 */
export function countableRules(rows: BehaviourRow[]): KeyBehaviour[] {
  return toDefinition(rows).map((b) => ({
    ...b,
    name: b.name === '' ? '-' : b.name,
    minCount: Number.isFinite(b.minCount) ? Math.min(MAX_COUNT, Math.max(1, Math.round(b.minCount))) : 1,
    windowDays: b.windowDays === null ? null : Math.min(MAX_WINDOW, Math.max(1, b.windowDays)),
    weight: Number.isFinite(b.weight) ? b.weight : 0,
  }));
}

let nextId = 0;

/** A fresh rule for 添加行 and pasted rows: enabled, any type, any content, once. */
export function newBehaviourRow(): BehaviourRow {
  nextId += 1;
  return {
    id: `kb${Date.now().toString(36)}${nextId}`,
    name: '',
    msgTypes: [],
    pattern: '',
    isRegex: false,
    minCount: 1,
    window: '',
    weight: 1,
    enabled: true,
  };
}

/** Why a row's name cannot be saved; null when fine. */
export function nameProblem(row: BehaviourRow, rows: BehaviourRow[]): string | null {
  const name = row.name.trim();
  if (name === '') return behavioursText.problems.nameEmpty;
  return rows.some((r) => r !== row && r.name.trim() === name) ? behavioursText.problems.nameTaken : null;
}

/** Why a row's minimum count cannot be saved; null when fine. */
export function minCountProblem(row: BehaviourRow): string | null {
  return Number.isInteger(row.minCount) && row.minCount >= 1 && row.minCount <= MAX_COUNT ? null : behavioursText.problems.minCount;
}

/** Why a row's window cannot be saved; null when fine. */
export function windowProblem(row: BehaviourRow): string | null {
  const days = parseWindow(row.window);
  return days === null || (Number.isInteger(days) && days >= 1 && days <= MAX_WINDOW) ? null : behavioursText.problems.window;
}

/** Whether every row can be saved, given the server's per-row errors (bad regular expressions). */
export function rowsAreValid(rows: BehaviourRow[], errors: ReadonlyMap<string, string>): boolean {
  return rows.every(
    (r) => nameProblem(r, rows) === null && minCountProblem(r) === null && windowProblem(r) === null && Number.isFinite(r.weight) && !errors.has(r.id),
  );
}

/**
 * Choices of the 消息类型 multiselect, each under its name rather than its code: the types in the
 * data (with their counts), then the usual ones of the exports (DESIGN §3) and any a row already
 * names. A type whose name is already offered (红包 written as redpacket in the data) is not
 * offered twice unless a row holds it, so the rule's choice still shows.
 */
export function msgTypeOptions(inData: { msgType: string; count: number }[], rows: BehaviourRow[]): SelectOption[] {
  // eslint-disable-next-line no-restricted-syntax -- message-type values as the Chinese exports write them (data), not UI text
  const usual = ['text', 'image', 'redpacket', 'vote', '文本', '图片', '红包', '投票', '打卡', '接龙'];
  const seen = new Set<string>();
  const names = new Set<string>();
  const options: SelectOption[] = [];
  const add = (value: string, label: string, isHeld = false) => {
    const name = msgTypeLabel(value);
    if (seen.has(value.toLowerCase()) || (names.has(name) && !isHeld)) return;
    seen.add(value.toLowerCase());
    names.add(name);
    options.push({ value, label });
  };
  for (const t of inData) add(t.msgType, `${msgTypeLabel(t.msgType)}${bracketed(formatCount(t.count))}`);
  for (const t of usual) add(t, msgTypeLabel(t));
  for (const r of rows) for (const t of r.msgTypes) add(t, msgTypeLabel(t), true);
  return options;
}

/** The message types of a rule as the grid shows them: each name once, in the rule's order. */
export function msgTypesText(msgTypes: readonly string[]): string {
  return [...new Set(msgTypes.map(msgTypeLabel))].join(punctuation.list);
}

/** The grid's columns; `errors` are the server's per-row messages (by rule id), shown on the pattern cell. */
export function behaviourColumns(typeOptions: SelectOption[], errors: ReadonlyMap<string, string>): DefinitionColumn<BehaviourRow>[] {
  const c = behavioursText.columns;
  return [
    { field: 'name', headerName: c.name, width: 130, type: 'text', validate: nameProblem },
    {
      field: 'msgTypes',
      headerName: c.msgTypes,
      width: 210,
      type: 'multiselect',
      options: typeOptions,
      format: (r) => (r.msgTypes.length ? msgTypesText(r.msgTypes) : behavioursText.anyType),
    },
    {
      field: 'pattern',
      headerName: c.pattern,
      flex: 1,
      type: 'text',
      validate: (r) => errors.get(r.id) ?? null,
      format: (r) => (r.pattern === '' ? behavioursText.anyContent : r.pattern),
    },
    { field: 'isRegex', headerName: c.isRegex, width: 70, type: 'boolean' },
    { field: 'minCount', headerName: c.minCount, width: 96, type: 'number', validate: minCountProblem },
    {
      field: 'window',
      headerName: c.window,
      width: 104,
      type: 'text',
      validate: windowProblem,
      format: (r) => (r.window.trim() === '' ? behavioursText.noWindow : r.window),
    },
    { field: 'weight', headerName: c.weight, width: 76, type: 'number' },
    { field: 'enabled', headerName: c.enabled, width: 70, type: 'boolean' },
  ];
}

/** The live 人数 / 次数 cells of a row: '…' until counted, '-' for a rule that cannot be evaluated. */
export function liveText(counts: ReadonlyMap<string, BehaviourCount>, row: BehaviourRow, measure: 'people' | 'occurrences'): string {
  const c = counts.get(row.id);
  if (!c) return behavioursText.counting;
  return c.error ? '-' : formatCount(c[measure]);
}
