/** Sessions for the bench, created through the sandbox's own endpoints, and what its request log says about them. */
import { productIds } from '../../demo/sandbox/catalogue/index.js';
import type { LoggedRequest } from '../../demo/sandbox/control/request-log.js';

export type { LoggedRequest } from '../../demo/sandbox/control/request-log.js';

export interface Session {
  clientSecret: string;
  /** The first product's name: the summary shows it once real data is there. */
  productName: string;
}

export async function scenario(sandboxUrl: string, name: string): Promise<Session> {
  const response = await fetch(`${sandboxUrl}/__sandbox/scenarios/${name}`, { method: 'POST' });
  if (!response.ok) throw new Error(`scenario ${name}: ${response.status} ${await response.text()}`);
  const checkout = (await response.json()) as { client_secret: string; product: { name: string } };
  return { clientSecret: checkout.client_secret, productName: checkout.product.name };
}

/** Every product the sandbox sells in dollars, through the merchant Create endpoint; the workshop (with custom fields) first. */
export async function manyProducts(sandboxUrl: string): Promise<Session & { productCount: number }> {
  const products = ['workshop', 'oneTime', 'monthly', 'yearly', 'payWhatYouWant', 'free', 'seats', 'trial'] as const;
  const response = await fetch(`${sandboxUrl}/v1/checkouts/`, {
    method: 'POST',
    headers: { authorization: 'Bearer polar_oat_sandbox_full', 'content-type': 'application/json' },
    body: JSON.stringify({ products: products.map((key) => productIds[key]) }),
  });
  if (response.status !== 201) throw new Error(`Create: ${response.status} ${await response.text()}`);
  const checkout = (await response.json()) as { client_secret: string; product: { name: string }; products: unknown[] };
  return {
    clientSecret: checkout.client_secret,
    productName: checkout.product.name,
    productCount: checkout.products.length,
  };
}

/** The buyer's view of the session, as a storefront's server would fetch it (ClientGet) to inline it in the page. */
export async function clientGet(sandboxUrl: string, clientSecret: string): Promise<unknown> {
  const response = await fetch(`${sandboxUrl}/v1/checkouts/client/${clientSecret}`);
  if (!response.ok) throw new Error(`ClientGet: ${response.status}`);
  return response.json();
}

/** What the browser sent about this session (requests with an Origin header: the bench's own calls have none). */
export async function browserRequests(sandboxUrl: string, clientSecret: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${sandboxUrl}/__sandbox/requests?client_secret=${encodeURIComponent(clientSecret)}`);
  const all = (await response.json()) as LoggedRequest[];
  return all.filter((entry) => entry.origin !== null);
}

/** Waits until no new request about the session has come in for `quietMs`, and the last one has been answered. */
export async function waitForRest(
  sandboxUrl: string,
  clientSecret: string,
  quietMs: number,
  latencyMs: number,
): Promise<LoggedRequest[]> {
  let count = -1;
  let changedAt = Date.now();
  for (;;) {
    const requests = await browserRequests(sandboxUrl, clientSecret);
    if (requests.length !== count) {
      count = requests.length;
      changedAt = Date.now();
    } else if (Date.now() - changedAt >= quietMs + latencyMs) {
      return requests;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Extra custom fields added to the session's answers for the render-cost page: the sandbox's catalogue has one
 * product with three fields, and Create cannot attach more (Polar takes them from the product).
 */
export function syntheticCustomFields(count: number, organizationId: string): unknown[] {
  const types = ['text', 'number', 'select', 'checkbox', 'date'] as const;
  return Array.from({ length: count }, (_, index) => {
    const type = types[index % types.length]!;
    const slug = `bench_${type}_${index}`;
    const properties: Record<string, unknown> = {
      form_label: `Bench ${type} field ${index + 1}`,
      form_help_text: 'Added by the **bench**.',
    };
    if (type === 'select')
      properties['options'] = ['a', 'b', 'c', 'd'].map((value) => ({ value, label: `Option ${value.toUpperCase()}` }));
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    return {
      custom_field_id: id,
      custom_field: {
        created_at: '2026-01-15T10:00:00.000Z',
        modified_at: null,
        id,
        metadata: {},
        slug,
        name: `Bench ${type} ${index + 1}`,
        organization_id: organizationId,
        type,
        properties,
      },
      order: 100 + index,
      required: index % 3 === 0,
    };
  });
}
