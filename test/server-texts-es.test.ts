/**
 * The Spanish the server writes for a patient (src/core/i18n) beside its English source (issue 14 item 8): every
 * English text has its Spanish (the types make tsc fail on a missing exercise, stage, level or sentence; this checks
 * the lists inside, line for line), and the Spanish keeps the English's hedges and adds no promise
 * (clinicalWordingProblems of scripts/i18n-check.ts, the check the web catalogue passes, on the same {en, es} pairs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clinicalWordingProblems } from '../scripts/i18n-check.js';
import { EXERCISES, type ExerciseId } from '../src/core/exercises.js';
import { STAGES } from '../src/core/stages.js';
import { EVIDENCE_EXPLAINED, EVIDENCE_LEVELS, plainStrength, type EvidenceLevel } from '../src/core/evidence.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS, URGENCY_ADVICE, URGENCIES } from '../src/core/red-flags.js';
import { REGION_NAMES } from '../src/core/pain-areas.js';
import { SESSION_FEEDBACK_EN } from '../src/core/session-feedback.js';
import { EXERCISE_TEXTS_ES } from '../src/core/i18n/exercise-texts.js';
import { STAGE_TEXTS_ES } from '../src/core/i18n/stage-texts.js';
import { EVIDENCE_EXPLAINED_ES, EVIDENCE_LEVELS_ES, PLAIN_STRENGTH_ES } from '../src/core/i18n/evidence-texts.js';
import { PRECAUTION_TEXTS_ES, RED_FLAG_TEXTS_ES, URGENCY_ADVICE_ES } from '../src/core/i18n/red-flag-texts.js';
import { REGION_NAMES_ES } from '../src/core/i18n/pain-area-texts.js';
import { SESSION_FEEDBACK_ES, type SessionFeedbackWords } from '../src/core/i18n/session-feedback-texts.js';
import { explainChain } from '../src/core/chain.js';
import { FIXED_PROGRAM_TEXTS, programText } from '../src/core/program-words.js';
import { programTextEs } from '../src/core/i18n/review-texts.js';
import { SCREENING_TESTS } from '../src/core/screening-tests.js';
import { SCREENING_TEXTS_ES } from '../src/core/i18n/screening-texts.js';
import { OUTCOME_MEASURES, type OutcomeMeasureId } from '../src/core/outcome-measures.js';
import { OUTCOME_TEXTS_ES } from '../src/core/i18n/outcome-texts.js';
import { CALENDAR_WORDS, PUSH_WORDS } from '../src/core/i18n/reminder-texts.js';
import { interpretScreening, type ScreeningContext } from '../src/core/screening-interpret.js';
import type { ScreeningResult } from '../src/core/screening-schemas.js';
import { outcomeFinding, type OutcomeFindingInput } from '../src/core/outcome-finding.js';
import { gaitFindings, type GaitAnalysisInput } from '../src/core/gait-findings.js';
import { GAIT_FINDING_METRICS } from '../src/core/gait-finding-words.js';
import type { Finding } from '../src/core/findings.js';
import { importOutcomeTextIn, skippedTextIn } from '../src/core/i18n/import-texts.js';
import type { ImportProblemId, ImportProblemParams } from '../src/core/import-problem-words.js';
import { importProblemPair, importProblemTextIn } from '../src/core/i18n/import-problem-texts.js';
import { importFitbitCsv } from '../src/importers/fitbit-csv.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  scoreFaam,
  scoreNdi,
  scoreNprs,
  scoreOdi,
  scorePsfs,
  scoreStartBack,
  type OutcomeProblem,
} from '../src/core/outcome-scoring.js';
import { outcomeProblemIn } from '../src/core/i18n/outcome-problem-texts.js';

type Pairs = { en: Record<string, string>; es: Record<string, string> };

/**
 * Screening results that between them reach every sentence a screening finding can say (each band, each side of each
 * cut-off, no age, a child, each sex and none, both protocols, every observation).
 */
