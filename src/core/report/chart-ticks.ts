/**
 * Round values for a chart's axis (0, 2, 4 ... for 0-10; 0, 20, 40 ... for 0-100; 0, 2000, 4000 ... for steps),
 * about five of them: shared by the PDF (src/reports) and the app (web/src/progress/report-figures.tsx) so both
 * draw the same axis. Pure.
 */
export function axisTicks(min: number, max: number): number[] {
  const raw = (max - min || 1) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}
