/**
 * Why a record is refused, by message id (issue 14 item 8): the words of Footing's own record schemas (record-fields.ts,
 * checkin-record.ts, session-record.ts, walking-day-record.ts, screening-schemas.ts, walking-override.ts,
 * monitoring-minutes-record.ts, screen-record.ts, clinician-stage-change.ts, the API's account fields) and of the
 * safety check, in English, and the ids of zod's own
 * issues (a field's type, an option, a size, a key: zod writes their English). Each refusal keeps its id and
 * parameters beside its English message, so a screen or the API says it in the reader's language
 * (src/core/i18n/validation-texts.ts, typed against these ids: an id without Spanish fails tsc).
 *
 * How the id reaches the issue: a schema's check takes `says(id, params)`, whose error map writes the English and
 * puts `{ id, params }` on the issue as `text`; a parse with `{ error: zodIssueText }` (checkWith) does the same for
 * zod's own issues, keeping zod's English. Zod copies an issue's own fields into the issue it reports; the test
 * validation-texts.test.ts fails if a zod release stops doing so.
 */
import type { z } from 'zod';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS, type ScreenProblem } from './red-flags.js';

const questionText = (id: string) =>
  [...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].find((q) => q.id === id)?.text ?? id;

/** What a path's id names (the API's route parameters). */
export type IdOf = 'invitation' | 'job' | 'clinician-account' | 'gait-analysis' | 'account' | 'id';
const ID_OF_EN: Record<IdOf, string> = {
  invitation: 'an invitation id',
  job: 'a job id',
  'clinician-account': 'a clinician’s account id',
  'gait-analysis': 'a gait analysis id',
  account: 'an account id',
  id: 'an id',
};
const PUSH_KEY_EN = { p256dh: 'the browser’s P-256 public key', auth: 'the auth secret' } as const;

/** The stored JSON a backup's field holds. */
export type BackupJson = 'doses' | 'walking-setting' | 'stills' | 'days' | 'reasons' | 'gait-analysis';
const BACKUP_JSON_EN: Record<BackupJson, string> = {
  doses: "a clinician's doses (src/core/program-record.ts)",
  'walking-setting': "a clinician's walking target or cap (src/core/walking-override.ts)",
  stills: 'the stills of a gait analysis (src/gait/gait-stills.ts)',
  days: 'days of the week (mon ... sun)',
  reasons: 'the reasons of a program event (src/core/program-event-record.ts)',
  'gait-analysis': 'a gait analysis (src/gait/gait-analysis-record.ts)',
};

