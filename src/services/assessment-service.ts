/**
 * The assessment: pain maps, screening tests and outcome measures (validated by the core catalogues, stored with
 * date and recorder), gait analyses, and from all of them the chain explanation and the inputs of the program review.
 */
import type { Kysely } from 'kysely';
import { explainChain, type ChainExplanation, type PainMark } from '../core/chain.js';
import type { Finding } from '../core/findings.js';
import type { Language } from '../core/language.js';
import { latestPainAreas, type PainAreas } from '../core/pain-areas.js';
import type { GaitAnalysisInput } from '../core/gait-findings.js';
import { latestGaitSession, sessionGaitFindings } from '../core/gait-session.js';
import {
  outcomeTrend,
  parseOutcomeEntry,
  scoreOutcome,
  outcomeEntrySchema,
  type OutcomeMeasureId,
  type ResponderMeasureId,
  type OutcomeTrend,
} from '../core/outcome-measures.js';
import { outcomeFinding } from '../core/outcome-finding.js';
import { interpretScreening, parseScreeningResult, type ScreeningResult } from '../core/screening-tests.js';
import type { BodyMark } from '../core/pain.js';
import { invalidInput } from './service-error.js';
import { refusal } from '../core/refusal-words.js';
import type { Database } from '../store/schema.js';
import {
  insertOutcomeScore,
  insertPainMap,
  insertScreeningResult,
  listOutcomeScores,
  listPainMaps,
  listScreeningResults,
  type OutcomeRecord,
} from '../store/repos/assessments.js';
import { listGaitAnalyses } from '../store/repos/gait-analyses.js';
import { listCheckins } from '../store/repos/checkins.js';
import { getPerson } from '../store/repos/people.js';

export async function addPainMap(
  db: Kysely<Database>,
  personId: string,
  input: { marks: BodyMark[]; recordedAt: string; recordedBy: string },
) {
  return insertPainMap(db, personId, input);
}

/** The latest areas marked, on the pain map or in a check-in (src/core/pain-areas.ts latestPainAreas). */
export async function latestPainFor(db: Kysely<Database>, personId: string): Promise<PainAreas | null> {
  return latestPainAreas({ painMaps: await listPainMaps(db, personId), checkins: await listCheckins(db, personId) });
}

/** Stores a screening result; its findings come back written in `language` (the person's, for their screen). */
export async function addScreening(db: Kysely<Database>, personId: string, input: unknown, language: Language = 'en') {
  const parsed = parseScreeningResult(input);
  if (!parsed.result)
    throw invalidInput(
      refusal('field.at', { field: parsed.problems[0]!.field, refusal: parsed.problems[0]! }),
      parsed.problems[0]!.field,
    );
  const r = parsed.result;
  const record = await insertScreeningResult(db, personId, {
    testId: r.testId,
    values: r.values as Record<string, unknown>,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
  });
  return { record, findings: interpretScreening(r, await context(db, personId, r.recordedAt), language) };
}

/** Stores an outcome entry; a form that cannot be scored is refused saying why (by id: the API answers in the reader's language). */
export async function addOutcome(db: Kysely<Database>, personId: string, input: unknown) {
  const parsed = parseOutcomeEntry(input);
  if (!parsed.entry)
    throw invalidInput(
      refusal('outcome.refused', { field: parsed.problems[0]!.field, problem: parsed.problems[0]! }),
      parsed.problems[0]!.field,
    );
  const e = parsed.entry;
  const record = await insertOutcomeScore(db, personId, {
    measureId: e.measure,
    inputs: e.input as Record<string, unknown>,
    score: parsed.score.score,
    recordedAt: e.recordedAt,
    recordedBy: e.recordedBy,
  });
  return { record, score: parsed.score };
}

async function context(db: Kysely<Database>, personId: string, at: string): Promise<{ age?: number }> {
  const p = await getPerson(db, personId);
  return p?.birthYear ? { age: Number(at.slice(0, 4)) - p.birthYear } : {};
}

/** The latest of each key, by recorded time. */
function latestBy<T extends { recordedAt: string }>(items: readonly T[], key: (t: T) => string): T[] {
  const m = new Map<string, T>();
  for (const i of items) {
    const k = key(i);
    const prev = m.get(k);
    if (!prev || prev.recordedAt <= i.recordedAt) m.set(k, i);
  }
  return [...m.values()];
}

export interface OutcomeSummary {
  measure: OutcomeMeasureId;
  latest: OutcomeRecord;
  band: string | null;
  trend: OutcomeTrend | null;
}

export async function outcomeSummaries(db: Kysely<Database>, personId: string): Promise<OutcomeSummary[]> {
  return summariseOutcomes(await listOutcomeScores(db, personId));
}

