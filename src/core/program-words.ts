/**
 * The program's words by message id, in English (issue 14 item 8): the reasons of a review's decision and of each
 * program event (program-engine.ts, program-review.ts, program-transitions.ts, clinician-stage-change.ts,
 * imported-program.ts, src/services/walking-override-service.ts), the requirements for the next stage and when the
 * safety check is due again. Each carries `{ id, params }` beside its English (`said`), a stored event keeps the id
 * and parameters (program-event-record.ts, version 2), and the screens say it in the reader's language from them
 * (src/core/i18n/review-texts.ts, typed against this table: an id without its Spanish fails tsc). The English is
 * written here once and reads word for word as before the ids.
 *
 * Parameters are figures, dates, codes and the clinician's own words (their name, their reason, a file's name),
 * never Footing's words. `older-english` holds an event stored before the ids whose sentence has figures in it: it is
 * shown as it was written (in English, and said to be English on a Spanish screen), never guessed back into an id.
 */
import { dayMonth } from './dates.js';
import { EXERCISES } from './exercises.js';
import type { DoseOverrides } from './plan.js';
import { RED_FLAG_QUESTIONS, URGENCY_ADVICE, type Urgency } from './red-flags.js';
import { stageByNumber } from './stages.js';
import { walkingFigure } from './walking-target.js';

/** A clinician's walking setting's figure: steps or minutes a day (walking-override.ts). */
export interface WalkingFigure {
  kind: 'target' | 'cap';
  steps: number | null;
  minutes: number | null;
}
/** A clinician's change of the doses: none, back to the stage's own, or the new doses. */
export type DoseChange = 'unchanged' | 'stage' | DoseOverrides;

/** A text inside another's parameters (a requirement inside the reason that it is unmet): a ProgramText. */
export interface InnerText {
  id: string;
  params: object;
}
function innerEnglish(t: InnerText): string {
  return programEnglish(t as ProgramText);
}

const one = (n: number) => n.toFixed(1);
const concern = (flag: string) => RED_FLAG_QUESTIONS.find((q) => q.id === flag)?.concern ?? flag;

const DOSE_WORDS: Record<string, (v: number) => string> = {
  secondsPerFoot: (v) => `${v} s per foot`,
  timesPerDay: (v) => `${v === 1 ? 'once' : `${v} times`} a day`,
  holdSeconds: (v) => `hold ${v} s`,
  reps: (v) => `${v} reps`,
  sets: (v) => `${v} sets`,
  restSeconds: (v) => `rest ${v} s`,
};

/** A clinician's dose changes in the patient's words, e.g. "Pinky-toe lift: hold 8 s, 12 reps". */
export function describeOverrides(doses: DoseOverrides): string {
  return Object.entries(doses)
    .filter(([, d]) => d && Object.keys(d).length)
    .map(
      ([ex, d]) =>
        `${EXERCISES[ex as keyof typeof EXERCISES]?.name ?? ex}: ${Object.entries(d!)
          .map(([k, v]) => DOSE_WORDS[k]?.(v as number) ?? `${k} ${v}`)
          .join(', ')}`,
    )
    .join('; ');
}

const doseChange = (d: DoseChange) =>
  d === 'unchanged'
    ? ''
    : d === 'stage'
      ? ' Doses are back to the stage’s own.'
      : ` New doses: ${describeOverrides(d)}.`;