/** Footing's own words, by id. */
export const VALIDATION_EN = {
  // A pain score, a date, a date-time, a device's id (record-fields.ts).
  'number.range': (p: { min: number; max: number }) => `must be a number from ${p.min} to ${p.max}`,
  'number.whole-range': (p: { min: number; max: number }) => `must be a whole number from ${p.min} to ${p.max}`,
  'number.at-least': (p: { min: number }) => `must be ${p.min} or more`,
  'number.at-most': (p: { max: number }) => `must be ${p.max} or less`,
  'date.calendar': () => 'must be a calendar date like 2026-11-25',
  'date-time.zoned': () => 'must be an ISO 8601 date-time with a time zone, like 2026-11-25T08:30:00+01:00',
  'id.characters': () => 'must be letters, digits, - or _',
  'answer.yes-or-no': () => 'must be true or false',
  // A record's own rules.
  'checkin.one-score': () => 'give at least one pain score (back, neck or foot)',
  'session.before-start': () => 'must not be before startedAt',
  'session.no-exercise': () => 'a session needs at least one exercise',
  'walking-log.minutes-or-steps': () => 'give minutes or steps (more than 0)',
  'screening.one-side': () => 'Enter a value for at least one side (left or right).',
  'screening.eyes-times': () => 'Enter eyes-open or eyes-closed times.',
  'outcome.form-expected': () => 'Expected the scores entered from the form.',
  // A clinician's walking setting and their monitoring minutes.
  'walking-setting.one-figure': () => 'give steps or minutes: one of them',
  'walking-setting.range': (p: { unit: 'steps' | 'minutes'; min: number; max: number }) =>
    `a whole number of ${p.unit} from ${p.min} to ${p.max.toLocaleString('en')}`,
  'reason.say-why': () => 'say why, in words the patient will read',
  'text.plain': () => 'plain text only: letters, numbers, punctuation and line breaks',
  'text.at-most': (p: { max: number }) => `at most ${p.max} characters`,
  'minutes.whole-range': (p: { max: number }) => `must be a whole number of minutes from 1 to ${p.max}`,
  // A clinician's change of stage and doses (clinician-stage-change.ts).
  'stage.range': (p: { first: number; last: number }) => `stage must be from ${p.first} to ${p.last}`,
  'dose.outside-limits': (p: {
    exercise: string;
    rollSeconds: number;
    rollTimes: number;
    holdSeconds: number;
    reps: number;
    sets: number;
  }) =>
    `doses.${p.exercise}: that dose is outside the limits for this exercise (roll up to ${p.rollSeconds} s per foot ${p.rollTimes}x a day; holds up to ${p.holdSeconds} s, ${p.reps} reps, ${p.sets} sets)`,
  // An account (account-routes.ts: a clinic admin adds a clinician, a person signs up).
  'email.address': () => 'must be an email address like name@example.org',
  'password.at-least': (p: { min: number }) => `must be at least ${p.min} characters`,
  // The safety check (red-flags.ts evaluateScreen; `question` is the question's id).
  'screen.unanswered': (p: { question: string }) => `Please answer: ${questionText(p.question)}`,
  'screen.unknown-question': (p: { question: string }) => `"${p.question}" is not a question of the safety screen.`,
  // The API's own fields (account-routes.ts and the id of what a path names).
  'email.enter': () => 'enter your email',
  'password.enter': () => 'enter your password',
  'password.enter-to-confirm': () => 'enter your password to confirm',
  'name.enter': () => 'enter your name',
  'id.of': (p: { what: IdOf }) => `must be ${ID_OF_EN[p.what]}`,
  // A walk counted on the phone (phone-walk.ts).
  'walk.end-after-start': () => 'must be after start',
  'walk.within-hours': (p: { hours: number }) => `must be within ${p.hours} hours of start`,
  'walk.count-per-minute': (p: { minutes: number }) => `must have one count per minute of the walk (${p.minutes})`,
  'walk.steps-sum': () => 'must be the sum of stepsPerMinute',
  'walk.steps-per-minute': (p: { max: number }) => `must be ${p.max} steps or fewer in a minute`,
  'walk.seconds-within': () => 'must not be longer than the walk',
  // A message (message-record.ts).
  'message.write-first': () => 'write a message first',
  'message.at-most': (p: { max: number }) => `must be at most ${p.max} characters`,
  // Reminder settings and the calendar feed's language (reminder-record.ts, reminder-routes.ts).
  'weekday.one-of': (p: { days: string[] }) => `must be one of ${p.days.join(', ')}`,
  'days.no-twice': () => 'must not name a day twice',
  'time.of-day': () => 'must be a time of day like 07:30 (24-hour clock)',
  'time-zone.name': () => 'must be a time zone name like Europe/Madrid',
  'language.en-or-es': () => 'must be en or es',
  // A browser's push subscription (push-subscription-body.ts): `key` is the field's own name.
  'push.base64url': (p: { key: 'p256dh' | 'auth' }) => `must be base64url (${PUSH_KEY_EN[p.key]})`,
  'push.bytes': (p: { key: 'p256dh' | 'auth'; bytes: number }) => `must be ${p.bytes} bytes (${PUSH_KEY_EN[p.key]})`,
  'push.https': () => 'must be the https URL of the browser’s push service',
  // A gait video's and an import's query (gait-job-routes.ts, import-routes.ts, assessment-routes.ts).
  'height.range': (p: { min: number; max: number }) => `must be a height from ${p.min} to ${p.max} cm`,
  'belt-speed.range': (p: { min: number; max: number }) => `must be a belt speed from ${p.min} to ${p.max} km/h`,
  'still.number': () => 'must be a still number',
  'file.own-name': () => "must be the file's own name, e.g. export.zip",
  'offset.form': () => 'must look like +01:00',
  'fitbit.id': () => 'must be the digits of a Fitbit Id',
  // A backup file's own checks (src/store/backup.ts): `what` is the stored JSON a field holds.
  'backup.json-of': (p: { what: BackupJson }) => `must be ${BACKUP_JSON_EN[p.what]} as JSON`,
  'backup.walking-kind': (p: { kind: string }) => `"${p.kind}" is not a walking kind`,
  'backup.kind-unit': (p: { kind: string; unit: string }) => `must be "${p.unit}" for ${p.kind}`,
  'backup.timestamp': () => 'must be "YYYY-MM-DDTHH:MM:SS(.sss)+HH:MM"',
  'backup.format': (p: { format: string }) => `must be "${p.format}"`,
  'backup.version': (p: { version: number }) =>
    `must be ${p.version} (this version of Footing reads version ${p.version})`,
} satisfies Record<string, (p: never) => string>;

