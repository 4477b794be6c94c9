/** ISO 8601 formatting with an explicit offset, as every WalkingSample timestamp is written. */

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * "YYYY-MM-DDTHH:MM:SS(.sss)±HH:MM" for a UTC instant shown in a fixed offset (minutes east of UTC). Whole
 * seconds are written without a fraction. Years outside 0..9999 are not representable and return null.
 */
export function formatIsoWithOffset(utcMs: number, offsetMinutes: number): string | null {
  if (!Number.isFinite(utcMs)) return null;
  const local = new Date(utcMs + offsetMinutes * 60_000);
  const y = local.getUTCFullYear();
  if (y < 0 || y > 9999) return null;
  const ms = local.getUTCMilliseconds();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(y, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:` +
    `${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
