/** An open session: the summary beside the buyer's form. */
import { html, type TemplateResult } from 'lit';
import type { CheckoutPublic, CheckoutUpdatePublic } from '../api/types.js';
import { fieldsFor, type DraftValue, type FieldText } from '../checkout/fields.js';
import { say, type Message } from '../checkout/messages.js';
import type { EditTrigger } from '../checkout/session-controller.js';
import { isEditable, type SessionState } from '../checkout/session-state.js';
import type { Translate } from '../i18n/localize.js';
import { addressView, businessView, contactView, customFieldsView } from './buyer-view.js';
import { inlineMarkdown } from './markdown-view.js';
import { payView, type RemedyActions } from './pay-view.js';
import { summaryView, type DiscountToggle } from './summary-view.js';
import type { ViewContext } from './view-context.js';

/** What the element hands the view: the state, the words, and where the buyer's actions go. */
export interface CheckoutViewInput {
  state: SessionState;
  checkout: CheckoutPublic;
  t: Translate;
  locale: string;
  discount: DiscountToggle;
  remedies: RemedyActions;
  edit(path: string, value: DraftValue, trigger: EditTrigger): void;
  chooseProduct(key: string, patch: CheckoutUpdatePublic): void;
  setSeats(seats: number): void;
  submit(event: Event): void;
}

export function checkoutView(input: CheckoutViewInput): TemplateResult {
  const { state, checkout, t, locale } = input;
  const context: ViewContext = {
    state,
    checkout,
    fields: fieldsFor(checkout, state.draft, locale),
    t,
    locale,
    editable: isEditable(state),
    say: (message: Message) => say(message, t),
    text: (text: FieldText) => ('markdown' in text ? inlineMarkdown(text.markdown, t) : say(text, t)),
    edit: input.edit,
    chooseProduct: input.chooseProduct,
    setSeats: input.setSeats,
    fieldError: (path) => {
      const message = state.fieldErrors[path];
      return message ? say(message, t) : undefined;
    },
  };
  return html`<div class="layout">
    ${summaryView(context, input.discount)}
    <form part="form" novalidate @submit=${input.submit} aria-busy=${context.editable ? 'false' : 'true'}>
      ${contactView(context)} ${customFieldsView(context)} ${addressView(context)} ${businessView(context)}
      ${payView(context, input.remedies)}
    </form>
  </div>`;
}