/** Zod's own issues, with what each says in parameters (zod writes the English). */
export interface ZodIssueParams {
  /** A required field left out. */
  'zod.missing': Record<string, never>;
  /** A value of the wrong type (`expected`: zod's name of the type, e.g. number, int, string, boolean, array). */
  'zod.type': { expected: string };
  /** Not one of the allowed values. */
  'zod.option': { values: string[] };
  /** Above or below a size: a number's value, a text's characters, a list's items (`origin`). */
  'zod.too-big': { origin: string; limit: number; inclusive: boolean };
  'zod.too-small': { origin: string; limit: number; inclusive: boolean };
  /** Fields the record does not have. */
  'zod.keys': { keys: string[] };
  /** Not in a format (email, url, datetime, regex...). */
  'zod.format': { format: string };
  'zod.multiple': { divisor: number };
  /** Anything else zod refuses (a union none of whose forms fits, a custom check without Footing's words). */
  'zod.other': { code: string };
}

type Words = typeof VALIDATION_EN;
export type FootingValidationId = keyof Words;
export type ValidationId = FootingValidationId | keyof ZodIssueParams;
/** The parameters a message takes (none for a fixed sentence). */
export type ValidationParams<K extends ValidationId> = K extends keyof ZodIssueParams
  ? ZodIssueParams[K]
  : K extends FootingValidationId
    ? Parameters<Words[K]> extends [infer P]
      ? P
      : Record<string, never>
    : never;

/** A refusal's words as kept with it: the id and its parameters (JSON). */
export interface ValidationText<K extends ValidationId = ValidationId> {
  id: K;
  params: ValidationParams<K>;
}

const ALL_IDS = new Set<string>([
  ...Object.keys(VALIDATION_EN),
  'zod.missing',
  'zod.type',
  'zod.option',
  'zod.too-big',
  'zod.too-small',
  'zod.keys',
  'zod.format',
  'zod.multiple',
  'zod.other',
]);

/** True when `t` is a text this version of Footing knows (an id with an object of parameters). */
export function isValidationText(t: unknown): t is ValidationText {
  return (
    typeof t === 'object' &&
    t !== null &&
    ALL_IDS.has((t as { id?: unknown }).id as string) &&
    typeof (t as { params?: unknown }).params === 'object'
  );
}

