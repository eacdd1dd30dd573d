/**
 * The text being read, and which of its characters a grammar has already taken. Positions stay
 * those of the normalized text, so each reader matches on what is left (taken characters become
 * spaces) and whatever no reader took is quoted back to the person instead of being ignored.
 */
export class Scan {
  /** Lower-case, one space between words, ' for apostrophes, - for dashes, no quotation marks. */
  readonly text: string;
  /** The same, with the person's capitals: what messages quote. */
  readonly display: string;
  private readonly taken: boolean[];

  constructor(raw: string, copied?: { text: string; display: string; taken: boolean[] }) {
    if (copied) {
      ({ text: this.text, display: this.display } = copied);
      this.taken = [...copied.taken];
      return;
    }
    const display = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
    const lower = fold(display.toLowerCase());
    this.text = lower;
    this.display = lower.length === display.length ? display : lower;
    this.taken = Array.from({ length: lower.length }, () => false);
  }

  /** A copy to try a reading on, without taking anything from this one. */
  clone(): Scan {
    return new Scan('', { text: this.text, display: this.display, taken: this.taken });
  }

  /** What no reader has taken yet, taken characters blanked out. */
  rest(): string {
    return [...this.text].map((char, index) => (this.taken[index] ? ' ' : char)).join('');
  }

  take(start: number, end: number): void {
    for (let index = start; index < end; index++) this.taken[index] = true;
  }

  /** Every match of `pattern` (global) in what is left, in order. */
  matches(pattern: RegExp): RegExpExecArray[] {
    return [...this.rest().matchAll(pattern)];
  }

  /** Taken together: what a match covers, as written. */
  quote(start: number, end: number): string {
    return this.display.slice(start, end).trim();
  }

  /** What is left once the small words that carry no meaning on their own are set aside, as written. */
  leftover(): string[] {
    const parts: string[] = [];
    for (const segment of this.rest().matchAll(/\S+(?:\s+\S+)*/g)) {
      const words = [...segment[0].matchAll(/\S+/g)].filter((word) => !isFiller(word[0]));
      const [first] = words;
      const last = words.at(-1);
      if (first && last) parts.push(this.quote(segment.index + first.index, segment.index + last.index + last[0].length));
    }
    return parts;
  }
}

/** One spelling for signs people type several ways; each character stays one character, so positions hold. */
function fold(text: string): string {
  return text.replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—―−]/g, '-').replace(/[«»“”"]/g, ' ');
}

/** Words and signs that only link the parts of a date: "le", "à", "on", "at", commas… */
const fillers = new Set([
  'le', 'la', 'les', "l'", 'de', 'du', "d'", 'à', 'a', 'au', 'en', 'et', 'ce', 'cette', 'vers', 'pour', 'dès', 'des',
  'on', 'at', 'the', 'of', 'and', 'this', 'around', 'about', 'by',
]);

function isFiller(word: string): boolean {
  const bare = word.replace(/^[,;.:()[\]!?·/-]+|[,;.:()[\]!?·/-]+$/g, '');
  return bare === '' || fillers.has(bare);
}
