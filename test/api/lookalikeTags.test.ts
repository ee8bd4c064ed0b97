import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { closeProject, tempProject, type TempProject } from '../support/projectFixture';
import { tempPaths } from '../support/tempDirs';
import { insertLookalikeFixture, type LookalikePersonIn } from '../analysis/decision/lookalikeFixture';

/**
 * 相似人群 → 保存为标签 → the tag everywhere tags are read: the tag choices, the A/B tag arm, the
 * funnel's tag breakdown and 客户360, through the API as the app calls it.
 */
let t: TempProject;
let people: LookalikePersonIn[];
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  t = await tempProject();
  people = await insertLookalikeFixture(t.project);
  await closeProject(t);
  call = inProcessClient(createHandlers(createContext('test', tempPaths(t.dir))));
  unwrap(await call('project:open', { path: path.join(t.dir, 'p.qunxi') }));
}, 60_000);
afterAll(async () => {
  await call?.('project:close', {});
  await t?.dispose();
});

const request = { features: ['messages' as const, 'tenure_days' as const], seed: 5, top: 15 };

describe('a lookalike saved as a tag', () => {
  it('is offered among the tags, is an A/B arm of its 15 people, a funnel breakdown value and a 客户360 tag', async () => {
    const fit = unwrap(await call('decision:lookalike', request));
    expect(unwrap(await call('decision:tags', {}))).toEqual(['老客']);

    const saved = unwrap(await call('decision:saveLookalikeTag', { ...request, name: '高潜' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: '高潜', people: 15 });
    expect(saved[0]!.note).toContain('种子 5');
    expect(unwrap(await call('decision:savedTags', {}))).toEqual(saved);

    // The tag choices list it beside the customer list's.
    expect(unwrap(await call('decision:tags', {}))).toEqual(['老客', '高潜']);

    // A/B: the tag arm holds exactly the 15 listed, none of whom bought.
    const ab = unwrap(await call('decision:abtest', { a: { kind: 'tag', value: '高潜' }, b: { kind: 'group', value: '一群' }, metric: 'conversion' }));
    expect([ab.a.n, ab.a.successes, ab.b.n]).toEqual([15, 0, 300]);

    // Funnel, cohort mode broken down by tag: 高潜 is a breakdown value whose entry stage holds the 15
    // (everyone was added on 2023-12-01 and joined in January or February; 老客 are the first ten).
    const funnel = unwrap(await call('funnel:query', { mode: 'cohort', from: '2023-12-01', to: '2024-02-29', breakdown: 'tag' }));
    const tagged = funnel.breakdown?.find((b) => b.value === '高潜');
    expect(tagged).toBeDefined();
    expect(tagged!.stages.find((s) => s.count !== null)?.count).toBe(15);
    expect(funnel.breakdown?.find((b) => b.value === '老客')).toBeDefined();

    // 客户360 shows the tag on each of them, after the customer list's own.
    const page = unwrap(await call('features:query', { offset: 0, limit: 500, sort: [], filter: {} }));
    const topIds = new Set(fit.top.map((p) => p.pid));
    const withTag = page.rows.filter((r) => r.tags?.split(',').includes('高潜')).map((r) => r.pid);
    expect(new Set(withTag)).toEqual(topIds);
    const first = page.rows.find((r) => r.pid === 'p001')!;
    expect(first.tags?.startsWith('老客')).toBe(true);
    expect(people.filter((p) => topIds.has(p.id)).every((p) => !p.isBuyer)).toBe(true);
  });

  it('a customer-list tag name is refused; a deleted tag leaves the choices', async () => {
    const refused = await call('decision:saveLookalikeTag', { ...request, name: '老客' });
    expect(refused.ok).toBe(false);
    unwrap(await call('decision:deleteTag', { name: '高潜' }));
    expect(unwrap(await call('decision:tags', {}))).toEqual(['老客']);
    const ab = unwrap(await call('decision:abtest', { a: { kind: 'tag', value: '高潜' }, b: { kind: 'group', value: '一群' }, metric: 'conversion' }));
    expect(ab.a.n).toBe(0);
  });
});
