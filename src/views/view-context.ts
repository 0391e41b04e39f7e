import type { CheckoutPublic, CheckoutUpdatePublic } from '../api/types.js';
import type { DraftValue, FieldSpec, FieldText } from '../checkout/fields.js';
import type { Message } from '../checkout/messages.js';
import type { EditTrigger } from '../checkout/session-controller.js';
import type { SessionState } from '../checkout/session-state.js';
import type { Translate } from '../i18n/localize.js';
import type { TemplateResult } from 'lit';

/** What every section template gets: the state to show, the words for it, and the buyer's actions to forward. */
export interface ViewContext {
  state: SessionState;
  checkout: CheckoutPublic;
  /** The fields this session shows now (see checkout/fields.ts). */
  fields: FieldSpec[];
  t: Translate;
  locale: string;
  /** Editing is allowed (not paying, not waiting for the order). */
  editable: boolean;
  say(message: Message): string;
  /** A field's label or help: our words, or the merchant's Markdown. */
  text(text: FieldText): string | TemplateResult;
  edit(path: string, value: DraftValue, trigger: EditTrigger): void;
  /** Another product option: its key and the update that selects it. */
  chooseProduct(key: string, patch: CheckoutUpdatePublic): void;
  /** A seat count from the stepper's buttons. */
  setSeats(seats: number): void;
  /** The message under a field, worded. */
  fieldError(path: string): string | undefined;
}