/** A text of Footing's words by id. */
export function validationText<K extends FootingValidationId>(
  id: K,
  ...params: Parameters<Words[K]> extends [] ? [] : [ValidationParams<K>]
): ValidationText<K> {
  return { id, params: (params[0] ?? {}) as ValidationParams<K> };
}

/** The English of one of Footing's texts. */
export function validationEnglish(t: ValidationText<FootingValidationId>): string {
  return (VALIDATION_EN[t.id] as (p: unknown) => string)(t.params);
}

/** The issue under construction that an error map is handed (zod copies its own fields into the issue it reports). */
interface RawIssue {
  code?: string | undefined;
  input?: unknown;
  text?: ValidationText;
}

/**
 * A schema check's words: `.max(10, says('number.at-most', { max: 10 }))`, `.refine(ok, { ...says(...), path })`.
 * The issue gets the English as its message and the id as its `text`.
 */
export function says<K extends FootingValidationId>(
  id: K,
  ...params: Parameters<Words[K]> extends [] ? [] : [ValidationParams<K>]
): { error: (iss: RawIssue) => string } {
  const text = validationText(id, ...params);
  const english = validationEnglish(text);
  return {
    error: (iss) => {
      iss.text = text;
      return english;
    },
  };
}

/**
 * An issue's words for `ctx.addIssue` in a superRefine: `ctx.addIssue({ code: 'custom', path, ...saying(id) })`.
 */
export function saying<K extends FootingValidationId>(
  id: K,
  ...params: Parameters<Words[K]> extends [] ? [] : [ValidationParams<K>]
): { message: string; text: ValidationText<K> } {
  const text = validationText(id, ...params);
  return { message: validationEnglish(text), text };
}

/** The id and parameters of one of zod's own issues. */
function zodText(iss: RawIssue): ValidationText {
  const i = iss as RawIssue & Record<string, unknown>;
  switch (iss.code) {
    case 'invalid_type':
      return i.input === undefined
        ? { id: 'zod.missing', params: {} }
        : { id: 'zod.type', params: { expected: String(i.expected) } };
    case 'invalid_value':
      return { id: 'zod.option', params: { values: (i.values as unknown[]).map(String) } };
    case 'too_big':
      return {
        id: 'zod.too-big',
        params: { origin: String(i.origin), limit: Number(i.maximum), inclusive: i.inclusive !== false },
      };
    case 'too_small':
      return {
        id: 'zod.too-small',
        params: { origin: String(i.origin), limit: Number(i.minimum), inclusive: i.inclusive !== false },
      };
    case 'unrecognized_keys':
      return { id: 'zod.keys', params: { keys: (i.keys as unknown[]).map(String) } };
    case 'invalid_format':
      return { id: 'zod.format', params: { format: String(i.format) } };
    case 'not_multiple_of':
      return { id: 'zod.multiple', params: { divisor: Number(i.divisor) } };
    default:
      return { id: 'zod.other', params: { code: String(iss.code) } };
  }
}

/** A parse's error map for zod's own issues: their id on the issue, zod's English kept (it returns no message). */
export const zodIssueText = (iss: RawIssue): undefined => {
  iss.text ??= zodText(iss);
  return undefined;
};

/** Parses with every issue carrying its id: `checkWith(CheckinInput, body)`. */
export function checkWith<S extends z.ZodType>(schema: S, input: unknown): ReturnType<S['safeParse']> {
  return schema.safeParse(input, { error: zodIssueText }) as ReturnType<S['safeParse']>;
}

/** The id an issue carries (null for an issue from a parse without checkWith, or a check without says). */
export function textOfIssue(issue: object): ValidationText | null {
  const t = (issue as { text?: unknown }).text;
  return isValidationText(t) ? t : null;
}

/** A safety check's problem by id (the question it is about is its field). */
export function screenProblemText(p: ScreenProblem): ValidationText {
  return p.code === 'unanswered'
    ? validationText('screen.unanswered', { question: p.field })
    : validationText('screen.unknown-question', { question: p.field });
}
