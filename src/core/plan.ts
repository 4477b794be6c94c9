/**
 * Today's plan: walking (its target), then the stage's foot drills, minus anything a precaution excludes.
 * A red flag means no plan at all, only the advice on where to get care.
 */
import type { Claim } from './evidence.js';
import type { ExerciseId, Position } from './exercises.js';
import type { ExerciseExclusion, ScreenResult, Urgency } from './red-flags.js';
import { withinLimits, type HoldDose, type TimedDose } from './stages.js';
import type { ClinicianWalkingSetting, WalkingTarget } from './walking-target.js';
import type { Language } from './language.js';
import { describeDoseEs, EXCLUDED_REASON_ES, SET_BY_CLINICIAN_ES } from './i18n/dose-texts.js';
import { exerciseIn } from './i18n/exercise-texts.js';
import { stageIn } from './i18n/stage-texts.js';
import { concernIn, URGENCY_ADVICE_ES } from './i18n/red-flag-texts.js';

/** The walk's dose: the target, how it was set from the person's own days, and a clinician's target or cap. */
export interface WalkDose {
  kind: 'walk';
  minutes: number;
  steps: number | null;
  provisional: boolean;
  basis: string;
  clinician: ClinicianWalkingSetting | null;
}

export interface PlanItem {
  exercise: ExerciseId;
  name: string;
  position: Position;
  dose: WalkDose | TimedDose | HoldDose;
  /** One line, e.g. "2 min per foot, twice today". */
  doseText: string;
  steps: string[];
  why: Claim[];
  ifItHurts: string[];
}

export type TodayPlan =
  | { status: 'needs-screen' }
  | { status: 'stopped'; urgency: Urgency; advice: string; concerns: string[] }
  | {
      status: 'active';
      stage: { number: number; name: string; goal: string };
      items: PlanItem[];
      excluded: { exercise: ExerciseId; reason: string }[];
    };

/** The dose in one line, in `language` (Spanish: src/core/i18n/dose-texts.ts). */
export function describeDose(dose: WalkDose | TimedDose | HoldDose, language: Language = 'en'): string {
  if (language === 'es') return describeDoseEs(dose);
  switch (dose.kind) {
    case 'walk': {
      const figure =
        dose.steps !== null
          ? `${dose.steps.toLocaleString('en')} steps (about ${dose.minutes} min) today`
          : `${dose.minutes} min today`;
      const c = dose.clinician;
      return c?.applied ? `${figure} (${c.kind === 'target' ? 'set' : 'capped'} by your clinician)` : figure;
    }
    case 'timed': {
      const t = dose.secondsPerFoot % 60 === 0 ? `${dose.secondsPerFoot / 60} min` : `${dose.secondsPerFoot} s`;
      return `${t} per foot, ${dose.timesPerDay === 1 ? 'once' : `${dose.timesPerDay} times`} today`;
    }
    case 'holds':
      return `${dose.sets} sets of ${dose.reps}, hold ${dose.holdSeconds} s${dose.perFoot ? ', each foot' : ''}`;
  }
}

/** A clinician's changes to the stage's doses, per exercise; applied only when the result stays within the stage
 * dose limits (DOSE_LIMITS, DOMAIN.md §3 3.15 and §4 4.6). */
export type DoseOverrides = Partial<
  Record<'ball-roll' | 'pinky-toe-lift', Partial<Omit<TimedDose, 'kind'>> & Partial<Omit<HoldDose, 'kind'>>>
>;

/** The stage's dose with a clinician's override applied, or the stage's dose when the override would break a limit. */
export function applyDoseOverride(
  dose: TimedDose | HoldDose,
  override: DoseOverrides[keyof DoseOverrides] | undefined,
): { dose: TimedDose | HoldDose; adjusted: boolean } {
  if (!override) return { dose, adjusted: false };
  const keys =
    dose.kind === 'timed'
      ? (['secondsPerFoot', 'timesPerDay'] as const)
      : (['holdSeconds', 'reps', 'sets', 'restSeconds'] as const);
  const merged = { ...dose } as Record<string, unknown>;
  for (const k of keys)
    if (typeof (override as Record<string, unknown>)[k] === 'number')
      merged[k] = (override as Record<string, number>)[k];
  const next = merged as unknown as TimedDose | HoldDose;
  return withinLimits(next)
    ? { dose: next, adjusted: JSON.stringify(next) !== JSON.stringify(dose) }
    : { dose, adjusted: false };
}

/** Today's plan, its words in `input.language` (English by default; the walking target's basis comes written). */
export function todayPlan(input: {
  screen: ScreenResult | null;
  stage: number;
  walking: WalkingTarget;
  clearedExclusions?: readonly ExerciseExclusion[];
  doseOverrides?: DoseOverrides | null;
  language?: Language;
}): TodayPlan {
  const language = input.language ?? 'en';
  if (!input.screen) return { status: 'needs-screen' };
  if (input.screen.status === 'stop') {
    // The stored result keeps the English it was scored with: the advice follows from the urgency, a concern from its flag.
    const advice = language === 'en' ? input.screen.advice : URGENCY_ADVICE_ES[input.screen.urgency];
    return {
      status: 'stopped',
      urgency: input.screen.urgency,
      advice,
      concerns: [...new Set(input.screen.flags.map((f) => concernIn(f, language)))],
    };
  }
  const stage = stageIn(input.stage, language);
  const walk = exerciseIn('walk', language);
  const { minutes, steps, provisional, basis, clinician } = input.walking;
  const walkDose: WalkDose = { kind: 'walk', minutes, steps, provisional, basis, clinician };
  const items: PlanItem[] = [
    {
      exercise: 'walk',
      name: walk.name,
      position: 'walking',
      dose: walkDose,
      doseText: describeDose(walkDose, language),
      steps: walk.steps.walking ?? [],
      why: walk.why,
      ifItHurts: walk.ifItHurts,
    },
  ];
  const excluded: { exercise: ExerciseId; reason: string }[] = [];
  // A clinician may clear an exclusion after the screen was scored; the stored screen still lists it.
  const cleared = input.clearedExclusions ?? [];
  const blocked = new Set(input.screen.exclusions.filter((e) => !cleared.includes(e)));
  for (const p of stage.prescriptions) {
    const ex = exerciseIn(p.exercise, language);
    if (ex.exclusion && blocked.has(ex.exclusion)) {
      excluded.push({
        exercise: ex.id,
        reason:
          language === 'en'
            ? 'Left out until a clinician says it is safe for you (from your safety check).'
            : EXCLUDED_REASON_ES,
      });
      continue;
    }
    const { dose, adjusted } = applyDoseOverride(p.dose, input.doseOverrides?.[p.exercise]);
    items.push({
      exercise: ex.id,
      name: ex.name,
      position: p.position,
      dose,
      doseText:
        describeDose(dose, language) +
        (adjusted ? (language === 'en' ? ' (set by your clinician)' : SET_BY_CLINICIAN_ES) : ''),
      steps: ex.steps[p.position] ?? [],
      why: ex.why,
      ifItHurts: ex.ifItHurts,
    });
  }
  return { status: 'active', stage: { number: stage.number, name: stage.name, goal: stage.goal }, items, excluded };
}
