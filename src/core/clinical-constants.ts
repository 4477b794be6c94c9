/**
 * Every clinical number the program uses, named, with its source in ../shared/DOMAIN.md (section, reference number)
 * and its evidence level. UI code and engines import these; no clinical number is written anywhere else.
 */

/** NPRS pain scale bounds: a single integer 0 (none) to 10 (worst). DOMAIN.md §7, free generic scale [39]. */
export const NPRS_MIN = 0;
export const NPRS_MAX = 10;

/** NPRS minimal clinically important difference: 2 points (LBP consensus). DOMAIN.md §7 [39]; COH/CONS. */
export const NPRS_MCID_POINTS = 2;
/** ...or 30% of the starting value, whichever a person reaches. DOMAIN.md §7 [39]. */
export const NPRS_MCID_FRACTION = 0.3;

/** Pain-monitoring model: pain during activity up to 5/10 is acceptable. DOMAIN.md §8 [46]; RCT (tendon), EO here. */
export const PAIN_DURING_ACCEPTABLE_MAX = 5;
/** Pain-monitoring model band edges: 0-2 "safe", 2-5 "acceptable", >5 "high risk". DOMAIN.md §8 [46]. */
export const PAIN_DURING_SAFE_MAX = 2;
/** Regress if next-morning pain exceeds the person's baseline by more than the MCID (2). DOMAIN.md §8 [5][39]; EO. */
export const NEXT_MORNING_RISE_REGRESS = NPRS_MCID_POINTS;

/** The program is daily: one guided session a day, so seven prescribed a week. DOMAIN.md §4 4.6 ("daily"); EO. */
export const SESSIONS_PER_WEEK = 7;

/** Adherent = at least 80% of prescribed sessions. DOMAIN.md §8; EO convention. */
export const ADHERENCE_TARGET = 0.8;
/** Under 50% for two weeks: re-plan with the person rather than progress. DOMAIN.md §8; EO. */
export const ADHERENCE_REPLAN_BELOW = 0.5;

/** Walking: raise the weekly target by about 10-20% only if pain stays within the rules. DOMAIN.md §2b 2.8 [5]; EO.
 * Footing uses the cautious end of that range. */
export const WALKING_WEEKLY_INCREASE = 0.1;
export const WALKING_WEEKLY_INCREASE_MAX = 0.2;
/** Days of data that make a walking baseline (the person's own 7-day baseline). DOMAIN.md §2b 2.8; EO. */
export const WALKING_BASELINE_DAYS = 7;
/** Fewest days with data before a baseline is trusted; before that the target is provisional. DOMAIN.md §2b 2.8 asks
 * for a 7-day baseline but gives no minimum; 3 days is a design choice (EO). */
export const WALKING_BASELINE_MIN_DAYS = 3;
/** Provisional daily walking time before any baseline exists: a gentle start, design default (EO), far below the
 * WalkBack goal of about 30 min 5x/week reached over 6 months. DOMAIN.md §2a 2.1 [5]. */
export const WALKING_START_MINUTES = 10;
/** WalkBack's goal: about 30 minutes, 5 times a week, reached by 6 months. DOMAIN.md §2a 2.1 [5]; RCT. */
export const WALKING_GOAL_MINUTES = 30;
export const WALKING_GOAL_DAYS_PER_WEEK = 5;
/** Daily steps above which mortality risk levelled off (all-cause mortality, not pain): 6,000-8,000 for age >=60,
 * 8,000-10,000 under 60. Footing stops raising the target at the top of the band. DOMAIN.md §2b 2.5 [6]; MA. */
export const STEPS_PLATEAU_UNDER_60 = 10_000;
export const STEPS_PLATEAU_60_PLUS = 8_000;
export const STEPS_PLATEAU_AGE = 60;
/** Cadence of 100 steps/min or more is about moderate intensity. DOMAIN.md §2b 2.7 [7][7a]; CONS/LAB. */
export const CADENCE_MODERATE_SPM = 100;

/** Ball rolling under the sole: 1-2 min per foot, 1-2x a day, discomfort at most about 5/10. DOMAIN.md §3 3.15; EO. */
export const BALL_ROLL_MIN_SECONDS_PER_FOOT = 60;
export const BALL_ROLL_MAX_SECONDS_PER_FOOT = 120;
export const BALL_ROLL_MAX_PER_DAY = 2;
export const BALL_ROLL_DISCOMFORT_MAX = 5;

/** Intrinsic-foot drills (short-foot, toe yoga, pinky-toe lift): holds 5-10 s, 10-15 reps x 2-3 sets, daily.
 * Progress sitting -> standing -> single-leg. DOMAIN.md §4 4.6 [19]; EO. */
export const TOE_DRILL_HOLD_MIN_S = 5;
export const TOE_DRILL_HOLD_MAX_S = 10;
export const TOE_DRILL_REPS_MIN = 10;
export const TOE_DRILL_REPS_MAX = 15;
export const TOE_DRILL_SETS_MIN = 2;
export const TOE_DRILL_SETS_MAX = 3;

/** Least time at a stage before moving on: one week of sessions, so adherence and next-morning pain can be judged
 * over a week as the pain-monitoring model does week to week. DOMAIN.md §8 [46]; design choice (EO). */
export const MIN_DAYS_AT_STAGE = 7;

/** Refer if no meaningful improvement after 6 weeks. DOMAIN.md §8 [33][45]; EO/GL. */
export const NO_IMPROVEMENT_REFER_WEEKS = 6;
