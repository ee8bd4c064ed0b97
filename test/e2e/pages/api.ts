import type { Page } from '@playwright/test';
import type { Method, Req, Responses } from '../../../src-main/contract';

/**
 * Calls the API from the page, as the UI does (same origin, the session's token cookie riding
 * along): what the e2e tests compare the screen with. A failed call throws its error.
 */
export async function callApi<K extends Method>(page: Page, method: K, req: Req<K>): Promise<Responses[K]> {
  const r = await page.evaluate(
    async ([m, body]) => {
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, credentials: 'same-origin' });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [method, JSON.stringify(req)] as const,
  );
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as Responses[K];
}
