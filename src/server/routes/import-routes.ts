/**
 * Walking-file uploads from the web app: the body streams to a private temporary file (never buffered whole),
 * the import runs as a job whose progress the page polls, and the temporary file is deleted afterwards. The import
 * history (every file imported, newest first, with what it did) is read here too, by the person and by their
 * clinician.
 */
import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { says } from '../../core/validation-words.js';
import { importJson } from '../../importers/import-report.js';
import type { Store } from '../../store/db.js';
import { importWalkingFile } from '../../services/import-walking.js';
import { assertOpenProgram } from '../../services/clinician-service.js';
import { ServiceError } from '../../services/service-error.js';
import { getProgram } from '../../store/repos/program.js';
import { listImports, PAST_IMPORTS_MAX } from '../../store/repos/imports.js';
import { createJob, getJob, updateJob } from '../../store/repos/jobs.js';
import { access } from '../access.js';
import { badRequest, notFound, Problem } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { todayFrom } from '../request-date.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { importFailure, jobIn } from '../jobs/job-failure.js';
import { requestLanguage } from '../request-language.js';
import { receiveUpload, safeUploadName, sizeText, sweepUploads } from './receive-upload.js';

/** The queue name of walking-file imports. The uploaded file sits in this machine's temporary folder, so with
 * several server machines the upload and the import must run on the same one (several processes on one machine
 * share it). */
const IMPORT_JOB = 'walking-import';

/** Default upload limit for walking files. The largest real Apple Health exports seen are 1-2 GB (the import bench
 * reads 1 GB); a FIT, GPX, TCX or Fitbit CSV is far smaller. */
export const IMPORT_MAX_BYTES = 4 * 1024 ** 3;
const UPLOAD_PREFIX = 'footing-upload-';
/** Upload folders whose import never ended (the process died) are deleted after this long. */
const ABANDONED_AFTER_MS = 6 * 3600_000;

const ImportQuery = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine((n) => safeUploadName(n) !== null, says('file.own-name')),
    strict: z.enum(['true', 'false']).default('false'),
    offset: z
      .string()
      .regex(/^[+-]\d{2}:?\d{2}$/, says('offset.form'))
      .optional(),
    /** Whose rows of a Fitbit CSV that holds several people (a study export). */
    fitbitId: z
      .string()
      .regex(/^\d{1,20}$/, says('fitbit.id'))
      .optional(),
    /** `adopt`: take the program's stage and a clinician's walking setting from a FHIR file's CarePlan and Goal. */
    program: z.enum(['adopt']).optional(),
    /** The person's calendar date (the page sends its own), for the program events of an adopted program. */
    date: z.string().optional(),
  })
  .strict();

/** How many past imports: the newest first. */
const HistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(PAST_IMPORTS_MAX).default(20) }).strict();

export interface ImportJobData {
  jobId: string;
  personId: string;
  file: string;
  dir: string;
  name: string;
  strict: boolean;
  offsetMinutes: number | null;
  fitbitId?: string | null;
  adoptProgram?: boolean;
  today?: string;
}

export interface ImportRouteOptions {
  maxBytes?: number;
}

