/**
 * Gait video analysis on the server, when the person chooses it: the video goes up with XMLHttpRequest (fetch has
 * no upload progress), then the analysis job is polled to its end. The shapes are those of
 * src/server/routes/gait-job-routes.ts and src/server/jobs/gait-video-job.ts; keep them in step.
 */
import type { GaitAnalysisJson } from '../../../src/gait/analysis-json.js';
import type { KeypointSeries } from '../../../src/gait/keypoints.js';
import type { GaitStillInfo } from '../../../src/gait/gait-stills.js';
import { api, ApiError } from './client.js';
import { pause, uploadForJob } from './upload-job.js';
import { i18n } from '../i18n/i18n.js';

/** The analysis as the server saved it: the analysis JSON, the box it followed, and where it ran. */
export type ServerGaitAnalysis = GaitAnalysisJson & {
  roi: { x: number; y: number; width: number; height: number };
  analysed_on: 'server';
};

/** A video problem the server names: a code, a plain message, the file (and frame when known). */
export interface GaitJobProblem {
  code: string;
  message: string;
  location: { file: string; frame?: number };
}

export interface GaitJob {
  id: string;
  kind: 'gait-video';
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: {
    phase?: 'waiting' | 'preparing' | 'finding' | 'analysing' | 'saving' | 'done';
    done?: number;
    total?: number | null;
  };
  /** stills: the key moments pictured by the server before it deleted the video (absent in jobs finished before them). */
  result:
    | {
        analysisId: string;
        sourceName: string;
        recordedAt: string;
        analysis: ServerGaitAnalysis;
        stills?: GaitStillInfo[];
      }
    | { error: GaitJobProblem }
    | null;
}

/** What the page shows while it waits: sending the bytes, then the server's passes over the frames. */
export type GaitJobProgress =
  | { phase: 'upload'; done: number; total: number }
  | { phase: 'queued' | 'preparing' | 'finding' | 'analysing'; done: number; total: number | null };

export interface GaitJobOptions {
  view: 'auto' | 'side' | 'front' | 'back';
  heightCm: number | null;
  /** Treadmill belt speed, km/h, or null for a walk on the floor. */
  treadmillKmh: number | null;
  /** When the video was recorded (ISO 8601 with offset), saved with the analysis. */
  recordedAt: string;
  onProgress: (p: GaitJobProgress) => void;
  signal?: AbortSignal;
  pollMs?: number;
}

/** The finished analysis, or the server's reason it could not be made (the job failed). */
export type GaitJobOutcome =
  | { ok: true; analysisId: string; analysis: ServerGaitAnalysis; stills: GaitStillInfo[] }
  | { ok: false; problem: GaitJobProblem };

/** Uploads the person's own video and waits for its analysis. Upload refusals (size, not a video) throw ApiError. */
export async function analyseOnServer(file: Blob & { name: string }, opts: GaitJobOptions): Promise<GaitJobOutcome> {
  const q = new URLSearchParams({ name: file.name || 'video', view: opts.view, recordedAt: opts.recordedAt });
  if (opts.heightCm !== null) q.set('heightCm', String(opts.heightCm));
  if (opts.treadmillKmh !== null) q.set('treadmillKmh', String(opts.treadmillKmh));
  const jobId = await uploadForJob(`/api/gait-jobs?${q}`, file, {
    // i18n-ignore: a URL, not text
    contentType: file.type.startsWith('video/') ? file.type : 'application/octet-stream',
    abortedMessage: i18n.t('app:api.uploadStopped'),
    onProgress: (done, total) => opts.onProgress({ phase: 'upload', done, total }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  for (;;) {
    if (opts.signal?.aborted) throw new ApiError(0, 'aborted', i18n.t('app:api.stoppedWaiting'));
    const job = await api<GaitJob>('GET', `/api/jobs/${encodeURIComponent(jobId)}`);
    if (job.status === 'done' && job.result && 'analysisId' in job.result)
      return {
        ok: true,
        analysisId: job.result.analysisId,
        analysis: job.result.analysis,
        stills: job.result.stills ?? [],
      };
    if (job.status === 'failed' || job.status === 'done') {
      const problem =
        job.result && 'error' in job.result
          ? job.result.error
          : { code: 'internal', message: i18n.t('app:api.analysisUnfinished'), location: { file: file.name } };
      return { ok: false, problem };
    }
    const phase =
      job.status === 'queued'
        ? 'queued'
        : job.progress.phase === 'finding' || job.progress.phase === 'analysing'
          ? job.progress.phase
          : 'preparing';
    opts.onProgress({ phase, done: job.progress.done ?? 0, total: job.progress.total ?? null });
    await pause(opts.pollMs ?? 500, opts.signal, i18n.t('app:api.stoppedWaitingAnalysis'));
  }
}

/** The body points of a saved analysis (for the skeleton over the video). */
export function gaitKeypoints(analysisId: string): Promise<KeypointSeries> {
  return api<KeypointSeries>('GET', `/api/gait-analyses/${encodeURIComponent(analysisId)}/keypoints`);
}
