import { AppError } from '../../core/appError';
import type { AppContext } from '../context';
import type { DomainHandlers } from '../contract';

// PLACEHOLDER until the path work lands: every method answers with a clear error.
export function pathHandlers(_ctx: AppContext): DomainHandlers<'path'> {
  const missing = async (): Promise<never> => {
    throw new AppError('INTERNAL', '尚未实现');
  };
  return new Proxy({}, { get: () => missing }) as DomainHandlers<'path'>;
}
