import { organization } from '../catalogue/index.js';
import type { components } from '../checkouts-schema.js';
import type { CheckoutRecord } from '../store/checkout-record.js';

type SortProperty = components['schemas']['CheckoutSortProperty'];

export interface ListQuery {
  organization_id?: string | string[];
  product_id?: string | string[];
  customer_id?: string | string[];
  external_customer_id?: string | string[];
  status?: string | string[];
  query?: string | null;
  page?: number;
  limit?: number;
  sorting?: SortProperty[] | null;
}

const asList = (value: string | string[] | undefined): string[] | null =>
  value === undefined ? null : Array.isArray(value) ? value : [value];

const STATUS_ORDER = ['open', 'expired', 'confirmed', 'succeeded', 'failed'];

function compare(a: CheckoutRecord, b: CheckoutRecord, property: string): number {
  switch (property) {
    case 'created_at':
      return a.createdAt.localeCompare(b.createdAt) || a.sequence - b.sequence;
    case 'expires_at':
      return a.expiresAt.localeCompare(b.expiresAt) || a.sequence - b.sequence;
    case 'status':
      return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status);
    default:
      return 0;
  }
}

/** Polar's List: filters combine with AND, values within a filter with OR; `query` searches email and name. */
export function listCheckouts(
  records: CheckoutRecord[],
  query: ListQuery,
): { items: CheckoutRecord[]; totalCount: number; maxPage: number } {
  const organizations = asList(query.organization_id);
  const products = asList(query.product_id);
  const customers = asList(query.customer_id);
  const externals = asList(query.external_customer_id);
  const statuses = asList(query.status);
  const search = query.query?.toLowerCase() ?? null;

  const filtered = records.filter(
    (record) =>
      (organizations === null || organizations.includes(organization.id)) &&
      (products === null || products.includes(record.productId)) &&
      (customers === null || (record.customerId !== null && customers.includes(record.customerId))) &&
      (externals === null || (record.externalCustomerId !== null && externals.includes(record.externalCustomerId))) &&
      (statuses === null || statuses.includes(record.status)) &&
      (search === null ||
        (record.customerEmail?.toLowerCase().includes(search) ?? false) ||
        (record.customerName?.toLowerCase().includes(search) ?? false)),
  );

  const sorting = query.sorting && query.sorting.length > 0 ? query.sorting : ['-created_at'];
  filtered.sort((a, b) => {
    for (const criterion of sorting) {
      const descending = criterion.startsWith('-');
      const result = compare(a, b, descending ? criterion.slice(1) : criterion);
      if (result !== 0) return descending ? -result : result;
    }
    return 0;
  });

  const limit = Math.min(query.limit ?? 10, 100);
  const page = query.page ?? 1;
  return {
    items: filtered.slice((page - 1) * limit, page * limit),
    totalCount: filtered.length,
    maxPage: Math.ceil(filtered.length / limit),
  };
}
