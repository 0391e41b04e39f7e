/**
 * Local extension of the vendored spec: the Create body shapes Polar's server takes but hides from the
 * published schema. `server/polar/checkout/schemas.py` declares
 * `CheckoutCreate = CheckoutProductsCreate | SkipJsonSchema[CheckoutProductCreate] | SkipJsonSchema[CheckoutPriceCreate]`:
 * the two deprecated shapes share `CheckoutCreateBase` with the published one and differ only in what they sell.
 * Only request validation uses them; answers are still checked against the published spec alone.
 */

type JsonObject = { [key: string]: unknown };

/** The members of Polar's `CheckoutCreate` union, in the order pydantic tries them. */
export const CREATE_SHAPES = ['CheckoutProductsCreate', 'CheckoutProductCreate', 'CheckoutPriceCreate'] as const;
export type CreateShape = (typeof CREATE_SHAPES)[number];

const UUID4 = { type: 'string', format: 'uuid4' };

function withoutProperties(properties: JsonObject, names: string[]): JsonObject {
  return Object.fromEntries(Object.entries(properties).filter(([name]) => !names.includes(name)));
}

/** Adds `CheckoutProductCreate` and `CheckoutPriceCreate`, derived from the published `CheckoutProductsCreate`. */
export function addHiddenCreateShapes(defs: JsonObject): void {
  const published = defs['CheckoutProductsCreate'] as JsonObject | undefined;
  if (!published || typeof published['properties'] !== 'object') {
    throw new Error('The OpenAPI spec has no CheckoutProductsCreate to derive the hidden Create shapes from');
  }
  const base = withoutProperties(published['properties'] as JsonObject, ['products', 'prices']);
  defs['CheckoutProductCreate'] = {
    type: 'object',
    title: 'CheckoutProductCreate',
    description: 'Create a new checkout session from a product (deprecated, hidden from the published spec).',
    properties: { ...base, product_id: { ...UUID4, title: 'Product Id' } },
    required: ['product_id'],
  };
  defs['CheckoutPriceCreate'] = {
    type: 'object',
    title: 'CheckoutPriceCreate',
    description: 'Create a new checkout session from a product price (deprecated, hidden from the published spec).',
    properties: { ...withoutProperties(base, ['currency']), product_price_id: { ...UUID4, title: 'Product Price Id' } },
    required: ['product_price_id'],
  };
}
