/**
 * The server's gait-video analysis job. The uploaded bytes wait in the database (job_files, migration 0009) until
 * a server process takes the job; that process writes them to a private temporary file for ffmpeg, runs the same
 * pipeline as `footing analyze` (src/services/analyze-video.ts), reports frames done / total in the jobs table, saves
 * the result as a gait analysis of the person (the shape the web app saves: metrics, events, warnings, keypoints,
 * never the video), records it in the person's audit log, and deletes the video bytes and the temporary file,
 * whether the analysis worked or not. Nothing about the video or its results is logged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeVideoFile } from '../../services/analyze-video.js';
import { probeVideo } from '../../pose/ffmpeg-frames.js';
import { videoStills } from '../../pose/video-stills.js';
import type { GaitStillInfo } from '../../gait/gait-stills.js';
import type { PoseProgress } from '../../pose/frame.js';
import type { Store } from '../../store/db.js';
import { appendAudit } from '../../store/repos/audit.js';
import { insertGaitAnalysis } from '../../store/repos/gait-analyses.js';
import { deleteJobFile, writeJobFileTo } from '../../store/repos/job-files.js';
import { updateJob } from '../../store/repos/jobs.js';
import { compactKeypoints } from '../../gait/compact-keypoints.js';
import type { StoredGaitAnalysis } from '../../gait/gait-analysis-record.js';
import { refusal } from '../../core/refusal-words.js';
import { jobFailed, nothingMeasured, videoProblem, type VideoRefusal } from './video-errors.js';

/** The queue name of gait-video analyses. */
export const GAIT_VIDEO_JOB = 'gait-video-analysis';
/** The jobs table's `kind` of these jobs. */
export const GAIT_VIDEO_KIND = 'gait-video';
/** The audit log's entry for the analysis itself (the upload is recorded by the guard under its own route). */
export const GAIT_JOB_AUDIT = { method: 'JOB', route: '/api/gait-jobs/:id/analysis' } as const;

export interface GaitVideoJobData {
  jobId: string;
  personId: string;
  /** The uploaded file's name, as the person knows it (shown with results and errors). */
  name: string;
  view: 'auto' | 'side' | 'front' | 'back';
  heightCm: number | null;
  /** Treadmill belt speed, km/h (absent in jobs queued before it existed). */
  treadmillKmh?: number | null;
  /** When the video was recorded, as the uploader's device says (ISO 8601 with its offset). */
  recordedAt: string;
  recordedBy: string;
  /** Who uploaded: the patient, their clinician, or null (local mode), for the audit log. */
  actorAccountId: string | null;
  actorRole: string;
}

/** Progress in the jobs table: which pass and frames done of total (null while not known). */
export interface GaitJobProgress {
  phase: 'waiting' | 'preparing' | 'finding' | 'analysing' | 'saving' | 'done';
  done: number;
  total: number | null;
}

/**
 * The result of a finished job: the saved analysis (done) or what went wrong (failed), its English with its id
 * (`text`; a job that failed before the ids has the English only: job-failure.ts reads both).
 */
export type GaitJobResult =
  | {
      analysisId: string;
      sourceName: string;
      recordedAt: string;
      analysis: StoredGaitAnalysis;
      stills: GaitStillInfo[];
    }
  | { error: VideoRefusal };

let queue: Promise<void> = Promise.resolve();

/**
 * Runs one job; jobs of this process run one after another, because one analysis already uses a worker thread
 * per core (on PostgreSQL, pg-boss also hands each process one job at a time). Never throws: every outcome is
 * written to the job's row.
 */
export function runGaitVideoJob(store: Store, d: GaitVideoJobData): Promise<void> {
  const run = queue.then(() => analyse(store, d));
  queue = run.catch(() => {});
  return run;
}

