/**
 * The gait analyses of an imported FHIR file (src/importers/fhir-gait.ts), stored once each, in the same transaction
 * as the file's walking, pain and assessments (import-walking.ts). An analysis the person already has (the same
 * instant, view and measured metrics, each with its value, confidence and count) is a duplicate, so importing a file
 * again, or back into the record it came from, adds nothing.
 *
 * What is stored is what the file carries: the metrics, the time, the view, who saved it and the video's name. The
 * analysis JSON says it was imported (`imported_from`: the file), and has no events, angle curves, keypoints or
 * stills (a FHIR Observation carries none of them), so the report and screens show its figures without a picture.
 */
import type { Kysely } from 'kysely';
import type { ImportedGaitAnalysis } from '../importers/fhir-gait.js';
import type { StoredGaitAnalysis } from '../gait/gait-analysis-record.js';
import type { Database } from '../store/schema.js';
import { insertGaitAnalysis, listGaitAnalyses } from '../store/repos/gait-analyses.js';
import { addUnlessHeld, type AddCount } from './add-unless-held.js';

type Metrics = ImportedGaitAnalysis['metrics'];

/** An analysis's identity for duplicates: its instant, view and measured metrics (a metric not measured is left out). */
function key(
  at: string,
  view: string,
  metrics: Readonly<Record<string, { value: number | null; confidence: number; n?: number }>>,
): string {
  const measured = Object.entries(metrics)
    .filter(([, m]) => m.value !== null)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, m]) => [name, m.value, m.confidence, m.n ?? null]);
  return JSON.stringify([Date.parse(at), view, measured]);
}

/** The stored analysis JSON of an imported one: its metrics, and nothing a file does not carry. */
function storedAnalysis(a: ImportedGaitAnalysis, fileName: string): StoredGaitAnalysis {
  const none = { heel_strike: [], toe_off: [] };
  return {
    video: a.sourceName,
    fps: 0,
    frames: 0,
    view: a.view,
    direction: 'unknown',
    events: { left: none, right: none },
    metrics: a.metrics as Metrics,
    warnings: [],
    tracks: [],
    track_id: null,
    imported_from: { file: fileName, format: 'fhir' },
  };
}

export async function storeImportedGait(
  db: Kysely<Database>,
  personId: string,
  analyses: readonly ImportedGaitAnalysis[],
  fileName: string,
): Promise<AddCount> {
  const held = new Set(
    (await listGaitAnalyses(db, personId)).map((a) => key(a.recordedAt, a.view, (a.analysis.metrics ?? {}) as Metrics)),
  );
  return addUnlessHeld(
    analyses,
    (a) => key(a.recordedAt, a.view, a.metrics),
    held,
    (a) =>
      insertGaitAnalysis(db, personId, {
        recordedAt: a.recordedAt,
        recordedBy: a.recordedBy,
        sourceName: a.sourceName,
        view: a.view,
        analysis: storedAnalysis(a, fileName),
        keypoints: null,
        videoPath: null,
      }),
  );
}
