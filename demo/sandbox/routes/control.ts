import { catalogue } from '../catalogue/index.js';
import { createCheckout } from '../checkout/create.js';
import type { CreateInput } from '../checkout/create.js';
import { applyExpiry, expireNow } from '../checkout/expiry.js';
import { toCheckout, toCheckoutPublic } from '../checkout/views.js';
import type { SandboxContext } from '../context.js';
import { validateCreateBody } from '../contract/requests.js';
import { parseFault } from '../control/faults.js';
import { ApiError } from '../errors.js';
import { parseJsonObject } from '../http/body.js';
import { json } from '../http/reply.js';
import { route } from '../http/router.js';
import type { Route } from '../http/router.js';
import { findScenario, scenarios } from '../scenarios.js';
import type { CheckoutRecord } from '../store/checkout-record.js';

/** The merchant's view at the top level (`status`, `customer_email`, ...), the stored columns under `record`. */
function storedState(context: SandboxContext, record: CheckoutRecord) {
  return { ...toCheckout(record, context.baseUrl), record, public: toCheckoutPublic(record, context.baseUrl) };
}

function recordFor(context: SandboxContext, clientSecret: string): CheckoutRecord {
  const record = context.store.byClientSecret(clientSecret);
  if (!record) throw new ApiError(404, { error: 'ResourceNotFound', detail: 'Not found' }, {}, true);
  return record;
}

function jsonOrEmpty(rawBody: string, contentType: string | undefined): Record<string, unknown> {
  return rawBody.trim() === '' ? {} : parseJsonObject(rawBody, contentType);
}

/** `/__sandbox/*`: scenarios and the levers tests pull. Not part of Polar's API. */
export const controlRoutes: Route[] = [
  route('GET', '/__sandbox/scenarios', 'control', null, () =>
    json(
      200,
      scenarios.map(({ name, title, description }) => ({ name, title, description })),
    ),
  ),

  // Goes through Create's validation and code path, so its answer is held to Create's contract.
  route('POST', '/__sandbox/scenarios/:name', 'control', 'create', ({ context, params, rawBody, req }) => {
    const scenario = findScenario(params['name']!);
    if (!scenario) {
      throw new ApiError(404, { error: 'UnknownScenario', detail: `No scenario named ${params['name']!}.` }, {}, true);
    }
    const overrides = jsonOrEmpty(rawBody, req.headers['content-type']);
    const request = validateCreateBody<CreateInput>(context.contract, { ...scenario.body, ...overrides });
    const record = createCheckout(context, request);
    if (scenario.expire) expireNow(context, record);
    return json(201, toCheckout(record, context.baseUrl));
  }),

  route('GET', '/__sandbox/catalogue', 'control', null, () => json(200, catalogue)),

  route('GET', '/__sandbox/checkouts/:clientSecret', 'control', null, ({ context, params }) => {
    const record = recordFor(context, params['clientSecret']!);
    applyExpiry(context, record);
    return json(200, storedState(context, record));
  }),

  route('POST', '/__sandbox/checkouts/:clientSecret/expire', 'control', null, ({ context, params }) => {
    const record = recordFor(context, params['clientSecret']!);
    expireNow(context, record);
    return json(200, storedState(context, record));
  }),

  route('GET', '/__sandbox/faults', 'control', null, ({ context }) => json(200, context.faults.list())),

  route('POST', '/__sandbox/faults', 'control', null, ({ context, rawBody, req }) => {
    const fault = parseFault(jsonOrEmpty(rawBody, req.headers['content-type']));
    if (typeof fault === 'string') throw new ApiError(400, { error: 'InvalidFault', detail: fault }, {}, true);
    context.faults.add(fault);
    return json(201, fault);
  }),

  route('DELETE', '/__sandbox/faults', 'control', null, ({ context }) =>
    json(200, { cleared: context.faults.clear() }),
  ),

  route('GET', '/__sandbox/requests', 'control', null, ({ context, url }) =>
    json(200, context.requests.list(url.searchParams.get('client_secret'))),
  ),

  route('GET', '/__sandbox/events', 'control', null, ({ context, url }) =>
    json(200, context.bus.history(url.searchParams.get('client_secret') ?? undefined)),
  ),

  route('GET', '/__sandbox/violations', 'control', null, ({ context }) => json(200, context.violations.list())),

  route('POST', '/__sandbox/reset', 'control', null, ({ context }) => {
    context.reset();
    return json(200, { reset: true });
  }),
];
