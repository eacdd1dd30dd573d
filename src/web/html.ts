import { followableUrl } from '../core/card.ts';
import escapeHtml from 'escape-html';
import { withoutDeceptiveCharacters } from '../core/inert-text.ts';

/** Markup that is already safe: built by `html`, never from raw user text. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(withoutDeceptiveCharacters(String(value)));
}

/**
 * The only way pages build HTML: every interpolated value is escaped unless it is itself the
 * result of `html`, so user text cannot become markup.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** A URL users typed may be shown as a link only when it is one people may follow (the cards' rule); otherwise undefined. */
export const safeHref = (url: string | null | undefined): string | undefined => (url ? followableUrl(url) : undefined);
