/**
 * The bytes a job works on (an uploaded video), kept in the database only while the job is queued or running,
 * so that whichever server process picks the job up can read them (migration 0009 says why not a shared folder).
 * Stored in chunks: no single SQL value ever holds a whole video.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { refusal, refusalEnglish } from '../../core/refusal-words.js';

/** The table of migration 0009 (declared here, beside its only users, rather than in the shared schema file). */
export interface JobFilesTable {
  job_id: string;
  seq: number;
  bytes: Uint8Array;
}
type Db = Kysely<Database & { job_files: JobFilesTable }>;
const withFiles = (db: Kysely<Database>): Db => db.withTables<{ job_files: JobFilesTable }>();

/** Chunk size: small enough for any driver to bind comfortably, large enough that a 100 MB video is 25 rows. */
export const JOB_FILE_CHUNK = 4 * 1024 * 1024;

/** Copies a file into the job's rows, in order. Run it inside the transaction that creates the job. */
export async function storeJobFile(db: Kysely<Database>, jobId: string, file: string): Promise<number> {
  const d = withFiles(db);
  let seq = 0;
  let total = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: JOB_FILE_CHUNK })) {
    const bytes = chunk as Buffer;
    await d.insertInto('job_files').values({ job_id: jobId, seq: seq++, bytes }).execute();
    total += bytes.length;
  }
  return total;
}

/** Writes the job's bytes to `file` (created private to this user). Returns the number of bytes, 0 when none. */
export async function writeJobFileTo(db: Kysely<Database>, jobId: string, file: string): Promise<number> {
  const d = withFiles(db);
  const seqs = await d.selectFrom('job_files').select('seq').where('job_id', '=', jobId).orderBy('seq').execute();
  const out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
  let total = 0;
  try {
    // One chunk at a time, so memory stays at one chunk whatever the video's size.
    for (const { seq } of seqs) {
      const row = await d
        .selectFrom('job_files')
        .select('bytes')
        .where('job_id', '=', jobId)
        .where('seq', '=', seq)
        .executeTakeFirstOrThrow();
      const buf = Buffer.from(row.bytes);
      total += buf.length;
      if (!out.write(buf)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return total;
}

/** Deletes the job's bytes (done, failed or abandoned). */
export async function deleteJobFile(db: Kysely<Database>, jobId: string): Promise<void> {
  await withFiles(db).deleteFrom('job_files').where('job_id', '=', jobId).execute();
}

/** How many bytes of uploads the database holds for this job, or for every job when no id is given (tests, checks). */
export async function jobFileBytes(db: Kysely<Database>, jobId?: string): Promise<number> {
  // length() of a blob (SQLite) or a bytea (PostgreSQL) is its size in bytes in both dialects.
  let q = withFiles(db)
    .selectFrom('job_files')
    .select(sql<number | string | null>`sum(length(bytes))`.as('n'));
  if (jobId) q = q.where('job_id', '=', jobId);
  const r = await q.executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Deletes uploads left behind by jobs that can no longer use them: jobs that ended (their own clean-up failed),
 * and jobs older than `maxAgeMs` (a process died with the job and the queue gave up on it); the latter are marked
 * failed. Returns the ids of the jobs whose bytes were deleted.
 */
export async function sweepJobFiles(db: Kysely<Database>, maxAgeMs: number, now = Date.now()): Promise<string[]> {
  const d = withFiles(db);
  const cutoff = new Date(now - maxAgeMs).toISOString();
  const rows = await d
    .selectFrom('job_files')
    .innerJoin('jobs', 'jobs.id', 'job_files.job_id')
    .select(['jobs.id', 'jobs.status', 'jobs.created_at'])
    .distinct()
    .where((eb) => eb.or([eb('jobs.status', 'in', ['done', 'failed']), eb('jobs.created_at', '<', cutoff)]))
    .execute();
  const abandoned = refusal('video.abandoned');
  for (const r of rows) {
    await d.deleteFrom('job_files').where('job_id', '=', r.id).execute();
    if (r.status !== 'done' && r.status !== 'failed') {
      await d
        .updateTable('jobs')
        .set({
          status: 'failed',
          result: JSON.stringify({
            // By id beside its English: the job routes say it in the reader's language (job-failure.ts).
            error: { code: 'abandoned', message: refusalEnglish(abandoned), text: abandoned },
          }),
          updated_at: new Date(now).toISOString(),
        })
        .where('id', '=', r.id)
        .execute();
    }
  }
  return rows.map((r) => r.id);
}
