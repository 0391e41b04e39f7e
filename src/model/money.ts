import { safeLocale } from './intl.js';

// Polar amounts follow Stripe's minor units: https://docs.stripe.com/currencies#zero-decimal
const ZERO_DECIMAL_CURRENCIES = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
const THREE_DECIMAL_CURRENCIES = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** How many decimal digits one major unit has in Polar's amounts (2 for USD, 0 for JPY, 3 for KWD). */
export function minorUnitDigits(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL_CURRENCIES.has(code)) return 0;
  if (THREE_DECIMAL_CURRENCIES.has(code)) return 3;
  return 2;
}

export interface MoneyFormatOptions {
  /** Use the narrow symbol ("$" rather than "US$"/"CA$"), for tight spaces where the currency is clear. */
  compact?: boolean;
}

/** An amount in minor units as the buyer reads it: `formatMoney(4900, 'usd', 'en')` → "$49", `(1250, 'eur', 'de')` → "12,50 €". */
export function formatMoney(
  amountInMinorUnits: number,
  currency: string,
  locale: string,
  options: MoneyFormatOptions = {},
): string {
  const digits = minorUnitDigits(currency);
  const whole = amountInMinorUnits % 10 ** digits === 0;
  const fractionDigits = whole ? 0 : digits;
  const value = amountInMinorUnits / 10 ** digits;
  const format = currencyFormat(currency, locale, options.compact, fractionDigits, fractionDigits);
  return format ? format.format(value) : `${value.toFixed(fractionDigits)} ${currency.toUpperCase()}`;
}

/**
 * A price below the minor unit, e.g. a metered unit price: `unitAmount` is Polar's decimal string of
 * minor units ("0.005" cents), optionally multiplied by `scale` (1,000,000 for a per-million price).
 */
export function formatSubcent(unitAmount: string | number, currency: string, locale: string, scale = 1): string {
  const digits = minorUnitDigits(currency);
  const decimal = parseDecimal(String(unitAmount));
  if (!decimal) return String(unitAmount);
  let { significand, exponent } = decimal;
  if (Number.isInteger(scale)) {
    significand *= BigInt(scale);
  } else {
    const scaled = parseDecimal(String(Number(unitAmount) * scale));
    if (!scaled) return String(unitAmount);
    ({ significand, exponent } = scaled);
  }
  const majorUnits = decimalToString(significand, exponent + digits);
  const whole = !majorUnits.includes('.');
  const format = currencyFormat(currency, locale, true, whole ? 0 : digits, whole ? 0 : 20);
  if (!format) return `${majorUnits} ${currency.toUpperCase()}`;
  // Formatting the decimal string keeps every digit exact; a Number would show binary noise (0.1 → 0.1000000000000000055…).
  return (format.format as unknown as (value: string) => string)(majorUnits);
}

/**
 * An amount in minor units as the buyer would type it back: `(1250, 'usd', 'en')` → "12.5", `(150000, 'huf', 'hu')`
 * → "1500", `(1250, 'eur', 'de')` → "12,5". Digits from `minorUnitDigits`, never from `Intl` (which disagrees for HUF,
 * ISK, IDR...), so it reads back with `parseMoneyInput` to the same amount.
 */
export function formatAmountInput(amountInMinorUnits: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(safeLocale(locale), { maximumFractionDigits: digits, useGrouping: false }).format(
    amountInMinorUnits / 10 ** digits,
  );
}

/**
 * What the buyer typed, in minor units: "12" → 1200, "12.5" → 1250, "12,50" (de) → 1250, "1,234.56" (en) → 123456.
 * Currency symbols, codes and spaces are ignored. Returns null when it is not an amount this currency can have.
 */
