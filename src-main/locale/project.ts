// Texts of projects as the Node side names them: the demo project, a new project's problems.
import { localized } from './language';

/** Texts about project files. */
export const projectMessages = localized({
  'zh-CN': {
    demoName: '示例项目',
    needsNameOrPath: '请给新项目一个名称或保存位置',
  },
  en: {
    demoName: 'Demo project',
    needsNameOrPath: 'Give the new project a name or a place to save it',
  },
});
