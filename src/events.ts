/** The element's events (contract.md): all bubble and cross shadow roots. */
import type { CheckoutPublic } from './api/types.js';
import type { PolarErrorCode } from './checkout/messages.js';

export interface PolarCheckoutDetail {
  checkout: CheckoutPublic;
}

export interface PolarSuccessDetail extends PolarCheckoutDetail {
  successUrl: string;
}

export interface PolarErrorDetail {
  code: PolarErrorCode;
  message: string;
  status?: number;
}

export interface PolarCheckoutEventMap {
  'polar-ready': CustomEvent<PolarCheckoutDetail>;
  'polar-change': CustomEvent<PolarCheckoutDetail>;
  'polar-confirmed': CustomEvent<PolarCheckoutDetail>;
  'polar-success': CustomEvent<PolarSuccessDetail>;
  'polar-error': CustomEvent<PolarErrorDetail>;
}

/** Dispatches a contract event; returns false when a listener called preventDefault(). */
export function dispatchPolarEvent<K extends keyof PolarCheckoutEventMap>(
  target: EventTarget,
  type: K,
  detail: PolarCheckoutEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
