import type { components } from '../api/schema.js';
import type { Translate } from '../i18n/localize.js';
import { isolated } from './bidi.js';
import { formatDate, formatPercent } from './intl.js';
import { formatMoney } from './money.js';
import {
  checkoutPeriod,
  describeProductPrice,
  meteredPrices,
  recurringIntervalText,
  withInterval,
  type RecurringPeriod,
} from './prices.js';
import { activeTrial, trialFreeText } from './trial.js';

type CheckoutPublic = components['schemas']['CheckoutPublic'];
type CheckoutDiscount = NonNullable<CheckoutPublic['discount']>;

export type TotalsRowKey =
  'subtotal' | 'discount' | 'taxable' | 'tax' | 'trial' | 'total' | 'recurring' | 'metered' | 'meter';

export interface TotalsRow {
  key: TotalsRowKey;
  /** Unique within the list (the key, or `meter:<price id>` for metered prices). */
  id: string;
  label: string;
  value: string;
  /** Minor units; null when the value is text (pending tax, metered rates). */
  amount: number | null;
  emphasis?: boolean;
  /** A secondary line, e.g. how long a discount lasts. */
  detail?: string;
}

/**
 * The order summary, top to bottom: subtotal, discount and taxable amount when discounted, tax (included /
 * pending), then the total. With a trial the total due today is zero and a row says what is charged from
 * when. Metered prices follow. A free price has a single "Free" total.
 */
export function totalsRows(checkout: CheckoutPublic, locale: string, t: Translate): TotalsRow[] {
  const money = (amount: number) => formatMoney(amount, checkout.currency, locale);
  if (checkout.is_free_product_price) {
    return [{ key: 'total', id: 'total', label: t('totals.total'), value: t('price.free'), amount: 0, emphasis: true }];
  }

  const period = checkoutPeriod(checkout);
  const intervalText = period ? recurringIntervalText(period.interval, period.count, t) : null;
  const rows: TotalsRow[] = [
    {
      key: 'subtotal',
      id: 'subtotal',
      label: t('totals.subtotal'),
      value: money(checkout.amount),
      amount: checkout.amount,
    },
  ];

  const discount = checkout.discount;
  if (discount) {
    const row: TotalsRow = {
      key: 'discount',
      id: 'discount',
      label: discountLabel(discount, locale, t),
      value: money(-checkout.discount_amount),
      amount: -checkout.discount_amount,
    };
    const duration = discountDurationText(discount, period, t);
    if (duration) row.detail = duration;
    rows.push(row, {
      key: 'taxable',
      id: 'taxable',
      label: t('totals.taxable'),
      value: money(checkout.net_amount),
      amount: checkout.net_amount,
    });
  }

  rows.push({
    key: 'tax',
    id: 'tax',
    label: checkout.tax_behavior === 'inclusive' ? t('totals.taxIncluded') : t('totals.tax'),
    value: checkout.tax_amount === null ? t('totals.taxPending') : money(checkout.tax_amount),
    amount: checkout.tax_amount,
  });

  const trial = activeTrial(checkout);
  if (trial) {
    rows.push(
      { key: 'trial', id: 'trial', label: trialFreeText(trial, t), value: t('price.free'), amount: 0 },
      { key: 'total', id: 'total', label: t('totals.totalDueToday'), value: money(0), amount: 0, emphasis: true },
      {
        key: 'recurring',
        id: 'recurring',
        label: trial.endsAt
          ? t('totals.recurring', { date: formatDate(trial.endsAt, locale) })
          : t('totals.afterTrial'),
        value: withInterval(money(checkout.total_amount), intervalText),
        amount: checkout.total_amount,
      },
    );
  } else {
    rows.push({
      key: 'total',
      id: 'total',
      label: t('totals.total'),
      value: withInterval(money(checkout.total_amount), intervalText),
      amount: checkout.total_amount,
      emphasis: true,
    });
  }

  const metered = meteredPrices(checkout);
  if (metered.length > 0 && checkout.product) {
    rows.push({ key: 'metered', id: 'metered', label: t('totals.metered'), value: '', amount: null, emphasis: true });
    for (const price of metered) {
      const description = describeProductPrice(checkout.product, price, checkout, locale, t);
      const row: TotalsRow = {
        key: 'meter',
        id: `meter:${price.id}`,
        label: price.meter?.name ? isolated(price.meter.name) : '',
        value: description.amountText,
        amount: null,
      };
      if (description.detailText) row.detail = description.detailText;
      rows.push(row);
    }
  }
  return rows;
}

/** "Launch (-20%)" for a percentage discount; the name alone for a fixed one (its amount is the row's value). */
export function discountLabel(discount: CheckoutDiscount, locale: string, t: Translate): string {
  if ('basis_points' in discount) {
    return t('totals.discountNamed', {
      name: isolated(discount.name),
      value: formatPercent(-discount.basis_points / 10_000, locale),
    });
  }
  return discount.name ? isolated(discount.name) : t('totals.discount');
}

/** How long a subscription discount lasts: "for the first 3 months", "on the first payment only"; null if forever. */
export function discountDurationText(
  discount: CheckoutDiscount,
  period: RecurringPeriod | null,
  t: Translate,
): string | null {
  if (!period) return null;
  if (discount.duration === 'once') return t('totals.discountOnce');
  if (discount.duration === 'repeating' && 'duration_in_months' in discount) {
    return t('totals.discountUntil', { count: discount.duration_in_months });
  }
  return null;
}
