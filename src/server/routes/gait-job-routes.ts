/**
 * Gait video analysis on the server, only when the person (or their clinician, filming them) chooses to upload:
 * on-device analysis stays the default in the web app. The upload streams to a private temporary file with a size
 * limit, is checked with ffprobe (a file that is not a readable video is refused at once, with its name), then
 * moves into the database with a new job, so any server process can run it (migration 0009 says why). The page
 * polls the job's progress; the job deletes the video when it ends (src/server/jobs/gait-video-job.ts).
 */
import { rm } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { says } from '../../core/validation-words.js';
import { TREADMILL_KMH_RANGE } from '../../gait/analyze-gait.js';
import { probeVideo } from '../../pose/ffmpeg-frames.js';
import type { Store } from '../../store/db.js';
import { getGaitKeypoints } from '../../store/repos/gait-keypoints.js';
import { storeJobFile, sweepJobFiles } from '../../store/repos/job-files.js';
import { createJob, getJob } from '../../store/repos/jobs.js';
import { access } from '../access.js';
import { isoDateTime } from '../api-schemas.js';
import { GAIT_VIDEO_JOB, GAIT_VIDEO_KIND, runGaitVideoJob, type GaitVideoJobData } from '../jobs/gait-video-job.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { jobIn } from '../jobs/job-failure.js';
import { requestLanguage } from '../request-language.js';
import { videoProblem } from '../jobs/video-errors.js';
import { notFound, Problem } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { receiveUpload, sizeText } from './receive-upload.js';

/** Default upload limit. A 20 s phone video at 1080p is about 30-50 MB; 10-20 s of walking is all the analysis needs. */
export const GAIT_VIDEO_MAX_BYTES = 100 * 1024 * 1024;
/** The longest video the server analyses: the pose model costs about a second of CPU per frame pair on a small
 * server, and 10-20 s of walking is enough (docs/filming-guide.md). */
export const GAIT_VIDEO_MAX_SECONDS = 60;
/** Uploads whose job never ended (a process died and the queue gave up) are deleted after this long. */
const ABANDONED_AFTER_MS = 6 * 3600_000;

const GaitJobQuery = z
  .object({
    name: z.string().trim().min(1).max(255).default('video'),
    view: z.enum(['auto', 'side', 'front', 'back']).default('auto'),
    heightCm: z.coerce
      .number()
      .min(50, says('height.range', { min: 50, max: 250 }))
      .max(250, says('height.range', { min: 50, max: 250 }))
      .optional(),
    treadmillKmh: z.coerce
      .number()
      .min(TREADMILL_KMH_RANGE.min, says('belt-speed.range', TREADMILL_KMH_RANGE))
      .max(TREADMILL_KMH_RANGE.max, says('belt-speed.range', TREADMILL_KMH_RANGE))
      .optional(),
    recordedAt: isoDateTime.optional(),
  })
  .strict();
const PatientParams = z.object({ personId: z.string().min(1).max(100) });
const JobParams = z.object({ id: z.string().uuid(says('id.of', { what: 'job' })) });
const AnalysisParams = z.object({ id: z.string().uuid(says('id.of', { what: 'gait-analysis' })) });

const tooLarge = (max: number) =>
  new Problem(413, 'video_too_large', refusal('video.too-large', { size: sizeText(max) }), 'body');

export interface GaitJobRouteOptions {
  maxBytes?: number;
}