export const PROGRAM_TEXT_EN = {
  // The engine's decision (program-engine.ts).
  'stop.red-flag': () =>
    'Your safety check found something a clinician should look at first. The program is paused until then.',
  'regress.activity-pain-high': (p: { limit: number; dates: string[] }) =>
    `Pain during or after a session went above ${p.limit}/10 (${p.dates.join(', ')}). The pain-monitoring model says to reduce the load.`,
  'regress.morning-pain-rise': (p: { points: number; baseline: number }) =>
    `Your daily pain rose more than ${p.points} points above your usual level (about ${one(p.baseline)}/10). That is a real change, so the plan steps back.`,
  'hold.lowest-stage': () =>
    'You are on the first stage already, so the plan holds here and your walking target steps back.',
  'progress.all-met': () =>
    'You did your sessions and your pain stayed within the rules for a week, so the next stage starts.',
  'hold.last-stage': () => 'You are on the last stage. Keep going: walking and these drills are the long-term routine.',
  /** An unmet requirement as a reason to hold: "<requirement>: <detail>". */
  'hold.unmet': (p: { requirement: InnerText; detail: InnerText }): string =>
    `${innerEnglish(p.requirement)}: ${innerEnglish(p.detail)}`,
  // The requirements for the next stage, and where the person is with each (program-engine.ts requirementsFor).
  'requirement.time-at-stage': (p: { days: number }) => `At least ${p.days} days at this stage`,
  'requirement.time-at-stage.so-far': (p: { days: number; of: number }) => `${p.days} of ${p.of} days so far`,
  'requirement.adherence': (p: { percent: number }) => `Sessions done on at least ${p.percent}% of days this week`,
  'requirement.adherence.done': (p: { done: number; prescribed: number }) =>
    `${p.done} of ${p.prescribed} ${p.prescribed === 1 ? 'day' : 'days'} with a full session`,
  'requirement.activity-pain': (p: { limit: number }) =>
    `Pain during sessions at ${p.limit}/10 or less, checked after each session`,
  'requirement.activity-pain.none': () => 'no after-session check-ins yet',
  'requirement.activity-pain.highest': (p: { highest: number }) => `highest ${p.highest}/10`,
  'requirement.daily-pain-steady': () => 'Daily pain not rising from week to week',
  'requirement.daily-pain-steady.none': () => 'no daily check-ins this week yet',
  'requirement.daily-pain-steady.average': (p: { thisWeek: number; weekBefore: number | null }) =>
    `average ${one(p.thisWeek)}/10 this week${p.weekBefore !== null ? `, ${one(p.weekBefore)} the week before` : ''}`,
  // The full review (program-review.ts): more reasons to step back, to re-plan or to see a clinician.
  'regress.heel-first-steps-rising': () =>
    'Heel pain with your first steps in the morning rose two days in a row. The plan steps back to let it settle.',
  'regress.new-lower-limb-symptoms': (p: { dates: string[] }) =>
    `You reported new foot, knee or hip symptoms (${p.dates.join(', ')}). In the walking trial these were the side effects to watch, so the plan steps back.`,
  'hold.referral': () => 'The plan holds until you have talked with a clinician (see below).',
  'replan.low-adherence': (p: { weekBefore: number; thisWeek: number }) =>
    `Sessions were done on fewer than half the days for two weeks (${p.weekBefore} and ${p.thisWeek}). Rather than push on, let's re-plan: pick a time of day, or ask your clinician for a smaller daily dose.`,
  'referral.no-improvement': (p: { weeks: number; from: number; to: number }) =>
    `After ${p.weeks} weeks your pain has not changed by a meaningful amount (from about ${one(p.from)} to ${one(p.to)} out of 10). It is worth a clinician's review.`,
  'referral.worse-despite-regression': () =>
    'Your pain kept getting worse over your last two check-ins even after the plan stepped back. Please see a clinician.',
  'referral.start-back-high': () =>
    'Your clinician recorded a high-risk back screening score; care that also looks at worry, mood and beliefs about pain is recommended.',
  'referral.outcome-worse': () =>
    'One of your questionnaire scores got meaningfully worse. Please go over it with a clinician.',
  // When the safety questions are due again (program-review.ts rescreenDue).
  'rescreen.first': () => 'Answer the safety questions before you start.',
  'rescreen.interval': (p: { days: number }) => `It has been ${p.days} days or more since your last safety check.`,
  'rescreen.sharp-rise': (p: { from: number; to: number }) =>
    `Your pain rose sharply (from ${p.from} to ${p.to} out of 10). Please answer the safety questions again.`,
  // A safety screen's change of the program (program-transitions.ts): the flag's concern and the advice of its urgency.
  'stop.red-flag-answer': (p: { flag: string; urgency: Urgency }) =>
    `Safety answer suggests ${concern(p.flag)}. ${URGENCY_ADVICE[p.urgency]}`,
  'start.screen-clear': () => 'Safety check clear: the program starts at stage 1.',
  'resume.clinician-cleared': () => 'A clinician has checked you and the safety check is clear again.',
  // A clinician's change (clinician-stage-change.ts, walking-override-service.ts): their name and reason as written.
  'clinician.stage': (p: { clinician: string; stage: number; reason: string; doses: DoseChange }) =>
    `${p.clinician} set your program to stage ${p.stage} (${stageByNumber(p.stage).name}): ${p.reason}${doseChange(p.doses)}`,
  'clinician.walking-set': (p: WalkingFigure & { clinician: string; reason: string }) =>
    `${p.clinician} ${p.kind === 'target' ? 'set your walking target to' : 'capped your walking target at'} ${walkingFigure(p)} a day: ${p.reason}`,
  'clinician.walking-removed': (p: { clinician: string; kind: 'target' | 'cap'; setOn: string }) =>
    `${p.clinician} removed ${p.kind === 'target' ? 'the walking target' : 'the cap on your walking target'} set on ${dayMonth(p.setOn)}: your target comes from your own recent days again.`,
  // A program taken from an imported record (imported-program.ts): the file's name and the clinician's words as written.
  'import.stage': (p: { stage: number; file: string }) =>
    `Your program was set to stage ${p.stage} (${stageByNumber(p.stage).name}), as in the record you imported (${p.file}).`,
  'import.walking': (p: WalkingFigure & { clinician: string; setOn: string; reason: string; file: string }) =>
    `${p.clinician}'s ${p.kind === 'target' ? `walking target of ${walkingFigure(p)} a day` : `cap of ${walkingFigure(p)} a day on your walking target`} (set on ${dayMonth(p.setOn)}: ${p.reason}) comes from the record you imported (${p.file}).`,
  // An event stored before the ids whose sentence has figures in it (program-event-record.ts): as it was written.
  'older-english': (p: { english: string }) => p.english,
} satisfies Record<string, (p: never) => string>;

