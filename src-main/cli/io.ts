/** Where the CLI writes and what it knows of its surroundings; a port so tests can run it in-process. */
export interface CliIo {
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
  /** Whether stderr is a terminal (then import progress is drawn). */
  isStderrTty: boolean;
  /** Environment (QUNXI_* folder overrides). */
  env: NodeJS.ProcessEnv;
  /** Repository root, for the default folders. */
  repoRoot: string;
  /**
   * Calls `listener` on the first Ctrl+C (SIGINT) from now on, instead of the process ending there;
   * returns what stops listening. A second Ctrl+C ends the process as usual. Absent in-process.
   */
  onInterrupt?(listener: () => void): () => void;
}
