/**
 * The words of every problem an importer finds in a file (src/importers), in English, by message id. An importer
 * keeps the id and its parameters (where, what: a field, a token from the file, a count) with the problem, so a
 * screen can say it in the person's language (src/core/i18n/import-problem-texts.ts, typed against this table);
 * the English is also kept as the problem's `message` for the command line and for records made before the ids.
 * Tokens from the file come already quoted (quoteToken) and stay as the file wrote them in every language.
 *
 * `detail` parameters carry words Footing did not write (the operating system's, the XML parser's, the FIT SDK's):
 * they are shown as they are, inside a sentence of Footing's own. A record's validator's refusal keeps its English
 * as `detail` and its message id as `check` (validation-words.ts), from which the other language says it.
 */
import type { ValidationText } from './validation-words.js';

/**
 * What a system error was about, when Footing can say it in its own words (from the error's code, never its text):
 * the file is missing, is a folder, may not be read, or the disk failed to read it. `io` parameters carry it beside
 * the system's own `detail`; other errors keep the detail alone.
 */
export type IoCause = 'not-found' | 'directory' | 'no-permission' | 'read-error';

/** Parameters are JSON (kept with an import's record): strings, numbers, null, and a scorer's problem. */
type Params = Record<string, unknown>;

const ids = (all: string, more: number) => `${all}${more > 0 ? ` and ${more} more` : ''}`;

