import type { AnalysisCommandSpec } from './types';
import { AppError } from '../../core/appError';

// PLACEHOLDER until the features command lands.
export const featuresCommand: AnalysisCommandSpec<null> = {
  name: 'features',
  usage: 'features --project P.qunxi [--format json|csv]',
  options: {},
  hasRange: true,
  parse: () => null,
  run: async () => {
    throw new AppError('INTERNAL', '尚未实现');
  },
};
