import type { AnalysisCommandSpec } from './types';
import { AppError } from '../../core/appError';

// PLACEHOLDER until the funnel command lands.
export const funnelCommand: AnalysisCommandSpec<null> = {
  name: 'funnel',
  usage: 'funnel --project P.qunxi [--format json|csv]',
  options: {},
  hasRange: true,
  parse: () => null,
  run: async () => {
    throw new AppError('INTERNAL', '尚未实现');
  },
};
