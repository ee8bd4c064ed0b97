import { electronBridge } from '../api/electronTransport';
import { electronPlatform } from './electron';
import type { Platform } from './platform';
import { webPlatform } from './web';

export type { PathChoice, Platform } from './platform';

const bridge = electronBridge();

/** The platform of this page, chosen once like the API transport. */
export const platform: Platform = bridge ? electronPlatform(bridge) : webPlatform();
