/** The report's figures as its English writes them (the PDF, the English of report-words.ts). */

/** One decimal, without a trailing ".0"; a minus sign (−) for negative numbers; "–" for none. */
export function fmt(v: number | null, decimals = 1): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  const s = Math.abs(r).toFixed(decimals).replace(/\.0+$/, '');
  return r < 0 ? `−${s}` : s;
}

/** Thousands with a comma: 12,345. */
export function fmtInt(v: number | null): string {
  return v === null ? '–' : Math.round(v).toLocaleString('en-GB');
}
