/**
 * Dates and numbers as the person's language writes them (issue 14 item 8: "dates and numbers follow the
 * locale"). Screens use these instead of toLocaleString with a fixed locale; catalogue.test.ts refuses a fixed one.
 */
import { formatLocale } from './i18n.js';

/** A number with the locale's grouping and decimal mark, e.g. 9,200 / 9.200; 2.5 / 2,5. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(formatLocale(), options).format(n);
}

/** A Date or ISO string in the locale's words, e.g. "3 Nov 2026" / "3 nov 2026". */
export function formatDate(
  value: Date | string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' },
): string {
  return new Intl.DateTimeFormat(formatLocale(), options).format(typeof value === 'string' ? new Date(value) : value);
}

/** A calendar day YYYY-MM-DD (no time zone: it is the person's own day), e.g. "Tue 25 Nov" / "mar, 25 nov". */
export function formatDay(
  isoDate: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' },
): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(formatLocale(), options).format(new Date(y!, m! - 1, d!));
}

/**
 * A calendar day with its year, as a report writes it: "3 Nov 2026" / "3 nov 2026". The report's figures in the app
 * write their axes and descriptions this way, in the language on screen (the PDF writes the English form, longDate in
 * src/core/report/report-sections.ts).
 */
export function formatDayWithYear(isoDate: string): string {
  return formatDay(isoDate, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A date and time, e.g. "3 Nov, 08:30". */
export function formatDateTime(
  value: Date | string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
): string {
  return formatDate(value, options);
}
