/**
 * The staged program. One variable changes from one stage to the next: first volume, then position
 * (sitting -> standing -> single-leg), as DOMAIN.md §4 4.6 [19] and §8 describe. Walking runs through every stage
 * with its own target (src/core/walking-target.ts).
 */
import {
  BALL_ROLL_MAX_PER_DAY,
  BALL_ROLL_MAX_SECONDS_PER_FOOT,
  BALL_ROLL_MIN_SECONDS_PER_FOOT,
  TOE_DRILL_HOLD_MAX_S,
  TOE_DRILL_HOLD_MIN_S,
  TOE_DRILL_REPS_MAX,
  TOE_DRILL_REPS_MIN,
  TOE_DRILL_SETS_MAX,
  TOE_DRILL_SETS_MIN,
} from './clinical-constants.js';
import type { ExerciseId, Position } from './exercises.js';

/** A timed dose: seconds per foot, done `timesPerDay` times. */
export interface TimedDose {
  kind: 'timed';
  secondsPerFoot: number;
  timesPerDay: number;
}
/** A hold dose: hold for `holdSeconds`, `reps` times, `sets` sets, with `restSeconds` between sets. */
export interface HoldDose {
  kind: 'holds';
  holdSeconds: number;
  reps: number;
  sets: number;
  restSeconds: number;
  perFoot: boolean;
}

export interface StagePrescription {
  exercise: Exclude<ExerciseId, 'walk'>;
  position: Position;
  dose: TimedDose | HoldDose;
}

export interface Stage {
  number: number;
  name: string;
  goal: string;
  prescriptions: StagePrescription[];
}

/** Rest between sets: a minute, a design default for low-load motor-control drills (EO). */
const REST_S = 60;

/** The pinky-toe lift's holds at the low or the high end of DOMAIN.md §4 4.6's dose, both feet together or each
 * foot on its own (single-leg). */
const toeHolds = (end: 'low' | 'high', perFoot: boolean): HoldDose =>
  end === 'low'
    ? {
        kind: 'holds',
        holdSeconds: TOE_DRILL_HOLD_MIN_S,
        reps: TOE_DRILL_REPS_MIN,
        sets: TOE_DRILL_SETS_MIN,
        restSeconds: REST_S,
        perFoot,
      }
    : {
        kind: 'holds',
        holdSeconds: TOE_DRILL_HOLD_MAX_S,
        reps: TOE_DRILL_REPS_MAX,
        sets: TOE_DRILL_SETS_MAX,
        restSeconds: REST_S,
        perFoot,
      };

export const STAGES: readonly Stage[] = [
  {
    number: 1,
    name: 'Start',
    goal: 'Walk daily from your own baseline and roll each sole once a day.',
    prescriptions: [
      {
        exercise: 'ball-roll',
        position: 'sitting',
        dose: { kind: 'timed', secondsPerFoot: BALL_ROLL_MIN_SECONDS_PER_FOOT, timesPerDay: 1 },
      },
    ],
  },
  {
    number: 2,
    name: 'Wake up the toes',
    goal: 'Add the pinky-toe lift sitting down, short holds.',
    prescriptions: [
      {
        exercise: 'ball-roll',
        position: 'sitting',
        dose: { kind: 'timed', secondsPerFoot: BALL_ROLL_MAX_SECONDS_PER_FOOT, timesPerDay: 1 },
      },
      {
        exercise: 'pinky-toe-lift',
        position: 'sitting',
        dose: toeHolds('low', false),
      },
    ],
  },
  {
    number: 3,
    name: 'Longer holds',
    goal: 'Same drills, more volume: longer holds, more reps and sets.',
    prescriptions: [
      {
        exercise: 'ball-roll',
        position: 'sitting',
        dose: { kind: 'timed', secondsPerFoot: BALL_ROLL_MAX_SECONDS_PER_FOOT, timesPerDay: BALL_ROLL_MAX_PER_DAY },
      },
      {
        exercise: 'pinky-toe-lift',
        position: 'sitting',
        dose: toeHolds('high', false),
      },
    ],
  },
  {
    number: 4,
    name: 'Stand up',
    goal: 'Do the drills standing on both feet; the dose steps back while the position gets harder.',
    prescriptions: [
      {
        exercise: 'ball-roll',
        position: 'standing',
        dose: { kind: 'timed', secondsPerFoot: BALL_ROLL_MAX_SECONDS_PER_FOOT, timesPerDay: BALL_ROLL_MAX_PER_DAY },
      },
      {
        exercise: 'pinky-toe-lift',
        position: 'standing',
        dose: toeHolds('low', false),
      },
    ],
  },
  {
    number: 5,
    name: 'One foot',
    goal: 'The pinky-toe lift on one foot at a time, for balance.',
    prescriptions: [
      {
        exercise: 'ball-roll',
        position: 'standing',
        dose: { kind: 'timed', secondsPerFoot: BALL_ROLL_MAX_SECONDS_PER_FOOT, timesPerDay: BALL_ROLL_MAX_PER_DAY },
      },
      {
        exercise: 'pinky-toe-lift',
        position: 'single-leg',
        dose: toeHolds('low', true),
      },
    ],
  },
];

export const FIRST_STAGE = 1;
export const LAST_STAGE = STAGES.length;

/** The stage with this number; numbers outside 1..LAST_STAGE are clamped (a regression never goes below 1). */
export function stageByNumber(n: number): Stage {
  // NaN (a missing or corrupt stage number) would index STAGES[NaN] and return undefined: start at stage 1.
  const r = Number.isNaN(n) ? FIRST_STAGE : Math.round(n);
  const i = Math.min(Math.max(r, FIRST_STAGE), LAST_STAGE) - 1;
  return STAGES[i]!;
}

/** Upper dose limits every stage respects (DOMAIN.md §3 3.15, §4 4.6). Used by property tests and by clinicians'
 * dose edits later. */
export const DOSE_LIMITS = {
  timed: { secondsPerFoot: BALL_ROLL_MAX_SECONDS_PER_FOOT, timesPerDay: BALL_ROLL_MAX_PER_DAY },
  holds: { holdSeconds: TOE_DRILL_HOLD_MAX_S, reps: TOE_DRILL_REPS_MAX, sets: TOE_DRILL_SETS_MAX },
} as const;

/** True when a dose stays within DOSE_LIMITS. */
export function withinLimits(dose: TimedDose | HoldDose): boolean {
  if (dose.kind === 'timed')
    return dose.secondsPerFoot <= DOSE_LIMITS.timed.secondsPerFoot && dose.timesPerDay <= DOSE_LIMITS.timed.timesPerDay;
  return (
    dose.holdSeconds <= DOSE_LIMITS.holds.holdSeconds &&
    dose.reps <= DOSE_LIMITS.holds.reps &&
    dose.sets <= DOSE_LIMITS.holds.sets
  );
}
