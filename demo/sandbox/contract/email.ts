/**
 * Why an address is not a valid email, worded like the `email-validator` package that Polar's
 * pydantic models use, or `null` when it is acceptable.
 */
export function emailProblem(value: string): string | null {
  const at = value.lastIndexOf('@');
  if (at === -1) return 'An email address must have an @-sign.';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0) return 'There must be something before the @-sign.';
  if (domain.length === 0) return 'There must be something after the @-sign.';
  if (local.includes('@')) return 'The email address is not valid. It must have exactly one @-sign.';

  const badLocal = [...new Set(local.match(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-\u0080-\uffff]/g) ?? [])];
  if (badLocal.length > 0) {
    return `The email address contains invalid characters before the @-sign: ${badLocal.map((c) => `'${c}'`).join(', ')}.`;
  }
  if (local.startsWith('.')) return 'An email address cannot start with a period.';
  if (local.endsWith('.')) return 'An email address cannot have a period immediately before the @-sign.';
  if (local.includes('..')) return 'An email address cannot have two periods in a row.';

  const badDomain = [...new Set(domain.match(/[^A-Za-z0-9.\-\u0080-\uffff]/g) ?? [])];
  if (badDomain.length > 0) {
    return `The part after the @-sign contains invalid characters: ${badDomain.map((c) => `'${c}'`).join(', ')}.`;
  }
  if (domain.startsWith('.')) return 'An email address cannot have a period immediately after the @-sign.';
  if (domain.endsWith('.')) return 'An email address cannot end with a period.';
  if (domain.includes('..')) return 'An email address cannot have two periods in a row.';
  if (!domain.includes('.')) return 'The part after the @-sign is not valid. It should have a period.';
  if (domain.split('.').some((label) => label.startsWith('-') || label.endsWith('-'))) {
    return 'An email address cannot have a hyphen immediately after the @-sign.';
  }
  if (value.length > 254) return 'The email address is too long.';
  return null;
}
