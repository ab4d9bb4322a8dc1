/**
 * Display of partial dates. A date known only to the month reads "January 2026", never "1 January
 * 2026": the precision is part of the fact. Every view (card, popup, options, demo) formats through
 * here so they all say the same thing.
 */
import type { PartialDate } from './schema';

const FORMATS: Record<PartialDate['precision'], Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/**
 * Formatters by locale and precision. `toLocaleDateString` with options builds a new formatter on every
 * call (about a millisecond each, cold), which made dates the costliest part of a card's first render.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, precision: PartialDate['precision']): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, FORMATS[precision] ?? FORMATS.day);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** What a view shows when it has no date, rather than guessing one. */
export const UNKNOWN_DATE_LABEL = 'date unknown';

/** "22 November 2024", "January 2026", "2025", or "date unknown" for null or a malformed date. */
export function formatPartialDate(date: PartialDate | null | undefined, locale = 'en-GB'): string {
  if (!date) return UNKNOWN_DATE_LABEL;
  const parsed = new Date(`${date.date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return UNKNOWN_DATE_LABEL;
  return formatterFor(locale, date.precision).format(parsed);
}

/**
 * The machine-readable form for `<time dateTime>`: "2024-11-22", "2026-01" or "2025", as precise as the
 * date is known.
 */
export function partialDateTimeAttribute(date: PartialDate): string {
  if (date.precision === 'year') return date.date.slice(0, 4);
  if (date.precision === 'month') return date.date.slice(0, 7);
  return date.date;
}
