import { AppError } from '../../core/appError';
import type { AppContext } from '../context';
import type { DomainHandlers } from '../contract';

// PLACEHOLDER until the behaviours work lands: every method answers with a clear error.
export function behavioursHandlers(_ctx: AppContext): DomainHandlers<'behaviours'> {
  const missing = async (): Promise<never> => {
    throw new AppError('INTERNAL', '尚未实现');
  };
  return new Proxy({}, { get: () => missing }) as DomainHandlers<'behaviours'>;
}
