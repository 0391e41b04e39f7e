/** Tax number formats by country (the number without spaces, dots or dashes). */
const FORMATS: Record<string, RegExp[]> = {
  AT: [/^ATU\d{8}$/],
  BE: [/^BE[01]\d{9}$/],
  DE: [/^DE\d{9}$/],
  DK: [/^DK\d{8}$/],
  ES: [/^ES[A-Z0-9]\d{7}[A-Z0-9]$/],
  FI: [/^FI\d{8}$/],
  FR: [/^FR[A-HJ-NP-Z0-9]{2}\d{9}$/],
  IE: [/^IE\d{7}[A-W][A-I]?$/, /^IE\d[A-Z+*]\d{5}[A-W]$/],
  IT: [/^IT\d{11}$/],
  NL: [/^NL\d{9}B\d{2}$/],
  PL: [/^PL\d{10}$/],
  PT: [/^PT\d{9}$/],
  SE: [/^SE\d{10}01$/],
  GB: [/^(GB)?(\d{9}|\d{12})$/],
  CH: [/^CHE\d{9}(MWST|TVA|IVA)?$/],
  NO: [/^NO\d{9}(MVA)?$/],
  AU: [/^\d{11}$/],
  CA: [/^\d{9}([A-Z]{2}\d{4})?$/],
  US: [/^\d{9}$/],
};

/**
 * The normalized tax number when it is valid for the country, else `null`. Stands in for the
 * python-stdnum checks behind Polar's `validate_tax_id`; countries it doesn't know reject every number.
 */
export function validateTaxId(value: string, country: string): string | null {
  const compact = value.replace(/[\s.\-/]/g, '').toUpperCase();
  const withPrefix =
    /^[A-Z]{2}/.test(compact) || country === 'US' || country === 'CA' || country === 'AU'
      ? compact
      : `${country}${compact}`;
  const formats = FORMATS[country];
  if (!formats) return null;
  for (const candidate of [compact, withPrefix]) {
    if (formats.some((format) => format.test(candidate))) return candidate;
  }
  return null;
}
