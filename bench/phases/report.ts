/** Prints a phase's result as one JSON line on stdout, with the process's peak resident memory. */
export function reportPhase(fields: Record<string, number | string>): void {
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...fields, maxRssMB: Math.round(maxRssMB) })}\n`);
}
