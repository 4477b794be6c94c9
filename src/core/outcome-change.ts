/**
 * What counts as a real change on each outcome measure, and trends over dated scores. The rule is the one DOMAIN.md
 * §7 gives: points, or points or a fraction of the starting value, whichever the measure has. A worsening counts on
 * points only, as the pain rules do (DOMAIN.md §8, regress anchored to the MCID in points): a percentage of a small
 * starting value would call noise a worsening.
 */
import { NPRS_MCID_FRACTION, NPRS_MCID_POINTS } from './clinical-constants.js';
import {
  FAAM_ADL_MCID_POINTS,
  FAAM_SPORTS_MCID_POINTS,
  NDI_MCID_POINTS,
  ODI_MCID_FRACTION,
  ODI_MCID_POINTS,
  PSFS_MDC_MEAN,
  PSFS_MDC_SINGLE_ACTIVITY,
} from './outcome-constants.js';
import type { OutcomeMeasureId, OutcomeProblem } from './outcome-scoring.js';

/** STarT Back sorts people into groups; it is not an outcome measure and has no MCID (DOMAIN.md §7 [45]). */
export type ResponderMeasureId = Exclude<OutcomeMeasureId, 'start-back'>;
export type ResponderStatus = 'improved' | 'no-meaningful-change' | 'worse';

export interface ChangeRule {
  higherIsBetter: boolean;
  /** The smallest change that counts, in the measure's points. */
  points: number;
  /** ...or this fraction of the starting value, for an improvement, where DOMAIN.md gives one. */
  fraction?: number;
  /** MCID, or MDC where DOMAIN.md gives no MCID (PSFS). */
  kind: 'MCID' | 'MDC';
  refs: string[];
}

export const CHANGE_RULES: Record<ResponderMeasureId, ChangeRule> = {
  nprs: { higherIsBetter: false, points: NPRS_MCID_POINTS, fraction: NPRS_MCID_FRACTION, kind: 'MCID', refs: ['39'] },
  psfs: { higherIsBetter: true, points: PSFS_MDC_MEAN, kind: 'MDC', refs: ['43'] },
  odi: {
    higherIsBetter: false,
    points: ODI_MCID_POINTS,
    fraction: ODI_MCID_FRACTION,
    kind: 'MCID',
    refs: ['39', '40'],
  },
  ndi: { higherIsBetter: false, points: NDI_MCID_POINTS, kind: 'MCID', refs: ['42'] },
  'faam-adl': { higherIsBetter: true, points: FAAM_ADL_MCID_POINTS, kind: 'MCID', refs: ['44'] },
  'faam-sports': { higherIsBetter: true, points: FAAM_SPORTS_MCID_POINTS, kind: 'MCID', refs: ['44'] },
};

/** Scores such as 26/45 x 100 carry floating-point noise; a change within this of the threshold counts as reaching it. */
const EPS = 1e-9;

/**
 * Improved, worse, or no meaningful change from `baseline` to `latest` (both on the measure's own scale: NPRS 0-10,
 * PSFS mean 0-10, ODI %, NDI raw 0-50, FAAM %). Improved: better by at least the points, or by at least the
 * fraction of the baseline where the measure has one. Worse: worse by at least the points.
 */
export function responderStatus(measure: ResponderMeasureId, baseline: number, latest: number): ResponderStatus {
  const rule = CHANGE_RULES[measure];
  const gain = rule.higherIsBetter ? latest - baseline : baseline - latest;
  if (gain >= rule.points - EPS) return 'improved';
  if (rule.fraction !== undefined && gain > 0 && baseline > 0 && gain / baseline >= rule.fraction - EPS)
    return 'improved';
  if (-gain >= rule.points - EPS) return 'worse';
  return 'no-meaningful-change';
}

export interface DatedScore {
  /** ISO date (YYYY-MM-DD) or date-time. */
  date: string;
  score: number;
}
export interface OutcomeTrend {
  /** The scores in date order. */
  points: DatedScore[];
  baseline: DatedScore;
  latest: DatedScore;
  /** latest - baseline, in the measure's points (a fall is an improvement where lower is better). */
  change: number;
  status: ResponderStatus;
  /** Least-squares slope in points per week; null when every score has the same date. */
  slopePerWeek: number | null;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T.*)?$/;

/**
 * The trend of dated scores: baseline (earliest) to latest, with responder status and a weekly slope. Bad entries
 * are problems naming `scores[i]`; with fewer than 2 good scores the trend is null (not enough data yet).
 */
export function outcomeTrend(
  measure: ResponderMeasureId,
  scores: readonly DatedScore[],
): { trend: OutcomeTrend | null; problems: OutcomeProblem[] } {
  const problems: OutcomeProblem[] = [];
  const good: { t: number; s: DatedScore }[] = [];
  scores.forEach((s, i) => {
    const t = typeof s?.date === 'string' && ISO_DATE.test(s.date) ? Date.parse(s.date) : NaN;
    if (!Number.isFinite(t)) {
      problems.push({
        code: 'not_a_number',
        field: `scores[${i}].date`,
        index: i,
        message: `Score ${i + 1} has no valid date (expected YYYY-MM-DD).`,
      });
      return;
    }
    if (typeof s.score !== 'number' || !Number.isFinite(s.score)) {
      problems.push({
        code: 'not_a_number',
        field: `scores[${i}].score`,
        index: i,
        message: `Score ${i + 1} is not a number.`,
      });
      return;
    }
    good.push({ t, s });
  });
  if (problems.length || good.length < 2) return { trend: null, problems };
  // Array.prototype.sort is stable, so scores on the same date keep the order they were entered in.
  good.sort((a, b) => a.t - b.t);
  const baseline = good[0]!.s;
  const latest = good[good.length - 1]!.s;
  const x = good.map((g) => (g.t - good[0]!.t) / DAY_MS);
  const y = good.map((g) => g.s.score);
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  const sxx = x.reduce((a, xi) => a + (xi - mx) ** 2, 0);
  const sxy = x.reduce((a, xi, i) => a + (xi - mx) * (y[i]! - my), 0);
  return {
    trend: {
      points: good.map((g) => g.s),
      baseline,
      latest,
      change: latest.score - baseline.score,
      status: responderStatus(measure, baseline.score, latest.score),
      slopePerWeek: sxx === 0 ? null : (sxy / sxx) * 7,
    },
    problems,
  };
}

export interface PsfsActivityChange {
  name: string;
  baseline: number;
  latest: number;
  status: ResponderStatus;
}
/**
 * PSFS change per activity, for activities rated at both times (matched by name, ignoring case and spaces at the
 * ends). One activity needs a change of 3 points (its MDC, DOMAIN.md §7 [43]); the mean uses `responderStatus`.
 */
export function psfsActivityChanges(
  baseline: readonly { name: string; rating: number | null }[],
  latest: readonly { name: string; rating: number | null }[],
): PsfsActivityChange[] {
  const key = (n: string) => n.trim().toLowerCase();
  const before = new Map(baseline.filter((a) => a.rating !== null).map((a) => [key(a.name), a.rating as number]));
  const out: PsfsActivityChange[] = [];
  for (const a of latest) {
    const b = before.get(key(a.name));
    if (a.rating === null || b === undefined) continue;
    const d = a.rating - b;
    const status: ResponderStatus =
      d >= PSFS_MDC_SINGLE_ACTIVITY ? 'improved' : -d >= PSFS_MDC_SINGLE_ACTIVITY ? 'worse' : 'no-meaningful-change';
    out.push({ name: a.name, baseline: b, latest: a.rating, status });
  }
  return out;
}
