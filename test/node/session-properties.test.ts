// Property tests of the session core (src/checkout/session-controller.ts) against a fake Polar whose answers
// fast-check's scheduler delivers in any order, with requests dropped, answers lost after the server acted, 5xx and
// unreadable answers. Random sequences of buyer actions; invariants a paying buyer relies on. Seed printed on failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CheckoutApiError } from '../../src/api/errors.js';
import type { CheckoutApi } from '../../src/api/checkout-client.js';
import type { CheckoutConfirmStripe, CheckoutPublic, CheckoutUpdatePublic } from '../../src/api/types.js';
import * as fields from '../../src/checkout/fields.js';
import { waitForFulfillment } from '../../src/checkout/fulfillment.js';
import { SessionController } from '../../src/checkout/session-controller.js';
import { checkout as checkoutFixture, fixedPrice, product } from '../fixtures/checkouts.js';
import { fakeHost, fakePayment } from './controller-support.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

type Fault = 'none' | 'drop' | 'lost' | '5xx' | 'malformed';
type Action =
  | { kind: 'choose'; product: 0 | 1 }
  | { kind: 'discount'; code: 'SAVE20' | 'NOPE' | '' }
  | { kind: 'email'; text: string }
  | { kind: 'reload' }
  | { kind: 'pay'; times: 1 | 2 }
  | { kind: 'wait'; steps: number };

const monthly = product({
  id: 'prod-monthly',
  name: 'Monthly',
  prices: [fixedPrice(1200, 'prod-monthly')],
  recurring_interval: 'month',
});
const yearly = product({
  id: 'prod-yearly',
  name: 'Yearly',
  prices: [fixedPrice(12000, 'prod-yearly')],
  recurring_interval: 'year',
});
const products = [monthly, yearly];

/** Polar, cut down to what decides the amount: product, discount, status. */
class FakePolar {
  productIndex = 0;
  discount: 'SAVE20' | null = null;
  email: string | null = null;
  status: CheckoutPublic['status'] = 'open';
  charges: number[] = [];
  confirmsReceived = 0;
  faultsOn = true;

  snapshot(): CheckoutPublic {
    const chosen = products[this.productIndex]!;
    const amount = (chosen.prices[0] as { price_amount: number }).price_amount;
    const discountAmount = this.discount ? Math.round(amount * 0.2) : 0;
    return checkoutFixture(
      {
        status: this.status,
        products,
        product: chosen,
        product_id: chosen.id,
        product_price: chosen.prices[0]!,
        amount,
        discount_amount: discountAmount,
        net_amount: amount - discountAmount,
        tax_amount: 0,
        total_amount: amount - discountAmount,
        customer_email: this.email,
        allow_discount_codes: true,
        is_discount_applicable: true,
        is_payment_form_required: true,
        is_payment_required: true,
        require_billing_address: false,
        billing_address_fields: {
          country: 'required',
          state: 'disabled',
          line1: 'disabled',
          line2: 'disabled',
          city: 'disabled',
          postal_code: 'disabled',
        },
        discount: this.discount
          ? ({
              id: 'd1',
              name: 'Save 20',
              code: 'SAVE20',
              type: 'percentage',
              basis_points: 2000,
              duration: 'forever',
            } as never)
          : null,
      },
      chosen,
    );
  }

  update(body: CheckoutUpdatePublic): CheckoutPublic {
    if (this.status !== 'open') throw new CheckoutApiError('forbidden', 'not open', 'NotOpenCheckout', 403);
    // Polar validates the whole update before applying any of it (one transaction).
    if (body.discount_code === 'NOPE') {
      throw new CheckoutApiError('validation', 'bad code', '', 422, [
        { loc: ['body', 'discount_code'], msg: 'Discount does not exist.', type: 'value_error' },
      ]);
    }
    if (body.product_id) this.productIndex = products.findIndex((p) => p.id === body.product_id);
    if ('discount_code' in body) {
      this.discount = body.discount_code === 'SAVE20' ? 'SAVE20' : null;
    }
    if (body.customer_email !== undefined) this.email = body.customer_email ?? null;
    return this.snapshot();
  }

