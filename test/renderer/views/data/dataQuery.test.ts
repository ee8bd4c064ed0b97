import { describe, expect, it } from 'vitest';
import { toColumnFilter, toDataQuery } from '../../../../src-renderer/views/data/dataQuery';

describe('toDataQuery', () => {
  it('turns a block request into offset and limit', () => {
    expect(toDataQuery(200, 400, [], {})).toEqual({ offset: 200, limit: 200, sort: [], filter: {} });
  });

  it('keeps sorted columns and drops unsorted ones', () => {
    const q = toDataQuery(0, 100, [{ colId: 'join_time', sort: 'desc' }, { colId: 'group_name', sort: null }], {});
    expect(q.sort).toEqual([{ colId: 'join_time', sort: 'desc' }]);
  });

  it('passes text and date filters through as the API expects them', () => {
    const q = toDataQuery(0, 100, [], {
      group_name: { filterType: 'text', type: 'contains', filter: '训练营' },
      join_time: { filterType: 'date', type: 'inRange', dateFrom: '2024-03-01 00:00:00', dateTo: '2024-03-31 00:00:00' },
    });
    expect(q.filter).toEqual({
      group_name: { filterType: 'text', type: 'contains', filter: '训练营' },
      join_time: { filterType: 'date', type: 'inRange', dateFrom: '2024-03-01 00:00:00', dateTo: '2024-03-31 00:00:00' },
    });
  });

  it('passes number filters through, a range with both ends', () => {
    expect(toColumnFilter({ filterType: 'number', type: 'greaterThanOrEqual', filter: 3 })).toEqual({ filterType: 'number', type: 'greaterThanOrEqual', filter: 3, filterTo: null });
    expect(toColumnFilter({ filterType: 'number', type: 'inRange', filter: 1, filterTo: 9.5 })).toEqual({ filterType: 'number', type: 'inRange', filter: 1, filterTo: 9.5 });
    expect(toColumnFilter({ filterType: 'number', type: 'blank' })).toEqual({ filterType: 'number', type: 'blank', filter: null, filterTo: null });
  });

  it('drops filters the API cannot express rather than failing the page', () => {
    expect(toColumnFilter({ filterType: 'number', type: 'equals', filter: null })).toBeNull();
    expect(toColumnFilter({ filterType: 'number', type: 'inRange', filter: 1 })).toBeNull();
    expect(toColumnFilter({ filterType: 'text', operator: 'AND', conditions: [] })).toBeNull();
    expect(toColumnFilter({ filterType: 'text', type: 'contains', filter: '' })).toBeNull();
  });

  it('keeps blank / notBlank filters, which carry no value', () => {
    expect(toColumnFilter({ filterType: 'text', type: 'blank' })).toEqual({ filterType: 'text', type: 'blank' });
    expect(toColumnFilter({ filterType: 'date', type: 'notBlank', dateFrom: null, dateTo: null })).toEqual({
      filterType: 'date',
      type: 'notBlank',
      dateFrom: null,
      dateTo: null,
    });
  });
});
