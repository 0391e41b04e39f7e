import type { ProductPrice } from '../catalogue/index.js';
import type { components } from '../checkouts-schema.js';

type Schemas = components['schemas'];
export type CheckoutStatus = Schemas['CheckoutStatus'];
export type Address = Schemas['Address'];
export type CustomFieldValue = string | number | boolean | null;

/**
 * One checkout session as the sandbox stores it: the columns of Polar's `checkouts` table,
 * from which both the `Checkout` and the `CheckoutPublic` views are derived.
 */
export interface CheckoutRecord {
  /** Insertion order, to break `created_at` ties when sorting. */
  sequence: number;
  id: string;
  createdAt: string;
  modifiedAt: string | null;
  status: CheckoutStatus;
  clientSecret: string;
  expiresAt: string;
  /** As given at creation, possibly containing `{CHECKOUT_ID}`. */
  successUrl: string | null;
  returnUrl: string | null;
  embedOrigin: string | null;
  locale: string | null;
  allowDiscountCodes: boolean;
  requireBillingAddress: boolean;
  amount: number;
  currency: string;
  seats: number | null;
  minSeats: number | null;
  maxSeats: number | null;
  netAmount: number;
  taxAmount: number | null;
  taxBehavior: Schemas['TaxBehavior'] | null;
  allowTrial: boolean | null;
  trialInterval: Schemas['TrialInterval'] | null;
  trialIntervalCount: number | null;
  trialEnd: string | null;
  /** The products offered, in order; the first is selected at creation. */
  productIds: string[];
  /** Ad hoc prices per product id; they replace that product's catalogue prices. */
  adHocPrices: Record<string, ProductPrice[]>;
  productId: string;
  productPriceId: string;
  discountId: string | null;
  customerId: string | null;
  isBusinessCustomer: boolean;
  externalCustomerId: string | null;
  customerName: string | null;
  customerEmail: string | null;
  customerIpAddress: string | null;
  customerBillingName: string | null;
  customerBillingAddress: Address | null;
  customerTaxId: string | null;
  paymentMethodType: string | null;
  paymentProcessorMetadata: Record<string, string>;
  metadata: Schemas['MetadataOutputType'];
  customerMetadata: Record<string, string | number | boolean>;
  customFieldData: Record<string, CustomFieldValue>;
  subscriptionId: string | null;
}
