import type { ApiError, ErrorCode } from './common';

/** An expected failure with a stable code; thrown in core and store, turned into data at the API boundary. */
export class AppError extends Error {
  /** Stable code for the UI to translate. */
  readonly code: ErrorCode;
  /** Structured context: file, sheet, row, column … */
  readonly details?: ApiError['details'];

  constructor(code: ErrorCode, message: string, details?: ApiError['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The error as it crosses the boundary. */
  toApiError(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** Whether a value is an {@link AppError}. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * The first line of a thrown value's message (of the text itself when it is one): what a user is
 * shown of an error from a library or the database, whose further lines are stacks and context.
 */
export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0] ?? '';
}

/** Any thrown value as boundary data: AppErrors keep their code, the rest become INTERNAL without a stack. */
export function toApiError(e: unknown): ApiError {
  if (isAppError(e)) return e.toApiError();
  // The code's title (内部错误 / Internal error) is the locale's, added where the error is shown (describeError).
  return { code: 'INTERNAL', message: firstLine(e) };
}
