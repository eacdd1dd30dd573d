/**
 * The Slack adapter's small translations: emoji names, message markup, and the manifest agreeing
 * with what the core declares.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slackNameOf, unicodeOf } from '../../adapters/slack/emoji.ts';
import { readableText } from '../../adapters/slack/message-text.ts';
import { commands, capture } from '../../src/interactions/registry.ts';

describe('emoji names', () => {
  it('maps the RSVP and tip emoji both ways', () => {
    expect(['white_check_mark', 'thinking_face', 'x', 'bulb'].map(unicodeOf)).toEqual(['✅', '🤔', '❌', '💡']);
    expect(['✅', '🤔', '❌', '💡'].map(slackNameOf)).toEqual(['white_check_mark', 'thinking_face', 'x', 'bulb']);
  });

  it('keeps skin tones out, and other emoji as :name:', () => {
    expect(unicodeOf('+1::skin-tone-4')).toBe('👍');
    expect(unicodeOf('party-parrot')).toBe(':party-parrot:');
    expect(slackNameOf(':party-parrot:')).toBe('party-parrot');
  });
});

describe('message text', () => {
  it('turns Slack tokens into what people read', async () => {
    const names: Record<string, string> = { U1: 'Ana' };
    const text = await readableText(
      'Hi <@U1> and <@U2|bob> in <#C1|général>, see <https://x.example/a?b=1&amp;c=2|the doc>, <mailto:a@b.fr|a@b.fr>, <https://y.example> <!here> &lt;tag&gt;',
      async (id) => names[id] ?? id,
    );
    expect(text).toBe('Hi @Ana and @U2 in #général, see the doc (https://x.example/a?b=1&c=2), a@b.fr, https://y.example @here <tag>');
  });
});

describe('manifest.yml', () => {
  const manifest = readFileSync(new URL('../../adapters/slack/manifest.yml', import.meta.url), 'utf8');

  it('declares a slash command for every name of every core command (/ressource too), and nothing else', () => {
    const declared = [...manifest.matchAll(/^\s+- command: \/(\S+)$/gm)].map((match) => match[1]);
    expect(declared.sort()).toEqual(commands.flatMap((command) => [command.name, ...(command.aliases ?? [])]).sort());
  });

  it('names every subcommand in the usage hints, /summary now and /relais my-data and forget-me included', () => {
    for (const command of commands) {
      const hint = new RegExp(`- command: /${command.name}\\n(?:.*\\n){2}\\s+usage_hint: "\\[([^\\]]+)\\]`).exec(manifest)?.[1]?.split('|');
      expect(hint).toEqual(command.subcommands.map((sub) => sub.name));
    }
    expect(manifest).toMatch(/usage_hint: "\[preview\|now\|config\]/);
    expect(manifest).toMatch(/my-data\|forget-me/);
  });

  it('declares the Save as tip shortcut, the reaction events and interactivity', () => {
    expect(manifest).toContain(`callback_id: ${capture.id}`);
    expect(manifest).toMatch(/- reaction_added\n\s+- reaction_removed/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    for (const scope of ['commands', 'chat:write', 'reactions:write', 'reactions:read', 'users:read', 'im:write', 'channels:history']) {
      expect(manifest).toContain(`- ${scope}\n`);
    }
  });
});