export const IMPORT_PROBLEM_EN = {
  // Any file.
  'file.unreadable': (p: { detail: string; io?: IoCause | null }) => p.detail,
  'file.not-found': () => 'File not found',
  'file.directory': () => 'Is a directory, not a file',
  'file.unknown-format': () =>
    'Not a file Footing can import (Apple Health export.xml/zip, FIT, GPX, TCX, Fitbit daily CSV, FHIR R4 Bundle or NDJSON)',
  'file.reading-stopped': (p: { detail: string; io?: IoCause | null }) => `Reading stopped: ${p.detail}`,
  // Zip files (Apple Health exports).
  'zip.unreadable': (p: { detail: string; io?: IoCause | null }) => `Not a readable zip: ${p.detail}`,
  'zip.data-damaged': (p: { entry: string; byte: number; detail: string }) =>
    `The compressed data of ${p.entry} is damaged: it decompresses up to byte ${p.byte.toLocaleString('en')} of the zip and fails after it (${p.detail})`,
  'zip.contents-damaged': (p: { byte: number; detail: string }) =>
    `The zip's table of contents is damaged at byte ${p.byte.toLocaleString('en')} (${p.detail})`,
  'zip.size-mismatch': (p: { entry: string; size: number; got: number }) =>
    `${p.entry} does not hold the ${p.size.toLocaleString('en')} bytes the zip announces (it gave ${p.got.toLocaleString('en')}): the zip is damaged`,
  'zip.entry-cut': (p: { entry: string }) => `The zip ends before the end of ${p.entry}: it was cut short`,
  'zip.header-damaged': (p: { entry: string; byte: number; detail: string }) =>
    `The header of ${p.entry} is damaged at byte ${p.byte.toLocaleString('en')} (${p.detail})`,
  'zip.ends-early': (p: { byte: number; entry: string | null }) =>
    `The zip ends early, at byte ${p.byte.toLocaleString('en')}${p.entry ? `, inside ${p.entry}` : ''}: its table of contents (kept at the end of a zip) is missing, so it was cut short while copying or downloading`,
  // XML files (Apple Health, GPX, TCX).
  'xml.malformed': (p: { detail: string }) => p.detail,
  'xml.truncated': (p: { detail: string }) => p.detail,
  'xml.missing-attribute': (p: { field: string }) => `Attribute ${p.field} is missing`,
  'xml.not-a-number': (p: { field: string; token: string }) => `${p.field} ${p.token} is not a number`,
  'xml.not-iso-time': (p: { field: string; token: string }) => `${p.field} ${p.token} is not an ISO 8601 time`,
  // Apple Health.
  'apple.no-export-xml': () => 'The zip holds no export.xml (is it an Apple Health export?)',
  'apple.negative': (p: { field: string; token: string }) => `${p.field} ${p.token} is negative`,
  'apple.not-a-date': (p: { field: string; token: string }) => `${p.field} ${p.token} is not an Apple Health date`,
  'apple.end-before-start': () => 'endDate is before startDate',
  'apple.unit': (p: { token: string; unit: string }) => `Unit ${p.token} cannot be converted to ${p.unit}`,
  'apple.percent': (p: { value: string }) => `value ${p.value} is outside HealthKit's 0..1 percent range`,
  'apple.duration-unit': (p: { token: string }) => `durationUnit ${p.token} is not a time unit`,
  'apple.distance-unit': (p: { token: string }) => `Distance unit ${p.token} is not a length`,
  // FIT.
  'fit.header-short': (p: { segment: number }) => `FIT segment ${p.segment} header is cut short`,
  'fit.no-header': (p: { byte: number }) => `No FIT header at byte ${p.byte}`,
  'fit.segment-short': (p: { segment: number; byte: number; size: number; end: number; short: number }) =>
    `FIT segment ${p.segment} (byte ${p.byte}) announces ${p.size} data bytes but the file ends at byte ${p.end}, ${p.short} bytes short`,
  'fit.crc': (p: { segment: number }) => `FIT segment ${p.segment} fails its CRC check`,
  'fit.undecodable': (p: { detail: string; io?: IoCause | null }) => `FIT data cannot be decoded (${p.detail})`,
  'fit.no-local-time': () => 'No local time in the file: days are counted in UTC',
  'fit.session-incomplete': () => 'A walking session has no start time or length: not imported',
  'fit.session-time': () => 'Session time is out of range',
  // GPX.
  'gpx.implausible-times': (p: { track: number; segment: number; points: number; km: string; token: string }) =>
    `Track ${p.track}, segment ${p.segment} (${p.points} points, ${p.km} km) has implausible times such as ${p.token}: not imported`,
  'gpx.no-times': (p: { track: number; segment: number; points: number }) =>
    `Track ${p.track}, segment ${p.segment} (${p.points} points) has no times: not imported`,
  'gpx.off-globe': (p: { lat: number; lon: number }) => `Position ${p.lat}, ${p.lon} is outside the globe`,
  'gpx.utc': () => 'GPX times are UTC and no time zone was given: days are UTC days',
  'gpx.no-points': () => 'No track points in the file (waypoints and routes are not walks)',
  // TCX.
  'tcx.not-non-negative': (p: { field: string; token: string }) => `${p.field} ${p.token} is not a non-negative number`,
  'tcx.off-globe': (p: { token: string }) => `Position ${p.token} is not on the globe`,
  'tcx.implausible-lap': (p: { lap: number; token: string }) =>
    `Lap ${p.lap} has implausible times such as ${p.token}: not imported`,
  'tcx.lap-no-start': (p: { lap: number }) => `Lap ${p.lap} has no start time: not imported`,
  'tcx.utc': () => 'TCX times are UTC and no time zone was given: days are UTC days',
  // Fitbit daily CSV.
  'fitbit.unbalanced-quotes': () => 'Unbalanced quotes in this row',
  'fitbit.not-fitbit': () => 'Not a Fitbit daily CSV: needs Id with ActivityDate+TotalSteps or ActivityDay+StepTotal',
  'fitbit.row-fields': (p: { fields: number; header: number }) =>
    `Row has ${p.fields} fields, the header has ${p.header}`,
  'fitbit.not-an-id': (p: { token: string }) => `Id ${p.token} is not a Fitbit id`,
  'fitbit.not-a-date': (p: { field: string; token: string }) => `${p.field} ${p.token} is not a M/D/YYYY date`,
  'fitbit.not-steps': (p: { field: string; token: string }) => `${p.field} ${p.token} is not a whole number of steps`,
  'fitbit.not-km': (p: { token: string }) => `TotalDistance ${p.token} is not a distance in km`,
  'fitbit.second-row': (p: { id: string }) =>
    `A second row for Id ${p.id} on this date: ignored so the day is not counted twice`,
  'fitbit.several-people': (p: { count: number; ids: string; more: number }) =>
    `This file holds the daily rows of ${p.count} people (Fitbit Ids ${ids(p.ids, p.more)}). Adding them up would be wrong: choose whose walking to import by their Id.`,
  'fitbit.id-not-found': (p: { id: string; count: number; ids: string; more: number }) =>
    `No rows for Fitbit Id ${p.id} in this file; it holds Id${p.count > 1 ? 's' : ''} ${ids(p.ids, p.more)}.`,
  // FHIR: the file.
  'fhir.ndjson-line': () => 'Not a JSON resource on this line',
  'fhir.bundle-too-large': (p: { mb: number }) =>
    `A Bundle larger than ${p.mb} MB: export it as NDJSON (one resource a line) instead`,
  'fhir.not-json': () => 'The file is not valid JSON here',
  'fhir.not-fhir': () => 'Not a FHIR Bundle or NDJSON of Observations',
  'fhir.entry-no-resource': () => 'An entry without a resource',
  'fhir.other-person': (p: { fileYear: number; ownYear: number }) =>
    `This file's Patient was born in ${p.fileYear} and this record's person in ${p.ownYear}: the file is most likely someone else's; nothing was imported`,
  'fhir.several-patients': (p: { count: number; ids: string; more: number }) =>
    `This file holds Observations of ${p.count} patients (${p.ids}${p.more > 0 ? ', ...' : ''}): adding them to one record would be wrong; import one patient's file`,
  'fhir.no-care-plan': () => 'No active Footing CarePlan in this file: there is no program to take',
  // FHIR: Observations (steps, pain, gait).
  'fhir.not-a-resource': () => 'Not a FHIR resource (a JSON object)',
  'fhir.observation-status': (p: { status: string }) => `An Observation with status ${p.status}: left out`,
  // FHIR: gait metrics, read back into the analyses they came from (fhir-gait.ts).
  'fhir.gait-status': (p: { status: string }) => `A gait metric with status ${p.status}: left out`,
  'fhir.gait-time': () => 'A gait metric needs the time of its analysis (effectiveDateTime, with a zone)',
  'fhir.gait-view': () => 'A gait metric needs the view of its video in method.text ("... (side view)")',
  'fhir.gait-unknown': (p: { token: string }) =>
    `${p.token} is not a gait metric Footing knows (a name such as cadence_spm)`,
  'fhir.gait-not-number': (p: { token: string }) => `${p.token} is not a number`,
  'fhir.gait-out-of-range': (p: { value: number; min: number; max: number; metric: string }) =>
    `${p.value} is outside ${p.min} to ${p.max}, the plausible range of ${p.metric}`,
  'fhir.gait-unit': (p: { token: string; metric: string; unit: string }) =>
    `${p.token} is not the unit of ${p.metric} (UCUM ${p.unit})`,
  'fhir.gait-confidence': () => 'The confidence must be from 0 to 1 and the measurements at most 10,000',
  'fhir.gait-no-confidence': () =>
    'A gait metric needs its confidence in a note ("Confidence 0.9 over 12 measurements.")',
  'fhir.gait-twice': (p: { metric: string; at: string }) =>
    `A second ${p.metric} for the analysis of ${p.at}: the analysis is left out`,
  'fhir.gait-too-many': (p: { count: number; max: number; at: string }) =>
    `The analysis of ${p.at} has ${p.count} metrics, more than ${p.max}: it is left out`,
  'fhir.steps-no-quantity': () => 'A step count needs valueQuantity',
  'fhir.steps-value': (p: { token: string; max: number }) =>
    `${p.token} is not a whole number of steps from 0 to ${p.max}`,
  'fhir.steps-unit': (p: { token: string }) => `${p.token} is not a unit of steps (use /d, {steps}/d or {steps})`,
  'fhir.not-a-date-or-time': (p: { token: string }) => `${p.token} is not a date (2026-11-02) or a time with a zone`,
  'fhir.period-start': () => 'effectivePeriod.start needs a time with a zone',
  'fhir.period-end': () => 'effectivePeriod.end needs a time with a zone after the start',
  'fhir.steps-no-time': () => 'A step count needs effectiveDateTime or effectivePeriod',
  'fhir.pain-value': (p: { token: string }) => `${p.token} is not a pain score, a whole number from 0 to 10`,
  'fhir.pain-time': (p: { token: string | null }) =>
    `${p.token === null ? 'No effectiveDateTime' : p.token}: a pain score needs the time it was reported, with a zone`,
  'fhir.pain-site': (p: { token: string | null }) =>
    `Pain at ${p.token ?? 'no body site'}: Footing records back, neck and foot pain and the areas of its body map; left out`,
  'fhir.pain-second': (p: { site: 'back' | 'neck' | 'foot'; at: string }) =>
    `A second ${p.site} pain score at ${p.at}: left out`,
  'fhir.pain-only-areas': (p: { at: string }) =>
    `Pain at ${p.at} names only body-map areas: a check-in needs a back, neck or foot score; left out`,
  // FHIR: screening results, questionnaires and outcome scores.
  'fhir.screening-no-time': () => 'A screening result needs the time it was taken (effectiveDateTime)',
  'fhir.screening-no-performer': () =>
    "A screening result needs who took it (performer: the patient or a clinician's name)",
  'fhir.component-no-name': () => 'A component needs its name (code.text), e.g. "Left"',
  'fhir.component-no-value': () => 'A component needs a value (valueQuantity, valueBoolean or valueString)',
  'fhir.screening-invalid': (p: { test: string; field: string; detail: string; check?: ValidationText | null }) =>
    `${p.test}: ${p.field} ${p.detail}`,
  'fhir.nprs-answer': () => 'The NPRS answer needs a whole number (item pain, valueInteger)',
  'fhir.unknown-questionnaire': (p: { token: string }) =>
    `${p.token} is not a questionnaire Footing publishes (nprs, psfs)`,
  'fhir.not-a-score': (p: { token: string }) => `${p.token} is not a score (valueQuantity.value)`,
  'fhir.outcome-no-time': () => 'An outcome score needs the time it was recorded (effectiveDateTime)',
  'fhir.outcome-no-performer': () =>
    "An outcome score needs who recorded it (performer: the patient or a clinician's name)",
  'fhir.outcome-no-answers': (p: { token: string }) =>
    `A ${p.token} score needs its QuestionnaireResponse (derivedFrom): the score alone cannot be stored`,
  'fhir.answers-invalid': (p: {
    measure: string;
    field: string;
    detail: string;
    problem: { code: string; params?: object } | null;
    check?: ValidationText | null;
  }) => `${p.measure}: ${p.field} ${p.detail}`,
  'fhir.score-mismatch': (p: { score: number; computed: number }) =>
    `The score ${p.score} does not match the answers, which give ${p.computed}`,
  'fhir.answers-not-in-file': (p: { token: string }) =>
    `${p.token} is not in this file: the score's answers are missing`,
  'fhir.answers-no-author': () => 'Answers need the time they were given (authored) and who gave them (author)',
  // FHIR: the record itself (Patient, CarePlan).
  'fhir.birth-date': (p: { token: string; year: number }) => `${p.token} is not a birth date from 1900 to ${p.year}`,
  'fhir.program-not-active': (p: { token: string }) =>
    `The program in this file is ${p.token}, not active (on hold after a safety answer there): it is not taken; this record's own safety answers decide`,
  'fhir.not-a-stage': (p: { first: number; last: number }) =>
    `Not a Footing program stage: the description must start "Stage N, <the stage's name>:" with N from ${p.first} to ${p.last}`,
  'fhir.walking-no-date': () => "A clinician's walking setting needs the date it was set (note.time)",
  'fhir.walking-no-figure': () => "A clinician's walking setting needs its figure in steps (/d) or minutes (min/d)",
  'fhir.walking-invalid': (p: {
    kind: 'target' | 'cap';
    path: string | null;
    detail: string;
    check?: ValidationText | null;
  }) => `The clinician's walking ${p.kind}: ${p.path ?? 'it'} ${p.detail}`,
} satisfies Record<string, (p: never) => string>;

