/**
 * How each translation table is fetched. In the ES module build a bundler splits these into chunks loaded on first
 * use; the script-tag bundle swaps this module for `locale-loaders.script.ts` (see vite.config.ts).
 */
import type { LocaleMessages } from './locales/en.js';

type LazyLocale = 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'sv' | 'ja' | 'ko' | 'zh' | 'pl' | 'tr';

export const localeLoaders: Record<LazyLocale, () => Promise<LocaleMessages>> = {
  de: () => import('./locales/de.js').then((module) => module.de),
  fr: () => import('./locales/fr.js').then((module) => module.fr),
  es: () => import('./locales/es.js').then((module) => module.es),
  it: () => import('./locales/it.js').then((module) => module.it),
  nl: () => import('./locales/nl.js').then((module) => module.nl),
  pt: () => import('./locales/pt.js').then((module) => module.pt),
  sv: () => import('./locales/sv.js').then((module) => module.sv),
  ja: () => import('./locales/ja.js').then((module) => module.ja),
  ko: () => import('./locales/ko.js').then((module) => module.ko),
  zh: () => import('./locales/zh.js').then((module) => module.zh),
  pl: () => import('./locales/pl.js').then((module) => module.pl),
  tr: () => import('./locales/tr.js').then((module) => module.tr),
};