const SCREENING_SAMPLES: [Omit<ScreeningResult, 'recordedAt' | 'recordedBy'>, ScreeningContext][] = [
  [{ testId: 'navicular-drop', values: { left: 12.5, right: 7 } }, {}],
  [{ testId: 'navicular-drop', values: { left: 4, right: 9.5 } }, {}],
  ...[-8, -2, 3, 7, 11].map(
    (total) =>
      [{ testId: 'foot-posture-index', values: { left: total, right: 2 } }, { age: 64 }] as [
        Omit<ScreeningResult, 'recordedAt' | 'recordedBy'>,
        ScreeningContext,
      ],
  ),
  [{ testId: 'weight-bearing-lunge', values: { left: 8.5, right: 10.5 } }, {}],
  [{ testId: 'weight-bearing-lunge', values: { left: 9.5, right: 10.7 } }, {}],
  [{ testId: 'weight-bearing-lunge', values: { left: 11, right: 11.5 } }, {}],
  [
    { testId: 'single-leg-stance', values: { eyesOpen: { left: 30, right: 41 }, eyesClosed: { left: 1.5, right: 3 } } },
    { age: 65 },
  ],
  [{ testId: 'single-leg-stance', values: { eyesOpen: { left: 20 } } }, {}],
  [{ testId: 'single-leg-stance', values: { eyesClosed: { right: 4 } } }, { age: 12 }],
  [{ testId: 'heel-raise', values: { left: 19, right: 26, protocol: 'incline-metronome' } }, { sex: 'female' }],
  [{ testId: 'heel-raise', values: { left: 22, right: 25, protocol: 'incline-metronome' } }, {}],
  [{ testId: 'heel-raise', values: { left: 15, right: 30, protocol: 'incline-metronome' } }, { sex: 'male' }],
  [{ testId: 'heel-raise', values: { left: 15, protocol: 'flat-floor' } }, {}],
  [{ testId: 'windlass', values: { left: 'positive', right: 'negative' } }, {}],
  [{ testId: 'single-leg-squat-valgus', values: { left: 'seen', right: 'not-seen' } }, {}],
  [{ testId: 'trendelenburg', values: { left: 'unsure', right: 'seen' } }, {}],
];
const FINDING_FIELDS = ['label', 'value', 'reference', 'plain'] as const;

/** Questionnaire scores reaching every band, each change since a baseline, no band, and a form that was not scored. */
const OUTCOME_SAMPLES: Omit<OutcomeFindingInput, 'recordedAt' | 'recordedBy'>[] = [
  ...['minimal', 'moderate', 'severe', 'crippled', 'bed-bound'].map((band, i) => ({
    measure: 'odi' as const,
    result: { score: 10 + 20 * i, band, problems: [] },
    baseline: 40,
  })),
  ...['none', 'mild', 'moderate', 'severe', 'complete'].map((band, i) => ({
    measure: 'ndi' as const,
    result: { score: 2 + 10 * i, band, problems: [] },
  })),
  ...['low', 'medium', 'high'].map((band, i) => ({
    measure: 'start-back' as const,
    result: { score: 2 + 3 * i, band, problems: [] },
  })),
  { measure: 'nprs', result: { score: 6, problems: [] }, painSite: 'neck', baseline: 3 },
  { measure: 'nprs', result: { score: 3.5, problems: [] }, painSite: 'foot', baseline: 7 },
  { measure: 'psfs', result: { score: 5.4, problems: [] }, baseline: 5 },
  { measure: 'faam-adl', result: { score: 72.5, problems: [] } },
  { measure: 'faam-sports', result: { score: 60, problems: [] } },
  {
    measure: 'faam-sports',
    result: {
      score: null,
      problems: [
        { code: 'too_few_answered', field: 'items', message: 'No item was answered, so there is nothing to score.' },
      ],
    },
  },
];

/** For each gait metric, one analysis per way a gait finding can read: low, high, within, no reference, unsure, a run, sides apart. */
function gaitSamples(): GaitAnalysisInput[] {
  const reference = { min: 1.1, max: 1.3, unit: 'm/s', source: 'DOMAIN.md §2c [21][21a]' };
  const ways = [
    { value: 0.87, confidence: 0.9, reference },
    { value: 1.52, confidence: 0.9, reference },
    { value: 1.2, confidence: 0.9, reference },
    { value: 0.45, confidence: 0.9 },
    { value: 1.2, confidence: 0.1, reference },
    { value: null, confidence: 0.9, left: 0.55, right: 0.95 },
  ];
  return [
    ...ways.map((m) => ({
      view: 'side',
      mode: 'walk',
      metrics: Object.fromEntries(GAIT_FINDING_METRICS.map((k) => [k, m])),
    })),
    {
      view: 'side',
      mode: 'run',
      metrics: Object.fromEntries(GAIT_FINDING_METRICS.map((k) => [k, { value: 0.3, confidence: 0.9 }])),
    },
  ];
}

/**
 * Parameters for every message an importer can give about a file (a new message without a sample fails tsc): tokens
 * as the file writes them, counts large enough to be grouped (123456), a distance with decimals.
 */
