import type { AppContext } from './context';

/**
 * Background jobs of one kind (imports, reports) per app context: each context (the app, a
 * browser-mode server, a test) sees only its own, and they go with it.
 */
export function jobStore<E>(): (ctx: AppContext) => Map<string, E> {
  const byContext = new WeakMap<AppContext, Map<string, E>>();
  return (ctx) => {
    let jobs = byContext.get(ctx);
    if (!jobs) {
      jobs = new Map();
      byContext.set(ctx, jobs);
    }
    return jobs;
  };
}
