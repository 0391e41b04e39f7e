import { en, type LocaleMessages, type MessageKey, type PluralMessage } from './locales/en.js';
import { localeLoaders } from './locale-loaders.js';

export type { LocaleMessages, MessageKey, PluralMessage } from './locales/en.js';

/** Languages the checkout UI is translated into. */
export const supportedLocales = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'ja', 'ko', 'zh', 'pl', 'tr'] as const;

export type SupportedLocale = (typeof supportedLocales)[number];

/** Values substituted for `{name}` placeholders; numbers are formatted for the locale. */
export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills in its placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Translation tables in memory. English is always there; the others are fetched on first use (`loadLocale`). */
const tables: Partial<Record<SupportedLocale, LocaleMessages>> = { en };
const translators = new Map<SupportedLocale, Translate>();
const loading = new Map<SupportedLocale, Promise<void>>();

/** Puts a table in memory (the loaders do this; tests may register every table up front). */
export function registerLocale(locale: SupportedLocale, table: LocaleMessages): void {
  tables[locale] = table;
  translators.delete(locale);
}

/** Whether `translator(tag)` already speaks the tag's language. */
export function isLocaleLoaded(tag: string | null | undefined): boolean {
  return tables[resolveLocale([tag])] !== undefined;
}

/**
 * Fetches the table for a tag's language. Never rejects: if the table cannot be fetched the buyer reads English
 * rather than nothing, and a later call tries again.
 */
export function loadLocale(tag: string | null | undefined): Promise<void> {
  const locale = resolveLocale([tag]);
  if (locale === 'en' || tables[locale]) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = localeLoaders[locale]()
      .then((table) => registerLocale(locale, table))
      .catch(() => undefined)
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

export function isSupportedLocale(locale: string): locale is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(locale);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** The supported language for one BCP 47 tag (`de-AT` → `de`, `pt-PT` → `pt`, `zh-Hans-CN` → `zh`), if any. */
export function supportedLanguageOf(tag: string | null | undefined): SupportedLocale | null {
  if (!tag) return null;
  const language = tag.trim().replace(/_/g, '-').split('-')[0]?.toLowerCase() ?? '';
  return isSupportedLocale(language) ? language : null;
}

/** The first preference we have a translation for, else English. Empty and unknown entries are skipped. */
export function resolveLocale(preferences: readonly (string | null | undefined)[]): SupportedLocale {
  for (const preference of preferences) {
    const language = supportedLanguageOf(preference);
    if (language) return language;
  }
  return 'en';
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** A `Translate` for any tag; an unsupported one gets English. */
export function translator(locale: string): Translate {
  const requested = resolveLocale([locale]);
  // Until its table is fetched, a language falls back to English.
  const resolved = tables[requested] ? requested : 'en';
  let translate = translators.get(resolved);
  if (!translate) {
    translate = createTranslator(resolved);
    translators.set(resolved, translate);
  }
  return translate;
}

function createTranslator(locale: SupportedLocale): Translate {
  const table = tables[locale] ?? en;
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key, params) => {
    const message: string | PluralMessage | undefined = table[key] ?? en[key];
    if (message === undefined) return key;
    const template = typeof message === 'string' ? message : pluralForm(message, plurals, params?.count);
    return template.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = params?.[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

function pluralForm(message: PluralMessage, rules: Intl.PluralRules, count: string | number | undefined): string {
  const n = typeof count === 'number' ? count : Number(count);
  if (!Number.isFinite(n)) return message.other;
  return message[rules.select(n)] ?? message.other;
}
