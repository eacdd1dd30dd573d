import { meetupCommand } from './meetup.ts';
import { CommandRegistry } from './registry.ts';
import { relaisCommand } from './relais.ts';
import { summaryCommand } from './summary.ts';
import { tipCommand } from './tip.ts';

/** Every command Relais answers, on every platform. */
export const commands = [tipCommand, meetupCommand, summaryCommand, relaisCommand];

export const createRegistry = () => new CommandRegistry(commands);
