import type { CoreConfig } from '../config.ts';
import type { Declarations } from '../core/port.ts';
import { translator } from '../i18n/translate.ts';
import { actions } from './actions.ts';
import { meetupCommand } from './commands/meetup.ts';
import { relaisCommand } from './commands/relais.ts';
import { resourceCommand } from './commands/resource.ts';
import { summaryCommand } from './commands/summary.ts';
import { tipCommand } from './commands/tip.ts';
import type { Access, ActionDecl, CaptureDecl, CommandDecl, FormDecl, ReactionDecl } from './declare.ts';
import { meetupForm } from './forms/meetup.ts';
import { meetupEditForm } from './forms/meetup-edit.ts';
import { rsvpReaction } from './rsvp-reaction.ts';
import { tipCapture, tipReaction } from './tips-capture.ts';

/** Every command Relais answers, on every platform. */
export const commands: CommandDecl[] = [tipCommand, resourceCommand, meetupCommand, summaryCommand, relaisCommand];
export const reactions: ReactionDecl[] = [rsvpReaction, tipReaction];
export const forms: FormDecl[] = [meetupForm, meetupEditForm];
export const capture: CaptureDecl = tipCapture;
export { actions };

function checkAccess(where: string, access: Access<never>): void {
  if (access.permission === 'owner' && !access.target) throw new Error(`${where}: "owner" needs a target`);
}

/**
 * Everything people can do, looked up by what a gesture names. Built once; a repeated name or id,
 * or an owner rule without a target, fails at start rather than routing a gesture to the wrong place.
 */
export class Interactions {
  private readonly commandsByName = new Map<string, CommandDecl>();
  private readonly actionsById = new Map<string, ActionDecl>();
  private readonly formsById = new Map<string, FormDecl>();
  /** By emoji without U+FE0F: the declaration, and the emoji as it declares it. */
  private readonly reactionsByEmoji = new Map<string, { decl: ReactionDecl; emoji: string }>();
  readonly capture: CaptureDecl;

  constructor(config: CoreConfig, decls = { commands, actions, reactions, forms, capture }) {
    for (const command of decls.commands) {
      for (const name of [command.name, ...(command.aliases ?? [])]) {
        if (this.commandsByName.has(name)) throw new Error(`Duplicate command name: ${name}`);
        this.commandsByName.set(name, command);
      }
      const names = command.subcommands.flatMap((sub) => [sub.name, ...(sub.aliases ?? [])]);
      const repeated = names.find((name, index) => names.indexOf(name) !== index);
      if (repeated) throw new Error(`Duplicate subcommand name in ${command.name}: ${repeated}`);
      for (const sub of command.subcommands) checkAccess(`/${command.name} ${sub.name}`, sub as Access<never>);
    }
    for (const decl of decls.actions) {
      if (this.actionsById.has(decl.id)) throw new Error(`Duplicate action id: ${decl.id}`);
      checkAccess(decl.id, decl as Access<never>);
      this.actionsById.set(decl.id, decl);
    }
    for (const decl of decls.forms) {
      if (this.formsById.has(decl.id)) throw new Error(`Duplicate form id: ${decl.id}`);
      this.formsById.set(decl.id, decl);
    }
    for (const decl of decls.reactions) {
      for (const emoji of decl.emoji(config)) {
        const key = bare(emoji);
        if (this.reactionsByEmoji.has(key)) throw new Error(`Two reactions declared for ${emoji}`);
        this.reactionsByEmoji.set(key, { decl, emoji });
      }
    }
    this.capture = decls.capture;
  }

  get commands(): CommandDecl[] {
    return [...new Set(this.commandsByName.values())];
  }

  command(name: string): CommandDecl | undefined {
    return this.commandsByName.get(name.toLowerCase());
  }

  action(id: string): ActionDecl | undefined {
    return this.actionsById.get(id);
  }

  form(id: string): FormDecl | undefined {
    return this.formsById.get(id);
  }

  /** The declaration answering this emoji, however the client spelled it (with or without U+FE0F). */
  reaction(emoji: string): { decl: ReactionDecl; emoji: string } | undefined {
    return this.reactionsByEmoji.get(bare(emoji));
  }

  /** What adapters register and advertise. */
  declarations(): Declarations {
    const perLocale = (render: (t: ReturnType<typeof translator>) => string) => ({ fr: render(translator('fr')), en: render(translator('en')) });
    return {
      // Every name a command answers to is one to register (a Slack slash command, a Matrix "!" word).
      commands: this.commands.flatMap((command) => [command.name, ...(command.aliases ?? [])].map((name) => ({
        name,
        help: perLocale((t) => t(command.help)),
        usage: perLocale(() => command.subcommands.map((sub) => sub.name).join('|')),
      }))),
      reactions: [...this.reactionsByEmoji.values()].map(({ decl, emoji }) => ({ emoji, removals: decl.removals === true })),
      capture: { id: this.capture.id, label: perLocale((t) => t(this.capture.label)), description: perLocale((t) => t(this.capture.description)) },
      forms: [...this.formsById.values()].map((decl) => ({
        id: decl.id,
        fields: decl.build({ locale: 'fr', timeZone: 'UTC', now: new Date(0) }).fields.map(({ name, kind }) => ({ name, kind })),
      })),
    };
  }
}

/** Emoji compared without the emoji-presentation selector, which clients add or not. */
const bare = (emoji: string) => emoji.replace(/\uFE0F/g, '');
