import type { AppContext } from '../context';
import type { DomainHandlers } from '../../contract';

/** Native dialogs through the shell's port; null where there is none (browser mode, CLI). */
export function dialogHandlers(ctx: AppContext): DomainHandlers<'dialog'> {
  return {
    'dialog:openProject': async () => (ctx.dialogs ? ctx.dialogs.openProject() : null),
    'dialog:saveProject': async (req) => (ctx.dialogs ? ctx.dialogs.saveProject(req.defaultName) : null),
    'dialog:importFiles': async () => (ctx.dialogs ? ctx.dialogs.importFiles() : null),
  };
}
