import type { TipRenderOptions } from '../../domain/tips/view.ts';
import type { InteractionContext } from '../context.ts';

/** How this gesture's answers show tips: the channel's language and zone, verifications as of now. */
export const tipRendering = (ctx: InteractionContext): TipRenderOptions => ({ t: ctx.t, locale: ctx.locale, timeZone: ctx.timeZone, now: ctx.clock.now() });
