/** Organization, product(s) with prices, pay-what-you-want amount, discount code and totals. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CheckoutProduct } from '../api/types.js';
import type { Translate } from '../i18n/localize.js';
import { markdownToPlainText } from '../model/inline-markdown.js';
import { buyerInputFor, describeProduct, productOptions, showsProductSwitcher } from '../model/prices.js';
import {
  currentSeats,
  parseSeatInput,
  seatBounds,
  seatBreakdown,
  seatLimitText,
  sortedTiers,
  type SeatPrice,
} from '../model/seats.js';
import { totalsRows } from '../model/totals.js';
import { isolated } from '../model/bidi.js';
import { safeNavigationUrl } from '../model/navigation.js';
import { fieldView } from './field-view.js';
import { merchantText, withMerchantText } from './merchant-text.js';
import type { ViewContext } from './view-context.js';

/** Whether the discount code input is unfolded (it starts folded behind a link, as in Polar's checkout). */
export interface DiscountToggle {
  open: boolean;
  toggle(): void;
  close(): void;
}

export function summaryView(context: ViewContext, discount: DiscountToggle): TemplateResult {
  const { checkout, t } = context;
  return html`<section part="summary" aria-labelledby="summary-heading">
    <h2 id="summary-heading" class="visually-hidden">${t('totals.heading')}</h2>
    ${organizationView(context)} ${productsView(context)} ${seatsView(context)} ${payWhatYouWantView(context)}
    ${checkout.is_free_product_price ? nothing : discountView(context, discount)} ${totalsView(context)}
  </section>`;
}

function organizationView({ checkout }: ViewContext): TemplateResult {
  const { organization } = checkout;
  return html`<div class="organization">
    ${
      organization.avatar_url && safeNavigationUrl(organization.avatar_url)
        ? html`<img src=${organization.avatar_url} alt="" width="32" height="32" />`
        : nothing
    }
    <span>${merchantText(organization.name)}</span>
  </div>`;
}

function productsView(context: ViewContext): TemplateResult {
  const { checkout, t, locale } = context;
  if (!showsProductSwitcher(checkout)) {
    const product = checkout.product ?? checkout.products[0];
    if (!product) return html``;
    const price = describeProduct(product, checkout, locale, t);
    return html`<div part="product" class="single" data-product-id=${product.id}>
      <span class="product-name">${merchantText(product.name)}</span>
      <span part="price"
        >${price.amountText}${price.intervalText ? html` <span class="interval">${price.intervalText}</span>` : nothing}</span
      >
      ${product.description ? html`<span class="product-description">${merchantText(markdownToPlainText(product.description))}</span>` : nothing}
      ${benefitsView(product, t)}
    </div>`;
  }
  // The buyer's choice while the server does not hold it yet (saving, or the save failed).
  const chosen = typeof context.state.draft.product === 'string' ? context.state.draft.product : null;
  return html`<fieldset class="products" ?disabled=${!context.editable}>
      <legend class="visually-hidden">${t('product.choose')}</legend>
      ${productOptions(checkout, locale, t).map(
        (option) =>
          html`<label part="product" data-product-id=${option.productId}>
            <input
              type="radio"
              name="product"
              .checked=${live(chosen ? option.key === chosen : option.selected)}
              @change=${() => context.chooseProduct(option.key, option.update)}
            />
            <span class="product-name">${merchantText(option.name)}</span>
            <span part="price"
              >${option.price.amountText}${
                option.price.intervalText ? html` <span class="interval">${option.price.intervalText}</span>` : nothing
              }</span
            >
            <span class="hint billing">${option.billingText}</span>
          </label>`,
      )}
    </fieldset>
    ${checkout.product ? benefitsView(checkout.product, t) : nothing}`;
}

/** What the buyer gets with the product (Polar's benefits: license keys, downloads, access...). */
function benefitsView(product: CheckoutProduct, t: Translate): TemplateResult | typeof nothing {
  const benefits = product.benefits.filter((benefit) => !benefit.is_deleted && benefit.description.trim());
  if (benefits.length === 0) return nothing;
  return html`<div class="benefits">
    <span class="hint" id="benefits-heading">${t('product.includes')}</span>
    <ul aria-labelledby="benefits-heading">
      ${benefits.map((benefit) => html`<li>${merchantText(benefit.description)}</li>`)}
    </ul>
  </div>`;
}

