import { fail, scheduleSuccess } from '../checkout/fulfilment.js';
import { ApiError } from '../errors.js';
import { parseJsonObject } from '../http/body.js';
import { json } from '../http/reply.js';
import { route } from '../http/router.js';
import type { Route } from '../http/router.js';

function stripeError(status: number, code: string, message: string): ApiError {
  return new ApiError(status, { error: { type: 'invalid_request_error', code, message } }, {}, true);
}

/**
 * `/__stripe/*`: what the Stripe test double asks when `handleNextAction` runs 3-D Secure.
 * Success lets the checkout succeed after the usual delay; failure reopens it at once.
 */
export const stripeRoutes: Route[] = [
  route('GET', '/__stripe/intents/:intentId', 'stripe', null, ({ context, params }) => {
    const intent = context.intents.get(params['intentId']!);
    if (!intent) throw stripeError(404, 'resource_missing', `No such payment_intent: '${params['intentId']!}'`);
    return json(200, { id: intent.id, status: intent.status });
  }),

  route('POST', '/__stripe/intents/:intentId/authenticate', 'stripe', null, ({ context, params, rawBody, req }) => {
    const intent = context.intents.get(params['intentId']!);
    if (!intent) throw stripeError(404, 'resource_missing', `No such payment_intent: '${params['intentId']!}'`);
    const outcome = parseJsonObject(rawBody, req.headers['content-type'])['outcome'];
    if (outcome !== 'succeeded' && outcome !== 'failed') {
      throw stripeError(400, 'parameter_invalid', 'outcome must be "succeeded" or "failed".');
    }
    if (intent.status !== 'requires_action') {
      throw stripeError(
        400,
        'payment_intent_unexpected_state',
        `This PaymentIntent's status is ${intent.status}, but it must be requires_action to be authenticated.`,
      );
    }
    if (outcome === 'succeeded') {
      intent.status = 'succeeded';
      scheduleSuccess(context, intent.checkoutClientSecret);
    } else {
      intent.status = 'requires_payment_method';
      fail(context, intent.checkoutClientSecret);
    }
    return json(200, { id: intent.id, status: intent.status });
  }),
];
