const ELLIPSIS = '…';

/**
 * Cuts text to at most `max` characters (UTF-16 units, as platforms count), ending with "…",
 * never splitting a surrogate pair. `atWord` backs off to a space when one is near the cut, for
 * titles people read.
 */
export function truncate(text: string, max: number, options: { atWord?: boolean } = {}): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS;
  let head = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  if (options.atWord) {
    const space = head.lastIndexOf(' ');
    if (space > max * 0.6) head = head.slice(0, space);
  }
  return head + ELLIPSIS;
}
