import type { ApiError, Result } from '../../src-main/contract';

// Browser mode: the page and the API share one origin, and the token cookie set by the
// server's `/?token=` redirect rides along on every same-origin request.

function transportError(message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

async function readResult<T>(res: Response): Promise<Result<T>> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    if (res.status === 401 || res.status === 403) return { ok: false, error: { code: 'UNAUTHORIZED', message: `HTTP ${res.status}` } };
    return transportError(`HTTP ${res.status}`);
  }
  if (body && typeof body === 'object' && 'ok' in body) return body as Result<T>;
  return transportError(`HTTP ${res.status}: unexpected response`);
}

/** Calls one API method as `POST /api/<method>`; `signal` aborts the request. */
export async function httpCall(method: string, req: unknown, signal?: AbortSignal): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req ?? {}),
      credentials: 'same-origin',
      signal,
    });
    return await readResult(res);
  } catch (e) {
    return transportError(e instanceof Error ? e.message : String(e));
  }
}

/** Uploads a file's raw bytes for a later `import:start` with `{ uploadId, name }`. */
export async function httpUpload(file: File): Promise<Result<{ uploadId: string }>> {
  try {
    const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
    return await readResult<{ uploadId: string }>(res);
  } catch (e) {
    return transportError(e instanceof Error ? e.message : String(e));
  }
}
