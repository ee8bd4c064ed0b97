import type { AnalysisCommandSpec } from './types';
import { AppError } from '../../core/appError';

// PLACEHOLDER until the quadrant command lands.
export const quadrantCommand: AnalysisCommandSpec<null> = {
  name: 'quadrant',
  usage: 'quadrant --project P.qunxi [--format json|csv]',
  options: {},
  hasRange: true,
  parse: () => null,
  run: async () => {
    throw new AppError('INTERNAL', '尚未实现');
  },
};
