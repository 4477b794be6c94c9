/**
 * The assessment records: pain maps, screening test results, outcome-measure scores. Each is dated and says who
 * recorded it. Values are validated at the API boundary by the catalogue's schemas before they get here.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { BodyMark } from '../../core/pain.js';
import type { Database } from '../schema.js';
import { fromJson, newId, toJson } from '../json-column.js';

export interface PainMap {
  id: string;
  recordedAt: string;
  recordedBy: string;
  marks: BodyMark[];
}
export interface ScreeningRecord {
  id: string;
  testId: string;
  values: Record<string, unknown>;
  recordedAt: string;
  recordedBy: string;
}
export interface OutcomeRecord {
  id: string;
  measureId: string;
  inputs: Record<string, unknown>;
  score: number | null;
  recordedAt: string;
  recordedBy: string;
}

const Values = z.record(z.string(), z.unknown());

export async function insertPainMap(db: Kysely<Database>, personId: string, p: Omit<PainMap, 'id'>): Promise<PainMap> {
  const row: PainMap = { id: newId(), ...p };
  await db
    .insertInto('pain_maps')
    .values({
      id: row.id,
      person_id: personId,
      recorded_at: p.recordedAt,
      recorded_by: p.recordedBy,
      marks: toJson(p.marks),
    })
    .execute();
  return row;
}

export async function listPainMaps(db: Kysely<Database>, personId: string): Promise<PainMap[]> {
  const rows = await db
    .selectFrom('pain_maps')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    marks: fromJson(z.array(BodyMark), r.marks, `pain_maps.marks (${r.id})`),
  }));
}

export async function insertScreeningResult(
  db: Kysely<Database>,
  personId: string,
  r: Omit<ScreeningRecord, 'id'>,
): Promise<ScreeningRecord> {
  const rec: ScreeningRecord = { id: newId(), ...r };
  await db
    .insertInto('screening_results')
    .values({
      id: rec.id,
      person_id: personId,
      test_id: r.testId,
      values: toJson(r.values),
      recorded_at: r.recordedAt,
      recorded_by: r.recordedBy,
    })
    .execute();
  return rec;
}

export async function listScreeningResults(db: Kysely<Database>, personId: string): Promise<ScreeningRecord[]> {
  const rows = await db
    .selectFrom('screening_results')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    testId: r.test_id,
    values: fromJson(Values, r.values, `screening_results.values (${r.id})`),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }));
}

export async function insertOutcomeScore(
  db: Kysely<Database>,
  personId: string,
  r: Omit<OutcomeRecord, 'id'>,
): Promise<OutcomeRecord> {
  const rec: OutcomeRecord = { id: newId(), ...r };
  await db
    .insertInto('outcome_scores')
    .values({
      id: rec.id,
      person_id: personId,
      measure_id: r.measureId,
      inputs: toJson(r.inputs),
      score: r.score,
      recorded_at: r.recordedAt,
      recorded_by: r.recordedBy,
    })
    .execute();
  return rec;
}

export async function listOutcomeScores(db: Kysely<Database>, personId: string): Promise<OutcomeRecord[]> {
  const rows = await db
    .selectFrom('outcome_scores')
    .select(OUTCOME_SCORE_COLUMNS)
    .where('person_id', '=', personId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map(outcomeScoreFromRow);
}

/** The columns an outcome score is read from (person-history.ts reads them too). */
export const OUTCOME_SCORE_COLUMNS = ['id', 'measure_id', 'inputs', 'score', 'recorded_at', 'recorded_by'] as const;

export function outcomeScoreFromRow(
  r: Pick<Database['outcome_scores'], (typeof OUTCOME_SCORE_COLUMNS)[number]>,
): OutcomeRecord {
  return {
    id: r.id,
    measureId: r.measure_id,
    inputs: fromJson(Values, r.inputs, `outcome_scores.inputs (${r.id})`),
    score: r.score === null ? null : Number(r.score),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}
