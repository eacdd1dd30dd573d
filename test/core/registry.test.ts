import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../src/commands/index.ts';
import { defineCommand, subcommand } from '../../src/commands/define-command.ts';
import { CommandRegistry } from '../../src/commands/registry.ts';
import { usageLine } from '../../src/commands/usage.ts';
import { plainText } from '../../src/core/plain-text.ts';
import { translator } from '../../src/i18n/translate.ts';

const noop = subcommand({ name: 'x', args: [], schema: z.object({}), permission: 'anyone', help: 'tips.help.add', run: async () => [] });

describe('command declarations', () => {
  it('rejects two commands with the same name', () => {
    expect(() => new CommandRegistry([defineCommand({ name: 'a', help: 'tips.help.command', subcommands: [noop] }), defineCommand({ name: 'a', help: 'tips.help.command', subcommands: [noop] })])).toThrow(/Duplicate command name: a/);
  });

  it('rejects a subcommand name repeated as an alias', () => {
    const clash = subcommand({ ...noop, name: 'y', aliases: ['x'] } as never);
    expect(() => new CommandRegistry([defineCommand({ name: 'b', help: 'tips.help.command', subcommands: [noop, clash] })])).toThrow(/Duplicate subcommand name in b: x/);
  });

  it('generates usage lines from the declarations, in both languages and with the platform prefix', () => {
    const tip = commands.find((command) => command.name === 'tip')!;
    const add = tip.subcommands.find((sub) => sub.name === 'add')!;
    expect(usageLine('/', tip, add, translator('fr'))).toBe('/tip add <texte [#tags]>');
    expect(usageLine('!', tip, add, translator('en'))).toBe('!tip add <text [#tags]>');
    const meetup = commands.find((command) => command.name === 'meetup')!;
    const create = meetup.subcommands.find((sub) => sub.name === 'create')!;
    expect(usageLine('/', meetup, create, translator('en'))).toBe('/meetup create <title> | <when> | <where> | [capacity N]');
  });

  it('lists every subcommand of every command in the help card', () => {
    const registry = new CommandRegistry(commands);
    const help = plainText(registry.helpCard({ t: translator('en'), locale: 'en', prefix: '/' }));
    for (const command of commands) for (const sub of command.subcommands) expect(help).toContain(`/${command.name} ${sub.name}`);
  });
});
