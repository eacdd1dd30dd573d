import type { Catalog, Message } from '../core/platform-module.ts';
import type { MessageKey as AnyMessageKey, MessageParams } from '../core/errors.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Message ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the core's catalogs (the French one is the reference; English is typed as it). */
type CatalogKey = Leaves<typeof fr>;
export type MessageKey = CatalogKey;
export type { MessageParams };

// The core's error type names message keys without importing a catalog: this fills its registry in.
declare module '../core/errors.ts' {
  interface MessageKeys extends Record<CatalogKey, true> {}
}

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
const catalogs: Record<Locale, Catalog> = { fr, en };

/** Platforms' own strings, under `platforms.<name>.`: registered once by buildRelais from each adapter module. */
const platformCatalogs = new Map<string, Record<Locale, Catalog>>();

export function registerPlatformStrings(platform: string, strings: Record<Locale, Catalog>): void {
  platformCatalogs.set(platform, strings);
}

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

/** The language to use for `value` (a channel's setting, a browser's): itself when Relais speaks it, else `fallback`. */
export const localeOr = (value: string | null | undefined, fallback: Locale): Locale => (value && isLocale(value) ? value : fallback);

function lookup(catalog: Catalog | undefined, key: string): Message | undefined {
  let node: Message | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string' || 'one' in node) return undefined;
    node = (node as Catalog)[part];
  }
  return node as Message | undefined;
}

function find(lang: Locale, key: string): Message | undefined {
  const platform = /^platforms\.([^.]+)\.(.+)$/.exec(key);
  if (platform) {
    const strings = platformCatalogs.get(platform[1]!);
    return lookup(strings?.[lang], platform[2]!) ?? lookup(strings?.fr, platform[2]!);
  }
  return lookup(catalogs[lang], key) ?? lookup(catalogs.fr, key);
}

export function translate(locale: string, key: AnyMessageKey, params: MessageParams = {}): string {
  const lang: Locale = isLocale(locale) ? locale : 'fr';
  const message = find(lang, key) ?? key;
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
export type Translate = (key: AnyMessageKey, params?: MessageParams) => string;
export const translator = (locale: string): Translate => (key, params) => translate(locale, key, params);