/** Each measure's latest score, band and trend, from a person's scores in listOutcomeScores's order. */
function summariseOutcomes(scores: readonly OutcomeRecord[]): OutcomeSummary[] {
  const out: OutcomeSummary[] = [];
  for (const latest of latestBy(scores, (s) => s.measureId)) {
    const measure = latest.measureId as OutcomeMeasureId;
    const series = scores
      .filter((s) => s.measureId === measure && s.score !== null)
      .map((s) => ({ date: s.recordedAt, score: s.score! }));
    const trend = measure === 'start-back' ? null : outcomeTrend(measure as ResponderMeasureId, series).trend;
    const entry = outcomeEntrySchema.safeParse({
      measure,
      input: latest.inputs,
      recordedAt: latest.recordedAt,
      recordedBy: latest.recordedBy,
    });
    const band = entry.success ? (scoreOutcome(entry.data).band ?? null) : null;
    out.push({ measure, latest, band, trend });
  }
  return out;
}

/** Outcome responses and the STarT Back group, as the program review needs them, from the person's scores. */
export function reviewInputsOf(scores: readonly OutcomeRecord[]) {
  const summaries = summariseOutcomes(scores);
  return {
    outcomes: summaries.filter((s) => s.trend).map((s) => ({ measure: s.measure, response: s.trend!.status })),
    startBackRisk: (summaries.find((s) => s.measure === 'start-back')?.band ?? null) as
      'low' | 'medium' | 'high' | null,
  };
}

export interface Assessment {
  painMaps: Awaited<ReturnType<typeof listPainMaps>>;
  /** The latest areas marked, on a pain map or in a check-in (whichever is newer), with where they came from. */
  latestPain: PainAreas | null;
  screening: { record: Awaited<ReturnType<typeof listScreeningResults>>[number]; findings: Finding[] }[];
  outcomes: OutcomeSummary[];
  gait: Awaited<ReturnType<typeof listGaitAnalyses>>;
}

/** Everything assessed, the screening findings written in `language` (English for a clinician). */
export async function getAssessment(
  db: Kysely<Database>,
  personId: string,
  language: Language = 'en',
): Promise<Assessment> {
  const painMaps = await listPainMaps(db, personId);
  const screening = [];
  for (const record of await listScreeningResults(db, personId)) {
    const parsed = parseScreeningResult({
      testId: record.testId,
      values: record.values,
      recordedAt: record.recordedAt,
      recordedBy: record.recordedBy,
    });
    screening.push({
      record,
      findings: parsed.result
        ? interpretScreening(parsed.result as ScreeningResult, await context(db, personId, record.recordedAt), language)
        : [],
    });
  }
  const latestPain = latestPainAreas({ painMaps, checkins: await listCheckins(db, personId) });
  return {
    painMaps,
    latestPain,
    screening,
    outcomes: await outcomeSummaries(db, personId),
    gait: await listGaitAnalyses(db, personId),
  };
}

/** The chain explanation from the latest of each kind of measurement, in `language` (its words and the findings'). */
export async function explainFor(
  db: Kysely<Database>,
  personId: string,
  language: Language = 'en',
): Promise<ChainExplanation> {
  const a = await getAssessment(db, personId, language);
  const findings: Finding[] = [];
  const wholeBody: Finding[] = [];
  for (const s of latestBy(
    a.screening.map((s) => ({ ...s, recordedAt: s.record.recordedAt })),
    (s) => s.record.testId,
  ))
    findings.push(...s.findings);
  for (const o of a.outcomes) {
    const entry = outcomeEntrySchema.safeParse({
      measure: o.measure,
      input: o.latest.inputs,
      recordedAt: o.latest.recordedAt,
      recordedBy: o.latest.recordedBy,
    });
    if (!entry.success) continue;
    const f = outcomeFinding(
      {
        measure: o.measure,
        result: scoreOutcome(entry.data),
        recordedAt: o.latest.recordedAt,
        recordedBy: o.latest.recordedBy,
        ...(o.trend && o.trend.points.length > 1 ? { baseline: o.trend.baseline.score } : {}),
      },
      language,
    );
    findings.push(f);
  }
  // The latest visit's videos read together: a side and a front or back video each fill the links they measure.
  const visit = latestGaitSession(
    a.gait.map((g) => ({
      id: g.id,
      recordedAt: g.recordedAt,
      recordedBy: g.recordedBy,
      sourceName: g.sourceName,
      analysis: g.analysis as unknown as GaitAnalysisInput,
    })),
  );
  const g = sessionGaitFindings(visit, language);
  findings.push(...g.chain);
  wholeBody.push(...g.wholeBody);
  // Pain: the latest areas marked, on the pain map or in a check-in, whichever is newer.
  const pain: PainMark[] = a.latestPain?.marks ?? [];
  return explainChain({ findings, pain, wholeBody }, language);
}
