import { catalogue } from '../catalogue/index.js';
import { scenarios } from '../scenarios.js';
import type { Contract } from './spec.js';
import type { ViolationLog } from './violations.js';

/**
 * Checks every catalogue object and scenario body against its schema before the sandbox serves
 * anything; a fixture that breaks the contract would make every answer built from it wrong.
 */
export function validateFixtures(contract: Contract, violations: ViolationLog): void {
  const checks: [string, string, unknown][] = [['CheckoutOrganization', 'organization', catalogue.organization]];
  for (const entry of Object.values(catalogue.products)) {
    checks.push(['CheckoutProduct', `product ${entry.key}`, entry.product]);
    for (const price of entry.prices) checks.push(['ProductPrice', `price of ${entry.key}`, price]);
    entry.attachedCustomFields.forEach((field, index) =>
      checks.push(['AttachedCustomField', `custom field ${index} of ${entry.key}`, field]),
    );
  }
  for (const discount of Object.values(catalogue.discounts)) {
    const schema =
      discount.view.type === 'percentage'
        ? discount.view.duration === 'repeating'
          ? 'CheckoutDiscountPercentageRepeatDuration'
          : 'CheckoutDiscountPercentageOnceForeverDuration'
        : discount.view.duration === 'repeating'
          ? 'CheckoutDiscountFixedRepeatDuration'
          : 'CheckoutDiscountFixedOnceForeverDuration';
    checks.push([schema, `discount ${discount.key}`, discount.view]);
  }
  for (const scenario of scenarios) checks.push(['CheckoutCreate', `scenario ${scenario.name}`, scenario.body]);

  const failures: string[] = [];
  for (const [schema, subject, value] of checks) {
    const validate = contract.component(schema);
    if (!validate(value)) {
      const detail = `${schema}: ${contract.errorsText(validate)}`;
      violations.record({ kind: 'fixture', subject, detail });
      failures.push(`${subject}: ${detail}`);
    }
  }
  if (failures.length > 0) throw new Error(`Sandbox fixtures break the contract:\n${failures.join('\n')}`);
}
