// Texts of the command line: usage, argument errors and the progress and summary lines on stderr.
// JSON output and CSV headers are the contract's ids in every language.
import { localized } from './language';

/** Texts of the command line. */
export const cliText = localized({
  'zh-CN': {
    usageTitle: '用法：',
    /** Placeholders of the usage lines, written in capitals in the command specs. */
    placeholders: { GROUP: '群名称', DAYS: '天数', KIND: '类型', TEMPLATE: '模板', TEMPLATE_NAME: '模板名称', IMPORT_ID: '导入编号' },
    usageNotes: (kinds: string) =>
      `  import 在项目不存在时新建它，自动识别导出类型（类型：${kinds}）；\n` +
      '  与已保存模板表头相同的文件自动使用该模板。分析命令都接受 --group 群名称（可重复），\n' +
      '  除 features / quadrant 外都接受 --from / --to；默认输出 json。',
    langNote: '  --lang zh-CN|en（或环境变量 QUNXI_LANG）选择提示与汇总的语言，默认 zh-CN。',
    oneOf: (name: string, allowed: string, value: string) => `--${name} 只能是 ${allowed}，收到“${value}”`,
    needsDate: (name: string, value: string) => `--${name} 需要 YYYY-MM-DD 格式的日期，收到“${value}”`,
    templatesAction: (action: string) => `templates 命令需要 export 或 import，收到“${action}”`,
    templatesExtra: (action: string, extra: string) => `templates ${action} 只接受一个文件，多余的参数：“${extra}”`,
    templatesImportFile: 'templates import 需要要导入的模板文件',
    importsAction: (action: string) => `imports 命令只接受 remove 导入编号，收到“${action}”`,
    importsId: (id: string) => `imports remove 需要导入编号（正整数），收到“${id}”`,
    importsExtra: (extra: string) => `imports remove 只接受一个导入编号，多余的参数：“${extra}”`,
    refused: (command: string, option: string) => `${command} 命令不接受 --${option}`,
    fromAfterTo: (from: string, to: string) => `--from ${from} 晚于 --to ${to}`,
    badArgs: (detail: string) => `命令行参数有误：${detail}`,
    noCommand: (commands: string[]) => `缺少命令：${commands.join('、')}`,
    unknownCommand: (command: string, commands: string[]) => `未知的命令“${command}”，可用：${commands.join('、')}`,
    needsProject: (command: string) => `${command} 命令需要 --project 项目文件`,
    importNeedsFiles: 'import 命令需要至少一个要导入的文件',
    templateEmpty: '--template 需要模板文件或模板名称',
    metricsNoFiles: (file: string) => `metrics 命令不接受文件参数：“${file}”`,
    metricsNeedsPeriod: 'metrics 命令需要 --period day|week|month',
    badLanguage: (value: string) => `--lang 只能是 zh-CN | en，收到“${value}”`,
    internal: (detail: string) => `内部错误：${detail}`,
  },
  en: {
    usageTitle: 'Usage:',
    placeholders: { GROUP: 'GROUP', DAYS: 'DAYS', KIND: 'KIND', TEMPLATE: 'TEMPLATE', TEMPLATE_NAME: 'TEMPLATE_NAME', IMPORT_ID: 'IMPORT_ID' },
    usageNotes: (kinds: string) =>
      `  import creates the project when it does not exist and recognises the kind of export (KIND: ${kinds});\n` +
      '  a file whose header matches a saved template uses that template. Every analysis takes --group GROUP (repeatable),\n' +
      '  all but features / quadrant take --from / --to; the output is json unless --format csv.',
    langNote: '  --lang zh-CN|en (or QUNXI_LANG) sets the language of messages and summaries; zh-CN by default.',
    oneOf: (name: string, allowed: string, value: string) => `--${name} must be ${allowed}, got "${value}"`,
    needsDate: (name: string, value: string) => `--${name} needs a YYYY-MM-DD date, got "${value}"`,
    templatesAction: (action: string) => `templates needs export or import, got "${action}"`,
    templatesExtra: (action: string, extra: string) => `templates ${action} takes one file; extra argument: "${extra}"`,
    templatesImportFile: 'templates import needs the template file to import',
    importsAction: (action: string) => `imports takes only remove IMPORT_ID, got "${action}"`,
    importsId: (id: string) => `imports remove needs an import number (a positive whole number), got "${id}"`,
    importsExtra: (extra: string) => `imports remove takes one import number; extra argument: "${extra}"`,
    refused: (command: string, option: string) => `${command} does not take --${option}`,
    fromAfterTo: (from: string, to: string) => `--from ${from} is after --to ${to}`,
    badArgs: (detail: string) => `Bad command-line arguments: ${detail}`,
    noCommand: (commands: string[]) => `Missing command: ${commands.join(', ')}`,
    unknownCommand: (command: string, commands: string[]) => `Unknown command "${command}"; available: ${commands.join(', ')}`,
    needsProject: (command: string) => `${command} needs --project FILE`,
    importNeedsFiles: 'import needs at least one file to import',
    templateEmpty: '--template needs a template file or a template name',
    metricsNoFiles: (file: string) => `metrics takes no file argument: "${file}"`,
    metricsNeedsPeriod: 'metrics needs --period day|week|month',
    badLanguage: (value: string) => `--lang must be zh-CN | en, got "${value}"`,
    internal: (detail: string) => `Internal error: ${detail}`,
  },
});

/** The usage lines of the command specs with their capitalised placeholders in the current language. */
export function withPlaceholders(line: string): string {
  return line.replace(/\b(GROUP|DAYS|KIND|TEMPLATE_NAME|TEMPLATE|IMPORT_ID)\b/g, (p) => cliText.placeholders[p as keyof typeof cliText.placeholders]);
}
