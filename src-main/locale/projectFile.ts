// Texts about the state of a project file on disk: damaged, kept read-only, its last good copy.
import { localized } from './language';

/** Texts of a damaged or read-only project file. */
export const projectFileText = localized({
  'zh-CN': {
    damaged: (file: string) => `项目文件“${file}”已损坏（可能是复制中断、磁盘故障或同步软件改动），无法读取；文件保持原样，没有改动`,
    damagedWithBackup: (file: string, backup: string) =>
      `项目文件“${file}”已损坏（可能是复制中断、磁盘故障或同步软件改动），无法读取；文件保持原样，没有改动。可以打开上一个完好的副本“${backup}”`,
    keptDamaged: (file: string) =>
      `项目文件“${file}”中保存的分析中间结果已损坏（可能是磁盘故障或同步软件改动）；导入的数据完好。请关闭并重新打开此项目：群析会删除这些中间结果，并从数据重新计算`,
    /** Suffix of the project file a last good copy is restored into, before the extension. */
    recoveredSuffix: '（恢复）',
    noBackup: (file: string) => `“${file}”没有上一个完好的副本`,
    readOnlyOldFormat: (file: string) => `“${file}”是旧版格式，需要升级才能打开，但它所在的位置只读；请先把它复制到可写的位置`,
    readOnlyWrite: (file: string) => `项目“${file}”以只读方式打开，不能导入或修改；请用“另存为”保存到可写的位置`,
    openBackup: '打开上一个完好的副本',
    readOnlyBadge: '只读',
    readOnlyTitle: (name: string, app: string) => `${name}（只读） - ${app}`,
    readOnlyBanner: '此项目以只读方式打开（文件或所在文件夹不可写）：可以查看和导出，不能导入或修改。请用“另存为”保存到可写的位置。',
  },
  en: {
    damaged: (file: string) =>
      `The project file "${file}" is damaged (an interrupted copy, a disk fault or a sync tool may have changed it) and cannot be read; it was left exactly as it was`,
    damagedWithBackup: (file: string, backup: string) =>
      `The project file "${file}" is damaged (an interrupted copy, a disk fault or a sync tool may have changed it) and cannot be read; it was left exactly as it was. Its last good copy "${backup}" can be opened`,
    keptDamaged: (file: string) =>
      `The analyses' intermediate results kept in the project file "${file}" are damaged (a disk fault or a sync tool may have changed them); the imported data is whole. Close and open the project again: Qunxi drops those results and computes them again from the data`,
    recoveredSuffix: ' (recovered)',
    noBackup: (file: string) => `"${file}" has no last good copy`,
    readOnlyOldFormat: (file: string) => `"${file}" is in an older format that must be upgraded to open, but its location is read-only: copy it to a writable place first`,
    readOnlyWrite: (file: string) => `The project "${file}" is open read-only: nothing can be imported or changed; use Save As to a writable place`,
    openBackup: 'Open the last good copy',
    readOnlyBadge: 'read-only',
    readOnlyTitle: (name: string, app: string) => `${name} (read-only) - ${app}`,
    readOnlyBanner: 'This project is open read-only (the file or its folder cannot be written): you can view and export, not import or change. Use Save As to a writable place.',
  },
});
