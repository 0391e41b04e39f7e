/** Whole-element states: loading, a session that can't be used (or can't be asked for), and the thank-you screen. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutPublic } from '../api/types.js';
import type { BuyerError, PolarErrorCode } from '../checkout/messages.js';
import { say } from '../checkout/messages.js';
import type { MessageKey, Translate } from '../i18n/localize.js';
import { isolated } from '../model/bidi.js';
import { formatMoney } from '../model/money.js';
import { withMerchantText } from './merchant-text.js';

/**
 * The loading state has the shape of a card checkout (summary beside or above the form, the card form's height
 * reserved), so the page below the element does not jump when the session arrives.
 */
export function loadingView(t: Translate): TemplateResult {
  const field = html`<div class="skeleton-field">
    <div class="bone label"></div>
    <div class="bone input"></div>
  </div>`;
  return html`<div class="layout skeleton" role="status" aria-live="polite">
    <span class="visually-hidden">${t('loading')}</span>
    <div class="skeleton-summary">
      <div class="bone organization"></div>
      <div class="bone product"></div>
      <div class="bone line"></div>
      <div class="bone totals"></div>
    </div>
    <div class="skeleton-form">
      <div class="fields">
        <div class="bone heading"></div>
        ${field}${field}
      </div>
      <div class="fields">
        <div class="bone heading"></div>
        ${field}
      </div>
      <div class="fields"><div class="bone line"></div></div>
      <div class="fields">
        <div class="bone heading"></div>
        <div class="bone card"></div>
        <div class="bone button"></div>
        <p class="saving"></p>
        <div class="bone mandate"></div>
      </div>
    </div>
  </div>`;
}

/** The heading says what happened; anything else is "could not be loaded", and the message below says why. */
const titles: Partial<Record<PolarErrorCode, MessageKey>> = {
  expired: 'error.expired.title',
  not_found: 'error.notFound.title',
  configuration: 'error.configuration.title',
};

export function unavailableView(error: BuyerError | null, t: Translate, reload: () => void): TemplateResult {
  const code = error?.code ?? 'unknown';
  const title = t(titles[code] ?? 'error.loadFailed.title');
  const body = error ? say(error.message, t) : '';
  return html`<div class="status" part="error" role="alert" data-code=${code}>
    <h2>${title}</h2>
    ${body && body !== title ? html`<p>${body}</p>` : nothing}
    ${error?.remedy === 'reload' ? html`<button type="button" @click=${reload}>${t('error.retry')}</button>` : nothing}
  </div>`;
}

export function successView(checkout: CheckoutPublic, t: Translate, locale: string): TemplateResult {
  const amount = formatMoney(checkout.total_amount, checkout.currency, locale);
  return html`<div class="status" part="success" role="status" aria-live="polite">
    <h2 tabindex="-1">${t('success.title')}</h2>
    <p>${withMerchantText(t('success.body', { amount, organization: isolated(checkout.organization.name) }))}</p>
    ${checkout.customer_email ? html`<p>${t('success.email', { email: checkout.customer_email })}</p>` : nothing}
  </div>`;
}
