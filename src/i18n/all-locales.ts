/** Every translation table, in memory at once: for tests and for apps that prefer one bundle to lazy chunks. */
import { de } from './locales/de.js';
import { en, type LocaleMessages } from './locales/en.js';
import { es } from './locales/es.js';
import { fr } from './locales/fr.js';
import { it } from './locales/it.js';
import { ja } from './locales/ja.js';
import { ko } from './locales/ko.js';
import { nl } from './locales/nl.js';
import { pl } from './locales/pl.js';
import { pt } from './locales/pt.js';
import { sv } from './locales/sv.js';
import { tr } from './locales/tr.js';
import { zh } from './locales/zh.js';
import { registerLocale, type SupportedLocale } from './localize.js';

export const messages: Readonly<Record<SupportedLocale, LocaleMessages>> = {
  en,
  de,
  fr,
  es,
  it,
  nl,
  pt,
  sv,
  ja,
  ko,
  zh,
  pl,
  tr,
};

/** Registers every table, so `translator()` needs no `loadLocale()` first. */
export function registerAllLocales(): void {
  for (const [locale, table] of Object.entries(messages)) registerLocale(locale as SupportedLocale, table);
}
