import type { PlatformModule } from '../src/core/platform-module.ts';
import { consolePlatform } from './console/index.ts';
import { matrixPlatform } from './matrix/index.ts';
import { slackPlatform } from './slack/index.ts';

/**
 * The chat platforms Relais can serve: a new platform is a new folder and one entry here. Each
 * module's index.ts is small and loads its SDK only when it is configured (create()).
 */
export const platforms: PlatformModule[] = [slackPlatform, matrixPlatform, consolePlatform] as PlatformModule[];
