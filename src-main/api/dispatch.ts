import { contract, type Api, type Method, type Result, type Responses } from '../contract';
import { toApiError } from '../contract/appError';
import { cancelledError } from '../db/cancellation';
import { boundaryMessages } from '../locale/errors';
import type { CallContext } from './context';

/** Whether a string names a method of the API. */
export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * Validates a request and runs its handler; every transport (IPC, HTTP, CLI, tests) goes
 * through here, so validation and error shaping happen in exactly one place. The transport's
 * `call.signal` reaches the handler, which passes it down to the database (see {@link CallContext}).
 */
export async function dispatch(handlers: Api, name: string, rawReq: unknown, call: CallContext = {}): Promise<Result<unknown>> {
  if (!isMethod(name)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: boundaryMessages.unknownMethod(name) } };
  }
  const parsed = contract[name].request.safeParse(rawReq ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : boundaryMessages.requestRoot;
    return { ok: false, error: { code: 'INVALID_REQUEST', message: boundaryMessages.invalidRequest(where, issue?.message ?? ''), details: { method: name, field: where } } };
  }
  if (call.signal?.aborted) return { ok: false, error: cancelledError().toApiError() };
  try {
    const handler = handlers[name] as (req: unknown, call: CallContext) => Promise<unknown>;
    const value = await handler(parsed.data, call);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

/** A typed in-process client over a handler map, for the CLI and tests. */
export function inProcessClient(handlers: Api) {
  return async <K extends Method>(name: K, req: unknown, call?: CallContext): Promise<Result<Responses[K]>> =>
    (await dispatch(handlers, name, req, call)) as Result<Responses[K]>;
}

/** Unwraps a result or throws its error message; for scripts where a failure ends the run. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const err = new Error(r.error.message) as Error & { code: string };
  err.code = r.error.code;
  throw err;
}
