import type { ApiClient, Method, Req, Responses, Result } from '../../src-main/contract';
import { electronBridge } from './electronTransport';
import { httpCall } from './httpTransport';

/** Which transport carries API calls: the preload bridge or same-origin HTTP. */
export type TransportKind = 'electron' | 'http';

// Chosen once, at load: the preload defines `window.qunxi` before any page script runs.
const bridge = electronBridge();

/** The transport this page talks through. */
export const transportKind: TransportKind = bridge ? 'electron' : 'http';

const send: (method: string, req: unknown) => Promise<Result<unknown>> = bridge
  ? async (method, req) => {
      try {
        return await bridge.call(method, req);
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
      }
    }
  : httpCall;

/** Calls one method of the API contract; never throws, errors come back as data. */
export const call: ApiClient = <K extends Method>(name: K, req: Req<K>) =>
  send(name, req) as Promise<Result<Responses[K]>>;
