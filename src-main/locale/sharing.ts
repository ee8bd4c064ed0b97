// Texts of sharing a project (DESIGN §7): the anonymised copy, team use (lock holder, merge), Parquet export.
import { localized } from './language';

/** Texts of the anonymised copy, merge, Parquet export and the lock holder. */
export const sharingText = localized({
  'zh-CN': {
    copyOverOriginal: '脱敏副本不能覆盖原项目，请换一个文件名',
    unclassifiedColumns: (cols: string) => `项目中有未归类的文本列（${cols}），无法确认它们是否含身份信息，已停止生成脱敏副本`,
    copyFailed: (file: string, reason: string) => `无法写入脱敏副本“${file}”：${reason}`,
    anonymized: (file: string, names: number, groups: number, messages: number) =>
      `已写入脱敏副本“${file}”：${names} 个姓名、${groups} 个群、${messages} 条消息（内容已删除，关键行为命中保留）`,
    anonymizeMenu: '另存为脱敏副本…',
    anonymizeTitle: '另存为脱敏副本',
    maskGroups: '群名也脱敏（群01…）',
    maskStaff: '员工姓名也脱敏（员工01…）',
    anonymizing: '正在生成脱敏副本…',
    anonymizeSuffix: '（脱敏）',
    keepGroupNames: '保留群名',
    maskGroupNames: '群名也脱敏',
    cancel: '取消',
    anonymizeHint: '姓名改为 成员0001…，手机号、unionid、userid 改为加盐哈希，删除消息内容（保留关键行为命中）。各项分析结果与原项目相同。',
    lockedBy: (file: string, user: string, host: string, since: string) => `此项目正由 ${user} 在 ${host} 上打开（自 ${since}）：“${file}”`,
    openReadOnly: '以只读方式打开',
    readOnlyHeld: (user: string, host: string) => `此项目正由 ${user} 在 ${host} 上打开，这里以只读方式打开：可以查看和导出，不能导入或修改。`,
    mergeMenu: '合并项目…',
    mergeSelf: '不能把项目合并到它自己',
    merged: (file: string, imports: number, added: number, existing: number) =>
      `已合并“${file}”：${imports} 次导入，新增 ${added} 行，${existing} 行已存在（未重复计入）`,
    mergeFailed: (file: string, reason: string) => `合并“${file}”失败，本项目没有改动：${reason}`,
    mergeTimeZone: (file: string, theirs: string, ours: string) => `“${file}”的时区是 ${theirs}，本项目是 ${ours}：按日的数字会不同，不能合并`,
    parquetMenu: '导出 Parquet…',
    parquetDone: (tables: number, folder: string) => `已导出 ${tables} 个表到“${folder}”（每个表一个 .parquet 文件）`,
    parquetFailed: (folder: string, reason: string) => `导出 Parquet 到“${folder}”失败：${reason}`,
    cliNeedsOut: (command: string) => `${command} 命令需要 --out 目标`,
    cliMergeNeedsFile: '用法：merge --project 项目文件 要合并的项目.qunxi',
    cliExtra: (command: string, extra: string) => `${command} 命令不接受多余的参数“${extra}”`,
    cliAnonymized: (file: string, names: number, staff: number, groups: number, messages: number, rules: number) =>
      `已写入脱敏副本“${file}”：${names} 个姓名、${staff} 个员工、${groups} 个群、${messages} 条消息（内容已删除，保留 ${rules} 条关键行为规则的命中）`,
    cliMerged: (file: string, imports: number, skipped: number, added: number, existing: number) =>
      `已合并“${file}”：${imports} 次导入（${skipped} 个文件本项目已导入，跳过），新增 ${added} 行，${existing} 行已存在（未重复计入）`,
    cliParquet: (tables: number, rows: number, folder: string) => `已导出 ${tables} 个表、共 ${rows} 行到“${folder}”`,
  },
  en: {
    copyOverOriginal: 'An anonymised copy cannot replace the original project: choose another file name',
    unclassifiedColumns: (cols: string) => `The project has text columns not yet classified (${cols}); whether they identify people is unknown, so no anonymised copy was written`,
    copyFailed: (file: string, reason: string) => `Could not write the anonymised copy "${file}": ${reason}`,
    anonymized: (file: string, names: number, groups: number, messages: number) =>
      `Wrote the anonymised copy "${file}": ${names} names, ${groups} groups, ${messages} messages (content dropped, key-behaviour hits kept)`,
    anonymizeMenu: 'Save anonymised copy…',
    anonymizeTitle: 'Save anonymised copy',
    maskGroups: 'Mask group names too (numbered groups)',
    maskStaff: 'Mask staff names too (numbered staff)',
    anonymizing: 'Writing the anonymised copy…',
    anonymizeSuffix: ' (anonymised)',
    keepGroupNames: 'Keep group names',
    maskGroupNames: 'Mask group names too',
    cancel: 'Cancel',
    anonymizeHint: 'Names become numbered members, phones, unionids and userids salted hashes, message content is dropped (key-behaviour hits kept). Every analysis gives the same figures as on the original.',
    lockedBy: (file: string, user: string, host: string, since: string) => `This project is open by ${user} on ${host} (since ${since}): "${file}"`,
    openReadOnly: 'Open read-only',
    readOnlyHeld: (user: string, host: string) => `This project is open by ${user} on ${host}; here it is open read-only: you can view and export, not import or change.`,
    mergeMenu: 'Merge project…',
    mergeSelf: 'A project cannot be merged into itself',
    merged: (file: string, imports: number, added: number, existing: number) =>
      `Merged "${file}": ${imports} imports, ${added} rows added, ${existing} rows already present (not counted twice)`,
    mergeFailed: (file: string, reason: string) => `Merging "${file}" failed; this project was not changed: ${reason}`,
    mergeTimeZone: (file: string, theirs: string, ours: string) => `"${file}" is in the time zone ${theirs}, this project in ${ours}: daily figures would differ, so they cannot be merged`,
    parquetMenu: 'Export Parquet…',
    parquetDone: (tables: number, folder: string) => `Exported ${tables} tables to "${folder}" (one .parquet file per table)`,
    parquetFailed: (folder: string, reason: string) => `Exporting Parquet to "${folder}" failed: ${reason}`,
    cliNeedsOut: (command: string) => `${command} needs --out TARGET`,
    cliMergeNeedsFile: 'Usage: merge --project FILE OTHER.qunxi',
    cliExtra: (command: string, extra: string) => `${command} takes no further argument "${extra}"`,
    cliAnonymized: (file: string, names: number, staff: number, groups: number, messages: number, rules: number) =>
      `Wrote the anonymised copy "${file}": ${names} names, ${staff} staff, ${groups} groups, ${messages} messages (content dropped, hits of ${rules} key-behaviour rules kept)`,
    cliMerged: (file: string, imports: number, skipped: number, added: number, existing: number) =>
      `Merged "${file}": ${imports} imports (${skipped} files already imported here, skipped), ${added} rows added, ${existing} rows already present (not counted twice)`,
    cliParquet: (tables: number, rows: number, folder: string) => `Exported ${tables} tables, ${rows} rows in all, to "${folder}"`,
  },
});
