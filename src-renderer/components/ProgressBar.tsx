/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** 0–1, or null for an indeterminate bar. */
  fraction: number | null;
}

/** A thin progress bar; indeterminate (sliding) when the share is unknown. */
export function ProgressBar({ fraction }: ProgressBarProps) {
  const isIndeterminate = fraction === null;
  const pct = isIndeterminate ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      className={`progress${isIndeterminate ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={isIndeterminate ? undefined : pct}
    >
      <div className="progress-fill" style={isIndeterminate ? undefined : { width: `${pct}%` }} />
    </div>
  );
}