function seatsView(context: ViewContext): TemplateResult | typeof nothing {
  const { checkout, t } = context;
  const price = checkout.product_price;
  if (!price || price.amount_type !== 'seat_based' || buyerInputFor(checkout) !== 'seats') return nothing;
  const bounds = seatBounds(checkout, price);
  if (bounds.fixed)
    return html`<p class="hint" data-field="seats">${t('seats.count', { count: currentSeats(checkout, bounds) })}</p>`;
  // The count the buyer chose, even while it is being saved (or its save failed).
  const typed = String(context.state.draft.seats ?? '');
  const seats = parseSeatInput(typed) ?? currentSeats(checkout, bounds);
  const error = context.fieldError('seats');
  const limit = seatLimitText(bounds, t);
  const describedBy = [error ? 'seats-error' : '', limit ? 'seats-hint' : ''].filter(Boolean).join(' ');
  return html`<div part="field" data-field="seats">
    <label part="label" for="seats">${t('seats.label')}</label>
    <div class="inline stepper">
      <button
        type="button"
        aria-label=${t('a11y.decreaseSeats')}
        ?disabled=${!context.editable || seats <= bounds.min}
        @click=${() => context.setSeats(seats - 1)}
      >
        −
      </button>
      <input
        part="input"
        id="seats"
        name="seats"
        inputmode="numeric"
        .value=${live(typed)}
        ?disabled=${!context.editable}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(event: Event) => context.edit('seats', (event.target as HTMLInputElement).value, 'input')}
        @change=${(event: Event) => context.edit('seats', (event.target as HTMLInputElement).value, 'commit')}
      />
      <button
        type="button"
        aria-label=${t('a11y.increaseSeats')}
        ?disabled=${!context.editable || (bounds.max !== null && seats >= bounds.max)}
        @click=${() => context.setSeats(seats + 1)}
      >
        +
      </button>
    </div>
    ${limit ? html`<span class="hint" id="seats-hint">${limit}</span>` : nothing}
    ${error ? html`<p part="error" id="seats-error" role="alert">${error}</p>` : nothing}
    ${seatBreakdownView(context, price)}
  </div>`;
}

/** How tiered seat pricing adds up for the seats the session holds ("5 seats × $8  $40"); nothing for a flat price. */
function seatBreakdownView(context: ViewContext, price: SeatPrice): TemplateResult | typeof nothing {
  const { checkout, locale, t } = context;
  if (sortedTiers(price).length < 2) return nothing;
  const rows = seatBreakdown(price, currentSeats(checkout, seatBounds(checkout, price)), locale, t);
  return html`<dl class="seat-breakdown" data-field="seat-breakdown">
    ${rows.map(
      (row) =>
        html`<dt>${row.label}</dt>
          <dd>${row.value}</dd>`,
    )}
  </dl>`;
}

function payWhatYouWantView(context: ViewContext): TemplateResult | typeof nothing {
  const amount = context.fields.find((field) => field.path === 'amount');
  return amount ? fieldView(amount, context) : nothing;
}

function discountView(context: ViewContext, discount: DiscountToggle): TemplateResult | typeof nothing {
  const { checkout, t, state } = context;
  if (!context.fields.some((field) => field.path === 'discount_code')) return nothing;
  const applied = checkout.discount;
  const error = context.fieldError('discount_code');
  if (applied?.code) {
    return html`<div part="discount" class="inline">
      <span>${withMerchantText(t('discount.applied', { name: isolated(applied.code) }))}</span>
      <button
        type="button"
        class="link"
        ?disabled=${!context.editable}
        aria-label=${t('a11y.removeDiscount', { code: applied.code })}
        @click=${() => {
          context.edit('discount_code', '', 'apply');
          discount.close();
        }}
      >
        ${t('discount.remove')}
      </button>
    </div>`;
  }
  const code = typeof state.draft.discount_code === 'string' ? state.draft.discount_code : '';
  if (!discount.open && !error && !code) {
    return html`<button
      type="button"
      class="link"
      part="discount"
      ?disabled=${!context.editable}
      @click=${discount.toggle}
    >
      ${t('discount.add')}
    </button>`;
  }
  const apply = () => context.edit('discount_code', code, 'apply');
  return html`<div part="discount">
    <label part="label" for="discount_code">${t('discount.label')}</label>
    <div class="inline">
      <input
        part="input"
        id="discount_code"
        name="discount_code"
        autocomplete="off"
        .value=${code}
        ?disabled=${!context.editable}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'discount_code-error' : nothing}
        @input=${(event: Event) => context.edit('discount_code', (event.target as HTMLInputElement).value, 'input')}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          }
        }}
      />
      <button type="button" ?disabled=${!context.editable || !code.trim()} @click=${apply}>
        ${t('discount.apply')}
      </button>
    </div>
    ${error ? html`<p part="error" id="discount_code-error" role="alert">${error}</p>` : nothing}
  </div>`;
}

/** An order change (product, seats) the buyer made that the server does not hold, because its save failed. */
function unsavedOrderChange({ state, checkout }: ViewContext): boolean {
  if (state.formError?.remedy !== 'retry-save') return false;
  const product = state.draft.product;
  const seats = state.draft.seats;
  return (
    typeof product === 'string' || (typeof seats === 'string' && parseSeatInput(seats) !== (checkout.seats ?? null))
  );
}

function totalsView(context: ViewContext): TemplateResult {
  const rows = totalsRows(context.checkout, context.locale, context.t);
  const stale = unsavedOrderChange(context);
  return html`${stale ? html`<p class="hint stale-note" part="error">${context.t('totals.stale')}</p>` : nothing}
    <dl class=${stale ? 'totals stale' : 'totals'} aria-live="polite">
      ${rows.map((row) => {
        const part = row.key === 'total' ? 'total' : row.key === 'discount' ? 'discount' : '';
        return html`<dt part=${part} data-row=${row.id}>
            ${withMerchantText(row.label)}${row.detail ? html`<span class="hint row-detail">${row.detail}</span>` : nothing}
          </dt>
          <dd part=${part} data-row=${row.id}>${withMerchantText(row.value)}</dd>`;
      })}
    </dl>`;
}
