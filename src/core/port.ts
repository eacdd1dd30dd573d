import type { Card } from './card.ts';
import type { Clock } from './clock.ts';
import type { FieldErrors, FormField, FormValues } from './form.ts';
import type { Gesture } from './gesture.ts';
import type { MessageParams } from './errors.ts';

/**
 * What became of a gesture handed to the core: recorded and being worked (`accepted`), already
 * recorded (`duplicate`: a redelivery), or not recorded because the database cannot take it now
 * (`unavailable`: do not acknowledge it; platforms that redeliver will, the others get
 * `unavailableCard`).
 */
export type Receipt = 'accepted' | 'duplicate' | 'unavailable';

/** A declared command, as a platform registers it (Slack's slash commands, its manifest). */
export interface CommandInfo {
  name: string;
  /** Per locale: what the command is for, and the subcommands' usage. */
  help: Record<string, string>;
  usage: Record<string, string>;
}

/** What people can do, as declared in src/interactions: adapters register and advertise these. */
export interface Declarations {
  commands: CommandInfo[];
  /**
   * The reactions Relais acts on (answers on announcements, the tip emoji anywhere), and whether
   * taking one back means something (withdrawing an answer): others need not be recorded.
   */
  reactions: Array<{ emoji: string; removals: boolean }>;
  /** "Save as tip" on a message (Slack's message shortcut): its id and its label per locale. */
  capture: { id: string; label: Record<string, string>; description: Record<string, string> };
  /** Each form's fields, to read a submission back (labels come with the form itself). */
  forms: Array<{ id: string; fields: Array<Pick<FormField, 'name' | 'kind'>> }>;
}

/** The core as adapters see it: one entry for everything people do, and what adapters need to render. */
export interface RelaisPort {
  /**
   * Records the gesture, then has it worked: its answers come back through ChatAdapter.reply.
   * Call it before acknowledging the platform, and acknowledge only what it accepted or knew.
   */
  handle(gesture: Gesture): Promise<Receipt>;
  readonly declarations: Declarations;
  /** A form's field errors, for platforms that must answer a submission at once (Slack keeps its modal open). */
  checkForm(formId: string, values: FormValues, locale: string, subject?: string): FieldErrors | undefined;
  /** What to say when the database cannot take a gesture. */
  unavailableCard(locale?: string): Card;
  /** The adapter's own strings (its index.ts `strings`), in one locale. */
  translate(locale: string, key: string, params?: MessageParams): string;
  readonly defaultLocale: string;
  readonly clock: Clock;
  /** Resolves once the gestures and messages this process holds are done (the console waits for it between lines). */
  drain(): Promise<void>;
}
