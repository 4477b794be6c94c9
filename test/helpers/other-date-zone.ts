/**
 * A time zone whose calendar date differs from UTC's at a given instant, and that date: for tests of "dated in the
 * person's own time zone, not in UTC". Kiritimati is UTC+14 (tomorrow from 10:00 UTC) and Etc/GMT+12 is UTC-12
 * (yesterday until 12:00 UTC), so at any instant one of the two is on another date than UTC.
 */
export function zoneOnAnotherDate(at: Date = new Date()): { timeZone: string; date: string; utcDate: string } {
  const utcDate = at.toISOString().slice(0, 10);
  for (const timeZone of ['Pacific/Kiritimati', 'Etc/GMT+12']) {
    // en-CA writes a date as YYYY-MM-DD.
    const date = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
    if (date !== utcDate) return { timeZone, date, utcDate };
  }
  throw new Error('unreachable: UTC+14 or UTC-12 is always on another date than UTC');
}
