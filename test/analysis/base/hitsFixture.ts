import type { KeyBehaviour } from '../../../src-main/contract';
import type { OpenProject } from '../../../src-main/db/projectFile';
import { insertMessages } from '../../support/projectFixture';

/**
 * The messages of the kept-hits tests (behaviourHits.test.ts, behaviourHitsKept.test.ts), group G,
 * Asia/Shanghai:
 *   a  01-01 09:00 '打卡'   a  01-02 09:00 '打卡 day 2'   b  01-01 23:59:59 '打卡'   b  01-02 00:00 'hello'
 */
export function insertHitsFixture(project: OpenProject): Promise<void> {
  return insertMessages(project, [
    { id: 'a', group: 'G', at: '2024-01-01 09:00:00+08', content: '打卡' },
    { id: 'a', group: 'G', at: '2024-01-02 09:00:00+08', content: '打卡 day 2' },
    { id: 'b', group: 'G', at: '2024-01-01 23:59:59+08', content: '打卡' },
    { id: 'b', group: 'G', at: '2024-01-02 00:00:00+08', content: 'hello' },
  ]);
}

/** A keyword rule of any message type, needing one hit, named and identified by its keyword unless `id` is given. */
export const keywordRule = (pattern: string, id = pattern): KeyBehaviour => ({
  id,
  name: id,
  enabled: true,
  msgTypes: [],
  pattern,
  isRegex: false,
  minCount: 1,
  windowDays: null,
  weight: 1,
});
