// How a load orders its parts: the session's read, the form's code (which the script-tag bundle fetches) and the
// session the page gave. Run against the controller alone, with each part held back as a test decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckoutApi } from '../../src/api/checkout-client.js';
import { CheckoutApiError } from '../../src/api/errors.js';
import type { CheckoutPublic } from '../../src/api/types.js';
import * as fields from '../../src/checkout/fields.js';
import type { FormRules } from '../../src/checkout/fields.js';
import { SessionController, type SessionControllerOptions } from '../../src/checkout/session-controller.js';
import { checkout } from '../fixtures/checkouts.js';
import { fakeHost, fakePayment } from './controller-support.js';

interface Held<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
function held<T>(): Held<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(extra: Partial<SessionControllerOptions> = {}) {
  const log: string[] = [];
  const reads: Held<CheckoutPublic>[] = [];
  const forms: Held<FormRules>[] = [];
  const api: CheckoutApi = {
    get: () => {
      log.push('GET');
      const read = held<CheckoutPublic>();
      reads.push(read);
      return read.promise;
    },
    update: () => Promise.reject(new Error('not in this test')),
    confirm: () => Promise.reject(new Error('not in this test')),
    streamUrl: null,
  };
  const payment = fakePayment();
  const controller = new SessionController(fakeHost(), {
    locale: () => 'en',
    payment: () => payment,
    waitForOrder: () => new Promise(() => undefined),
    formRules: () => {
      log.push('form requested');
      const form = held<FormRules>();
      forms.push(form);
      return form.promise;
    },
    navigate: () => undefined,
    safeUrl: (url) => url,
    events: {
      ready: (session) => log.push(`ready ${session.total_amount}`),
      change() {},
      confirmed() {},
      success: () => false,
      error: (error) => log.push(`error ${error.code}`),
    },
    ...extra,
  });
  return { controller, api, log, reads, forms };
}

const page = checkout({ total_amount: 4900 });
const server = checkout({ total_amount: 3900 });

test('the read and the form’s code are asked for at once; the session shows when both are here', async () => {
  const { controller, api, log, reads, forms } = harness();
  const loading = controller.load({ ok: true, api });
  await tick();
  assert.deepEqual(log.slice().sort(), ['GET', 'form requested']);
  reads[0]!.resolve(server);
  await tick();
  assert.equal(controller.state.phase, 'loading', 'not shown without the form');
  forms[0]!.resolve(fields);
  await loading;
  assert.equal(controller.state.phase, 'open');
  assert.equal(controller.state.checkout?.total_amount, 3900);
  assert.deepEqual(log.slice(2), ['ready 3900']);
});

test('with the page’s session, the read starts before the form’s code is here, and its answer is applied after the page’s', async () => {
  const { controller, api, log, reads, forms } = harness();
  const loading = controller.load({ ok: true, api }, page);
  await tick();
  assert.ok(log.includes('GET'), 'the read did not wait for the form');
  // Polar answers first; the page's (older) session must still not be shown over it.
  reads[0]!.resolve(server);
  await tick();
  forms[0]!.resolve(fields);
  await loading;
  assert.deepEqual(log.slice(2), ['ready 4900']);
  assert.equal(controller.state.checkout?.total_amount, 3900, 'the server’s answer is the one shown');
});

test('with the page’s session, a read that fails before the form is here still leaves the page’s session shown', async () => {
  const { controller, api, log, reads, forms } = harness();
  const loading = controller.load({ ok: true, api }, page);
  await tick();
  reads[0]!.reject(new CheckoutApiError('network', 'offline', ''));
  await tick();
  forms[0]!.resolve(fields);
  await loading;
  assert.equal(controller.state.phase, 'open');
  assert.equal(controller.state.checkout?.total_amount, 4900);
  assert.deepEqual(log.slice(2), ['ready 4900']);
});

test('the form’s code failing to arrive says so, and Try again (reload) asks for it once more', async () => {
  const { controller, api, log, reads, forms } = harness();
  const loading = controller.load({ ok: true, api });
  await tick();
  forms[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
  reads[0]!.resolve(server);
  await tick();
  // Failed before the session was here: asked once more when it is.
  assert.equal(forms.length, 2);
  forms[1]!.reject(new TypeError('Failed to fetch dynamically imported module'));
  await loading;
  assert.equal(controller.state.phase, 'unavailable');
  assert.equal(controller.state.formError?.code, 'network');
  assert.equal(controller.state.formError?.remedy, 'reload');
  assert.ok(log.includes('error network'));

  const reloading = controller.reload();
  await tick();
  reads[1]!.resolve(server);
  await tick();
  assert.equal(forms.length, 3, 'asked again');
  forms[2]!.resolve(fields);
  await reloading;
  assert.equal(controller.state.phase, 'open');
  assert.equal(controller.state.checkout?.total_amount, 3900);
});

test('a form that never arrives: after its time limit the buyer is told, not left with the loading state', async () => {
  const { controller, api, reads } = harness({ timing: { formLoadMs: 50 } });
  const loading = controller.load({ ok: true, api });
  await tick();
  reads[0]!.resolve(server);
  await loading;
  assert.equal(controller.state.phase, 'unavailable');
  assert.equal(controller.state.formError?.remedy, 'reload');
});

test('texts that never arrive: the session is shown after a while in the texts at hand', async () => {
  const { controller, api, reads, forms } = harness({
    timing: { beforeShowMs: 50 },
    beforeShow: () => new Promise<void>(() => undefined),
  });
  const loading = controller.load({ ok: true, api });
  await tick();
  reads[0]!.resolve(server);
  forms[0]!.resolve(fields);
  await loading;
  assert.equal(controller.state.phase, 'open');
  assert.equal(controller.state.checkout?.total_amount, 3900);
});
