import { describe, expect, it } from 'vitest';
import type { PathStage, StageSourceInfo } from '../../../../src-main/contract';
import { checkPath, nameProblem, newStage, pathColumns, pathSummary, savableStages, sourceOptions, sourceProblem } from '../../../../src-renderer/views/funnel/pathModel';

const sources: StageSourceInfo[] = [
  { source: 'ad_impressions', label: '广告曝光（渠道投放·曝光）', kind: 'aggregate', available: 30 },
  { source: 'person_added', label: '添加为客户（客户列表·添加时间）', kind: 'person', available: 1203 },
  { source: 'person_joined', label: '入群（群成员·入群时间）', kind: 'person', available: 0 },
  { source: 'person_first_paid', label: '首次付费下单（订单）', kind: 'person', available: 88 },
];
const stage = (id: string, name: string, source: PathStage['source']): PathStage => ({ id, name, source });

describe('path editor model', () => {
  it('labels each source with how much data the project holds, in days or people', () => {
    expect(sourceOptions(sources).map((o) => o.label)).toEqual([
      '请选择…',
      '广告曝光（渠道投放·曝光） · 30 天',
      '添加为客户（客户列表·添加时间） · 1,203 人',
      '入群（群成员·入群时间） · 0 人',
      '首次付费下单（订单） · 88 人',
    ]);
    const [name, source] = pathColumns(sources);
    expect([name!.field, name!.type, source!.field, source!.type]).toEqual(['name', 'text', 'source', 'select']);
    expect(source!.format!(stage('a', '加微信', 'person_added'))).toBe('添加为客户（客户列表·添加时间） · 1,203 人');
  });

  it('wants names that are not blank and not repeated (ignoring edge spaces)', () => {
    const rows = [stage('a', '入群', 'person_joined'), stage('b', ' 入群 ', 'person_added'), stage('c', '  ', 'person_first_paid')];
    expect(nameProblem(rows[0]!, rows)).toBe('阶段名称“入群”重复');
    expect(nameProblem(rows[1]!, rows)).toBe('阶段名称“入群”重复');
    expect(nameProblem(rows[2]!, rows)).toBe('阶段名称不能为空');
    expect(nameProblem(stage('d', '付费', 'person_first_paid'), rows)).toBeNull();
  });

  it('blocks a path of fewer than 2 stages and only warns about a source bound twice', () => {
    expect(checkPath([stage('a', '入群', 'person_joined')], sources).errors).toEqual(['路径至少需要 2 个阶段']);
    const twice = checkPath([stage('a', '入群', 'person_joined'), stage('b', '再入群', 'person_joined')], sources);
    expect(twice.errors).toEqual([]);
    expect(twice.warnings).toEqual(['“入群（群成员·入群时间）”绑定了 2 次（入群、再入群）：这些阶段的人数会相同']);
  });

  it('adds a stage with a fresh id and name, bound to nothing until the user chooses', () => {
    const rows = [stage('stage1', '广告', 'ad_impressions'), stage('x', '新阶段2', 'person_added')];
    // stage1 is taken as an id and 新阶段2 as a name
    expect(newStage(rows)).toEqual({ id: 'stage3', name: '新阶段3', source: '' });
  });

  it('blocks saving while a stage has no bound data, and says so on the stage', () => {
    const rows = [stage('a', '入群', 'person_joined'), { id: 'b', name: '新阶段1', source: '' as const }];
    expect(sourceProblem(rows[1]!)).toBe('请为每个阶段选择绑定数据');
    expect(sourceProblem(rows[0]!)).toBeNull();
    expect(checkPath(rows, sources).errors).toEqual(['请为每个阶段选择绑定数据']);
    expect(checkPath(rows, sources).warnings).toEqual([]);
    expect(savableStages(rows)).toBeNull();
    const chosen = [rows[0]!, { ...rows[1]!, source: 'person_first_paid' as const }];
    expect(checkPath(chosen, sources).errors).toEqual([]);
    expect(savableStages(chosen)).toEqual([stage('a', '入群', 'person_joined'), stage('b', '新阶段1', 'person_first_paid')]);
  });

  it('reads the path as one line', () => {
    expect(pathSummary([stage('a', '加微信', 'person_added'), stage('b', ' 入群', 'person_joined')])).toBe('加微信 → 入群');
  });
});