export const IMPORT_PROBLEM_SAMPLES: { [K in ImportProblemId]: ImportProblemParams<K> } = {
  'file.unreadable': { detail: "EACCES: permission denied, open 'steps.csv'", io: 'no-permission' },
  'file.not-found': {},
  'file.directory': {},
  'file.unknown-format': {},
  'file.reading-stopped': { detail: 'EBUSY: resource busy or locked, read', io: null },
  'zip.unreadable': { detail: 'end of central directory record signature not found' },
  'zip.data-damaged': {
    entry: 'apple_health_export/export.xml',
    byte: 123456,
    detail: 'invalid distance too far back',
  },
  'zip.contents-damaged': { byte: 123456, detail: 'invalid comment length' },
  'zip.size-mismatch': { entry: 'apple_health_export/export.xml', size: 2345678, got: 123456 },
  'zip.entry-cut': { entry: 'apple_health_export/export.xml' },
  'zip.header-damaged': {
    entry: 'apple_health_export/export.xml',
    byte: 123456,
    detail: 'invalid local file header signature',
  },
  'zip.ends-early': { byte: 123456, entry: 'apple_health_export/export.xml' },
  'xml.malformed': { detail: 'unclosed tag: Record' },
  'xml.truncated': { detail: 'unexpected end' },
  'xml.missing-attribute': { field: 'startDate' },
  'xml.not-a-number': { field: 'value', token: '"12a"' },
  'xml.not-iso-time': { field: 'time', token: '"yesterday"' },
  'apple.no-export-xml': {},
  'apple.negative': { field: 'value', token: '"-5"' },
  'apple.not-a-date': { field: 'startDate', token: '"2026-13-45"' },
  'apple.end-before-start': {},
  'apple.unit': { token: '"furlong"', unit: 'm' },
  'apple.percent': { value: '7' },
  'apple.duration-unit': { token: '"fortnight"' },
  'apple.distance-unit': { token: '"kg"' },
  'fit.header-short': { segment: 2 },
  'fit.no-header': { byte: 123456 },
  'fit.segment-short': { segment: 1, byte: 14, size: 123456, end: 23456, short: 100014 },
  'fit.crc': { segment: 3 },
  'fit.undecodable': { detail: 'unexpected message type' },
  'fit.no-local-time': {},
  'fit.session-incomplete': {},
  'fit.session-time': {},
  'gpx.implausible-times': { track: 1, segment: 2, points: 345, km: '2.75', token: '"1901-01-01T00:00:00Z"' },
  'gpx.no-times': { track: 3, segment: 1, points: 12 },
  'gpx.off-globe': { lat: 95, lon: 10 },
  'gpx.utc': {},
  'gpx.no-points': {},
  'tcx.not-non-negative': { field: 'DistanceMeters', token: '"-3"' },
  'tcx.off-globe': { token: '"95, 10"' },
  'tcx.implausible-lap': { lap: 4, token: '"1901-01-01T00:00:00Z"' },
  'tcx.lap-no-start': { lap: 2 },
  'tcx.utc': {},
  'fitbit.unbalanced-quotes': {},
  'fitbit.not-fitbit': {},
  'fitbit.row-fields': { fields: 5, header: 15 },
  'fitbit.not-an-id': { token: '"abc"' },
  'fitbit.not-a-date': { field: 'ActivityDate', token: '"2016-04-12"' },
  'fitbit.not-steps': { field: 'TotalSteps', token: '"lots"' },
  'fitbit.not-km': { token: '"far"' },
  'fitbit.second-row': { id: '1503960366' },
  'fitbit.several-people': { count: 33, ids: '1503960366, 1624580081', more: 31 },
  'fitbit.id-not-found': { id: '42', count: 2, ids: '1503960366, 1624580081', more: 0 },
  'fhir.ndjson-line': {},
  'fhir.bundle-too-large': { mb: 64 },
  'fhir.not-json': {},
  'fhir.not-fhir': {},
  'fhir.entry-no-resource': {},
  'fhir.other-person': { fileYear: 1971, ownYear: 1984 },
  'fhir.several-patients': { count: 7, ids: 'Patient/a, Patient/b, Patient/c, Patient/d, Patient/e', more: 2 },
  'fhir.no-care-plan': {},
  'fhir.not-a-resource': {},
  'fhir.observation-status': { status: 'cancelled' },
  'fhir.gait-status': { status: 'entered-in-error' },
  'fhir.gait-time': {},
  'fhir.gait-view': {},
  'fhir.gait-unknown': { token: '"stride_magic"' },
  'fhir.gait-not-number': { token: '"fast"' },
  'fhir.gait-out-of-range': { value: 412, min: 20, max: 250, metric: 'cadence_spm' },
  'fhir.gait-unit': { token: '"km/h"', metric: 'speed_mps', unit: 'm/s' },
  'fhir.gait-confidence': {},
  'fhir.gait-no-confidence': {},
  'fhir.gait-twice': { metric: 'cadence_spm', at: '2026-11-02T08:00:00+01:00' },
  'fhir.gait-too-many': { count: 123456, max: 64, at: '2026-11-02T08:00:00+01:00' },
  'fhir.steps-no-quantity': {},
  'fhir.steps-value': { token: '"-12"', max: 200000 },
  'fhir.steps-unit': { token: '"km"' },
  'fhir.not-a-date-or-time': { token: '"tuesday"' },
  'fhir.period-start': {},
  'fhir.period-end': {},
  'fhir.steps-no-time': {},
  'fhir.pain-value': { token: '"11"' },
  'fhir.pain-time': { token: '"2026-11-02"' },
  'fhir.pain-site': { token: '"Left elbow"' },
  'fhir.pain-second': { site: 'neck', at: '2026-11-02T08:00:00+01:00' },
  'fhir.pain-only-areas': { at: '2026-11-02T08:00:00+01:00' },
  'fhir.screening-no-time': {},
  'fhir.screening-no-performer': {},
  'fhir.component-no-name': {},
  'fhir.component-no-value': {},
  'fhir.screening-invalid': {
    test: '"navicular-drop"',
    field: 'values',
    detail: 'Enter a value for at least one side (left or right).',
    check: { id: 'screening.one-side', params: {} },
  },
  'fhir.nprs-answer': {},
  'fhir.unknown-questionnaire': { token: '"odi"' },
  'fhir.not-a-score': { token: '"high"' },
  'fhir.outcome-no-time': {},
  'fhir.outcome-no-performer': {},
  'fhir.outcome-no-answers': { token: '"psfs"' },
  'fhir.answers-invalid': {
    measure: '"odi"',
    field: 'input.sections',
    detail: '4 sections are missing; the ODI cannot be scored with more than 2 missing.',
    problem: { code: 'too_many_missing', params: { measure: 'odi', missing: 4, max: 2 } },
  },
  'fhir.score-mismatch': { score: 6, computed: 5 },
  'fhir.answers-not-in-file': { token: '"QuestionnaireResponse/r1"' },
  'fhir.answers-no-author': {},
  'fhir.birth-date': { token: '"1850-01-01"', year: 2026 },
  'fhir.program-not-active': { token: '"on-hold"' },
  'fhir.not-a-stage': { first: 1, last: 4 },
  'fhir.walking-no-date': {},
  'fhir.walking-no-figure': {},
  'fhir.walking-invalid': {
    kind: 'cap',
    path: 'steps',
    detail: 'a whole number of steps from 1000 to 30,000',
    check: { id: 'walking-setting.range', params: { unit: 'steps', min: 1000, max: 30000 } },
  },
};