export async function registerImportRoutes(
  app: FastifyInstance,
  store: Store,
  queue: JobQueue,
  opts: ImportRouteOptions = {},
): Promise<void> {
  const maxBytes = opts.maxBytes ?? IMPORT_MAX_BYTES;
  const tooLarge = () =>
    new Problem(413, 'file_too_large', refusal('import.too-large', { size: sizeText(maxBytes) }), 'body');
  await queue.on<ImportJobData>(IMPORT_JOB, (d) => runImport(store, d));
  await sweepUploads(UPLOAD_PREFIX, ABANDONED_AFTER_MS).catch(() => 0);
  const sweep = setInterval(() => {
    void sweepUploads(UPLOAD_PREFIX, ABANDONED_AFTER_MS).catch(() => 0);
  }, 3600_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
  });
  await app.register(async (scope) => {
    // Raw bytes: the parser hands the request stream through untouched.
    scope.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/api/imports', { config: access('self'), schema: { querystring: ImportQuery } }, async (req, reply) => {
      if (!req.headers['content-type']?.startsWith('application/octet-stream'))
        throw badRequest(refusal('import.octet-stream'), 'content-type');
      // Taking a program from the file needs this person's own started program: refused before the upload is read.
      if (req.query.program === 'adopt') assertOpenProgram(await getProgram(store.db, req.personId));
      // The person's own date, as every other event gets it (request-date.ts): checked before the upload is read.
      const today = todayFrom(req.query.date);
      const { dir, file } = await receiveUpload(req, reply, {
        prefix: UPLOAD_PREFIX,
        fileName: safeUploadName(req.query.name)!,
        maxBytes,
        tooLarge,
      });
      // From here the job owns the folder (runImport removes it); until the job is queued, this request does.
      try {
        const jobId = await createJob(store.db, req.personId, 'import');
        const m = req.query.offset ? /^([+-])(\d{2}):?(\d{2})$/.exec(req.query.offset) : null;
        const offsetMinutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
        await queue.send<ImportJobData>(IMPORT_JOB, {
          jobId,
          personId: req.personId,
          file,
          dir,
          name: req.query.name,
          strict: req.query.strict === 'true',
          offsetMinutes: offsetMinutes ?? null,
          fitbitId: req.query.fitbitId ?? null,
          adoptProgram: req.query.program === 'adopt',
          today,
        });
        return await reply.status(202).send({ jobId });
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
    });
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/imports', { config: access('self'), schema: { querystring: HistoryQuery } }, async (req) =>
    listImports(store.db, req.personId, req.query.limit),
  );
  r.get(
    '/api/patients/:personId/imports',
    {
      config: access('clinician-of-patient'),
      schema: { params: z.object({ personId: z.string().min(1).max(100) }), querystring: HistoryQuery },
    },
    async (req) => listImports(store.db, req.personId, req.query.limit),
  );
  r.get(
    '/api/jobs/:id',
    { config: access('self'), schema: { params: z.object({ id: z.string().uuid(says('id.of', { what: 'job' })) }) } },
    async (req) => {
      // A running import in this process reports from memory: on SQLite its transaction holds the connection.
      const live = inMemoryProgress.get(req.params.id);
      if (live && liveOwner.get(req.params.id) === req.personId)
        return { id: req.params.id, kind: 'import', status: 'running', progress: live, result: null };
      const job = await getJob(store.db, req.personId, req.params.id);
      if (!job) throw notFound(refusal('job.not-found'));
      return jobIn(job, requestLanguage(req));
    },
  );
}

/** Runs one import job to its end (the queue's handler; exported for the tests of a job that fails). */
export async function runImport(store: Store, job: ImportJobData): Promise<void> {
  const { personId, jobId, file, dir, name, strict } = job;
  let last = 0;
  let progress = { bytes: 0, total: null as number | null };
  liveOwner.set(jobId, personId);
  inMemoryProgress.set(jobId, progress);
  try {
    await updateJob(store.db, jobId, { status: 'running' });
    const result = await importWalkingFile(store, personId, file, {
      mode: strict ? 'strict' : 'lenient',
      fileName: name,
      ...(job.offsetMinutes !== null ? { offsetMinutes: job.offsetMinutes } : {}),
      ...(job.fitbitId ? { id: job.fitbitId } : {}),
      ...(job.adoptProgram ? { adoptProgram: true } : {}),
      ...(job.today ? { today: job.today } : {}),
      // The server's main thread answers requests: it does not read half of a large export as `footing import` does.
      split: 'never',
      onBytes: (bytes: number, total: number | null) => {
        progress = { bytes, total };
        // The job row is written at most twice a second; on SQLite the import holds the connection, so progress
        // written from inside it would wait: it is kept in memory and flushed by the poll below instead.
        if (Date.now() - last > 500) {
          last = Date.now();
          inMemoryProgress.set(jobId, progress);
          if (store.config.kind === 'postgres') void updateJob(store.db, jobId, { progress }).catch(() => {});
        }
      },
    } as Parameters<typeof importWalkingFile>[3]);
    // The upload is gone before the job says it ended: whoever sees 'done' or 'failed' sees no file left behind.
    await rm(dir, { recursive: true, force: true });
    await updateJob(store.db, jobId, {
      status: result.summary.ok ? 'done' : 'failed',
      progress: { ...progress, bytes: progress.total ?? progress.bytes },
      result: importJson(name, result.summary, result),
    });
  } catch (e) {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
    // A refusal of the use case (the program to take over was stopped meanwhile) says why; anything else is internal.
    // Kept by id beside its English: GET /api/jobs/:id says it in the reader's language (job-failure.ts).
    const text =
      e instanceof ServiceError ? refusal('job.import-refused', { refusal: e.said }) : refusal('job.import-internal');
    await updateJob(store.db, jobId, { status: 'failed', result: importFailure(text) }).catch(() => {});
  } finally {
    inMemoryProgress.delete(jobId);
    liveOwner.delete(jobId);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Progress of imports running in this process (see runImport), and whose they are. */
export const inMemoryProgress = new Map<string, { bytes: number; total: number | null }>();
const liveOwner = new Map<string, string>();
