import { en } from './en.ts';
import { fr } from './fr.ts';

/** A message is a template with {placeholders}, or plural variants chosen by the `count` parameter. */
export type Message = string | { one: string; other: string };
export interface Catalog { [key: string]: Message | Catalog }

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Message ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof fr>;
export type MessageParams = Record<string, string | number | { key: MessageKey }>;

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
const catalogs: Record<Locale, Catalog> = { fr, en };

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

function lookup(catalog: Catalog, key: string): Message | undefined {
  let node: Message | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string' || 'one' in node) return undefined;
    node = (node as Catalog)[part];
  }
  return node as Message | undefined;
}

export function translate(locale: string, key: MessageKey, params: MessageParams = {}): string {
  const lang: Locale = isLocale(locale) ? locale : 'fr';
  const message = lookup(catalogs[lang], key) ?? lookup(catalogs.fr, key) ?? key;
  let template: string;
  if (typeof message === 'string') template = message;
  else {
    const count = Number(params.count ?? 0);
    template = new Intl.PluralRules(lang).select(count) === 'one' ? message.one : message.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? translate(lang, value.key) : String(value);
  });
}

/** A translator bound to one reader's language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;
export const translator = (locale: string): Translate => (key, params) => translate(locale, key, params);