/** A scorer's problems from forms a person can enter wrongly: one of each sentence (every code, each value name). */
function outcomeProblemSamples(): OutcomeProblem[] {
  const items = (n: number, v: (number | null)[]) => Array.from({ length: n }, (_, i) => (i < v.length ? v[i]! : 1));
  return [
    ...scoreNprs(Number.NaN).problems,
    ...scoreNprs(12).problems,
    ...scoreNprs(4.5).problems,
    ...scorePsfs({ activities: [] }).problems,
    ...scorePsfs({
      activities: [
        { name: '', rating: 3 },
        { name: 'Walk', rating: 11 },
        { name: 'Stairs', rating: 2.5 },
      ],
    }).problems,
    ...scorePsfs({
      activities: [
        { name: 'Walk', rating: 3 },
        { name: 'Stairs', rating: null },
        { name: 'Run', rating: null },
      ],
    }).problems,
    ...scoreOdi({ sections: [1, 2] }).problems,
    ...scoreOdi({ sections: items(10, [null, null, null, null]) }).problems,
    ...scoreOdi({ sections: items(10, [7]) }).problems,
    ...scoreOdi({ totalPercent: 120 }).problems,
    ...scoreNdi({ items: items(10, [null, null, null, null]) }).problems,
    ...scoreNdi({ rawTotal: 60 }).problems,
    ...scoreNdi({ items: items(10, [2.5]) }).problems,
    ...scoreFaam('adl', { items: Array(21).fill(null) }).problems,
    ...scoreFaam('sports', { totalPercent: -1 }).problems,
    ...scoreStartBack({ overall: 3, psychosocial: 5 }).problems,
    ...scoreStartBack({ overall: 12, psychosocial: 1 }).problems,
  ];
}

