import { supportedLanguageOf } from '../i18n/localize.js';

export interface LocaleSources {
  /** The element's `locale` attribute. */
  attribute?: string | null;
  /** The session's `locale` as Polar returned it. */
  checkoutLocale?: string | null;
  /** `navigator.languages` (or `[navigator.language]`). */
  navigatorLanguages?: readonly (string | null | undefined)[] | null;
}

/**
 * The BCP 47 tag the checkout formats numbers and dates with and sends to Polar: the first of attribute,
 * session locale and browser languages that is well formed and in a language we translate. The region is
 * kept (`de-AT`, `en-GB`) so dates and numbers follow local habits; the UI language is its first subtag.
 * Falls back to `en`.
 */
export function checkoutLocale({ attribute, checkoutLocale, navigatorLanguages }: LocaleSources): string {
  const candidates = [attribute, checkoutLocale, ...(navigatorLanguages ?? [])];
  for (const candidate of candidates) {
    const tag = canonicalTag(candidate);
    if (tag && supportedLanguageOf(tag)) return tag;
  }
  return 'en';
}

function canonicalTag(candidate: string | null | undefined): string | null {
  const trimmed = candidate?.trim().replace(/_/g, '-');
  if (!trimmed) return null;
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null;
  } catch {
    return null;
  }
}
