/**
 * The UTC offset choice for files whose times are in UTC (GPX, TCX): the person's offset decides which local day a
 * walk belongs to. The default is the browser's own offset today.
 */

/** "+01:00" for 60 minutes east of UTC, "-05:30" for 330 minutes west. */
export function formatOffset(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const abs = Math.abs(minutesEast);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The browser's offset on `at` (summer time included), as "+HH:MM". */
export function browserOffset(at: Date = new Date()): string {
  // getTimezoneOffset is minutes *west* of UTC (UTC+1 gives -60).
  return formatOffset(-at.getTimezoneOffset());
}

/** The offsets in use around the world (whole and half hours from -12:00 to +14:00, and the three
 * quarter-hour ones), plus `include` if it is not among them. Sorted west to east. */
export function offsetChoices(include?: string): string[] {
  const minutes = new Set<number>();
  for (let m = -12 * 60; m <= 14 * 60; m += 30) minutes.add(m);
  for (const m of [5 * 60 + 45, 8 * 60 + 45, 12 * 60 + 45]) minutes.add(m);
  const list = [...minutes].sort((a, b) => a - b).map(formatOffset);
  if (include && !list.includes(include)) list.push(include);
  return list.sort((a, b) => toMinutes(a) - toMinutes(b));
}

/** Minutes east of UTC for "+HH:MM". */
export function toMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  // i18n-ignore: a programming error (the choices are made here), never shown to a person
  if (!m) throw new Error(`Not an offset like +01:00: ${JSON.stringify(offset)}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
