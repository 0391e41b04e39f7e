/** The card form's slot, the pay button with its state, and the message that belongs next to it. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Remedy } from '../checkout/messages.js';
import { isBusy } from '../checkout/session-state.js';
import type { MessageKey } from '../i18n/localize.js';
import { payButtonLabel, mandateText } from '../model/buttons.js';
import { PAYMENT_SLOT } from '../payment/payment-port.js';
import type { ViewContext } from './view-context.js';

export type RemedyActions = Record<Remedy, () => void>;

export function payView(context: ViewContext, remedies: RemedyActions): TemplateResult {
  const { checkout, state, t, locale } = context;
  const busy = isBusy(state);
  const label =
    state.phase === 'awaiting'
      ? t('pay.waiting')
      : state.phase === 'stalled'
        ? t('pay.checkAgain')
        : state.phase === 'paying'
          ? state.payStep === 'authenticating'
            ? t('pay.confirming')
            : t('pay.processing')
          : payButtonLabel(checkout, locale, t);
  const paymentUnavailable = checkout.is_payment_form_required && state.payment.status === 'failed';
  const enabled = state.phase === 'stalled' || (state.phase === 'open' && !paymentUnavailable);
  return html`<section class="fields">
    ${
      checkout.is_payment_form_required
        ? html`<h3 id="payment-heading">${t('payment.heading')}</h3>
            <div class="payment-slot" role="group" aria-labelledby="payment-heading" data-state=${state.payment.status}>
              <slot name=${PAYMENT_SLOT}></slot>
            </div>`
        : nothing
    }
    ${formErrorView(context, remedies)}
    <button part="submit" type="submit" ?disabled=${!enabled} aria-busy=${busy ? 'true' : 'false'}>${label}</button>
    <p class="saving" role="status">${state.saving && !busy ? t('a11y.updating') : ''}</p>
    <p class="mandate">${sentences(mandateText(checkout, t), t('legal.merchantOfRecord'))}<a
        href=${BUYER_TERMS_URL}
        target="_blank"
        rel="noopener noreferrer"
        >${t('legal.buyerTerms')}<span class="visually-hidden"> (${t('a11y.opensInNewTab')})</span></a
      ></p>
  </section>`;
}

/** Sentences run on with a space after each, but none after a CJK full stop (Japanese, Chinese). */
function sentences(...texts: (string | null)[]): string {
  return texts
    .filter((text): text is string => !!text)
    .map((text) => (/[。！？]$/.test(text) ? text : `${text} `))
    .join('');
}

/** Polar sells as merchant of record: each checkout says so and links the terms the buyer accepts, as Polar's own does. */
const BUYER_TERMS_URL = 'https://polar.sh/legal/checkout-buyer-terms';

const remedyLabels: Record<Remedy, MessageKey | null> = {
  'retry-save': 'error.retry',
  'retry-payment-form': 'error.retry',
  reload: 'error.retry',
  // The pay button itself says "Check again".
  recheck: null,
};

function formErrorView(context: ViewContext, remedies: RemedyActions): TemplateResult | typeof nothing {
  const error = context.state.formError;
  if (!error) return nothing;
  const label = error.remedy ? remedyLabels[error.remedy] : null;
  return html`<div part="error" class="form-error" role="alert" tabindex="-1" data-code=${error.code}>
    <span>${context.say(error.message)}</span>${
      label && error.remedy
        ? html`<button type="button" @click=${remedies[error.remedy]}>${context.t(label)}</button>`
        : nothing
    }
  </div>`;
}
