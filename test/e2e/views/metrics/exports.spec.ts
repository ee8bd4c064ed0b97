import { expect, sharedDemoTest as test } from '../../fixtures';
import { downloadOf, firstSheet } from '../../pages/download';

test.describe('exports from 指标 (issue 11 item 15)', () => {
  test('the table exports as xlsx with real numbers, rates and dates, and as CSV with the same rows', async ({ demo, page, api, metricsPage }) => {
    await demo.openTab('metrics');
    const rows = await api('metrics:query', { period: 'day' });
    expect(rows.length).toBeGreaterThan(10);
    const withRate = rows.find((r) => r.active_rate !== null && r.active_rate > 0)!;
    await expect.poll(() => metricsPage.cell(withRate.period_start, 'total_members')).toBe(String(withRate.total_members));

    const xlsx = await downloadOf(page, 'metrics-grid-export-xlsx');
    expect(xlsx.name).toMatch(/^指标_日_全部群_全部日期_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = await firstSheet(xlsx);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['周期', '社群总人数', '当日新增入群', '活跃用户数', '活跃用户占比']);
    expect(ws.rowCount).toBe(rows.length + 1);
    const at = 2 + rows.indexOf(withRate);
    const row = ws.getRow(at);
    const day = row.getCell(1);
    expect(day.value).toBeInstanceOf(Date);
    expect((day.value as Date).toISOString().slice(0, 10)).toBe(withRate.period_start);
    expect(day.numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(2).value).toBe(withRate.total_members);
    const rate = row.getCell(5);
    expect(rate.value).toBeCloseTo(withRate.active_rate! / 100, 12);
    expect(rate.numFmt).toBe('0.00%');
    const gmvCol = 1 + header.indexOf('贡献GMV');
    if (gmvCol > 0) expect(row.getCell(gmvCol).numFmt).toBe('"¥"#,##0.00');

    const csv = await downloadOf(page, 'metrics-grid-export-csv');
    expect(csv.name).toMatch(/^指标_日_全部群_全部日期_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[0]!.split(',').slice(0, 5)).toEqual(['周期', '社群总人数', '当日新增入群', '活跃用户数', '活跃用户占比 (%)']);
    const cells = lines[rows.indexOf(withRate) + 1]!.split(',');
    expect(cells.slice(0, 5)).toEqual([
      withRate.period_start,
      String(withRate.total_members),
      String(withRate.new_members),
      String(withRate.active_members),
      String(Math.round(withRate.active_rate! * 100) / 100),
    ]);
  });

  test('a chart saves as PNG and as SVG', async ({ demo, page, metricsPage }) => {
    await demo.openTab('metrics');
    await expect(metricsPage.chart()).toHaveInk();
    const png = await downloadOf(page, 'metrics-chart-save-png');
    expect(png.name).toMatch(/^指标_社群趋势_全部群_全部日期_\d{4}-\d{2}-\d{2}\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const svg = await downloadOf(page, 'metrics-chart-save-svg');
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text.trimStart().startsWith('<svg')).toBe(true);
    // Vector text of the chart: its legend.
    expect(text).toContain('社群总人数');
    expect(text).toContain('<path');
  });
});