  confirm(body: CheckoutConfirmStripe): CheckoutPublic {
    this.confirmsReceived++;
    if (this.status !== 'open') throw new CheckoutApiError('forbidden', 'not open', 'NotOpenCheckout', 403);
    this.update({ ...body, product_id: undefined });
    this.charges.push(this.snapshot().total_amount);
    this.status = 'confirmed';
    return this.snapshot();
  }

  read(): CheckoutPublic {
    const snapshot = this.snapshot();
    // The order is made a moment after the confirm: the next read finds it.
    if (this.status === 'confirmed') this.status = 'succeeded';
    return snapshot;
  }
}

function abortable<T>(signal: AbortSignal, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Run {
  api: CheckoutApi;
  controller: SessionController;
  polar: FakePolar;
  shownAtConfirm: number[];
  /** The total on screen at the last press of Pay. */
  shownAtPress: number | null;
  presses: number;
}

function setUp(scheduler: fc.Scheduler, faults: Fault[]): Run {
  const polar = new FakePolar();
  let nextFault = 0;
  const fault = (): Fault => (polar.faultsOn ? (faults[nextFault++ % faults.length] ?? 'none') : 'none');
  const run: Run = { api: null!, controller: null!, polar, shownAtConfirm: [], shownAtPress: null, presses: 0 };

  // A request travels, the server acts, the answer travels: the scheduler decides when each leg completes.
  const call = async (label: string, signal: AbortSignal, act: () => CheckoutPublic): Promise<CheckoutPublic> => {
    const injected = fault();
    await abortable(signal, scheduler.schedule(Promise.resolve(), `${label} arrives`));
    if (injected === 'drop') throw new CheckoutApiError('network', 'dropped', '');
    if (injected === '5xx') throw new CheckoutApiError('server', 'HTTP 502', '', 502);
    let result: CheckoutPublic | CheckoutApiError;
    try {
      result = act();
    } catch (error) {
      result = error as CheckoutApiError;
    }
    await abortable(signal, scheduler.schedule(Promise.resolve(), `${label} answers`));
    if (injected === 'lost') throw new CheckoutApiError('network', 'connection reset', '');
    if (injected === 'malformed') throw new CheckoutApiError('malformed', 'not a session', '', 200);
    if (result instanceof Error) throw result;
    return structuredClone(result);
  };

  const api: CheckoutApi = {
    streamUrl: null,
    get: (signal) => call('GET', signal, () => polar.read()),
    update: (body, signal) => call(`PATCH ${JSON.stringify(body)}`, signal, () => polar.update(body)),
    confirm: (body, signal) => {
      run.shownAtConfirm.push(run.shownAtPress!);
      return call('CONFIRM', signal, () => polar.confirm(body));
    },
  };
  run.api = api;
  const payment = fakePayment({
    mounted: true,
    mount: async () => undefined,
    tokenize: async () => ({ ok: true, tokenId: 'ctoken_success_1' }),
    handleNextAction: async () => ({ ok: true, status: 'succeeded' }),
  });
  run.controller = new SessionController(fakeHost(), {
    locale: () => 'en',
    payment: () => payment,
    waitForOrder: waitForFulfillment,
    formRules: async () => fields,
    navigate: () => undefined,
    safeUrl: (url) => url,
    events: { ready() {}, change() {}, confirmed() {}, success: () => false, error() {} },
    timing: { debounceMs: 0, pollDelaysMs: [0], fulfillmentMaxWaitMs: 5_000, rereadDelaysMs: [0, 0, 0, 0] },
  });
  return run;
}

/** Lets the scheduler deliver everything pending, timers included, until nothing moves. */
async function settle(scheduler: fc.Scheduler): Promise<void> {
  for (let idle = 0; idle < 4;) {
    await tick();
    if (scheduler.count() > 0) {
      await scheduler.waitOne();
      idle = 0;
    } else {
      idle++;
    }
  }
}

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('choose' as const), product: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({
    kind: fc.constant('discount' as const),
    code: fc.constantFrom('SAVE20' as const, 'NOPE' as const, '' as const),
  }),
  fc.record({
    kind: fc.constant('email' as const),
    text: fc.constantFrom('ada@example.com', 'bo@example.org', 'ada@'),
  }),
  fc.record({ kind: fc.constant('reload' as const) }),
  fc.record({ kind: fc.constant('pay' as const), times: fc.constantFrom(1 as const, 2 as const) }),
  fc.record({ kind: fc.constant('wait' as const), steps: fc.integer({ min: 0, max: 4 }) }),
);
const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constantFrom('drop' as const, 'lost' as const, '5xx' as const, 'malformed' as const) },
);

