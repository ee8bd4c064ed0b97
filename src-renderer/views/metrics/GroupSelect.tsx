import { useEffect, useRef, useState } from 'react';
import { t } from '../../../src-main/locale/app';
import { punctuation } from '../../../src-main/locale/common';

/** Props of {@link GroupSelect}. */
export interface GroupSelectProps {
  groups: string[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** A drop-down checklist of groups; an empty selection means 全部群. */
export function GroupSelect({ groups, selected, onChange }: GroupSelectProps) {
  const [isOpen, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [isOpen]);

  const chosen = new Set(selected);
  const shown = query ? groups.filter((g) => g.includes(query)) : groups;
  const label = selected.length === 0 ? t.metrics.allGroups : selected.length === 1 ? selected[0] : t.metrics.selectedGroups(selected.length);
  const toggle = (g: string) => onChange(chosen.has(g) ? selected.filter((x) => x !== g) : [...selected, g].sort((a, b) => groups.indexOf(a) - groups.indexOf(b)));

  return (
    <div className="group-select" ref={rootRef} data-testid="group-select" data-selected={selected.join('\n')}>
      <button type="button" className="group-select-button" aria-haspopup="listbox" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)} data-testid="group-select-button">
        {t.metrics.groups}{punctuation.colon}{label} ▾
      </button>
      {isOpen && (
        <div className="group-select-popup" role="listbox" aria-multiselectable="true">
          {groups.length > 8 && <input className="group-select-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t.metrics.searchGroups} />}
          <button type="button" className="link" onClick={() => onChange([])} data-testid="group-select-all">
            {t.metrics.clearGroups}
          </button>
          <div className="group-select-options">
            {shown.map((g) => (
              <label key={g} className="group-option" data-testid="group-option" data-group={g}>
                <input type="checkbox" checked={chosen.has(g)} onChange={() => toggle(g)} />
                <span>{g}</span>
              </label>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