type Words = typeof PROGRAM_TEXT_EN;
export type ProgramTextId = keyof Words;
/** The parameters a text takes (none for a fixed sentence). */
export type ProgramTextParams<K extends ProgramTextId> =
  Parameters<Words[K]> extends [infer P] ? P : Record<string, never>;

/** A text as a reason, a requirement or a stored event keeps it: the id and its parameters (JSON). */
export type ProgramText<K extends ProgramTextId = ProgramTextId> = K extends ProgramTextId
  ? { id: K; params: ProgramTextParams<K> }
  : never;

/** A text by id: `programText('rescreen.interval', { days: 28 })`. */
export function programText<K extends ProgramTextId>(
  id: K,
  ...params: Parameters<Words[K]> extends [] ? [] : [ProgramTextParams<K>]
): ProgramText<K> {
  return { id, params: params[0] ?? {} } as ProgramText<K>;
}

/** A text's English (the English screens, the clinician's PDF, the CLI). */
export function programEnglish(t: ProgramText): string {
  return (PROGRAM_TEXT_EN[t.id] as (p: unknown) => string)(t.params);
}

export const PROGRAM_TEXT_IDS = Object.keys(PROGRAM_TEXT_EN) as ProgramTextId[];

/** The fixed sentences (no parameters) by their English: how an event stored before the ids gets its id back. */
export const FIXED_PROGRAM_TEXTS: ReadonlyMap<string, ProgramTextId> = new Map(
  PROGRAM_TEXT_IDS.filter((id) => PROGRAM_TEXT_EN[id].length === 0).map((id) => [
    (PROGRAM_TEXT_EN[id] as () => string)(),
    id,
  ]),
);
