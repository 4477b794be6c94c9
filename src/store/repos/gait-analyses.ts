import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../schema.js';
import { fromJson, newId, toJson } from '../json-column.js';

export interface GaitAnalysisRecord {
  id: string; recordedAt: string; recordedBy: string; sourceName: string; view: string;
  analysis: Record<string, unknown>; hasKeypoints: boolean; videoKept: boolean;
}

const Obj = z.record(z.string(), z.unknown());

/** Saves an analysis; keypoints are kept (to re-run the analysis); the video only when the person chose to keep it. */
export async function insertGaitAnalysis(db: Kysely<Database>, personId: string, r: { recordedAt: string; recordedBy: string; sourceName: string; view: string; analysis: unknown; keypoints: unknown | null; videoPath: string | null }): Promise<GaitAnalysisRecord> {
  const id = newId();
  await db.insertInto('gait_analyses').values({
    id, person_id: personId, recorded_at: r.recordedAt, recorded_by: r.recordedBy, source_name: r.sourceName, view: r.view,
    analysis: toJson(r.analysis), keypoints: r.keypoints === null ? null : toJson(r.keypoints), video_kept: r.videoPath ? 1 : 0, video_path: r.videoPath,
  }).execute();
  return { id, recordedAt: r.recordedAt, recordedBy: r.recordedBy, sourceName: r.sourceName, view: r.view, analysis: r.analysis as Record<string, unknown>, hasKeypoints: r.keypoints !== null, videoKept: Boolean(r.videoPath) };
}

/** Analyses without their keypoints (those are large; fetched one at a time). */
export async function listGaitAnalyses(db: Kysely<Database>, personId: string): Promise<GaitAnalysisRecord[]> {
  const rows = await db.selectFrom('gait_analyses').select(['id', 'recorded_at', 'recorded_by', 'source_name', 'view', 'analysis', 'video_kept', 'keypoints']).where('person_id', '=', personId).orderBy('recorded_at').execute();
  return rows.map((r) => ({ id: r.id, recordedAt: r.recorded_at, recordedBy: r.recorded_by, sourceName: r.source_name, view: r.view, analysis: fromJson(Obj, r.analysis, `gait_analyses.analysis (${r.id})`), hasKeypoints: r.keypoints !== null, videoKept: Number(r.video_kept) === 1 }));
}
