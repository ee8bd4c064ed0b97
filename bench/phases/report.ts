import { readFileSync } from 'node:fs';

/**
 * The peak resident memory of this process alone, in MB: Linux's VmHWM, the high-water mark of
 * the memory it mapped since its exec (worker threads included). getrusage's maxRSS is not this
 * process's own: the child of a fork starts with its parent's pages counted, and exec keeps that
 * count as the child's maximum, so a phase started by a bench driver that had grown to 360 MB
 * generating the exports reported at least 360 MB whatever it used itself. maxRSS is the fallback
 * where /proc is not there.
 */
export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s*(\d+)\s*kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Prints a phase's result as one JSON line on stdout, with the process's own peak resident memory. */
export function reportPhase(fields: Record<string, number | string>): void {
  process.stdout.write(`${JSON.stringify({ ...fields, maxRssMB: Math.round(peakRssMb()) })}\n`);
}
