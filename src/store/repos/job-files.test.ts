import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import type { Store } from '../db.js';
import { createJob, getJob, updateJob } from './jobs.js';
import {
  deleteJobFile,
  JOB_FILE_CHUNK,
  jobFileBytes,
  storeJobFile,
  sweepJobFiles,
  writeJobFileTo,
} from './job-files.js';
import { ensureLocalPerson } from './people.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const kind of DATABASES) {
  describe(`Job files on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let personId: string;
    const dir = mkdtempSync(join(tmpdir(), 'footing-jobfiles-test-'));
    before(async () => {
      const f = await freshStore(kind);
      store = f.store;
      cleanup = f.cleanup;
      personId = (await ensureLocalPerson(store.db)).id;
    });
    after(async () => {
      await cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    test('A file over several chunks comes back byte for byte, into a private file, and is gone once deleted', async () => {
      const bytes = randomBytes(2 * JOB_FILE_CHUNK + 12_345); // three chunks, the last one partial
      const src = join(dir, 'in');
      writeFileSync(src, bytes);
      const jobId = await createJob(store.db, personId, 'test');
      assert.equal(await storeJobFile(store.db, jobId, src), bytes.length);
      assert.equal(await jobFileBytes(store.db, jobId), bytes.length);
      const out = join(dir, 'out');
      assert.equal(await writeJobFileTo(store.db, jobId, out), bytes.length);
      assert.equal(sha(readFileSync(out)), sha(bytes));
      assert.equal(statSync(out).mode & 0o777, 0o600);
      await deleteJobFile(store.db, jobId);
      assert.equal(await jobFileBytes(store.db, jobId), 0);
      assert.equal(await writeJobFileTo(store.db, jobId, join(dir, 'out2')), 0);
    });

    test("The sweep deletes the bytes of ended and of abandoned jobs, marks the abandoned failed, and keeps a fresh queued job's", async () => {
      const src = join(dir, 'small');
      writeFileSync(src, randomBytes(1000));
      const ended = await createJob(store.db, personId, 'test');
      const fresh = await createJob(store.db, personId, 'test');
      const old = await createJob(store.db, personId, 'test');
      for (const id of [ended, fresh, old]) await storeJobFile(store.db, id, src);
      await updateJob(store.db, ended, { status: 'done' });
      await store.db
        .updateTable('jobs')
        .set({ created_at: new Date(Date.now() - 7 * 3600_000).toISOString() })
        .where('id', '=', old)
        .execute();
      const swept = await sweepJobFiles(store.db, 6 * 3600_000);
      assert.deepEqual(swept.sort(), [ended, old].sort());
      assert.equal(await jobFileBytes(store.db, fresh), 1000);
      assert.equal((await jobFileBytes(store.db, ended)) + (await jobFileBytes(store.db, old)), 0);
      const abandoned = (await getJob(store.db, personId, old))!;
      assert.equal(abandoned.status, 'failed');
      assert.deepEqual(abandoned.result, {
        error: {
          code: 'abandoned',
          message: 'The analysis did not finish in time, so the video was deleted. Please try again.',
          text: { id: 'video.abandoned', params: {} },
        },
      });
      assert.equal((await getJob(store.db, personId, ended))!.status, 'done');
    });

    test('Deleting the job deletes its bytes with it (foreign key cascade)', async () => {
      const src = join(dir, 'c');
      writeFileSync(src, randomBytes(500));
      const id = await createJob(store.db, personId, 'test');
      await storeJobFile(store.db, id, src);
      await store.db.deleteFrom('jobs').where('id', '=', id).execute();
      assert.equal(await jobFileBytes(store.db, id), 0);
    });
  });
}
