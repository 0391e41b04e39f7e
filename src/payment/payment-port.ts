/**
 * What the session core knows of the card form: the `PaymentPort` (faked in tests), why it may be missing, and where
 * it is mounted. The Stripe side (stripe-payment.ts) is loaded only when a session needs it (lazy-payment.ts).
 */
import type { CheckoutPublic } from '../api/types.js';
import type { BuyerDetails } from './billing-details.js';

/** The light-DOM slot the card form is mounted in (Stripe cannot mount inside a shadow root). */
export const PAYMENT_SLOT = 'payment';

export type TokenResult =
  { ok: true; tokenId: string } | { ok: false; kind: 'validation' | 'stripe'; message: string; code?: string };

export type NextActionResult = { ok: true; status: string } | { ok: false; message: string; code?: string };

/** Why the card form is not there: codes, worded by the views. */
export type PaymentLoadFailure = 'shadow_root' | 'timeout' | 'unavailable';

export interface PaymentCallbacks {
  onComplete(complete: boolean): void;
  onReady(): void;
  onLoadError(failure: PaymentLoadFailure): void;
}

export interface PaymentPort {
  readonly mounted: boolean;
  /** A session that may need a card is on its way: start fetching what the form needs. Never constructs Stripe. */
  prepare(): void;
  /** Mounts the card form for the session; rejects with the failure when Stripe cannot be had or mounted. */
  mount(checkout: CheckoutPublic): Promise<void>;
  /** The session's amount or mode changed. */
  sync(checkout: CheckoutPublic): void;
  /** The page's theme or language changed. */
  restyle(): void;
  /** A ConfirmationToken for the card and the buyer's details as the form holds them (shaped for Stripe on its side). */
  tokenize(buyer: BuyerDetails): Promise<TokenResult>;
  /** 3-D Secure for the session's intent; works without a mounted form (a session re-opened mid-authentication). */
  handleNextAction(intentClientSecret: string, checkout: CheckoutPublic): Promise<NextActionResult>;
  destroy(): void;
}

export class PaymentLoadError extends Error {
  override readonly name = 'PaymentLoadError';
  constructor(
    readonly failure: PaymentLoadFailure,
    cause?: unknown,
  ) {
    super(`The payment form could not be shown (${failure})`, { cause });
  }
}

/**
 * The failure a mount rejected with (anything unexpected counts as Stripe being unavailable). By name, not class: the
 * script-tag bundle's card-form chunk carries its own copy of the class.
 */
export function paymentLoadFailure(error: unknown): PaymentLoadFailure {
  return error instanceof Error && error.name === 'PaymentLoadError'
    ? (error as PaymentLoadError).failure
    : 'unavailable';
}
