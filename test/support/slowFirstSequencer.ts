import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files, slowest first: seconds of each in the fresh-clone CI of 3 December
 * (quiet 2-core machine, /tmp/ci4.log). Vitest without a cache of durations (a fresh clone) runs
 * the larger files first; these are small files, and cliGolden.test.ts (45 s) started last, one
 * worker alone for its 41 s while the other had nothing left. Started first, they end beside the
 * other worker's many short files (a schedule of that run's times: 394 s → 374 s).
 */
const slowestFirst = [
  'test/export/anonymizedCopy.test.ts', // 56 s
  'test/cli/cliGolden.test.ts', // 45 s
  'test/import/badInputCorpus.test.ts', // 37 s
  'test/cli/cliProcess.test.ts', // 30 s
  'test/import/importFile.test.ts', // 19 s
  'test/export/xlsx.test.ts', // 19 s
  'test/import/badInput.test.ts', // 18 s
  'test/import/mergeProject.test.ts', // 17 s
];

/**
 * Vitest's order (a project's files together, then by the durations cached or by size) with the
 * slowest files of each project moved to its front, and the project of the slowest file first (the
 * two slowest files have a project of their own, `golden`, which came after `shared`'s 150 files).
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = slowestFirst.indexOf(path.relative(f.project.config.root, f.moduleId).split(path.sep).join('/'));
      return i < 0 ? slowestFirst.length : i;
    };
    // A project's place: its slowest file's rank, then Vitest's order of the projects.
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    const place = new Map(projects.map((name, i) => [name, Math.min(...sorted.filter((f) => f.project.name === name).map(rank)) * projects.length + i]));
    // Array.prototype.sort is stable: the rest keep Vitest's order.
    return sorted.sort((a, b) => place.get(a.project.name)! - place.get(b.project.name)! || rank(a) - rank(b));
  }
}
