// Texts of the export controls every grid and chart carries (issue 11 item 15), and the parts of the file names they suggest.
import { localized } from './language';

/** Texts of the grids' 导出 and the charts' 保存图片 controls. */
export const exportsText = localized({
  'zh-CN': {
    exportXlsx: '导出 xlsx',
    exportCsv: '导出 CSV',
    exporting: '正在导出…',
    exportHint: '按当前排序与筛选导出全部行',
    exportWholeListHint: '导出整份名单（全部人，不限于表格已载入的行，也不按表格的排序与筛选）',
    savePng: 'PNG',
    saveSvg: 'SVG',
    saveImage: '保存图片',
    /** File-name part of a scope of every group. */
    allGroups: '全部群',
    /** File-name part of a scope of several groups. */
    groups: (first: string, n: number) => `${first}等${n}个群`,
    /** File-name part of a scope of all dates. */
    allDates: '全部日期',
    sheet: '数据',
  },
  en: {
    exportXlsx: 'Export xlsx',
    exportCsv: 'Export CSV',
    exporting: 'Exporting…',
    exportHint: 'Exports every row, sorted and filtered as shown',
    exportWholeListHint: 'Exports the whole list (everyone, not only the rows loaded in the grid, and not the grid’s sort and filters)',
    savePng: 'PNG',
    saveSvg: 'SVG',
    saveImage: 'Save image',
    allGroups: 'all groups',
    groups: (first: string, n: number) => `${first} and ${n - 1} more groups`,
    allDates: 'all dates',
    sheet: 'Data',
  },
});
