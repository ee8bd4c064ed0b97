import type { AnalysisCommandSpec } from './types';
import { AppError } from '../../core/appError';

// PLACEHOLDER until the channels command lands.
export const channelsCommand: AnalysisCommandSpec<null> = {
  name: 'channels',
  usage: 'channels --project P.qunxi [--format json|csv]',
  options: {},
  hasRange: true,
  parse: () => null,
  run: async () => {
    throw new AppError('INTERNAL', '尚未实现');
  },
};
