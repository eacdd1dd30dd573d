import type { Reply } from '../core/card.ts';
import type { CommandContext } from './context.ts';

/** A short success message only the caller sees: "Tip #4 saved", "Meetup #2 cancelled"… */
export const confirmation = (ctx: Pick<CommandContext, 'locale'>, text: string): Reply => ({
  visibility: 'ephemeral',
  card: { locale: ctx.locale, tone: 'success', body: [[text]] },
});
