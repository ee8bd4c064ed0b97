/** Facts about the running app. */
import { z } from 'zod';
import { empty } from './common';
import { method } from './method';

/** The languages of the UI, the default first (src-main/locale/language.ts holds the same list for the renderer). */
export const languages = ['zh-CN', 'en'] as const;

/** One language of the UI. */
export type Language = (typeof languages)[number];

/** How the Node side is being served. */
export type AppMode = 'electron' | 'browser' | 'cli' | 'test';

/** Facts about the running app. */
export interface AppInfo {
  /** Package version. */
  version: string;
  /** Transport the renderer is talking through. */
  mode: AppMode;
  /** Folder where new projects are created by name. */
  projectsDir: string;
}

/** The `app:*` methods. */
export const appMethods = {
  'app:info': method<AppInfo>()(empty),
  /** Sets the language of what the Node side writes (messages, exported headers, the menu); answers the language now in force. */
  'app:setLanguage': method<{ language: Language }>()(z.object({ language: z.enum(languages) })),
};
