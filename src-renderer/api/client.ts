import type { Method, Req, Responses, Result } from '../../src-main/contract';
import { electronBridge, electronCall } from './electronTransport';
import { httpCall } from './httpTransport';

/** Which transport carries API calls: the preload bridge or same-origin HTTP. */
export type TransportKind = 'electron' | 'http';

/** Options of one call. */
export interface CallOptions {
  /**
   * Aborts the call when the answer is no longer wanted (a superseded or abandoned query): the
   * request is dropped (HTTP) or cancelled (IPC), and the Node side interrupts its work.
   */
  signal?: AbortSignal;
}

/** A client of the API contract that can be told to stop waiting; also a plain `ApiClient`. */
export type RendererClient = <K extends Method>(name: K, req: Req<K>, options?: CallOptions) => Promise<Result<Responses[K]>>;

// Chosen once, at load: the preload defines `window.qunxi` before any page script runs.
const bridge = electronBridge();

/** The transport this page talks through. */
export const transportKind: TransportKind = bridge ? 'electron' : 'http';

const send: (method: string, req: unknown, signal?: AbortSignal) => Promise<Result<unknown>> = bridge
  ? (method, req, signal) => electronCall(bridge, method, req, signal)
  : httpCall;

/** Calls one method of the API contract; never throws, errors come back as data. */
export const call: RendererClient = <K extends Method>(name: K, req: Req<K>, options?: CallOptions) =>
  send(name, req, options?.signal) as Promise<Result<Responses[K]>>;
