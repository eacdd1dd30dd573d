import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.ts';
import { plainText } from '../../src/core/plain-text.ts';
import { translator } from '../../src/i18n/translate.ts';
import { actions, capture, commands, forms, Interactions, reactions } from '../../src/interactions/registry.ts';
import { action, defineCommand, subcommand } from '../../src/interactions/declare.ts';
import { helpCard } from '../../src/interactions/pipeline/replies.ts';
import { usageLine } from '../../src/interactions/usage.ts';

const noop = subcommand({ name: 'x', args: [], schema: z.object({}), permission: 'anyone', help: 'tips.help.add', run: async () => [] });
const config = loadConfig({});
const declared = (overrides: Partial<ConstructorParameters<typeof Interactions>[1]>) =>
  new Interactions(config, { commands, actions, reactions, forms, capture, ...overrides });

describe('declarations', () => {
  it('rejects two commands with the same name', () => {
    expect(() => declared({ commands: [defineCommand({ name: 'a', help: 'tips.help.command', subcommands: [noop] }), defineCommand({ name: 'a', help: 'tips.help.command', subcommands: [noop] })] })).toThrow(/Duplicate command name: a/);
  });

  it('rejects a subcommand name repeated as an alias', () => {
    const clash = subcommand({ ...noop, name: 'y', aliases: ['x'] } as never);
    expect(() => declared({ commands: [defineCommand({ name: 'b', help: 'tips.help.command', subcommands: [noop, clash] })] })).toThrow(/Duplicate subcommand name in b: x/);
  });

  it('rejects two buttons with one action id, and an owner rule with nothing to own', () => {
    const click = action({ id: 'same', schema: z.object({}), permission: 'anyone', run: async () => [] });
    expect(() => declared({ actions: [click, click] })).toThrow(/Duplicate action id: same/);
    const orphan = subcommand({ ...noop, name: 'z', permission: 'owner' });
    expect(() => declared({ commands: [defineCommand({ name: 'c', help: 'tips.help.command', subcommands: [orphan] })] })).toThrow(/"owner" needs a target/);
  });

  it('rejects two reactions for one emoji, however the client spells it', () => {
    const tipOnCheck = loadConfig({ RELAIS_TIP_EMOJI: '✅\uFE0F' });
    expect(() => new Interactions(tipOnCheck)).toThrow(/Two reactions declared/);
  });

  it('generates usage lines from the declarations, in both languages and with the platform prefix', () => {
    const tip = commands.find((command) => command.name === 'tip')!;
    const add = tip.subcommands.find((sub) => sub.name === 'add')!;
    expect(usageLine('/', tip, add, translator('fr'))).toBe('/tip add <texte [#tags]>');
    expect(usageLine('!', tip, add, translator('en'))).toBe('!tip add <text [#tags]>');
    const meetup = commands.find((command) => command.name === 'meetup')!;
    const create = meetup.subcommands.find((sub) => sub.name === 'create')!;
    expect(usageLine('/', meetup, create, translator('en'))).toBe('/meetup create <title> | <when> | <where> | [capacity N | reminders 2d,1h | members only | until … | announce 10 days | publish]');
  });

  it('lists every subcommand of every command in the help card', () => {
    const help = plainText(helpCard(commands, { t: translator('en'), locale: 'en', prefix: '/' }));
    for (const command of commands) for (const sub of command.subcommands) expect(help).toContain(`/${command.name} ${sub.name}`);
  });

  it('tells adapters what to register: commands, the reactions Relais answers, the capture shortcut, the forms', () => {
    const declarations = new Interactions(loadConfig({ RELAIS_TIP_EMOJI: '📌' })).declarations();
    expect(declarations.commands.map((command) => command.name)).toEqual(['tip', 'resource', 'ressource', 'meetup', 'summary', 'relais']);
    expect(declarations.reactions).toEqual([{ emoji: '✅', removals: true }, { emoji: '🤔', removals: true }, { emoji: '❌', removals: true }, { emoji: '📌', removals: false }]);
    expect(declarations.capture.label.en).toBe('Save as tip');
    expect(declarations.forms.map((form) => form.id)).toEqual(['meetup.create', 'meetup.edit']);
    expect(declarations.forms[0]!.fields.map((field) => field.name)).toEqual([
      'title', 'date', 'time', 'end', 'repeat', 'until', 'announceDays', 'timezone', 'place', 'link', 'capacity', 'reminders', 'membersOnly', 'channels',
    ]);
    // Read back whatever the meetup it is opened for: every field it can have, the choice of dates of a series included.
    expect(declarations.forms[1]!.fields.map((field) => [field.name, field.kind])).toEqual([
      ['title', 'text'], ['date', 'date'], ['time', 'time'], ['end', 'time'], ['timezone', 'timezone'], ['place', 'text'], ['link', 'url'],
      ['capacity', 'number'], ['reminders', 'text'], ['membersOnly', 'flag'], ['scope', 'choice'],
    ]);
  });
});
