import type { components } from '../api/schema.js';
import type { Translate } from '../i18n/localize.js';

type CheckoutPublic = components['schemas']['CheckoutPublic'];

export interface ActiveTrial {
  /** Weeks are counted in days, as buyers read "14 days free" more easily than "2 weeks free". */
  unit: 'day' | 'month' | 'year';
  count: number;
  /** ISO timestamp of the first charge, when Polar knows it. */
  endsAt: string | null;
}

/** The free trial this checkout starts with, or null when there is none (or the buyer is not allowed one). */
export function activeTrial(checkout: CheckoutPublic): ActiveTrial | null {
  const interval = checkout.active_trial_interval;
  const count = checkout.active_trial_interval_count ?? 0;
  if (checkout.allow_trial === false || !interval || count <= 0) return null;
  if (interval === 'week') return { unit: 'day', count: count * 7, endsAt: checkout.trial_end };
  return { unit: interval, count, endsAt: checkout.trial_end };
}

/** "14 days free", "1 month free". */
export function trialFreeText(trial: ActiveTrial, t: Translate): string {
  if (trial.unit === 'month') return t('trial.free.month', { count: trial.count });
  if (trial.unit === 'year') return t('trial.free.year', { count: trial.count });
  return t('trial.free', { count: trial.count });
}