async function analyse(store: Store, d: GaitVideoJobData): Promise<void> {
  const db = store.db;
  let dir: string | null = null;
  let pending: Promise<void> = Promise.resolve();
  let last = 0;
  const report = (p: GaitJobProgress) => {
    // At most twice a second: every process reads progress from the row, so it must be written, but not per frame.
    if (Date.now() - last < 500 && p.done !== p.total) return;
    last = Date.now();
    pending = pending.then(() => updateJob(db, d.jobId, { progress: { ...p } })).catch(() => {});
  };
  let outcome:
    | { status: 'done'; frames: number; save: (trx: typeof db) => Promise<GaitJobResult> }
    | { status: 'failed'; result: { error: VideoRefusal } };
  try {
    await updateJob(db, d.jobId, {
      status: 'running',
      progress: { phase: 'preparing', done: 0, total: null } satisfies GaitJobProgress,
    });
    // A private folder (mkdtemp: mode 0700) with a fixed file name: the uploaded name never reaches the file system.
    dir = await mkdtemp(join(tmpdir(), 'footing-gait-'));
    const file = join(dir, 'video');
    if ((await writeJobFileTo(db, d.jobId, file)) === 0) {
      outcome = {
        status: 'failed',
        result: {
          error: jobFailed('video_missing', refusal('video.missing', { name: d.name }), d.name),
        },
      };
    } else {
      const progress = (phase: GaitJobProgress['phase']) => (p: PoseProgress) =>
        report({ phase, done: p.done, total: p.total });
      // Probed once: the analysis and the stills read the same file with the same frame times.
      const probe = await probeVideo(file);
      const res = !probe.ok
        ? probe
        : await analyzeVideoFile(probe.value, {
            // Read on the gait screen: a warning names people as its list does, and says how to choose there.
            name: d.name,
            view: d.view,
            readOn: 'screen',
            ...(d.heightCm !== null ? { heightCm: d.heightCm } : {}),
            ...(d.treadmillKmh !== undefined && d.treadmillKmh !== null ? { treadmillKmh: d.treadmillKmh } : {}),
            onScanProgress: progress('finding'),
            onProgress: progress('analysing'),
          });
      if (!res.ok) {
        outcome = { status: 'failed', result: { error: videoProblem(res.error, d.name) } };
      } else if (Object.values(res.value.json.metrics).every((m) => m.value === null)) {
        outcome = { status: 'failed', result: { error: nothingMeasured(d.name, res.value.json.warnings) } };
      } else {
        const { json, series } = res.value;
        const { person, ...gait } = json;
        // The browser saves {...analysis JSON, roi}; the server adds whom it followed and that it ran here.
        const analysis: StoredGaitAnalysis = {
          ...gait,
          roi: person.roi ?? { x: 0, y: 0, width: series.width, height: series.height },
          person: { method: person.method, chosen: person.chosen, frames_analysed: person.frames_analysed },
          analysed_on: 'server',
        };
        const keypoints = compactKeypoints(series);
        // The stills of the key moments, pictured now: the video is deleted below. Without them the analysis is still saved.
        const stills = probe.ok ? await videoStills(probe.value, series, res.value.keyFrames).catch(() => []) : [];
        outcome = {
          status: 'done',
          frames: series.frames.length,
          save: async (trx) => {
            const rec = await insertGaitAnalysis(trx, d.personId, {
              recordedAt: d.recordedAt,
              recordedBy: d.recordedBy,
              sourceName: d.name,
              view: gait.view,
              analysis,
              keypoints,
              videoPath: null,
              stills,
            });
            await appendAudit(trx, {
              actorAccountId: d.actorAccountId,
              actorRole: d.actorRole,
              personId: d.personId,
              action: 'write',
              ...GAIT_JOB_AUDIT,
            });
            return {
              analysisId: rec.id,
              sourceName: d.name,
              recordedAt: d.recordedAt,
              analysis: rec.analysis,
              stills: rec.stills,
            };
          },
        };
      }
    }
  } catch {
    // Not logged: the error could name the person's file. The row says what happened in plain words.
    outcome = {
      status: 'failed',
      result: {
        error: jobFailed('internal', refusal('video.stopped', { name: d.name }), d.name),
      },
    };
  }
  // The video goes first, whatever happened, so that a job that reads as finished never still holds it.
  await deleteJobFile(db, d.jobId).catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true }).catch(() => {});
  await pending;
  try {
    if (outcome.status === 'done') {
      const { save, frames } = outcome;
      // The analysis, its audit entry and the job's end belong together.
      await db.transaction().execute(async (trx) => {
        const result = await save(trx);
        await updateJob(trx, d.jobId, {
          status: 'done',
          progress: { phase: 'done', done: frames, total: frames } satisfies GaitJobProgress,
          result,
        });
      });
    } else {
      await updateJob(db, d.jobId, { status: 'failed', result: outcome.result });
    }
  } catch {
    await updateJob(db, d.jobId, {
      status: 'failed',
      result: {
        error: jobFailed('internal', refusal('video.not-saved', { name: d.name }), d.name),
      },
    }).catch(() => {});
  }
}
