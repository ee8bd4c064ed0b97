/** The one IPC channel of the app: the preload invokes it, the main process serves the API on it. */
export const IPC_CHANNEL = 'qunxi:call';