test(
  `the session core keeps what is shown, saved and charged in step (${RUNS} runs)`,
  { timeout: 600_000 },
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(action, { minLength: 1, maxLength: 12 }),
        fc.array(fault, { minLength: 1, maxLength: 8 }),
        async (scheduler, actions, faults) => {
          const run = setUp(scheduler, faults);
          const { controller, polar } = run;
          run.polar.faultsOn = false; // the first load is not what is under test here
          void controller.load({ ok: true, api: run.api });
          await settle(scheduler);
          polar.faultsOn = true;
          let lastChoice: number | null = null;
          let lastCode: string | null = null;
          const pays: Promise<void>[] = [];

          for (const step of actions) {
            const state = controller.state;
            switch (step.kind) {
              case 'choose':
                if (state.phase === 'open') lastChoice = step.product;
                controller.chooseProduct(products[step.product]!.id, { product_id: products[step.product]!.id });
                break;
              case 'discount':
                // A rejected code replaces the buyer's choice with none the server can hold: nothing to check then.
                if (state.phase === 'open') lastCode = step.code === 'NOPE' ? null : step.code;
                controller.edit('discount_code', step.code, 'apply');
                break;
              case 'email':
                controller.edit('customer_email', step.text, 'input');
                break;
              case 'reload':
                void controller.reload();
                break;
              case 'pay':
                for (let press = 0; press < step.times; press++) {
                  if (controller.state.phase === 'open' || controller.state.phase === 'stalled') run.presses++;
                  controller.edit('customer_email', 'payer@example.com', 'commit');
                  if (controller.state.phase === 'open') run.shownAtPress = controller.state.checkout!.total_amount;
                  pays.push(controller.submit());
                }
                break;
              case 'wait':
                for (let i = 0; i < step.steps && scheduler.count() > 0; i++) await scheduler.waitOne();
                break;
            }
            await tick();
          }

          // Quiet: no more faults; whatever the buyer can retry, they retry.
          polar.faultsOn = false;
          await settle(scheduler);
          if (controller.state.formError?.remedy === 'retry-save') controller.retrySave();
          if (controller.state.phase === 'stalled') void controller.recheck();
          await settle(scheduler);
          await Promise.all(pays);
          await settle(scheduler);

          const { state } = controller;
          const server = polar.snapshot();
          // Every run ends in a terminal or editable state.
          assert.ok(['open', 'succeeded', 'unavailable'].includes(state.phase), `ended in ${state.phase}`);
          // At most one charge, and at most one confirm per press.
          assert.ok(polar.charges.length <= 1, `charged ${polar.charges.length} times`);
          assert.ok(
            polar.confirmsReceived <= run.presses,
            `${polar.confirmsReceived} confirms for ${run.presses} presses`,
          );
          // A pay charges what was shown.
          for (const [index, charged] of polar.charges.entries())
            assert.equal(
              charged,
              run.shownAtConfirm[index],
              'charged a different amount than was shown when Pay was pressed',
            );
          // A paid buyer is told so.
          if (polar.status === 'succeeded' || polar.status === 'confirmed')
            assert.equal(state.phase, 'succeeded', `server ${polar.status}, screen ${state.phase}`);
          // The screen's amounts are the server's.
          assert.equal(state.checkout?.total_amount, server.total_amount, 'shown total differs from the server’s');
          assert.equal(state.checkout?.product_id, server.product_id, 'shown product differs from the server’s');
          // Once quiet and still open, the server holds what the buyer last chose.
          if (state.phase === 'open' && polar.charges.length === 0) {
            if (lastChoice !== null)
              assert.equal(server.product_id, products[lastChoice]!.id, 'the server lost the last product choice');
            if (lastCode !== null)
              assert.equal(server.discount?.code ?? '', lastCode, 'the server lost the last discount change');
          }
        },
      ),
      { numRuns: RUNS, includeErrorInReport: true },
    );
  },
);
