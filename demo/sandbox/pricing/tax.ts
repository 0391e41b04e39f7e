import type { components } from '../checkouts-schema.js';
import type { Address } from '../store/checkout-record.js';
import { polarRound } from './rounding.js';
import { EU_COUNTRIES, TAX_EXCLUSIVE_COUNTRIES, TAX_RATES } from './tax-rates.js';

type TaxBehavior = components['schemas']['TaxBehavior'];
type TaxBehaviorOption = components['schemas']['TaxBehaviorOption'];

export function taxBehaviorFor(option: TaxBehaviorOption, address: Address): TaxBehavior {
  if (option === 'location') return TAX_EXCLUSIVE_COUNTRIES.has(address.country) ? 'exclusive' : 'inclusive';
  return option;
}

export function taxRateFor(address: Address, taxId: string | null): number {
  // EU business buyers with a VAT number self-account for VAT (reverse charge).
  if (taxId !== null && EU_COUNTRIES.has(address.country)) return 0;
  if (address.state && TAX_RATES[address.state] !== undefined) return TAX_RATES[address.state]!;
  return TAX_RATES[address.country] ?? 0;
}

export interface TaxCalculation {
  amount: number;
  behavior: TaxBehavior;
}

/** Tax on `amount`: on top of it when exclusive, contained in it when inclusive. */
export function calculateTax(
  amount: number,
  behaviorOption: TaxBehaviorOption,
  address: Address,
  taxId: string | null,
): TaxCalculation {
  const behavior = taxBehaviorFor(behaviorOption, address);
  const rate = taxRateFor(address, taxId);
  const tax = behavior === 'inclusive' ? polarRound((amount * rate) / (1 + rate)) : polarRound(amount * rate);
  return { amount: tax, behavior };
}
