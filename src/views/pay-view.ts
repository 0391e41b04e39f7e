/** The card form's slot, the pay button with its state, and the message that belongs next to it. */
import { html, nothing, type TemplateResult } from 'lit';
import { payButtonLabel, mandateText } from '../model/buttons.js';
import { PaymentForm } from '../payment/payment-form.js';
import type { ViewContext } from './view-context.js';

export interface PayActions {
  retrySave(): void;
  retryPayment(): void;
  reload(): void;
}

export function payView(context: ViewContext, actions: PayActions): TemplateResult {
  const { checkout, state, t, locale } = context;
  const busy = state.phase === 'paying' || state.phase === 'awaiting';
  const label =
    state.phase === 'awaiting'
      ? t('pay.waiting')
      : state.phase === 'paying'
        ? state.payStep === 'authenticating'
          ? t('pay.confirming')
          : t('pay.processing')
        : payButtonLabel(checkout, locale, t);
  const paymentUnavailable = checkout.is_payment_form_required && state.payment.status === 'failed';
  return html`<section class="fields">
    ${checkout.is_payment_form_required
      ? html`<h3 id="payment-heading">${t('payment.heading')}</h3>
          <slot name=${PaymentForm.slotName} class="payment-slot" aria-labelledby="payment-heading"></slot>`
      : nothing}
    ${formErrorView(context, actions)}
    <button
      part="submit"
      type="submit"
      ?disabled=${busy || paymentUnavailable || state.phase !== 'open'}
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${label}
    </button>
    <p class="saving" role="status">${state.saving && !busy ? t('a11y.updating') : ''}</p>
    <p class="mandate">${mandateText(checkout, t)}</p>
  </section>`;
}

function formErrorView(context: ViewContext, actions: PayActions): TemplateResult | typeof nothing {
  const { state, t } = context;
  const error = state.formError;
  if (!error) return nothing;
  const action =
    state.saveFailed
      ? html`<button type="button" @click=${actions.retrySave}>${t('error.retry')}</button>`
      : error.code === 'stripe_unavailable'
        ? html`<button type="button" @click=${actions.retryPayment}>${t('error.retry')}</button>`
        : error.code === 'still_processing'
          ? html`<button type="button" @click=${actions.reload}>${t('error.retry')}</button>`
          : nothing;
  return html`<div part="error" class="form-error" role="alert" data-code=${error.code}>
    <span>${error.message}</span>${action}
  </div>`;
}
