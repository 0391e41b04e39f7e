/** A tag `Intl` accepts: the canonical form of `locale`, or `en` when it is missing or malformed. */
export function safeLocale(locale: string | null | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale.trim().replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A date such as "May 3, 2026" for an ISO timestamp; the input itself when it is not a date. */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'long' }).format(date);
}

/** A calendar date (`yyyy-mm-dd`, no time zone shift) such as "May 3, 2026". */
export function formatCalendarDate(isoDay: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(safeLocale(locale)).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return new Intl.NumberFormat(safeLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}
