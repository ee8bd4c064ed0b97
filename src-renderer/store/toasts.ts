import { create } from 'zustand';
import type { ApiError } from '../../src-main/contract';

/** One error shown to the user. */
export interface Toast {
  /** Local id for dismissal. */
  id: number;
  /** The error as it came over the API. */
  error: Pick<ApiError, 'code' | 'message'>;
  /** A way out the toast offers (a damaged project's last good copy); the toast goes when it is taken. */
  action?: ToastAction;
}

/** A button of a toast. */
export interface ToastAction {
  label: string;
  run: () => void;
}

interface ToastState {
  toasts: Toast[];
  push(error: Pick<ApiError, 'code' | 'message'>, action?: ToastAction): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Errors waiting to be read. */
export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  push: (error, action) => set((s) => ({ toasts: [...s.toasts.slice(-4), action ? { id: nextId++, error, action } : { id: nextId++, error }] })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) })),
}));

/** Reports an API error from anywhere (stores included). */
export const reportError = (error: Pick<ApiError, 'code' | 'message'>, action?: ToastAction): void => useToasts.getState().push(error, action);

export const selectToasts = (s: ToastState) => s.toasts;
export const selectDismissToast = (s: ToastState) => s.dismiss;
