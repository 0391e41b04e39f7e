import type { CheckoutPublic, CheckoutUpdatePublic } from '../api/types.js';
import type { DraftField } from '../checkout/buyer-draft.js';
import type { CheckoutState } from '../checkout/checkout-controller.js';
import type { Translate } from '../i18n/localize.js';

/** What every section template gets: the state to show and the buyer's actions to forward. */
export interface ViewContext {
  state: CheckoutState;
  checkout: CheckoutPublic;
  t: Translate;
  locale: string;
  /** Editing is allowed (not paying, not waiting for the order). */
  editable: boolean;
  edit(field: DraftField, value: string | boolean | number | null, when: 'typing' | 'commit' | 'local'): void;
  change(patch: CheckoutUpdatePublic): void;
  setSeats(seats: number | null): void;
  fieldError(path: string): string | undefined;
}
