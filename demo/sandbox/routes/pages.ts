import { json } from '../http/reply.js';
import { route } from '../http/router.js';
import type { Route } from '../http/router.js';
import { scenarios } from '../scenarios.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, message: string) {
  return {
    status: 200,
    text: {
      contentType: 'text/html; charset=utf-8',
      content: `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escape(title)}</title><body><h1>${escape(title)}</h1><p>${escape(message)}</p></body></html>`,
    },
  };
}

/** Stand-ins for Polar's hosted pages, so default `url` and `success_url` lead somewhere. */
export const pageRoutes: Route[] = [
  route('GET', '/', 'page', null, ({ context }) =>
    json(200, {
      name: 'Polar sandbox API',
      api: `${context.baseUrl}/v1/checkouts/`,
      scenarios: scenarios.map((scenario) => `${context.baseUrl}/__sandbox/scenarios/${scenario.name}`),
    }),
  ),
  route('GET', '/checkout/:clientSecret', 'page', null, ({ context, params }) => {
    const record = context.store.byClientSecret(params['clientSecret']!);
    return page('Checkout', record ? `Checkout ${record.id} is ${record.status}.` : 'This checkout does not exist.');
  }),
  route('GET', '/checkout/:clientSecret/confirmation', 'page', null, ({ context, params }) => {
    const record = context.store.byClientSecret(params['clientSecret']!);
    return page(
      'Thank you for your order!',
      record ? `Checkout ${record.id} is ${record.status}.` : 'This checkout does not exist.',
    );
  }),
];
