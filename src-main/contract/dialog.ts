/** Native dialogs: answered by Electron; in browser mode they resolve to null and the UI uses its own forms. */
import { z } from 'zod';
import { empty } from './common';
import { method } from './method';

/** The `dialog:*` methods. */
export const dialogMethods = {
  'dialog:openProject': method<string | null>()(empty),
  'dialog:saveProject': method<string | null>()(z.object({ defaultName: z.string().max(200).optional() })),
  'dialog:importFiles': method<string[] | null>()(empty),
};
