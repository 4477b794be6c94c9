import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../schema.js';
import { fromJson, newId, toJson } from '../json-column.js';
import {
  GaitStillsRecordSchema,
  stillInfo,
  stillsRecord,
  type GaitStill,
  type StillType,
} from '../../gait/gait-stills.js';
import {
  storedAnalysisProblem,
  type GaitAnalysisRecord,
  type StoredGaitAnalysis,
} from '../../gait/gait-analysis-record.js';

export type { GaitAnalysisRecord };

/**
 * A stored analysis is checked by its record's one validator (StoredGaitAnalysisJson) on the way in, whoever
 * writes it (the save route, the video job, a FHIR import), and when it is read back, so a bad row is named.
 */
const StoredAnalysis = z
  .unknown()
  .superRefine((v, ctx) => {
    const problem = storedAnalysisProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => v as StoredGaitAnalysis);

/** Saves an analysis; keypoints are kept (to re-run the analysis); the video only when the person chose to keep it. */
export async function insertGaitAnalysis(
  db: Kysely<Database>,
  personId: string,
  r: {
    recordedAt: string;
    recordedBy: string;
    sourceName: string;
    view: string;
    analysis: StoredGaitAnalysis;
    keypoints: unknown | null;
    videoPath: string | null;
    stills?: GaitStill[];
  },
): Promise<GaitAnalysisRecord> {
  const problem = storedAnalysisProblem(r.analysis);
  if (problem) throw new Error(`A gait analysis to store is not one (${problem}); nothing was stored`);
  const id = newId();
  const stills = r.stills ?? [];
  await db
    .insertInto('gait_analyses')
    .values({
      id,
      person_id: personId,
      recorded_at: r.recordedAt,
      recorded_by: r.recordedBy,
      source_name: r.sourceName,
      view: r.view,
      analysis: toJson(r.analysis),
      keypoints: r.keypoints === null ? null : toJson(r.keypoints),
      video_kept: r.videoPath ? 1 : 0,
      video_path: r.videoPath,
      stills: stills.length ? toJson(stillsRecord(stills)) : null,
    })
    .execute();
  return {
    id,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
    sourceName: r.sourceName,
    view: r.view,
    analysis: r.analysis,
    hasKeypoints: r.keypoints !== null,
    videoKept: Boolean(r.videoPath),
    stills: stills.map(stillInfo),
  };
}

const readStills = (text: string | null, id: string): GaitStill[] =>
  text === null ? [] : fromJson(GaitStillsRecordSchema, text, `gait_analyses.stills (${id})`).stills;

/** Analyses without their keypoints (those are large; fetched one at a time) and without the stills' pictures. */
export async function listGaitAnalyses(db: Kysely<Database>, personId: string): Promise<GaitAnalysisRecord[]> {
  const rows = await db
    .selectFrom('gait_analyses')
    .select([
      'id',
      'recorded_at',
      'recorded_by',
      'source_name',
      'view',
      'analysis',
      'video_kept',
      'keypoints',
      'stills',
    ])
    .where('person_id', '=', personId)
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    sourceName: r.source_name,
    view: r.view,
    analysis: fromJson(StoredAnalysis, r.analysis, `gait_analyses.analysis (${r.id})`),
    hasKeypoints: r.keypoints !== null,
    videoKept: Number(r.video_kept) === 1,
    stills: readStills(r.stills, r.id).map(stillInfo),
  }));
}

/** One still's picture of this person's analysis, or null when there is no such analysis of theirs or still. */
export async function getGaitStill(
  db: Kysely<Database>,
  personId: string,
  analysisId: string,
  index: number,
): Promise<{ type: StillType; bytes: Buffer } | null> {
  const r = await db
    .selectFrom('gait_analyses')
    .select('stills')
    .where('id', '=', analysisId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  const s = r ? readStills(r.stills, analysisId)[index] : undefined;
  return s ? { type: s.type, bytes: Buffer.from(s.data, 'base64') } : null;
}
