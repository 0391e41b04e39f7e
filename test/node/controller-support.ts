// What a SessionController needs besides Polar, for tests that run it without a browser.
import type { PaymentPort } from '../../src/payment/payment-port.js';

/** A Lit host that only counts as one (the controller's updates go nowhere). */
export const fakeHost = () => ({
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
});

/** A card form that does what `overrides` say, and nothing otherwise (a mount that never ends, a failed token). */
export function fakePayment(overrides: Partial<PaymentPort> = {}): PaymentPort {
  return {
    mounted: false,
    prepare: () => undefined,
    mount: () => new Promise(() => undefined),
    sync: () => undefined,
    restyle: () => undefined,
    tokenize: async () => ({ ok: false, kind: 'stripe', message: 'not in this test' }),
    handleNextAction: async () => ({ ok: false, message: 'not in this test' }),
    destroy: () => undefined,
    ...overrides,
  };
}