/** Every text of the server's patient catalogue as flat {en, es} pairs, keyed by where it lives. */
function pairs(): Pairs {
  const en: Record<string, string> = {};
  const es: Record<string, string> = {};
  const put = (key: string, e: string, s: string | undefined) => {
    en[key] = e;
    es[key] = s ?? '';
  };
  const findingPairs = (key: string, fe: readonly Finding[], fs: readonly Finding[]) => {
    fe.forEach((f, j) => {
      for (const field of FINDING_FIELDS) put(`${key}.${j}.${field}`, f[field], fs[j]?.[field]);
    });
  };
  const lines = (key: string, e: readonly string[], s: readonly string[] | undefined) => {
    e.forEach((line, i) => put(`${key}.${i}`, line, s?.[i]));
    (s ?? []).slice(e.length).forEach((line, i) => put(`${key}.extra${i}`, '', line));
  };
  for (const id of Object.keys(EXERCISES) as ExerciseId[]) {
    const [e, s] = [EXERCISES[id], EXERCISE_TEXTS_ES[id]];
    put(`exercise.${id}.name`, e.name, s.name);
    put(`exercise.${id}.summary`, e.summary, s.summary);
    lines(`exercise.${id}.equipment`, e.equipment, s.equipment);
    for (const pos of new Set([...Object.keys(e.steps), ...Object.keys(s.steps)]) as Set<keyof typeof e.steps>)
      lines(`exercise.${id}.steps.${pos}`, e.steps[pos] ?? [], s.steps[pos]);
    lines(
      `exercise.${id}.why`,
      e.why.map((c) => c.text),
      s.why,
    );
    lines(`exercise.${id}.ifItHurts`, e.ifItHurts, s.ifItHurts);
  }
  STAGES.forEach((st, i) => {
    put(`stage.${st.number}.name`, st.name, STAGE_TEXTS_ES[i]?.name);
    put(`stage.${st.number}.goal`, st.goal, STAGE_TEXTS_ES[i]?.goal);
  });
  for (const q of RED_FLAG_QUESTIONS) {
    put(`redFlag.${q.id}.text`, q.text, RED_FLAG_TEXTS_ES[q.id]?.text);
    put(`redFlag.${q.id}.concern`, q.concern, RED_FLAG_TEXTS_ES[q.id]?.concern);
  }
  for (const q of PRECAUTION_QUESTIONS) {
    put(`precaution.${q.id}.text`, q.text, PRECAUTION_TEXTS_ES[q.id]?.text);
    put(`precaution.${q.id}.reason`, q.reason, PRECAUTION_TEXTS_ES[q.id]?.reason);
  }
  for (const u of URGENCIES) put(`urgency.${u}`, URGENCY_ADVICE[u], URGENCY_ADVICE_ES[u]);
  for (const level of Object.keys(EVIDENCE_LEVELS) as EvidenceLevel[]) {
    put(`evidence.${level}.label`, EVIDENCE_LEVELS[level], EVIDENCE_LEVELS_ES[level]);
    put(`evidence.${level}.explained`, EVIDENCE_EXPLAINED[level], EVIDENCE_EXPLAINED_ES[level]);
    put(`evidence.${level}.strength`, plainStrength(level), PLAIN_STRENGTH_ES[plainStrength(level)]);
  }
  for (const [region, name] of Object.entries(REGION_NAMES))
    put(`region.${region}`, name, REGION_NAMES_ES[region as keyof typeof REGION_NAMES].name);
  const [chainEn, chainEs] = [explainChain({ findings: [], pain: [] }), explainChain({ findings: [], pain: [] }, 'es')];
  chainEn.links.forEach((l, i) => put(`chain.${l.from}-${l.to}.meaning`, l.meaning, chainEs.links[i]?.meaning));
  put('chain.disclaimer', chainEn.disclaimer, chainEs.disclaimer);
  for (const [e, id] of FIXED_PROGRAM_TEXTS) put(`review.${id}`, e, programTextEs(programText(id as never)));
  put('calendar.summary', CALENDAR_WORDS.en.summary, CALENDAR_WORDS.es.summary);
  put('calendar.description', CALENDAR_WORDS.en.description, CALENDAR_WORDS.es.description);
  put('push.reminder', PUSH_WORDS.en.reminder, PUSH_WORDS.es.reminder);
  put('push.newMessage', PUSH_WORDS.en.newMessage, PUSH_WORDS.es.newMessage);
  for (const id of Object.keys(OUTCOME_MEASURES) as OutcomeMeasureId[]) {
    for (const field of ['licence', 'stores', 'missingRule', 'change'] as const)
      put(`outcome.${id}.${field}`, OUTCOME_MEASURES[id][field], OUTCOME_TEXTS_ES[id][field]);
  }
  for (const t of SCREENING_TESTS) {
    const s = SCREENING_TEXTS_ES[t.id];
    const key = `screening.${t.id}`;
    put(`${key}.name`, t.name, s.name);
    put(`${key}.purpose`, t.purpose, s.purpose);
    put(`${key}.range`, t.input.range, s.range);
    put(`${key}.reliability`, t.reliability, s.reliability);
    if (t.unverified !== undefined || s.unverified !== undefined)
      put(`${key}.unverified`, t.unverified ?? '', s.unverified);
    if (t.licence !== undefined || s.licence !== undefined) put(`${key}.licence`, t.licence ?? '', s.licence);
    for (const [where, e, sp] of [
      ['home', t.home, s.home],
      ['clinic', t.clinic, s.clinic],
    ] as const) {
      if ('notAtHome' in e || 'notAtHome' in sp) {
        put(
          `${key}.${where}.notAtHome`,
          'notAtHome' in e ? e.notAtHome : '',
          'notAtHome' in sp ? sp.notAtHome : undefined,
        );
        continue;
      }
      lines(`${key}.${where}.need`, e.need, sp.need);
      lines(`${key}.${where}.steps`, e.steps, sp.steps);
      lines(`${key}.${where}.safety`, e.safety, sp.safety);
      if (e.note !== undefined || sp.note !== undefined) put(`${key}.${where}.note`, e.note ?? '', sp.note);
    }
  }
  // A screening finding's words for each sample, in both languages (the same findings in the same order).
  SCREENING_SAMPLES.forEach(([r, ctx], i) => {
    const result = { ...r, recordedAt: '2026-11-21T10:00:00+00:00', recordedBy: 'me' } as ScreeningResult;
    const [fe, fs] = [interpretScreening(result, ctx), interpretScreening(result, ctx, 'es')];
    findingPairs(`finding.${r.testId}.${i}`, fe, fs);
  });
  const at = { recordedAt: '2026-11-21T10:00:00+00:00', recordedBy: 'me' };
  OUTCOME_SAMPLES.forEach((o, i) =>
    findingPairs(
      `finding.${o.measure}.${i}`,
      [outcomeFinding({ ...o, ...at })],
      [outcomeFinding({ ...o, ...at }, 'es')],
    ),
  );
  // What an import did: each outcome sentence, and every reason something was left out.
  const base = { ok: true, mode: 'lenient' as const, samples: 0, added: 0, duplicates: 0, errorCount: 0 };
  const outcomes = [
    { ...base, samples: 5, added: 3, duplicates: 2 },
    { ...base, samples: 1, added: 1 },
    { ...base, samples: 4, duplicates: 4 },
    { ...base, samples: 1, duplicates: 1 },
    base,
    { ...base, ok: false, mode: 'strict' as const, errorCount: 2 },
    { ...base, ok: false },
  ];
  outcomes.forEach((r, i) =>
    put(
      `import.outcome.${i}`,
      importOutcomeTextIn(r, i === 4 ? { running: 1 } : {}, 'en'),
      importOutcomeTextIn(r, i === 4 ? { running: 1 } : {}, 'es'),
    ),
  );
  const skipped = {
    running: 2,
    cycling: 1,
    swimming: 1,
    paddling: 1,
    'snow-sports': 1,
    other: 1,
    'other-data': 3,
    'other-person': 1,
  } as const;
  put('import.skipped', skippedTextIn(skipped, 'en'), skippedTextIn(skipped, 'es'));
  // What an importer says about a damaged record, every message, and why a questionnaire cannot be scored.
  for (const [id, params] of Object.entries(IMPORT_PROBLEM_SAMPLES)) {
    const { en: e, es: s } = importProblemPair(id as ImportProblemId, params as never);
    put(`import.problem.${id}`, e, s);
  }
  outcomeProblemSamples().forEach((p, i) =>
    put(`outcome.problem.${i}.${p.code}`, p.message, outcomeProblemIn(p, 'es')),
  );
  gaitSamples().forEach((g, i) => {
    const [fe, fs] = [gaitFindings(g, at), gaitFindings(g, at, 'es')];
    findingPairs(`finding.gait.${i}`, [...fe.chain, ...fe.wholeBody], [...fs.chain, ...fs.wholeBody]);
  });
  // Sentences with figures, filled with the same figures in both languages.
  for (const k of Object.keys(SESSION_FEEDBACK_EN) as (keyof SessionFeedbackWords)[]) {
    const fill = (w: SessionFeedbackWords[keyof SessionFeedbackWords]) =>
      typeof w === 'function' ? (w as (a: number, b: number) => string)(7, 5) : w;
    put(`sessionFeedback.${k}`, fill(SESSION_FEEDBACK_EN[k]), fill(SESSION_FEEDBACK_ES[k]));
  }
  return { en, es };
}

