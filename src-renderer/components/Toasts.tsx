import { t } from '../../src-main/locale/app';
import { describeError } from '../../src-main/locale/errors';
import { selectDismissToast, selectToasts, useToasts } from '../store/toasts';

/** Error banners: translated code plus the server's message, each dismissable. */
export function Toasts() {
  const toasts = useToasts(selectToasts);
  const dismiss = useToasts(selectDismissToast);
  if (!toasts.length) return null;
  return (
    <div className="toasts" role="alert" aria-live="assertive">
      {toasts.map((x) => (
        <div key={x.id} className="toast" data-testid="error-toast" data-code={x.error.code}>
          <span className="toast-text">{describeError(x.error)}</span>
          {x.action && (
            <button
              type="button"
              className="toast-action"
              data-testid="error-toast-action"
              onClick={() => {
                dismiss(x.id);
                x.action!.run();
              }}
            >
              {x.action.label}
            </button>
          )}
          <button type="button" className="toast-close" onClick={() => dismiss(x.id)} aria-label={t.toast.dismiss}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
