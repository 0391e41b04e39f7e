/**
 * The script-tag bundle's loaders: it is one classic script, so each table is a small ES module published next to it
 * (`dist/locales/de.js`) and fetched with a dynamic import relative to the script's own URL.
 */
import type { LocaleMessages } from './locales/en.js';
import type { localeLoaders as moduleLoaders } from './locale-loaders.js';
import { importBesideScript } from '../lib/beside-script.js';

type LazyLocale = keyof typeof moduleLoaders;

function load(locale: LazyLocale) {
  return async (): Promise<LocaleMessages> => {
    const module = await importBesideScript<Record<string, LocaleMessages>>(`locales/${locale}.js`, 'translations');
    return module[locale]!;
  };
}

export const localeLoaders: typeof moduleLoaders = {
  de: load('de'),
  fr: load('fr'),
  es: load('es'),
  it: load('it'),
  nl: load('nl'),
  pt: load('pt'),
  sv: load('sv'),
  ja: load('ja'),
  ko: load('ko'),
  zh: load('zh'),
  pl: load('pl'),
  tr: load('tr'),
};