test('every English text the server writes for a patient has its Spanish, line for line', () => {
  const { en, es } = pairs();
  const missing = Object.keys(en).filter((k) => !es[k]?.trim());
  const extra = Object.keys(es).filter((k) => !en[k]?.trim());
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
  assert.ok(Object.keys(en).length > 150, `the pairs cover the catalogue (${Object.keys(en).length} texts)`);
});

test('the Spanish keeps every hedge of the English and adds no promise (clinicalWordingProblems)', () => {
  const { en, es } = pairs();
  assert.deepEqual(clinicalWordingProblems('server', en, es), []);
});

test('a figure DOMAIN.md marks UNVERIFIED stays marked in Spanish (SIN VERIFICAR), and the figures are the same', () => {
  const { en, es } = pairs();
  const dropped = Object.keys(en).filter((k) => /UNVERIFIED/.test(en[k]!) && !/SIN VERIFICAR/.test(es[k] ?? ''));
  assert.deepEqual(dropped, []);
  // The screening texts' figures, whole numbers and decimals alike (a decimal comma in Spanish): the same numbers.
  const figures = (text: string) => (text.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.'));
  const differ = Object.keys(en).filter(
    (k) =>
      (k.startsWith('screening.') || k.startsWith('finding.')) &&
      figures(en[k]!).join(' ') !== figures(es[k] ?? '').join(' '),
  );
  assert.deepEqual(differ, []);
});

test('the check would see a dropped hedge or an added promise in these texts', () => {
  const { en, es } = pairs();
  const broken = {
    ...es,
    'exercise.walk.why.1':
      'Las personas con dolor de espalda caminan más despacio; esto es una consecuencia del dolor.',
    'exercise.ball-roll.summary': 'Rueda la pelota: siempre alivia.',
  };
  assert.deepEqual(
    clinicalWordingProblems('server', en, broken)
      .map((p) => p.split('"')[1])
      .sort(),
    ['exercise.ball-roll.summary', 'exercise.walk.why.1'],
  );
});

test('no finding or import sentence is left in English: every label, value with words, reference and sentence differs from the English', () => {
  const { en, es } = pairs();
  // A value of figures and units alone ("12 mm") reads the same in both languages, and so does the FPI's "normal".
  const words = (t: string) => /[a-z]{3,}/i.test(t.replace(/\b(mm|cm|normal)\b/g, ''));
  // The questionnaires keep their published names (docs/translation.md).
  const published = new Set(Object.values(OUTCOME_MEASURES).map((m) => m.name));
  const same = Object.keys(en).filter(
    (k) =>
      (k.startsWith('finding.') || k.startsWith('import.')) &&
      words(en[k]!) &&
      !published.has(en[k]!) &&
      en[k] === es[k],
  );
  assert.deepEqual(same, []);
  assert.ok(
    Object.keys(en).filter((k) => k.startsWith('finding.')).length > 700,
    `every branch sampled (${Object.keys(en).filter((k) => k.startsWith('finding.')).length})`,
  );
});

test("no importer message or questionnaire problem is left in English: with the file's tokens and figures taken out, no English word stays, and the figures are the same", () => {
  const { en, es } = pairs();
  const keys = Object.keys(en).filter((k) => k.startsWith('import.problem.') || k.startsWith('outcome.problem.'));
  assert.equal(keys.filter((k) => k.startsWith('import.problem.')).length, Object.keys(IMPORT_PROBLEM_SAMPLES).length);
  // A parameter's words (a token from the file, a field name, the system's own detail) stay as they came.
  const stripped = (k: string) => {
    const id = k.slice('import.problem.'.length);
    const params = k.startsWith('import.problem.')
      ? Object.values(IMPORT_PROBLEM_SAMPLES[id as ImportProblemId]).filter((v): v is string => typeof v === 'string')
      : [];
    // So do the file format's own names: a FHIR path (note.time) and a value the file writes ("Left").
    return params
      .sort((a, b) => b.length - a.length)
      .reduce((t, p) => t.split(p).join(' '), es[k]!)
      .replace(/"[^"]*"|\b\w+(\.\w+)+\b/g, ' ');
  };
  const ENGLISH =
    /\b(the|is|are|not|of|and|has|have|with|needs|this|file|from|left|out|missing|must|cannot|was|were|only|which|score|number|time|zone|day|days)\b/i;
  assert.deepEqual(
    keys.filter((k) => ENGLISH.test(stripped(k))).map((k) => `${k}: ${es[k]}`),
    [],
  );
  // Figures: the same numbers, whatever the grouping and decimal marks (123,456 / 123.456; 2.75 / 2,75).
  const figures = (t: string) => (t.match(/\d[\d.,]*\d|\d/g) ?? []).map((n) => n.replace(/[.,]/g, '')).sort();
  assert.deepEqual(
    keys.filter((k) => figures(en[k]!).join(' ') !== figures(es[k]!).join(' ')).map((k) => `${k}: ${en[k]} | ${es[k]}`),
    [],
  );
  // Every scorer code is sampled.
  const codes = new Set(keys.filter((k) => k.startsWith('outcome.problem.')).map((k) => k.split('.').at(-1)));
  assert.deepEqual([...codes].sort(), [
    'inconsistent',
    'not_a_number',
    'not_integer',
    'out_of_range',
    'too_few_answered',
    'too_many_missing',
    'wrong_count',
  ]);
});

test('a damaged record found by a real import is said in Spanish, with the place in the file unchanged', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-texts-es-'));
  try {
    const path = join(dir, 'steps.csv');
    writeFileSync(
      path,
      'Id,ActivityDate,TotalSteps,TotalDistance\n1503960366,4/12/2016,13162,8.5\n1503960366,4/13/2016,lots,7\n1503960366,4/14/2016,5000\n',
    );
    const summary = await importFitbitCsv(path);
    const shown = summary.issues.map((i) => ({
      where: i.location,
      es: importProblemTextIn(i, 'es'),
      en: importProblemTextIn(i, 'en'),
    }));
    assert.deepEqual(shown, [
      {
        where: { file: 'steps.csv', line: 3, column: 22, field: 'TotalSteps' },
        es: 'TotalSteps "lots" no es un número entero de pasos',
        en: 'TotalSteps "lots" is not a whole number of steps',
      },
      {
        where: { file: 'steps.csv', line: 4, column: 1 },
        es: 'La fila tiene 3 campos y la cabecera 4',
        en: 'Row has 3 fields, the header has 4',
      },
    ]);
    // A record kept before the ids (no text): its stored English, quoted and said to be English (never passed off as Spanish).
    assert.equal(
      importProblemTextIn({ message: 'Row has 3 fields, the header has 4' }, 'es'),
      '«Row has 3 fields, the header has 4» (en inglés)',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('why a stored questionnaire could not be scored reads in Spanish with its figures', () => {
  const odi = scoreOdi({ sections: [1, null, 2, null, null, null, 3, 1, 0, 2] });
  const finding = outcomeFinding(
    { measure: 'odi', result: odi, recordedAt: '2026-11-21T10:00:00+00:00', recordedBy: 'me' },
    'es',
  );
  assert.equal(
    finding.plain,
    'Este formulario no se pudo puntuar: Faltan 4 secciones; el ODI no se puede puntuar con más de 2 sin responder.',
  );
  const back = scoreStartBack({ overall: 3, psychosocial: 5 });
  assert.equal(
    outcomeFinding(
      { measure: 'start-back', result: back, recordedAt: '2026-11-21T10:00:00+00:00', recordedBy: 'me' },
      'es',
    ).plain,
    'Este formulario no se pudo puntuar: La subescala psicosocial (5) no puede ser mayor que la puntuación total (3): sus ítems forman parte de ella.',
  );
});

/** Calls in an importer's source that give a problem English words only (a string where said(...) belongs). */
function englishOnlyProblems(source: string): string[] {
  return [...source.matchAll(/import(?:Error|Warning)\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*(['"`])/g)].map((m) =>
    m[0].replace(/\s+/g, ' '),
  );
}

test('every problem an importer gives has a message id (said), so no importer can add an English-only message unnoticed', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  // The scan sees a string given in place of said(...), and passes the calls that use it.
  assert.equal(englishOnlyProblems(`sink.issue(importError('bad-value', 'Unbalanced quotes', at(1)));`).length, 1);
  assert.equal(
    englishOnlyProblems(
      "sink.issue(importWarning(raw === undefined ? 'missing-field' : 'bad-value', `${field} is odd`, at(1)));",
    ).length,
    1,
  );
  assert.deepEqual(
    englishOnlyProblems(
      `sink.issue(importError(/truncat/i.test(describeIoError(e)) ? 'truncated' : 'unreadable', said('file.reading-stopped', { detail }), at(1)));`,
    ),
    [],
  );
  const files = readdirSync('src/importers', { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'import-error.ts',
  );
  assert.ok(files.length > 15, `the importers are read (${files.length} files)`);
  const found = files.flatMap((f) =>
    englishOnlyProblems(readFileSync(`src/importers/${f}`, 'utf8')).map((m) => `${f}: ${m}`),
  );
  assert.deepEqual(found, []);
});
