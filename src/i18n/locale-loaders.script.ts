/**
 * The script-tag bundle's loaders: it is one classic script, so each table is a small ES module published next to it
 * (`dist/locales/de.js`) and fetched with a dynamic import relative to the script's own URL.
 */
import type { LocaleMessages } from './locales/en.js';
import type { localeLoaders as moduleLoaders } from './locale-loaders.js';

type LazyLocale = keyof typeof moduleLoaders;

// document.currentScript is only set while the script itself runs, so read it now.
const scriptUrl =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript.src
    : '';

function load(locale: LazyLocale) {
  return async (): Promise<LocaleMessages> => {
    if (!scriptUrl) throw new Error('The script URL is unknown; translations cannot be located');
    const module = (await import(/* @vite-ignore */ new URL(`locales/${locale}.js`, scriptUrl).href)) as Record<
      string,
      LocaleMessages
    >;
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