export function parseMoneyInput(text: string, currency: string, locale: string): number | null {
  const digits = minorUnitDigits(currency);
  const { decimal: localeDecimal } = separators(locale);
  let cleaned = stripCurrency(text.normalize('NFKC'), currency, locale).replace(/[\s'’]/g, '');
  let negative = false;
  if (/^[-−]/.test(cleaned)) {
    negative = true;
    cleaned = cleaned.slice(1);
  }
  if (!/^[\d.,]+$/.test(cleaned) || !/\d/.test(cleaned)) return null;

  const split = splitNumber(cleaned, localeDecimal);
  if (!split) return null;
  const { integer, fraction } = split;
  if (fraction.length > digits) return null;
  const minor = Number(integer || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

function splitNumber(text: string, localeDecimal: string): { integer: string; fraction: string } | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimalSeparator: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalSeparator = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const occurrences = text.split(separator).length - 1;
    const after = text.length - text.lastIndexOf(separator) - 1;
    // A lone separator is the decimal one unless it is not the locale's and three digits follow ("1.234" in de, "1,234" in en).
    if (occurrences === 1 && (separator === localeDecimal || after !== 3)) decimalSeparator = separator;
  }
  const [integerPart = '', fraction = '', ...rest] = decimalSeparator ? text.split(decimalSeparator) : [text];
  if (rest.length > 0 || /[.,]/.test(fraction)) return null;
  const groupSeparator = decimalSeparator === '.' ? ',' : decimalSeparator === ',' ? '.' : null;
  if (!validGrouping(integerPart, groupSeparator)) return null;
  return { integer: integerPart.replace(/[.,]/g, ''), fraction };
}

function validGrouping(integerPart: string, groupSeparator: string | null): boolean {
  if (!/[.,]/.test(integerPart)) return true;
  const groups = integerPart.split(/[.,]/);
  if (groupSeparator && integerPart.includes(groupSeparator === '.' ? ',' : '.')) return false;
  if (!groupSeparator && integerPart.includes('.') && integerPart.includes(',')) return false;
  const [first = '', ...others] = groups;
  if (first.length === 0 || first.length > 3) return false;
  // Lakh grouping (1,23,456) has two-digit groups before the last three.
  return others.every((group, index) => group.length === 3 || (group.length === 2 && index < others.length - 1));
}

function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(safeLocale(locale)).formatToParts(1234567.5);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

function stripCurrency(text: string, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  const symbols = new Set<string>([code]);
  for (const tag of [safeLocale(locale), 'en']) {
    for (const display of ['symbol', 'narrowSymbol'] as const) {
      const format = currencyFormat(currency, tag, display === 'narrowSymbol', 0, 0);
      const symbol = format?.formatToParts(1).find((part) => part.type === 'currency')?.value;
      if (symbol) symbols.add(symbol.normalize('NFKC'));
    }
  }
  let result = text;
  for (const symbol of [...symbols].sort((a, b) => b.length - a.length)) {
    result = result.replace(new RegExp(escapeRegExp(symbol), 'gi'), ' ');
  }
  return result.replace(/\p{Sc}/gu, ' ').trim();
}

const currencyFormats = new Map<string, Intl.NumberFormat | null>();

/** A cached currency formatter; null when `Intl` rejects the currency code. */
function currencyFormat(
  currency: string,
  locale: string,
  narrow: boolean | undefined,
  minimumFractionDigits: number,
  maximumFractionDigits: number,
): Intl.NumberFormat | null {
  const key = [currency, locale, narrow ? 'narrow' : 'symbol', minimumFractionDigits, maximumFractionDigits].join('|');
  if (currencyFormats.has(key)) return currencyFormats.get(key) ?? null;
  let format: Intl.NumberFormat | null;
  try {
    format = new Intl.NumberFormat(safeLocale(locale), {
      style: 'currency',
      currency: currency.toUpperCase(),
      currencyDisplay: narrow ? 'narrowSymbol' : 'symbol',
      minimumFractionDigits,
      maximumFractionDigits,
    });
  } catch {
    format = null;
  }
  currencyFormats.set(key, format);
  return format;
}

function parseDecimal(text: string): { significand: bigint; exponent: number } | null {
  const match = /^\s*(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i.exec(text);
  if (!match || (!match[2] && !match[3])) return null;
  const fraction = match[3] ?? '';
  const significand = BigInt(`${match[1]}${match[2] || '0'}${fraction}`);
  const exponent = fraction.length - Number(match[4] ?? 0);
  return exponent >= 0
    ? { significand, exponent }
    : { significand: significand * 10n ** BigInt(-exponent), exponent: 0 };
}

/** `significand × 10^-exponent` as a plain decimal string without trailing zeros. */
function decimalToString(significand: bigint, exponent: number): string {
  const negative = significand < 0n;
  const digits = (negative ? -significand : significand).toString().padStart(exponent + 1, '0');
  const integer = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent).replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
