/** Whole-element states: loading, a session that can't be used, and the thank-you screen. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutPublic } from '../api/types.js';
import type { BuyerError } from '../checkout/error-messages.js';
import type { Translate } from '../i18n/localize.js';
import { formatMoney } from '../model/money.js';

export function loadingView(t: Translate): TemplateResult {
  return html`<div class="skeleton" role="status" aria-live="polite">
    <span class="visually-hidden">${t('loading')}</span>
    <div></div>
    <div></div>
    <div></div>
  </div>`;
}

export function unavailableView(error: BuyerError | null, t: Translate, reload: () => void): TemplateResult {
  const title =
    error?.code === 'expired' ? t('error.expired.title') : error?.code === 'not_found' ? t('error.notFound.title') : t('error.server');
  const final = error?.code === 'expired' || error?.code === 'not_found';
  return html`<div class="status" part="error" role="alert" data-code=${error?.code ?? 'unknown'}>
    <h2>${title}</h2>
    ${error && error.message !== title ? html`<p>${error.message}</p>` : nothing}
    ${final ? nothing : html`<button type="button" @click=${reload}>${t('error.retry')}</button>`}
  </div>`;
}

export function successView(checkout: CheckoutPublic, t: Translate, locale: string): TemplateResult {
  const amount = formatMoney(checkout.total_amount, checkout.currency, locale);
  return html`<div class="status" part="success" role="status" aria-live="polite">
    <h2>${t('success.title')}</h2>
    <p>${t('success.body', { amount, organization: checkout.organization.name })}</p>
    ${checkout.customer_email ? html`<p>${t('success.email', { email: checkout.customer_email })}</p>` : nothing}
  </div>`;
}
