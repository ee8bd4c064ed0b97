import type { AnalysisCommandSpec } from './types';
import { AppError } from '../../core/appError';

// PLACEHOLDER until the activity command lands.
export const activityCommand: AnalysisCommandSpec<null> = {
  name: 'activity',
  usage: 'activity --project P.qunxi [--format json|csv]',
  options: {},
  hasRange: true,
  parse: () => null,
  run: async () => {
    throw new AppError('INTERNAL', '尚未实现');
  },
};
