/** Stripe Elements and Payment Element options for a Polar checkout, following Polar's own checkout. Pure: no DOM. */
import type {
  Appearance,
  StripeElementLocale,
  StripeElementsOptionsMode,
  StripeElementsUpdateOptions,
  StripePaymentElementOptions,
} from '@stripe/stripe-js';
import type { components } from '../api/schema.js';

type CheckoutPublic = components['schemas']['CheckoutPublic'];

export interface ElementsContext {
  /** The element's UI locale (BCP 47); falls back to the checkout's locale. */
  locale?: string;
  appearance?: Appearance;
}

type IntentShape =
  | { mode: 'subscription'; amount: number; currency: string; setupFutureUsage: 'off_session' }
  | { mode: 'payment'; amount: number; currency: string; setupFutureUsage: null }
  | { mode: 'setup'; currency: string; setupFutureUsage: 'off_session' };

/** Which kind of intent Polar's server will create on confirm (service.py): it decides the Elements mode. */
function intentShapeFor(checkout: CheckoutPublic): IntentShape {
  const currency = checkout.currency.toLowerCase();
  const amount = checkout.total_amount;
  if (checkout.is_payment_setup_required && checkout.is_payment_required && amount > 0) {
    return { mode: 'subscription', amount, currency, setupFutureUsage: 'off_session' };
  }
  if (checkout.is_payment_required && amount > 0) {
    return { mode: 'payment', amount, currency, setupFutureUsage: null };
  }
  // Trials, $0 totals that still need a card on file, 100% discounts that are not forever.
  return { mode: 'setup', currency, setupFutureUsage: 'off_session' };
}

/** Options for `stripe.elements()` (deferred intent: the server creates the intent on confirm). */
export function elementsOptionsFor(checkout: CheckoutPublic, context: ElementsContext): StripeElementsOptionsMode {
  const shape = intentShapeFor(checkout);
  const shared = {
    paymentMethodCreation: 'manual' as const,
    locale: stripeLocale(context.locale ?? checkout.locale ?? undefined),
    ...(context.appearance ? { appearance: context.appearance } : {}),
    ...customerSession(checkout),
  };
  switch (shape.mode) {
    case 'subscription':
      return { ...shared, ...shape };
    case 'payment':
      return { ...shared, mode: shape.mode, amount: shape.amount, currency: shape.currency };
    case 'setup':
      return { ...shared, ...shape };
  }
}

/** What to pass to `elements.update()` after the checkout changed (a PATCH changed the amount, product or trial). */
export function elementsUpdateFor(checkout: CheckoutPublic): StripeElementsUpdateOptions {
  const shape = intentShapeFor(checkout);
  // setupFutureUsage is always sent, as null for one-time payments, so that leaving a subscription clears it.
  return { ...shape };
}

const paymentMethodOrder = ['apple_pay', 'google_pay', 'card'];
const koreanPaymentMethods = ['kr_card', 'kakao_pay', 'naver_pay', 'samsung_pay', 'payco'];

/** Options for `elements.create('payment', ...)`: the element collects billing details itself and shows the terms. */
export function paymentElementOptionsFor(checkout: CheckoutPublic): StripePaymentElementOptions {
  const korean = checkout.currency.toLowerCase() === 'krw';
  return {
    layout: 'tabs',
    paymentMethodOrder: korean ? [...koreanPaymentMethods, ...paymentMethodOrder] : [...paymentMethodOrder],
    fields: { billingDetails: { name: 'never', email: 'never', phone: 'never', address: 'never' } },
    terms: {
      applePay: 'never',
      auBecsDebit: 'never',
      bancontact: 'never',
      card: 'never',
      cashapp: 'never',
      googlePay: 'never',
      ideal: 'never',
      klarna: 'never',
      paypal: 'never',
      sepaDebit: 'never',
      sofort: 'never',
      usBankAccount: 'never',
    },
  };
}

function customerSession(checkout: CheckoutPublic): { customerSessionClientSecret?: string } {
  const secret = checkout.payment_processor_metadata?.['customer_session_client_secret'];
  return secret ? { customerSessionClientSecret: secret } : {};
}

const stripeLocales: readonly StripeElementLocale[] = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-AU',
  'en-CA',
  'en-NZ',
  'en-GB',
  'es',
  'es-ES',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'fr-FR',
  'he',
  'hu',
  'hr',
  'id',
  'it',
  'it-IT',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'no',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
];
const stripeLocaleByLowercase = new Map(stripeLocales.map((locale) => [locale.toLowerCase(), locale]));

// Tags Stripe knows under another name.
const aliases: Record<string, StripeElementLocale> = {
  'pt-pt': 'pt',
  'zh-cn': 'zh',
  'zh-sg': 'zh',
  'zh-hans': 'zh',
  'zh-hant': 'zh-TW',
  'zh-mo': 'zh-HK',
  nn: 'nb',
  iw: 'he',
  tl: 'fil',
  in: 'id',
};

/** Maps a BCP 47 tag to the closest locale Stripe Elements supports, or 'auto' (the browser's) when none fits. */
export function stripeLocale(locale: string | undefined): StripeElementLocale | 'auto' {
  if (!locale) return 'auto';
  const tag = locale.trim().replace(/_/g, '-').toLowerCase();
  if (!tag) return 'auto';
  const subtags = tag.split('-');
  const language = subtags[0] ?? '';
  const candidates = [tag];
  const script = subtags.find((part, index) => index > 0 && part.length === 4);
  const region = subtags.find((part, index) => index > 0 && (part.length === 2 || /^\d{3}$/.test(part)));
  if (region) candidates.push(`${language}-${region}`);
  if (script) candidates.push(`${language}-${script}`);
  for (const candidate of candidates) {
    const found = stripeLocaleByLowercase.get(candidate) ?? aliases[candidate];
    if (found) return found;
  }
  // Spanish outside Spain is Latin American Spanish to Stripe.
  if (language === 'es' && region && region !== 'es') return 'es-419';
  return stripeLocaleByLowercase.get(language) ?? aliases[language] ?? 'auto';
}

export interface AppearanceTokens {
  colorPrimary?: string;
  colorBackground?: string;
  colorText?: string;
  colorDanger?: string;
  fontFamily?: string;
  borderRadius?: string;
  spacingUnit?: string;
}

/** Stripe's Appearance for the element's theme and its resolved `--polar-checkout-*` values (empty ones skipped). */
export function appearanceFor(theme: 'light' | 'dark', tokens: AppearanceTokens): Appearance {
  const variables: NonNullable<Appearance['variables']> = {};
  for (const [name, value] of Object.entries(tokens) as [keyof AppearanceTokens, string | undefined][]) {
    const trimmed = value?.trim();
    if (trimmed) variables[name] = trimmed;
  }
  return { theme: theme === 'dark' ? 'night' : 'stripe', variables };
}
