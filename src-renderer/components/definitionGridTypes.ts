// Plain descriptions of an editable definitions grid (customer path, key behaviours, quadrant
// axes and rules, VVIP rules, channel costs). Views build these; DefinitionGrid.tsx renders them.
import type { SelectOption } from './gridTypes';

/** One editable column. */
export interface DefinitionColumn<R> {
  /** Row field edited. */
  field: keyof R & string;
  /** Chinese header. */
  headerName: string;
  width?: number;
  flex?: number;
  /** Editor and display: text, number, a checkbox, one choice, or several choices (stored as string[]). */
  type: 'text' | 'number' | 'boolean' | 'select' | 'multiselect';
  /** Choices of select / multiselect columns. */
  options?: SelectOption[];
  /** Read-only column (shown, never edited or pasted into). */
  isReadOnly?: boolean;
  /**
   * Why the row's value is invalid, shown on the cell (red, reason as tooltip) and under the grid;
   * null when fine. Receives every row, for rules such as "names must be unique".
   */
  validate?: (row: R, rows: R[]) => string | null;
  /** Display text of a value (default: the value; booleans ✓; select labels). */
  format?: (row: R) => string;
}

/** Props of DefinitionGrid. */
export interface DefinitionGridProps<R> {
  rows: R[];
  columns: DefinitionColumn<R>[];
  /** Called with the whole new row list after every edit, paste, add, remove or move. */
  onChange: (rows: R[]) => void;
  /** A new row for 添加行 and for pasted rows beyond the end. */
  newRow: () => R;
  /** Stable id of a row. */
  rowId: (row: R) => string;
  /** Undo / redo of the owner's history (see useUndoable); the grid binds Ctrl+Z / Ctrl+Y and shows buttons. */
  history?: { undo(): void; redo(): void; canUndo: boolean; canRedo: boolean };
  /** Show 上移 / 下移 (ordered lists such as the path and rule priorities). */
  canReorder?: boolean;
  /** Fewest rows allowed (删除 is disabled at this count). */
  minRows?: number;
  maxRows?: number;
  testId?: string;
  /** Extra read-only cells appended per row (live counts …), rendered after the editable columns. */
  extraColumns?: { headerName: string; width?: number; value: (row: R) => string; testId?: string }[];
}