export type ImportProblemId = keyof typeof IMPORT_PROBLEM_EN;
type Words = typeof IMPORT_PROBLEM_EN;
/** The parameters a message takes (none for a fixed sentence). */
export type ImportProblemParams<K extends ImportProblemId> =
  Parameters<Words[K]> extends [infer P] ? P : Record<string, never>;

/** A problem's words as kept with it: the message id and its parameters (JSON, stored with an import's record). */
export interface ImportProblemText {
  id: string;
  params: Params;
}

/** A problem's English and its id with parameters, as an importer hands them to importError. */
export interface ImportProblemWords {
  message: string;
  text: ImportProblemText;
}

/** The words of a problem: `said('fitbit.row-fields', { fields: 5, header: 6 })`. */
export function said<K extends ImportProblemId>(
  id: K,
  ...params: Parameters<Words[K]> extends [] ? [] : [ImportProblemParams<K>]
): ImportProblemWords {
  const p = (params[0] ?? {}) as Params;
  return { message: (IMPORT_PROBLEM_EN[id] as (p: Params) => string)(p), text: { id, params: p } };
}

/** True when `id` is a message this version of Footing knows (a stored record may come from a newer one). */
export function isImportProblemId(id: string): id is ImportProblemId {
  return Object.hasOwn(IMPORT_PROBLEM_EN, id);
}
