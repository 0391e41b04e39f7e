/** Organization, product(s) with prices, pay-what-you-want amount, discount code and totals. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutProduct } from '../api/types.js';
import { describeProductPrice, pricesForCheckout } from '../model/prices.js';
import { totalsRows } from '../model/totals.js';
import { formatMoney } from '../model/money.js';
import { textField } from './field.js';
import type { ViewContext } from './view-context.js';

export function summaryView(context: ViewContext, discount: { open: boolean; toggle(): void }): TemplateResult {
  const { checkout, t } = context;
  return html`<section part="summary" aria-labelledby="summary-heading">
    <h2 id="summary-heading" class="visually-hidden">${t('totals.heading')}</h2>
    ${organizationView(context)} ${productsView(context)} ${payWhatYouWantView(context)}
    ${checkout.is_free_product_price ? nothing : discountView(context, discount)} ${totalsView(context)}
  </section>`;
}

function organizationView({ checkout }: ViewContext): TemplateResult {
  const { organization } = checkout;
  return html`<div class="organization">
    ${organization.avatar_url && isHttpUrl(organization.avatar_url)
      ? html`<img src=${organization.avatar_url} alt="" width="32" height="32" />`
      : nothing}
    <span>${organization.name}</span>
  </div>`;
}

function productsView(context: ViewContext): TemplateResult {
  const { checkout, t } = context;
  const products = checkout.products.filter((product) => !product.is_archived);
  if (products.length <= 1) {
    const product = checkout.product ?? products[0];
    return product ? productRow(context, product, true) : html``;
  }
  return html`<fieldset class="products" ?disabled=${!context.editable}>
    <legend class="visually-hidden">${t('product.choose')}</legend>
    ${products.map((product) => productRow(context, product, false))}
  </fieldset>`;
}

function productRow(context: ViewContext, product: CheckoutProduct, single: boolean): TemplateResult {
  const { checkout, t, locale } = context;
  const selected = product.id === checkout.product_id;
  const price = selected && checkout.product_price ? checkout.product_price : pricesForCheckout(checkout, product)[0];
  const described = price ? describeProductPrice(product, price, checkout, locale, t) : null;
  const subtitle = product.is_recurring ? described?.intervalText : t('product.oneTime');
  const body = html`<span class="product-name">${product.name}</span>
    <span part="price">${described?.amountText ?? ''}${described?.intervalText && product.is_recurring
        ? html` <span class="interval">${described.intervalText}</span>`
        : nothing}</span>
    ${single && product.description ? html`<span class="product-description">${product.description}</span>` : nothing}
    ${!single && subtitle ? html`<span class="hint" style="grid-column: 2 / -1">${subtitle}</span>` : nothing}`;
  if (single) return html`<div part="product" class="single" data-product-id=${product.id}>${body}</div>`;
  return html`<label part="product" data-product-id=${product.id}>
    <input
      type="radio"
      name="product"
      .checked=${selected}
      @change=${() => context.change({ product_id: product.id })}
    />
    ${body}
  </label>`;
}

function payWhatYouWantView(context: ViewContext): TemplateResult | typeof nothing {
  const { checkout, t, state, locale } = context;
  const price = checkout.product_price;
  if (!price || price.amount_type !== 'custom') return nothing;
  const minimum = formatMoney(price.minimum_amount, checkout.currency, locale);
  const digits = minorDigits(checkout.currency, locale);
  const value =
    state.draft.amountText ||
    (checkout.amount / 10 ** digits).toLocaleString(locale, { maximumFractionDigits: digits, useGrouping: false });
  return textField({
    id: 'amount',
    label: t('pwyw.label'),
    value,
    inputmode: 'decimal',
    hint: t('pwyw.minimum', { min: minimum }),
    error: context.fieldError('amount'),
    disabled: !context.editable,
    onInput: (text) => context.edit('amountText', text, 'typing'),
    onCommit: (text) => context.edit('amountText', text, 'commit'),
  });
}

function minorDigits(currency: string, locale: string): number {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function discountView(context: ViewContext, discount: { open: boolean; toggle(): void }): TemplateResult | typeof nothing {
  const { checkout, t, state } = context;
  if (!checkout.allow_discount_codes || !checkout.is_discount_applicable) return nothing;
  const applied = checkout.discount;
  const error = context.fieldError('discount_code');
  if (applied?.code) {
    return html`<div part="discount" class="inline">
      <span>${t('discount.applied')} <strong>${applied.code}</strong></span>
      <button
        type="button"
        class="link"
        ?disabled=${!context.editable}
        aria-label=${t('a11y.removeDiscount')}
        @click=${() => context.edit('discountCode', null, 'commit')}
      >
        ${t('discount.remove')}
      </button>
    </div>`;
  }
  if (!discount.open && !error && !state.draft.discountCode) {
    return html`<button type="button" class="link" part="discount" @click=${discount.toggle}>${t('discount.add')}</button>`;
  }
  const apply = () => context.edit('discountCode', state.draft.discountCode, 'commit');
  return html`<div part="discount">
    <label part="label" for="discount_code">${t('discount.label')}</label>
    <div class="inline">
      <input
        part="input"
        id="discount_code"
        name="discount_code"
        autocomplete="off"
        .value=${state.draft.discountCode}
        ?disabled=${!context.editable}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'discount_code-error' : nothing}
        @input=${(event: Event) => context.edit('discountCode', (event.target as HTMLInputElement).value, 'local')}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          }
        }}
      />
      <button type="button" ?disabled=${!context.editable || !state.draft.discountCode.trim()} @click=${apply}>
        ${t('discount.apply')}
      </button>
    </div>
    ${error ? html`<p part="error" id="discount_code-error" role="alert">${error}</p>` : nothing}
  </div>`;
}

function totalsView(context: ViewContext): TemplateResult {
  const rows = totalsRows(context.checkout, context.locale, context.t);
  return html`<dl class="totals" aria-live="polite">
    ${rows.map((row) => {
      const part = row.key === 'total' ? 'total' : row.key === 'discount' ? 'discount' : '';
      return html`<dt part=${part} data-row=${row.key}>${row.label}</dt>
        <dd part=${part} data-row=${row.key}>${row.value}</dd>`;
    })}
  </dl>`;
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
