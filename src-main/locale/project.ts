// Texts of projects as the Node side names them: the demo project, a project file's problems.
import { localized } from './language';

/** Texts about project files. */
export const projectMessages = localized({
  'zh-CN': {
    demoName: '示例项目',
    needsNameOrPath: '请给新项目一个名称或保存位置',
    lockedElsewhere: (file: string) => `项目文件“${file}”正被另一个程序打开，请先在那里关闭它`,
    notQunxiOrNewer: (file: string) => `“${file}”不是群析项目文件，或由更新版本的数据库写入，无法打开`,
    notFound: (file: string) => `找不到项目文件“${file}”`,
    notQunxi: (file: string) => `“${file}”不是群析项目文件`,
    badVersion: (file: string) => `“${file}”的格式版本无法识别`,
    newerVersion: (file: string, version: number, supported: number) => `“${file}”由更新版本的群析保存（格式 ${version}，本程序支持 ${supported}），请升级群析后再打开`,
    noMigration: (version: number) => `无法从格式版本 ${version} 升级`,
    alreadyOpen: (file: string) => `项目文件“${file}”已经打开`,
    exists: (file: string) => `文件“${file}”已存在`,
    createFailed: (file: string, detail: string) => `无法创建项目文件“${file}”：${detail}`,
    openNoOverwrite: (file: string) => `项目文件“${file}”已经打开，不能覆盖`,
    saveFailed: (file: string, detail: string) => `保存到“${file}”失败，原文件未改动：${detail}`,
    lockedNoOverwrite: (file: string) => `项目文件“${file}”正被另一个程序打开，不能覆盖`,
    definitionInvalid: (where: string) => `定义无效：${where}`.trim(),
  },
  en: {
    demoName: 'Demo project',
    needsNameOrPath: 'Give the new project a name or a place to save it',
    lockedElsewhere: (file: string) => `The project file "${file}" is open in another program: close it there first`,
    notQunxiOrNewer: (file: string) => `"${file}" is not a Qunxi project file, or was written by a newer database, and cannot be opened`,
    notFound: (file: string) => `Project file "${file}" not found`,
    notQunxi: (file: string) => `"${file}" is not a Qunxi project file`,
    badVersion: (file: string) => `The format version of "${file}" is not recognised`,
    newerVersion: (file: string, version: number, supported: number) => `"${file}" was saved by a newer Qunxi (format ${version}; this build reads ${supported}): upgrade Qunxi to open it`,
    noMigration: (version: number) => `Cannot upgrade from format version ${version}`,
    alreadyOpen: (file: string) => `The project file "${file}" is already open`,
    exists: (file: string) => `The file "${file}" already exists`,
    createFailed: (file: string, detail: string) => `Cannot create the project file "${file}": ${detail}`,
    openNoOverwrite: (file: string) => `The project file "${file}" is open and cannot be overwritten`,
    saveFailed: (file: string, detail: string) => `Saving to "${file}" failed; the original file is unchanged: ${detail}`,
    lockedNoOverwrite: (file: string) => `The project file "${file}" is open in another program and cannot be overwritten`,
    definitionInvalid: (where: string) => `Invalid definition: ${where}`.trim(),
  },
});

/** Texts of the derived tables' build after a project is opened (the top bar's notice). */
export const preparationText = localized({
  'zh-CN': {
    preparing: '正在准备分析数据…',
    hint: '打开项目后，群析在后台整理一次数据（人员归并、入群时段、每条消息的日期），之后各项分析更快；现在打开的分析会等它完成。',
  },
  en: {
    preparing: 'Preparing the data for analysis…',
    hint: 'After a project opens, Qunxi prepares its data once in the background (people matched, membership spells, each message’s local day), which makes every analysis faster; an analysis opened now waits for it.',
  },
});
