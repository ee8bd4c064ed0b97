import { create } from 'zustand';
import type { ApiError } from '../../src-main/contract';

/** One error shown to the user. */
export interface Toast {
  /** Local id for dismissal. */
  id: number;
  /** The error as it came over the API. */
  error: Pick<ApiError, 'code' | 'message'>;
}

interface ToastState {
  toasts: Toast[];
  push(error: Pick<ApiError, 'code' | 'message'>): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Errors waiting to be read. */
export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  push: (error) => set((s) => ({ toasts: [...s.toasts.slice(-4), { id: nextId++, error }] })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) })),
}));

/** Reports an API error from anywhere (stores included). */
export const reportError = (error: Pick<ApiError, 'code' | 'message'>): void => useToasts.getState().push(error);

export const selectToasts = (s: ToastState) => s.toasts;
export const selectDismissToast = (s: ToastState) => s.dismiss;
