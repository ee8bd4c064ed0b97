/** The one IPC channel of the app: the preload invokes it, the main process serves the API on it. */
export const IPC_CHANNEL = 'qunxi:call';

/** The channel on which the preload says a call's answer is no longer wanted (its call id); no reply. */
export const IPC_CANCEL_CHANNEL = 'qunxi:cancel';

/** Whether a value is a call id as the renderer numbers its calls: a positive safe integer. */
export function isCallId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}
