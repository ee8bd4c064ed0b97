import type { AnalysisCommandSpec } from './types';
import { AppError } from '../../core/appError';

// PLACEHOLDER until the behaviours command lands.
export const behavioursCommand: AnalysisCommandSpec<null> = {
  name: 'behaviours',
  usage: 'behaviours --project P.qunxi [--format json|csv]',
  options: {},
  hasRange: true,
  parse: () => null,
  run: async () => {
    throw new AppError('INTERNAL', '尚未实现');
  },
};
