export interface CommandLine {
  name: string;
  text: string;
}

export interface BotIdentity {
  userId: string;
  displayName?: string | undefined;
}

/** The plain-text body and the mention metadata of an m.room.message. */
export interface MessageToRead {
  body: string;
  formattedBody?: string | undefined;
  mentionedUserIds: string[];
}

export const COMMAND_PREFIX = '!';

/**
 * Finds a command in a message: "!tip add …", or the same addressed to the bot — "relais: tip
 * add …", "@relais:server tip …", or a pill (Element writes "Relais: tip …" in the body, with a
 * matrix.to link and m.mentions in the rest of the event). A bare "!word" is answered only when
 * Relais has that command (rooms often hold several bots); a message addressed to Relais is always
 * answered, if need be with the help. A name alone ("relais,") is not enough in French, where
 * "relais" is a common word: it needs the ":" or "," right after it.
 */
export function readCommand(message: MessageToRead, bot: BotIdentity, known: (name: string) => boolean): CommandLine | undefined {
  const body = message.body.trim();
  let line: CommandLine | undefined;
  if (body.startsWith(COMMAND_PREFIX)) {
    line = split(body.slice(COMMAND_PREFIX.length));
    if (!line || !known(line.name)) return undefined;
  } else {
    const rest = afterAddress(body, message, bot);
    if (rest === undefined) return undefined;
    line = split(rest.replace(/^!/, '')) ?? { name: 'relais', text: 'help' };
  }
  return { ...line, text: withPillsAsIds(line.text, message.formattedBody, bot.userId) };
}

/**
 * A pill shows a display name in the body and links the user id in formatted_body: in a
 * command's text, the name becomes the id again, so "!relais role grant organizer Bob" names Bob.
 */
function withPillsAsIds(text: string, formattedBody: string | undefined, botUserId: string): string {
  if (!formattedBody) return text;
  let result = text;
  for (const [, id, label] of formattedBody.matchAll(/<a href="https:\/\/matrix\.to\/#\/(@[^"]+)">([^<]+)<\/a>/g)) {
    const userId = decodeURIComponent(id!);
    const name = decodeEntities(label!);
    if (userId !== botUserId && name.trim()) result = result.split(name).join(userId);
  }
  return result;
}

const decodeEntities = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function split(line: string): CommandLine | undefined {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!match) return undefined;
  return { name: (match[1] ?? '').toLowerCase(), text: match[2] ?? '' };
}

/** The text after the bot's address at the start of `body`, or undefined if not addressed. */
function afterAddress(body: string, message: MessageToRead, bot: BotIdentity): string | undefined {
  const localpart = bot.userId.slice(1).split(':')[0] ?? '';
  const explicit = message.mentionedUserIds.includes(bot.userId) || Boolean(message.formattedBody?.includes(`matrix.to/#/${bot.userId}`));
  const lower = body.toLowerCase();
  // Longest first, so "@relais:server" is not read as "@relais" + ":server".
  const names = [bot.userId, bot.displayName, `@${localpart}`, localpart].filter((n): n is string => Boolean(n));
  for (const name of names.sort((a, b) => b.length - a.length)) {
    if (!lower.startsWith(name.toLowerCase())) continue;
    const after = body.slice(name.length);
    const separator = /^\s*[:,]/.test(after);
    const fullId = name === bot.userId || name === `@${localpart}`;
    if (separator || ((fullId || explicit) && (after === '' || /^\s/.test(after)))) return after.replace(/^\s*[:,]?\s*/, '');
  }
  return undefined;
}
