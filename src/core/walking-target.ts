/**
 * The daily walking target: it starts from the person's own 7-day baseline and grows by about 10% a week only
 * while pain stays within the rules; it holds on a week with a broken rule and steps back after a flare.
 * DOMAIN.md §2b 2.8 [5] (EO heuristic), ceilings from §2a 2.1 [5] and §2b 2.5 [6].
 */
import {
  STEPS_PLATEAU_60_PLUS, STEPS_PLATEAU_AGE, STEPS_PLATEAU_UNDER_60, WALKING_BASELINE_DAYS, WALKING_BASELINE_MIN_DAYS,
  WALKING_GOAL_MINUTES, WALKING_START_MINUTES, WALKING_WEEKLY_INCREASE,
} from './clinical-constants.js';
import type { DailyWalking } from './walking.js';

/** How a completed week went, judged by the pain rules (src/core/program-engine.ts). */
export type WeekVerdict = 'ok' | 'hold' | 'flare';

export interface WalkingTarget {
  /** Daily step target, when the person's walking is counted in steps. */
  steps: number | null;
  /** Daily minutes target. */
  minutes: number;
  /** True until there are enough days of data for a baseline. */
  provisional: boolean;
  baselineSteps: number | null;
  baselineMinutes: number | null;
  /** Plain words on how the target was set. */
  basis: string;
}

/**
 * The baseline: the mean of the first days with data (up to WALKING_BASELINE_DAYS). Days with neither steps nor
 * minutes are not days with data (the person did not log or wear a device).
 */
export function walkingBaseline(days: readonly DailyWalking[]): { steps: number | null; minutes: number | null; days: number } {
  const withData = [...days].filter((d) => d.steps > 0 || d.minutes > 0).sort((a, b) => a.date.localeCompare(b.date)).slice(0, WALKING_BASELINE_DAYS);
  const stepDays = withData.filter((d) => d.steps > 0);
  const minuteDays = withData.filter((d) => d.minutes > 0);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    steps: stepDays.length ? mean(stepDays.map((d) => d.steps)) : null,
    minutes: minuteDays.length ? mean(minuteDays.map((d) => d.minutes)) : null,
    days: withData.length,
  };
}

/** The step count beyond which the target stops rising (DOMAIN.md §2b 2.5 [6]). */
export function stepCeiling(age: number | null): number {
  return age !== null && age >= STEPS_PLATEAU_AGE ? STEPS_PLATEAU_60_PLUS : STEPS_PLATEAU_UNDER_60;
}

/**
 * Today's target from the history of days and the verdicts of the weeks completed since the baseline.
 * Each 'ok' week multiplies by 1 + WALKING_WEEKLY_INCREASE (until the ceiling is reached; further good weeks do not
 * bank steps above it); 'hold' keeps it; 'flare' takes one step back; it never
 * drops below the baseline and never rises past the ceiling (or above the baseline when the baseline is already
 * beyond the ceiling).
 */
export function walkingTarget(input: { days: readonly DailyWalking[]; weeks: readonly WeekVerdict[]; age: number | null }): WalkingTarget {
  const base = walkingBaseline(input.days);
  if (base.days < WALKING_BASELINE_MIN_DAYS) {
    return {
      steps: null, minutes: Math.max(WALKING_START_MINUTES, Math.round(base.minutes ?? 0)), provisional: true,
      baselineSteps: base.steps, baselineMinutes: base.minutes,
      basis: `Log your walking for ${WALKING_BASELINE_MIN_DAYS} days (or import it from your phone) so your target can start from your own baseline. Until then: a gentle ${WALKING_START_MINUTES} minutes.`,
    };
  }
  const rate = 1 + WALKING_WEEKLY_INCREASE;
  // Targets are shown rounded (steps to 10, minutes to 1), so levels are counted in what the person sees.
  const STEP_ROUNDING = 10;
  const MINUTE_ROUNDING = 1;
  const shown = (x: number, unit: number): number => Math.round(x / unit) * unit;
  // The level stops rising once the shown target has reached its ceiling. Without that, good weeks spent at the
  // ceiling would pile up levels (or a level just under the ceiling would show as the ceiling), and a later flare
  // would take one of them away while the target stayed at the ceiling: the flare would not step back at all.
  const levelFor = (baseline: number, ceiling: number, unit: number): number => {
    let top = 0;
    while (baseline > 0 && shown(baseline * rate ** top, unit) < shown(ceiling, unit)) top += 1;
    let level = 0;
    for (const w of input.weeks) {
      if (w === 'ok') level = Math.min(top, level + 1);
      else if (w === 'flare') level = Math.max(0, level - 1);
    }
    return level;
  };
  /** The target as shown, and its level (good weeks counted so far). */
  const grow = (baseline: number, ceiling: number, unit: number) => {
    const level = levelFor(baseline, ceiling, unit);
    return { level, value: shown(Math.max(baseline, Math.min(ceiling, baseline * rate ** level)), unit) };
  };
  const stepTarget = base.steps !== null ? grow(base.steps, stepCeiling(input.age), STEP_ROUNDING) : null;
  const minuteTarget = grow(base.minutes ?? WALKING_START_MINUTES, WALKING_GOAL_MINUTES, MINUTE_ROUNDING);
  const steps = stepTarget?.value ?? null;
  const minutes = minuteTarget.value;
  // The basis speaks of the steps target when there is one.
  const level = (stepTarget ?? minuteTarget).level;
  const pct = Math.round(WALKING_WEEKLY_INCREASE * 100);
  return {
    steps, minutes, provisional: false, baselineSteps: base.steps, baselineMinutes: base.minutes,
    basis: level === 0
      ? 'Your target is your own baseline (the average of your first days of walking).'
      : `Your baseline, raised ${pct}% for each good week (${level} so far), because your pain stayed within the rules.`,
  };
}
