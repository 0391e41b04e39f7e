import type { components } from '../api/schema.js';
import type { Translate } from '../i18n/localize.js';
import { formatDate } from './intl.js';
import { formatMoney } from './money.js';
import { checkoutPeriod, recurringAmountText } from './prices.js';
import { activeTrial } from './trial.js';

type CheckoutPublic = components['schemas']['CheckoutPublic'];

/** The pay button's resting label: "Start free trial", "Subscribe", "Pay $49" or "Get it for free". */
export function payButtonLabel(checkout: CheckoutPublic, locale: string, t: Translate): string {
  const recurring = checkoutPeriod(checkout) !== null;
  if (activeTrial(checkout) && checkout.is_payment_form_required) return t('pay.startTrial');
  if (recurring) return t('pay.subscribe');
  if (!checkout.is_payment_form_required || checkout.total_amount === 0) return t('pay.getFree');
  return t('pay.pay', { amount: formatMoney(checkout.total_amount, checkout.currency, locale) });
}

/**
 * The authorization the buyer gives by pressing the button, quoting its label; null when nothing is charged
 * (no payment form). `locale` formats amounts and dates; it defaults to the translator's own language.
 */
export function mandateText(checkout: CheckoutPublic, t: Translate, locale: string = t('$code')): string | null {
  if (!checkout.is_payment_form_required) return null;
  const button = payButtonLabel(checkout, locale, t);
  const trial = activeTrial(checkout);
  if (trial) {
    const amount = recurringAmountText(checkout, locale, t);
    return trial.endsAt
      ? t('mandate.trial', { button, amount, date: formatDate(trial.endsAt, locale) })
      : t('mandate.trialNoDate', { button, amount });
  }
  if (checkoutPeriod(checkout))
    return t('mandate.subscription', { button, amount: recurringAmountText(checkout, locale, t) });
  return t('mandate.oneTime', { button, amount: formatMoney(checkout.total_amount, checkout.currency, locale) });
}
