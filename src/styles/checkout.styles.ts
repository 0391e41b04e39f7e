import { css } from 'lit';

/** Dark defaults, used by `theme="dark"` and by `theme="auto"` on a dark system. */
const darkTokens = css`
  color-scheme: dark;
  --_primary: var(--polar-checkout-color-primary, #4d8dff);
  /* The light blue that links need on a dark page is too light for white text (3.2:1): the button's text is dark. */
  --_on-primary: var(--polar-checkout-color-on-primary, #0b1220);
  --_background: var(--polar-checkout-color-background, #121418);
  --_surface: var(--polar-checkout-color-surface, #1c1f25);
  --_text: var(--polar-checkout-color-text, #eef0f3);
  --_muted: var(--polar-checkout-color-muted, #a0a7b4);
  --_danger: var(--polar-checkout-color-danger, #ff6b61);
  --_success: var(--polar-checkout-color-success, #4ac26b);
  --_border: var(--polar-checkout-color-border, #343a45);
`;

/**
 * Public tokens are `--polar-checkout-*` on the host (with fallbacks); everything below reads the private `--_*` copies.
 * The same resolved values theme the Stripe form through its Appearance API.
 */
export const checkoutStyles = css`
  :host {
    --_primary: var(--polar-checkout-color-primary, #0062ff);
    --_on-primary: var(--polar-checkout-color-on-primary, #ffffff);
    --_background: var(--polar-checkout-color-background, #ffffff);
    --_surface: var(--polar-checkout-color-surface, #f6f7f9);
    --_text: var(--polar-checkout-color-text, #14161a);
    --_muted: var(--polar-checkout-color-muted, #5d6470);
    --_danger: var(--polar-checkout-color-danger, #c4231b);
    --_success: var(--polar-checkout-color-success, #1a7f37);
    --_border: var(--polar-checkout-color-border, #d5d9e0);
    --_font: var(--polar-checkout-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--polar-checkout-font-size, 15px);
    --_radius: var(--polar-checkout-border-radius, 8px);
    --_space: var(--polar-checkout-spacing, 16px);
    /* The Payment Element's card form (tabs, number, expiry and CVC), reserved while it loads. */
    --_card-height: 290px;

    display: block;
    color-scheme: light;
    box-sizing: border-box;
    max-width: 100%;
    container-type: inline-size;
    background: var(--_background);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
  }
  /* Merchant text may be one 10,000-character word: it wraps anywhere rather than widen the page. */
  .merchant-text {
    overflow-wrap: anywhere;
  }
  .layout > *,
  section > *,
  .organization > *,
  [part~='product'] > *,
  dl.totals > *,
  [part~='discount'] > span,
  .check > span {
    min-width: 0;
  }
  @container (min-width: 760px) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr);
      align-items: start;
    }
  }
  section {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .organization {
    display: flex;
    align-items: center;
    gap: 10px;
    min-height: 32px;
    font-weight: 600;
  }
  .organization img {
    width: 32px;
    height: 32px;
    border-radius: 50%;
    object-fit: cover;
  }
  .back {
    color: var(--_muted);
    text-decoration: none;
    font-size: 0.9em;
  }
  [part~='summary'] {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .products {
    display: grid;
    gap: 8px;
    border: 0;
    padding: 0;
    margin: 0;
  }
  [part~='product'] {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: 4px 10px;
    align-items: baseline;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  [part~='product'].single {
    grid-template-columns: 1fr auto;
    border: 0;
    padding: 0;
    background: none;
  }
  [part~='product'][aria-checked='true'],
  label[part~='product']:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: 0 0 0 1px var(--_primary);
  }
  .product-name {
    font-weight: 600;
  }
  .product-description,
  .hint,
  .interval {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .product-description {
    grid-column: 1 / -1;
    white-space: pre-line;
  }
  /* Not a style attribute: a page whose CSP has no 'unsafe-inline' in style-src blocks those. */
  label[part~='product'] .billing {
    grid-column: 2 / -1;
  }
  .benefits {
    grid-column: 1 / -1;
  }
  .benefits ul {
    margin: 4px 0 0;
    padding-left: 1.2em;
  }
  [part~='price'] {
    font-weight: 600;
    text-align: end;
    white-space: nowrap;
  }
  /* Label and value share a narrow row: each gets its width before either wraps ("Tax" beside "Based on your address"). */
  dl.totals {
    display: grid;
    grid-template-columns: auto auto;
    gap: 6px 0;
    margin: 0;
  }
  dl.totals dt {
    color: var(--_muted);
  }
  .row-detail {
    display: block;
  }
  dl.totals dd {
    margin: 0;
    padding-left: 12px;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  dl.totals [part~='total'] {
    color: var(--_text);
    font-weight: 700;
    font-size: 1.1em;
    padding-top: 6px;
    border-top: 1px solid var(--_border);
  }
  [part~='form'] {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .fields {
    display: grid;
    gap: 12px;
  }
  .row {
    display: grid;
    /* Side by side where both fit a city name; stacked on a phone. */
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 12px;
  }
  [part~='field'] {
    display: grid;
    gap: 4px;
    min-width: 0;
  }
  [part~='label'] {
    font-size: 0.9em;
    font-weight: 500;
  }
  .optional {
    color: var(--_muted);
    font-weight: 400;
  }
  [part~='input'] {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 44px;
    padding: 10px 12px;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='input']:focus-visible,
  button:focus-visible,
  input[type='radio']:focus-visible,
  input[type='checkbox']:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 1px;
  }
  [part~='input'][aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [part~='input']:disabled {
    opacity: 0.7;
  }
  .check {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  [part~='error'] {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0;
  }
  [part~='error'].form-error {
    padding: 10px 12px;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    display: flex;
    gap: 12px;
    justify-content: space-between;
    align-items: center;
  }
  .totals.stale {
    opacity: 0.55;
  }
  .seat-breakdown {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 2px 12px;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .seat-breakdown dd {
    margin: 0;
    text-align: end;
  }
  .form-error button {
    flex-shrink: 0;
    white-space: nowrap;
  }
  /* Still processing is news, not a failure: the money is on its way. */
  [part~='error'].form-error[data-code='still_processing'] {
    color: var(--_text);
    border-color: var(--_border);
    background: var(--_surface);
  }
  [part~='discount'] {
    display: grid;
    gap: 6px;
  }
  .inline {
    display: flex;
    gap: 8px;
  }
  .inline [part~='input'] {
    flex: 1;
  }
  .stepper [part~='input'] {
    flex: 0 0 5em;
    text-align: center;
  }
  .stepper button {
    min-width: 44px;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 44px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_background);
    color: var(--_text);
    padding: 0 14px;
  }
  button.link {
    justify-self: start;
    min-height: 0;
    border: 0;
    padding: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [part~='submit'] {
    width: 100%;
    min-height: 48px;
    border: 0;
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    font-size: 1.05em;
  }
  /* Until the card form is there, its height is kept for it (the page below does not jump when it mounts). */
  .payment-slot {
    display: block;
    min-height: 40px;
  }
  .payment-slot[data-state='none'],
  .payment-slot[data-state='loading'] {
    min-height: var(--_card-height);
  }
  .mandate {
    color: var(--_muted);
    font-size: 0.8em;
    margin: 0;
  }
  .mandate a {
    color: var(--_primary);
  }
  .status {
    display: grid;
    gap: 12px;
    justify-items: start;
    padding: calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* The grid's gap spaces them; paragraph margins would double it. */
  .status > * {
    margin: 0;
  }
  /* The heading says something is wrong; the explanation reads as plain text. */
  .status[part~='error'] p {
    color: var(--_text);
  }
  [part~='success'] h2 {
    color: var(--_success);
    font-size: 1.25em;
  }
  .skeleton-summary {
    display: grid;
    gap: 12px;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .skeleton-form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .skeleton-field {
    display: grid;
    gap: 4px;
  }
  /* A tint of the text colour: visible on the page and on the summary's panel, in either theme. */
  .bone {
    border-radius: 4px;
    background: var(--_surface);
    background: color-mix(in srgb, var(--_text) 7%, transparent);
  }
  /* Each bone has the height of what it stands for: a label line, an input, a heading, the card form... */
  .bone.label {
    width: 30%;
    height: calc(0.9em * 1.45);
  }
  .bone.input {
    height: 44px;
    border-radius: var(--_radius);
  }
  .bone.heading {
    width: 40%;
    height: 1.45em;
  }
  .bone.line {
    width: 55%;
    height: 1.45em;
  }
  .bone.organization {
    width: 45%;
    height: 32px;
  }
  .bone.product {
    height: 100px;
  }
  .bone.totals {
    height: 104px;
  }
  .bone.card {
    height: var(--_card-height);
    border-radius: var(--_radius);
  }
  .bone.button {
    height: 48px;
    border-radius: var(--_radius);
  }
  /* The mandate and the merchant-of-record line: about four lines on a phone, three in one wide column, two beside the
     summary. */
  .bone.mandate {
    height: calc(0.8em * 1.45 * 4);
  }
  @container (min-width: 400px) {
    .bone.mandate {
      height: calc(0.8em * 1.45 * 3);
    }
  }
  @container (min-width: 760px) {
    .bone.mandate {
      height: calc(0.8em * 1.45 * 2);
    }
  }
  /* Its line is kept while empty, so "Updating your order" moves nothing; it sits between the button and the mandate. */
  .saving {
    color: var(--_muted);
    font-size: 0.85em;
    min-height: 1.2em;
    margin: -4px 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
`;
