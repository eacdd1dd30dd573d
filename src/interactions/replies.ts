import type { Reply } from '../core/card.ts';

/** A short success message only the caller sees: "Tip #4 saved", "Meetup #2 cancelled"… */
export const confirmation = (ctx: { locale: string }, text: string): Reply => ({
  visibility: 'ephemeral',
  card: { locale: ctx.locale, tone: 'success', body: [[text]] },
});
