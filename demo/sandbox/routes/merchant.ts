import { requireScopes } from '../auth/tokens.js';
import { createCheckout } from '../checkout/create.js';
import type { CreateInput } from '../checkout/create.js';
import { publishUpdated } from '../checkout/events.js';
import { applyExpiry, findById } from '../checkout/expiry.js';
import { listCheckouts } from '../checkout/listing.js';
import type { ListQuery } from '../checkout/listing.js';
import { resetPaymentFormFields, updateTax } from '../checkout/totals.js';
import { applyUpdate } from '../checkout/update.js';
import type { UpdateInput } from '../checkout/update.js';
import { toCheckout } from '../checkout/views.js';
import { validateCreateBody, validateIdParameter, validateQuery, validateRequestBody } from '../contract/requests.js';
import { parseJsonObject } from '../http/body.js';
import { json } from '../http/reply.js';
import { route } from '../http/router.js';
import type { Route } from '../http/router.js';

const READ = ['checkouts:read', 'checkouts:write'] as const;
const WRITE = ['checkouts:write'] as const;

/** The four authenticated endpoints a storefront's server calls with an organization access token. */
export const merchantRoutes: Route[] = [
  route('GET', '/v1/checkouts/', 'list', 'list', ({ context, subject, url }) => {
    requireScopes(subject, [...READ]);
    const query = validateQuery(context.contract, 'list', url.searchParams) as ListQuery;
    for (const record of context.store.all()) applyExpiry(context, record);
    const page = listCheckouts(context.store.all(), query);
    return json(200, {
      items: page.items.map((record) => toCheckout(record, context.baseUrl)),
      pagination: { total_count: page.totalCount, max_page: page.maxPage },
    });
  }),

  route('POST', '/v1/checkouts/', 'create', 'create', ({ context, subject, rawBody, req }) => {
    requireScopes(subject, [...WRITE]);
    const parsed = parseJsonObject(rawBody, req.headers['content-type']);
    const request = validateCreateBody<CreateInput>(context.contract, parsed);
    const record = createCheckout(context, request);
    return json(201, toCheckout(record, context.baseUrl));
  }),

  route('GET', '/v1/checkouts/:id', 'get', 'get', ({ context, subject, params }) => {
    requireScopes(subject, [...READ]);
    const record = findById(context, validateIdParameter(params['id']!));
    return json(200, toCheckout(record, context.baseUrl));
  }),

  route('PATCH', '/v1/checkouts/:id', 'update', 'update', ({ context, subject, params, rawBody, req }) => {
    requireScopes(subject, [...WRITE]);
    const id = validateIdParameter(params['id']!);
    const parsed = parseJsonObject(rawBody, req.headers['content-type']);
    const input = validateRequestBody<UpdateInput>(context.contract, 'update', parsed);
    const record = structuredClone(findById(context, id));
    applyUpdate(record, input, 'merchant');
    updateTax(record);
    resetPaymentFormFields(record);
    record.modifiedAt = new Date().toISOString();
    context.store.save(record);
    publishUpdated(context, record);
    return json(200, toCheckout(record, context.baseUrl));
  }),
];
