// Texts of choosing where a project file goes: project:new and 另存为 (issue 12 item 5).
import { localized } from './language';

/** Texts about the target file of a new project or a Save As. */
export const projectTargetText = localized({
  'zh-CN': {
    notQunxiName: (file: string) => `项目文件名必须以 .qunxi 结尾：“${file}”`,
    badName: (file: string) => `“${file}”不能用作项目文件名：名称不能为空或只有点，不能以点或空格结尾，不能含 < > : " / \\ | ? * 等字符，也不能是 CON、NUL、COM1 等系统保留名`,
    notProjectNoOverwrite: (file: string) => `“${file}”已存在，但不是群析项目文件，不会覆盖它；请换一个文件名`,
    existsConfirm: (file: string) => `“${file}”已存在，是否替换？`,
    replace: '替换',
    keep: '不替换',
  },
  en: {
    notQunxiName: (file: string) => `A project file name must end in .qunxi: "${file}"`,
    badName: (file: string) => `"${file}" cannot be a project file name: it must not be empty or only dots, end in a dot or space, hold < > : " / \\ | ? * or similar characters, or be a reserved name such as CON, NUL or COM1`,
    notProjectNoOverwrite: (file: string) => `"${file}" already exists and is not a Qunxi project file, so it will not be overwritten; choose another name`,
    existsConfirm: (file: string) => `"${file}" already exists. Replace it?`,
    replace: 'Replace',
    keep: "Don't replace",
  },
});