export async function registerGaitJobRoutes(
  app: FastifyInstance,
  store: Store,
  queue: JobQueue,
  opts: GaitJobRouteOptions = {},
): Promise<void> {
  const maxBytes = opts.maxBytes ?? GAIT_VIDEO_MAX_BYTES;
  await queue.on<GaitVideoJobData>(GAIT_VIDEO_JOB, (d) => runGaitVideoJob(store, d));
  await sweepJobFiles(store.db, ABANDONED_AFTER_MS).catch(() => {});
  const sweep = setInterval(() => {
    void sweepJobFiles(store.db, ABANDONED_AFTER_MS).catch(() => {});
  }, 3600_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
  });

  /** Receives the video, checks it, and queues its analysis for `req.personId`. */
  async function upload(req: FastifyRequest, reply: FastifyReply, q: z.infer<typeof GaitJobQuery>, recordedBy: string) {
    const type = req.headers['content-type'] ?? '';
    if (!/^(video\/[\w.+-]+|application\/octet-stream)\b/.test(type)) {
      throw new Problem(415, 'unsupported_media_type', refusal('video.send-file'), 'content-type');
    }
    // A fixed file name: the uploaded name never reaches the file system.
    const { dir, file, bytes } = await receiveUpload(req, reply, {
      prefix: 'footing-gait-upload-',
      fileName: 'video',
      maxBytes,
      tooLarge: () => tooLarge(maxBytes),
    });
    try {
      if (bytes === 0) throw new Problem(400, 'empty_upload', refusal('video.empty', { name: q.name }), 'body');
      const probe = await probeVideo(file);
      if (!probe.ok) {
        const p = videoProblem(probe.error, q.name);
        throw new Problem(400, p.code, p.text, 'body');
      }
      const seconds = probe.value.times.at(-1) ?? 0;
      if (seconds > GAIT_VIDEO_MAX_SECONDS) {
        throw new Problem(
          400,
          'video_too_long',
          refusal('video.too-long', { name: q.name, seconds: Math.round(seconds), max: GAIT_VIDEO_MAX_SECONDS }),
          'body',
        );
      }
      // The job and its bytes appear together or not at all.
      const jobId = await store.db.transaction().execute(async (trx) => {
        const id = await createJob(trx, req.personId, GAIT_VIDEO_KIND);
        await storeJobFile(trx, id, file);
        return id;
      });
      const account = req.auth.account;
      await queue.send<GaitVideoJobData>(GAIT_VIDEO_JOB, {
        jobId,
        personId: req.personId,
        name: q.name,
        view: q.view,
        heightCm: q.heightCm ?? null,
        treadmillKmh: q.treadmillKmh ?? null,
        recordedAt: q.recordedAt ?? new Date().toISOString(),
        recordedBy,
        actorAccountId: account?.id ?? null,
        actorRole: account ? (account.role === 'patient' ? 'patient' : account.role) : 'local',
      });
      return reply.status(202).send({ jobId, frames: probe.value.times.length });
    } finally {
      // The upload's own copy; the job writes a fresh one from the database wherever it runs.
      await rm(dir, { recursive: true, force: true });
    }
  }

  await app.register(async (scope) => {
    // Raw bytes: the request stream goes through untouched (and unbuffered) to the size check and the file.
    const raw = (_req: unknown, payload: unknown, done: (err: Error | null, body?: unknown) => void) =>
      done(null, payload);
    scope.addContentTypeParser('application/octet-stream', raw);
    scope.addContentTypeParser(/^video\//, raw);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/api/gait-jobs', { config: access('self'), schema: { querystring: GaitJobQuery } }, (req, reply) =>
      upload(req, reply, req.query, 'me'),
    );
    r.post(
      '/api/patients/:personId/gait-jobs',
      { config: access('clinician-of-patient'), schema: { params: PatientParams, querystring: GaitJobQuery } },
      (req, reply) => upload(req, reply, req.query, req.auth.account!.displayName),
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  // A clinician follows the job they started for their patient (the patient uses GET /api/jobs/:id).
  r.get(
    '/api/patients/:personId/jobs/:id',
    { config: access('clinician-of-patient'), schema: { params: PatientParams.merge(JobParams) } },
    async (req) => {
      const job = await getJob(store.db, req.personId, req.params.id);
      if (!job) throw notFound(refusal('job.not-found'));
      return jobIn(job, requestLanguage(req));
    },
  );
  // The body points of one saved analysis, for the skeleton over the video (the analyses list leaves them out).
  r.get(
    '/api/gait-analyses/:id/keypoints',
    { config: access('self'), schema: { params: AnalysisParams } },
    async (req) => {
      const k = await getGaitKeypoints(store.db, req.personId, req.params.id);
      if (k === null) throw notFound(refusal('gait.no-keypoints'));
      return k;
    },
  );
}
