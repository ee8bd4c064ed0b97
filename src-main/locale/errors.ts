// The errors a person sees: the title of every error code of the API contract, and the messages the
// API boundary itself writes (unknown method, invalid request, internal error, no open project).
import type { ApiError, ErrorCode } from '../contract';
import { getLanguage, localized } from './language';

/** Title of every error code of the API contract. */
export const errorText = localized({
  'zh-CN': {
    INVALID_REQUEST: '请求无效',
    UNKNOWN_METHOD: '未知的操作',
    UNAUTHORIZED: '未授权：请使用启动时打印的带令牌地址打开',
    INTERNAL: '内部错误',
    PROJECT_NOT_OPEN: '尚未打开项目',
    PROJECT_NOT_FOUND: '找不到项目文件',
    PROJECT_EXISTS: '同名项目已存在',
    PROJECT_LOCKED: '项目正被其他窗口或程序使用',
    PROJECT_NEWER_VERSION: '项目文件来自更新版本的群析，请升级后再打开',
    PROJECT_NOT_QUNXI: '这不是群析项目文件',
    PROJECT_SAVE_FAILED: '项目保存失败',
    PROJECT_DAMAGED: '项目文件已损坏',
    PROJECT_READ_ONLY: '项目以只读方式打开',
    IMPORT_FILE_NOT_FOUND: '找不到要导入的文件',
    IMPORT_FILE_UNREADABLE: '文件无法读取',
    IMPORT_UNRECOGNISED: '无法识别的导出文件类型',
    IMPORT_NO_ROWS: '文件中没有数据行',
    IMPORT_BAD_VALUE: '文件中有无法解析的值',
    IMPORT_CANCELLED: '导入已取消',
    IMPORT_JOB_NOT_FOUND: '找不到导入任务',
    REPORT_JOB_NOT_FOUND: '找不到报告任务',
    IMPORT_BUSY: '已有导入正在进行，请稍候',
    IMPORT_EMPTY_FILE: '文件是空的',
    IMPORT_TRUNCATED: '文件不完整（可能下载中断）',
    IMPORT_PASSWORD_PROTECTED: '文件有密码保护，请先在 Excel 中取消密码再导入',
    IMPORT_NOT_SPREADSHEET: '这不是表格文件',
    IMPORT_LEGACY_XLS: '旧版 .xls 文件无法读取，请另存为 .xlsx',
    IMPORT_TOO_LARGE: '文件过大',
    IMPORT_NOT_FOUND: '找不到这次导入',
    IMPORT_NOT_A_FILE: '只能导入普通文件（不能是文件夹、管道或设备）',
    IMPORT_PATH_NOT_ALLOWED: '浏览器模式只能导入上传的文件',
    DISK_FULL: '磁盘空间不足',
    TEMPLATE_INVALID: '模板文件无效',
    TEMPLATE_NOT_FOUND: '找不到模板',
    DEFINITION_INVALID: '定义无效',
    ANALYSIS_NO_DATA: '没有可分析的数据',
    MODEL_FIT_FAILED: '模型无法拟合',
    CANCELLED: '已取消',
  } satisfies Record<ErrorCode, string>,
  en: {
    INVALID_REQUEST: 'Invalid request',
    UNKNOWN_METHOD: 'Unknown operation',
    UNAUTHORIZED: 'Not authorised: open the address with the token printed at start-up',
    INTERNAL: 'Internal error',
    PROJECT_NOT_OPEN: 'No project is open',
    PROJECT_NOT_FOUND: 'Project file not found',
    PROJECT_EXISTS: 'A project with this name already exists',
    PROJECT_LOCKED: 'The project is in use by another window or program',
    PROJECT_NEWER_VERSION: 'The project file comes from a newer Qunxi: upgrade to open it',
    PROJECT_NOT_QUNXI: 'This is not a Qunxi project file',
    PROJECT_SAVE_FAILED: 'Saving the project failed',
    PROJECT_DAMAGED: 'The project file is damaged',
    PROJECT_READ_ONLY: 'The project is open read-only',
    IMPORT_FILE_NOT_FOUND: 'The file to import was not found',
    IMPORT_FILE_UNREADABLE: 'The file cannot be read',
    IMPORT_UNRECOGNISED: 'Unrecognised kind of export',
    IMPORT_NO_ROWS: 'The file has no data rows',
    IMPORT_BAD_VALUE: 'The file has a value that cannot be read',
    IMPORT_CANCELLED: 'Import cancelled',
    IMPORT_JOB_NOT_FOUND: 'Import job not found',
    REPORT_JOB_NOT_FOUND: 'Report job not found',
    IMPORT_BUSY: 'Another import is running, please wait',
    IMPORT_EMPTY_FILE: 'The file is empty',
    IMPORT_TRUNCATED: 'The file is incomplete (the download may have been cut)',
    IMPORT_PASSWORD_PROTECTED: 'The file is password-protected: remove the password in Excel first',
    IMPORT_NOT_SPREADSHEET: 'This is not a spreadsheet',
    IMPORT_LEGACY_XLS: 'Old .xls files cannot be read: save it as .xlsx',
    IMPORT_TOO_LARGE: 'The file is too large',
    IMPORT_NOT_FOUND: 'Import not found',
    IMPORT_NOT_A_FILE: 'Only regular files can be imported (not a folder, pipe or device)',
    IMPORT_PATH_NOT_ALLOWED: 'Browser mode imports uploaded files only',
    DISK_FULL: 'The disk is full',
    TEMPLATE_INVALID: 'Invalid template file',
    TEMPLATE_NOT_FOUND: 'Template not found',
    DEFINITION_INVALID: 'Invalid definition',
    ANALYSIS_NO_DATA: 'No data to analyse',
    MODEL_FIT_FAILED: 'The model cannot be fitted',
    CANCELLED: 'Cancelled',
  },
});

