import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { dateFieldText } from '../../src-main/locale/common';
import { dateProblem, isoDate, monthGrid, monthOf, parseDate, shiftDay, shiftMonth, type DateProblem } from './dateFieldModel';

/** Props of {@link DateField}. */
export interface DateFieldProps {
  /** The day as yyyy-MM-dd, or '' for none. */
  value: string;
  /** Called with a valid day within [min, max] as yyyy-MM-dd, or '' when the field is emptied. */
  onChange(value: string): void;
  min?: string;
  max?: string;
  ariaLabel?: string;
  /** Test id of the text input; the calendar button and popover take `-open` and `-calendar`. */
  testId?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function todayIso(): string {
  const d = new Date();
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function problemText(problem: DateProblem, min?: string, max?: string): string {
  const p = dateFieldText.problems;
  return problem === 'format' ? p.format : problem === 'beforeMin' ? p.beforeMin(min ?? '') : p.afterMax(max ?? '');
}

/**
 * A date as yyyy-MM-dd in a text field, with a calendar popover whose weeks start on Monday, in
 * the app's language. Replaces <input type="date">, which follows the browser's locale (mm/dd/yyyy
 * on an English system) instead of the app's. A typed date is taken once complete (or on Enter /
 * leaving the field); one that is not a day or is out of range is flagged and not taken.
 */
export function DateField({ value, onChange, min, max, ariaLabel, testId }: DateFieldProps) {
  const [text, setText] = useState(value);
  const [isOpen, setIsOpen] = useState(false);
  const [focusDay, setFocusDay] = useState(() => value || todayIso());
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const calendarId = useId();
  const problemId = useId();

  // A new value from outside replaces the text, unless the text already says that day.
  useEffect(() => setText((t) => (parseDate(t) === value || (t.trim() === '' && value === '') ? t : value)), [value]);

  useEffect(() => {
    if (!isOpen) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setIsOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [isOpen]);

  useEffect(() => {
    if (isOpen) rootRef.current?.querySelector<HTMLButtonElement>(`[data-iso="${focusDay}"]`)?.focus();
  }, [isOpen, focusDay]);

  const problem = dateProblem(text, min, max);

  function take(next: string) {
    if (next.trim() === '') {
      if (value !== '') onChange('');
      return;
    }
    const iso = parseDate(next);
    if (iso === null || dateProblem(iso, min, max)) return;
    setText(iso);
    if (iso !== value) onChange(iso);
  }

  function choose(iso: string) {
    if (dateProblem(iso, min, max)) return;
    setText(iso);
    setIsOpen(false);
    inputRef.current?.focus();
    if (iso !== value) onChange(iso);
  }

  function open() {
    setFocusDay(parseDate(text) ?? (value || todayIso()));
    setIsOpen(true);
  }

  function onGridKey(e: KeyboardEvent) {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (e.key in step) {
      e.preventDefault();
      setFocusDay(shiftDay(focusDay, step[e.key]!));
    } else if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      const { year, month } = shiftMonth(monthOf(focusDay).year, monthOf(focusDay).month, e.key === 'PageUp' ? -1 : 1);
      setFocusDay(isoDate(year, month, Math.min(Number(focusDay.slice(8, 10)), 28)));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setIsOpen(false);
      inputRef.current?.focus();
    }
  }

  const shown = monthOf(focusDay);
  // The calendar's days only while it is open: every scope bar renders its closed fields with the
  // view (42 dates made per field and render, issue 17).
  const weeks = isOpen ? monthGrid(shown.year, shown.month) : [];
  const today = isOpen ? todayIso() : '';
  const moveMonth = (delta: number) => {
    const { year, month } = shiftMonth(shown.year, shown.month, delta);
    setFocusDay(isoDate(year, month, 1));
  };

  return (
    <div className="date-field" ref={rootRef}>
      <input
        ref={inputRef}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={dateFieldText.placeholder}
        aria-label={ariaLabel}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        title={problem ? problemText(problem, min, max) : undefined}
        className={problem ? 'date-field-input invalid' : 'date-field-input'}
        data-testid={testId}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          // Taken as soon as it is a whole yyyy-MM-dd (as a native date field would); other forms on Enter or blur.
          if (next.trim() === '' || ISO.test(next.trim())) take(next);
        }}
        onBlur={() => take(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') take(text);
          else if (e.key === 'ArrowDown' && e.altKey) open();
        }}
      />
      <button
        type="button"
        className="date-field-open"
        aria-label={dateFieldText.open}
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        aria-controls={isOpen ? calendarId : undefined}
        data-testid={testId && `${testId}-open`}
        onClick={() => (isOpen ? setIsOpen(false) : open())}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
        </svg>
      </button>
      {problem && (
        <span id={problemId} className="date-field-problem" role="alert">
          {problemText(problem, min, max)}
        </span>
      )}
      {isOpen && (
        <div id={calendarId} className="date-field-calendar card" role="dialog" aria-label={dateFieldText.calendar} data-testid={testId && `${testId}-calendar`}>
          <div className="date-field-head">
            <button type="button" className="small" aria-label={dateFieldText.prev} onClick={() => moveMonth(-1)} data-testid={testId && `${testId}-prev`}>
              ‹
            </button>
            <strong aria-live="polite" data-testid={testId && `${testId}-month`}>
              {dateFieldText.month(shown.year, shown.month)}
            </strong>
            <button type="button" className="small" aria-label={dateFieldText.next} onClick={() => moveMonth(1)} data-testid={testId && `${testId}-next`}>
              ›
            </button>
          </div>
          <table role="grid" onKeyDown={onGridKey}>
            <thead>
              <tr>
                {dateFieldText.weekdays.map((d) => (
                  <th key={d} scope="col" abbr={d}>
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week[0]!.iso}>
                  {week.map((cell) => {
                    const isDisabled = dateProblem(cell.iso, min, max) !== null;
                    const cls = ['date-field-day', cell.isInMonth ? '' : 'other', cell.iso === value ? 'selected' : '', cell.iso === today ? 'today' : ''].filter(Boolean).join(' ');
                    return (
                      <td key={cell.iso} role="gridcell" aria-selected={cell.iso === value}>
                        <button
                          type="button"
                          className={cls}
                          data-iso={cell.iso}
                          aria-label={cell.iso}
                          tabIndex={cell.iso === focusDay ? 0 : -1}
                          disabled={isDisabled}
                          onClick={() => choose(cell.iso)}
                        >
                          {cell.day}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="date-field-foot">
            <button type="button" className="link" onClick={() => choose(today)} disabled={dateProblem(today, min, max) !== null}>
              {dateFieldText.today}
            </button>
            <button
              type="button"
              className="link"
              onClick={() => {
                setText('');
                setIsOpen(false);
                if (value !== '') onChange('');
              }}
            >
              {dateFieldText.clear}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
