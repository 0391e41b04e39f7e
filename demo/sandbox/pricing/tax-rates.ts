/**
 * Sales tax and VAT rates the sandbox charges on digital goods, by country and, where the rate
 * depends on it, by `COUNTRY-STATE`. Not tax advice: plausible numbers to make totals move.
 */
export const TAX_RATES: Record<string, number> = {
  US: 0,
  'US-NY': 0.04,
  'US-TX': 0.0625,
  'US-WA': 0.065,
  'US-PA': 0.06,
  CA: 0.05,
  GB: 0.2,
  DE: 0.19,
  FR: 0.2,
  NL: 0.21,
  BE: 0.21,
  ES: 0.21,
  IT: 0.22,
  IE: 0.23,
  PT: 0.23,
  PL: 0.23,
  AT: 0.2,
  SE: 0.25,
  DK: 0.25,
  FI: 0.255,
  NO: 0.25,
  CH: 0.081,
  AU: 0.1,
  NZ: 0.15,
  JP: 0.1,
  IN: 0.18,
  SG: 0.09,
};

export const EU_COUNTRIES = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]);

/** Where Polar's `location` tax behavior adds tax on top instead of including it. */
export const TAX_EXCLUSIVE_COUNTRIES = new Set(['CA', 'IN', 'US']);
