import { confirmCheckout } from '../checkout/confirm.js';
import { publishUpdated } from '../checkout/events.js';
import { findByClientSecret } from '../checkout/expiry.js';
import { resetPaymentFormFields, updateTax } from '../checkout/totals.js';
import { applyUpdate } from '../checkout/update.js';
import type { UpdateInput } from '../checkout/update.js';
import { toCheckoutPublic, toCheckoutPublicConfirmed } from '../checkout/views.js';
import { validateRequestBody } from '../contract/requests.js';
import { openEventStream } from '../events/sse.js';
import { parseJsonObject } from '../http/body.js';
import { corsHeaders } from '../http/cors.js';
import { json } from '../http/reply.js';
import { route } from '../http/router.js';
import type { Route, RouteRequest } from '../http/router.js';

const PATH = '/v1/checkouts/client/:clientSecret';

function body(request: RouteRequest, operation: 'client_update' | 'client_confirm'): UpdateInput {
  const parsed = parseJsonObject(request.rawBody, request.req.headers['content-type']);
  return validateRequestBody<UpdateInput>(request.context.contract, operation, parsed);
}

/** The three client endpoints of the spec, plus the event stream Polar keeps out of it. */
export const clientRoutes: Route[] = [
  route('GET', PATH, 'client_get', 'client_get', ({ context, params }) => {
    const record = findByClientSecret(context, params['clientSecret']!);
    return json(200, toCheckoutPublic(record, context.baseUrl));
  }),

  route('PATCH', PATH, 'client_update', 'client_update', (request) => {
    const { context, params } = request;
    const input = body(request, 'client_update');
    const stored = findByClientSecret(context, params['clientSecret']!);
    const record = structuredClone(stored);
    applyUpdate(record, input, 'public');
    updateTax(record);
    resetPaymentFormFields(record);
    record.modifiedAt = new Date().toISOString();
    context.store.save(record);
    publishUpdated(context, record);
    return json(200, toCheckoutPublic(record, context.baseUrl));
  }),

  route('POST', `${PATH}/confirm`, 'client_confirm', 'client_confirm', (request) => {
    const { context, params } = request;
    const input = body(request, 'client_confirm');
    const stored = findByClientSecret(context, params['clientSecret']!);
    const { record, customerSessionToken } = confirmCheckout(context, stored, input);
    return json(200, toCheckoutPublicConfirmed(record, context.baseUrl, customerSessionToken));
  }),

  route('GET', `${PATH}/stream`, 'stream', null, ({ context, params, req, res }) => {
    const record = findByClientSecret(context, params['clientSecret']!);
    openEventStream(req, res, context.bus, context.streams, record.clientSecret, {
      keepAliveMs: context.timing.keepAliveMs,
      lifetimeMs: context.timing.streamLifetimeMs,
      headers: corsHeaders(req.headers),
    });
    return 'streaming';
  }),
];
