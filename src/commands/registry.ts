import type { Conversation } from '../core/adapter.ts';
import type { Card, Reply } from '../core/card.ts';
import { RelaisError } from '../core/errors.ts';
import { ensureChannel, ensureMember } from '../domain/directory.ts';
import { requirePermission } from '../domain/permissions.ts';
import { isLocale, translator, type Translate } from '../i18n/translate.ts';
import type { Services } from '../services.ts';
import type { CommandContext } from './context.ts';
import type { CommandDef, SubcommandDef } from './define-command.ts';
import { pickSubcommand, splitArguments, validateArguments } from './parse.ts';
import { toRelaisError } from './to-relais-error.ts';
import { usageLine } from './usage.ts';

export interface Invocation {
  conversation: Conversation;
  command: string;
  text: string;
  prefix: string;
}

/** Holds the command declarations; parses, checks, runs, and turns every failure into a localized reply. */
export class CommandRegistry {
  private readonly byName = new Map<string, CommandDef>();

  constructor(commands: CommandDef[]) {
    for (const command of commands) {
      if (this.byName.has(command.name)) throw new Error(`Duplicate command name: ${command.name}`);
      const names = command.subcommands.flatMap((sub) => [sub.name, ...(sub.aliases ?? [])]);
      const repeated = names.find((name, index) => names.indexOf(name) !== index);
      if (repeated) throw new Error(`Duplicate subcommand name in ${command.name}: ${repeated}`);
      this.byName.set(command.name, command);
    }
  }

  get commands(): CommandDef[] {
    return [...this.byName.values()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  async dispatch(services: Services, invocation: Invocation): Promise<Reply[]> {
    const command = this.byName.get(invocation.command);
    let ctx: CommandContext | undefined;
    let sub: SubcommandDef | undefined;
    try {
      ctx = await this.context(services, invocation);
      if (!command) throw new RelaisError('usage', 'errors.unknownCommand', { command: `${invocation.prefix}${invocation.command}` });
      const picked = pickSubcommand(command, invocation.text);
      // A command that declares its own `help` subcommand (/relais help) answers with the help of everything.
      if (!picked || picked.sub.name === 'help') {
        const declaresHelp = command.subcommands.some((candidate) => candidate.name === 'help');
        return [{ visibility: 'ephemeral', card: this.helpCard(ctx, declaresHelp ? undefined : command) }];
      }
      sub = picked.sub;
      const args = validateArguments(sub, splitArguments(sub, picked.rest, ctx.t), ctx.t);
      await requirePermission(ctx, sub.permission);
      const result = await sub.run(args, ctx);
      return Array.isArray(result) ? result : [result];
    } catch (error) {
      const locale = ctx?.locale ?? services.config.RELAIS_LOCALE;
      const relaisError = toRelaisError(error, services.logger, { command: invocation.command });
      const t = translator(locale);
      // The usage line helps with what the person typed; an outage or a bug is not their syntax.
      const aboutInput = !['unavailable', 'internal'].includes(relaisError.code);
      const usage = aboutInput && command && (sub ? [usageLine(invocation.prefix, command, sub, t)] : this.usages(invocation.prefix, command, t));
      const card: Card = {
        locale,
        tone: 'error',
        body: [[t(relaisError.userMessage, relaisError.params)]],
        ...(usage ? { footer: [`${t('help.usage')} ${usage.join(' · ')}`] } : {}),
      };
      return [{ visibility: 'ephemeral', card }];
    }
  }

  /** The help card: every command, or one command's subcommands, with generated usage. */
  helpCard(ctx: Pick<CommandContext, 't' | 'locale' | 'prefix'>, only?: CommandDef): Card {
    const commands = only ? [only] : this.commands;
    return {
      locale: ctx.locale,
      header: [only ? ctx.t('help.commandTitle', { command: `${ctx.prefix}${only.name}` }) : ctx.t('help.title')],
      body: only ? [[ctx.t(only.help)]] : [[ctx.t('help.intro')]],
      items: commands.flatMap((command) =>
        command.subcommands.map((sub) => [{ code: usageLine(ctx.prefix, command, sub, ctx.t) }, ` — ${ctx.t(sub.help)}`]),
      ),
    };
  }

  private usages(prefix: string, command: CommandDef, t: Translate): string[] {
    return command.subcommands.map((sub) => usageLine(prefix, command, sub, t));
  }

  private async context(services: Services, invocation: Invocation): Promise<CommandContext> {
    const { conversation } = invocation;
    const defaults = { locale: services.config.RELAIS_LOCALE, timezone: services.config.RELAIS_TIMEZONE };
    const channel = await ensureChannel(services.db, conversation.channel, defaults);
    const member = await ensureMember(services.db, conversation.user);
    const locale = isLocale(channel.locale) ? channel.locale : defaults.locale;
    return { services, conversation, channel, member, locale, timeZone: channel.timezone, t: translator(locale), prefix: invocation.prefix };
  }
}
