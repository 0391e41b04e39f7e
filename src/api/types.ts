/** Names for the generated OpenAPI schemas the element works with (see schema.ts, generated from api/*.json). */
import type { components } from './schema.js';

type Schemas = components['schemas'];

export type CheckoutPublic = Schemas['CheckoutPublic'];
export type CheckoutPublicConfirmed = Schemas['CheckoutPublicConfirmed'];
export type CheckoutUpdatePublic = Schemas['CheckoutUpdatePublic'];
export type CheckoutConfirmStripe = Schemas['CheckoutConfirmStripe'];
export type CheckoutProduct = Schemas['CheckoutProduct'];
export type AddressInput = Schemas['AddressInput'];
export type CountryCode = AddressInput['country'];
export type ValidationError = Schemas['ValidationError'];
export type CheckoutForbiddenError = Schemas['CheckoutForbiddenError'];
export type CheckoutStatus = Schemas['CheckoutStatus'];
export type AttachedCustomField = Schemas['AttachedCustomField'];
