/**
 * Slack names emoji (`white_check_mark`), the core speaks Unicode (✅). Only the emoji Relais acts
 * on need a name: the RSVP answers and the usual choices for the tip emoji (RELAIS_TIP_EMOJI).
 * Anything else, custom workspace emoji included, travels as `:name:`, so RELAIS_TIP_EMOJI may
 * also be set to a custom emoji written that way.
 */
const unicodeByName: Record<string, string> = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  thinking_face: '🤔',
  x: '❌',
  bulb: '💡',
  bookmark: '🔖',
  pushpin: '📌',
  memo: '📝',
  star: '⭐',
  books: '📚',
  '+1': '👍',
  thumbsup: '👍',
};

const nameByUnicode = new Map<string, string>();
for (const [name, unicode] of Object.entries(unicodeByName)) if (!nameByUnicode.has(unicode)) nameByUnicode.set(unicode, name);

/** `thinking_face` → 🤔; skin tones (`+1::skin-tone-3`) are the same answer. */
export function unicodeOf(slackName: string): string {
  const base = slackName.split('::')[0] ?? slackName;
  return unicodeByName[base] ?? `:${base}:`;
}

/** ✅ → `white_check_mark`, `:party-parrot:` → `party-parrot`, for reactions.add. */
export function slackNameOf(emoji: string): string {
  const named = /^:([^:\s]+):$/.exec(emoji)?.[1];
  return named ?? nameByUnicode.get(emoji) ?? nameByUnicode.get(emoji.replace(/\uFE0F/g, '')) ?? emoji;
}