/** One line for a person: the translated code, then the server's message when it adds something. */
export function describeError(error: Pick<ApiError, 'code' | 'message'>): string {
  const title = (errorText as Record<string, string>)[error.code] ?? error.code;
  const message = error.message?.trim();
  if (!message || message === title) return title;
  return getLanguage() === 'en' ? `${title}: ${message}` : `${title}：${message}`;
}

/**
 * The message of an error for a line of its own (the CLI's stderr, a dialog): an internal error's
 * bare detail gets the title that says it is one; every other code's message already says what failed.
 */
export function errorMessage(error: Pick<ApiError, 'code' | 'message'>): string {
  return error.code === 'INTERNAL' ? boundaryMessages.internal(error.message) : error.message;
}

/** Messages written at the API boundary and shared by several layers. */
export const boundaryMessages = localized({
  'zh-CN': {
    unknownMethod: (name: string) => `未知的接口：${name}`,
    invalidRequest: (where: string, issue: string) => `请求参数无效：${where} ${issue}`.trim(),
    requestRoot: '(request)',
    internal: (detail: string) => `内部错误：${detail}`,
    projectNotOpen: '请先新建或打开一个项目',
    untrustedCaller: '调用来自不受信任的页面，已拒绝',
    badCallId: '调用编号无效：应为正整数',
    cancelled: '已取消：请求已被更新的请求取代或放弃',
    badUploadId: '上传的文件标识无效',
    definitionsNotJson: '定义模板不是有效的 JSON 文件',
    notDefinitions: (where: string) => `这不是群析的定义模板：${where}`.trim(),
    duplicateBehaviour: (id: string) => `关键行为的编号重复：${id}`,
    badBehaviour: (name: string, message: string) => `关键行为“${name}”：${message}`,
    pathNotAllowed: (file: string) => `浏览器模式只能导入通过页面上传的文件，不能读取服务器上的路径“${file}”`,
    fileNotFound: (file: string) => `找不到文件“${file}”`,
    importJobNotFound: '找不到这个导入任务',
    importNotFound: (id: number) => `没有编号为 ${id} 的导入`,
    workerMissing: {
      import: (from: string) => `找不到导入工作线程脚本（worker.ts / importWorker.js，相对 ${from}）`,
      xlsx: (from: string) => `找不到表格导出工作线程脚本（xlsxWorker.ts / xlsxWorker.js，相对 ${from}）`,
    },
    xlsxWorkerStart: (detail: string) => `无法启动表格导出线程：${detail}`,
    xlsxWriteFailed: (detail: string) => `写出表格失败：${detail}`,
    xlsxWorkerError: (detail: string) => `表格导出线程出错：${detail}`,
    xlsxWorkerExit: (code: number) => `表格导出线程意外退出（退出码 ${code}）`,
    xlsxPostFailed: (detail: string) => `无法把表格交给导出线程：${detail}`,
    csvOneSheet: (count: number) => `CSV 只能写一张表，这份导出有 ${count} 张`,
  },
  en: {
    unknownMethod: (name: string) => `Unknown method: ${name}`,
    invalidRequest: (where: string, issue: string) => `Invalid request parameter: ${where} ${issue}`.trim(),
    requestRoot: '(request)',
    internal: (detail: string) => `Internal error: ${detail}`,
    projectNotOpen: 'Create or open a project first',
    untrustedCaller: 'The call came from an untrusted page and was refused',
    badCallId: 'Invalid call id: expected a positive whole number',
    cancelled: 'Cancelled: the request was superseded by a newer one or abandoned',
    badUploadId: 'Invalid upload id',
    definitionsNotJson: 'The definitions template is not a valid JSON file',
    notDefinitions: (where: string) => `This is not a Qunxi definitions template: ${where}`.trim(),
    duplicateBehaviour: (id: string) => `Duplicate key behaviour id: ${id}`,
    badBehaviour: (name: string, message: string) => `Key behaviour "${name}": ${message}`,
    pathNotAllowed: (file: string) => `Browser mode imports only files uploaded through the page, not the server path "${file}"`,
    fileNotFound: (file: string) => `File "${file}" not found`,
    importJobNotFound: 'This import job was not found',
    importNotFound: (id: number) => `There is no import number ${id}`,
    workerMissing: {
      import: (from: string) => `The import worker script was not found (worker.ts / importWorker.js, relative to ${from})`,
      xlsx: (from: string) => `The spreadsheet export worker script was not found (xlsxWorker.ts / xlsxWorker.js, relative to ${from})`,
    },
    xlsxWorkerStart: (detail: string) => `Cannot start the spreadsheet export thread: ${detail}`,
    xlsxWriteFailed: (detail: string) => `Writing the spreadsheet failed: ${detail}`,
    xlsxWorkerError: (detail: string) => `The spreadsheet export thread failed: ${detail}`,
    xlsxWorkerExit: (code: number) => `The spreadsheet export thread exited unexpectedly (exit code ${code})`,
    xlsxPostFailed: (detail: string) => `Cannot hand the spreadsheet to the export thread: ${detail}`,
    csvOneSheet: (count: number) => `A CSV holds one sheet; this export has ${count}`,
  },
});
