/**
 * Characters that make text read differently from what it is, whatever the platform: control
 * characters (terminal escape sequences) and bidi embeddings, overrides and isolates ("Trojan
 * source": "exe.fdp" shown as "pdf.exe", a link label reading as another address). Newlines and
 * tabs stay.
 */
const DECEPTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** User text without deceptive characters; every renderer passes what people wrote through it. */
export function withoutDeceptiveCharacters(text: string): string {
  return text.replace(DECEPTIVE, '');
}
