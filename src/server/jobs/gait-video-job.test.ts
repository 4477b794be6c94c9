import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import type { Store } from '../../store/db.js';
import { listAudit } from '../../store/repos/audit.js';
import { jobFileBytes, storeJobFile } from '../../store/repos/job-files.js';
import { createJob, getJob } from '../../store/repos/jobs.js';
import { ensureLocalPerson } from '../../store/repos/people.js';
import { GAIT_VIDEO_KIND, runGaitVideoJob, type GaitVideoJobData } from './gait-video-job.js';
import type { StoredGaitAnalysis } from '../../gait/gait-analysis-record.js';
import { panClip, twoWalkersClip, walk4k60Clip } from '../../../test/helpers/bad-gait-clips.js';
import { referenceCadence } from '../../../test/helpers/gait-test-clip.js';

// This test process's own temporary folder (os.tmpdir() reads TMPDIR on every call): other test files' jobs may
// run at the same time and would otherwise show up in the check below.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'footing-gvjob-'));
after(() => {
  rmSync(tmpdir(), { recursive: true, force: true });
});
const jobTempDirs = () =>
  readdirSync(tmpdir()).filter((n) => n.startsWith('footing-gait-') && !n.startsWith('footing-gait-upload-'));

// Clips a clinic makes by mistake (test/helpers/bad-gait-clips.ts), made once for both databases.
const clipDir = mkdtempSync(join(tmpdir(), 'footing-gvjob-clips-'));
const clips = (async () => ({
  pan: await panClip(clipDir),
  twoWalkers: await twoWalkersClip(clipDir),
  walk4k60: await walk4k60Clip(clipDir),
}))();
clips.catch(() => {}); // awaited by the tests that use them, which fail with the reason

// Bad input that reaches the job itself (the upload route refuses most bad files before a job exists; these are the
// files that get past it, or a job whose bytes are gone): each fails with a plain message, or is saved with the
// warnings that say what is wrong and what to do. A good video's whole run is in src/server/gait-video-api.test.ts.
for (const kind of DATABASES) {
  describe(`Gait video job, bad input, on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let personId: string;
    const dir = mkdtempSync(join(tmpdir(), 'footing-gvjob-test-'));
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

    const data = (jobId: string): GaitVideoJobData => ({
      jobId,
      personId,
      name: 'holiday.mov',
      view: 'auto',
      heightCm: null,
      recordedAt: '2026-11-25T10:00:00+01:00',
      recordedBy: 'me',
      actorAccountId: null,
      actorRole: 'local',
    });

    test("Bytes that are not a video: the job fails with the file's name and a plain message, and the bytes and temporary file are gone", async () => {
      const src = join(dir, 'junk');
      writeFileSync(src, Buffer.from('GIF89a not really anything\n'.repeat(100)));
      const jobId = await createJob(store.db, personId, GAIT_VIDEO_KIND);
      await storeJobFile(store.db, jobId, src);
      const before = new Set(jobTempDirs());
      await runGaitVideoJob(store, data(jobId));
      const job = (await getJob(store.db, personId, jobId))!;
      assert.equal(job.status, 'failed');
      const { error } = job.result as { error: { code: string; message: string; location: { file: string } } };
      assert.equal(error.code, 'not_a_video');
      assert.match(error.message, /^holiday\.mov: not a video we can read\./);
      assert.deepEqual(error.location, { file: 'holiday.mov' });
      assert.doesNotMatch(JSON.stringify(job.result), /ffprobe|\/tmp|footing-gait|at .*\.ts/);
      assert.equal(await jobFileBytes(store.db, jobId), 0);
      assert.deepEqual(
        jobTempDirs().filter((d) => !before.has(d)),
        [],
      );
      // Nothing was saved, so no analysis entry in the audit log.
      assert.equal((await listAudit(store.db, personId)).filter((e) => e.method === 'JOB').length, 0);
      assert.equal((await store.db.selectFrom('gait_analyses').select('id').execute()).length, 0);
    });

    /** Runs a job on a video ffmpeg makes from `input`; checks it failed with nothing measured, stored and saved, and returns its message. */
    const nothingMeasuredFrom = async (name: string, input: string[]): Promise<string> => {
      const src = join(dir, name);
      execFileSync('ffmpeg', ['-y', '-v', 'error', '-f', 'lavfi', '-i', ...input, '-pix_fmt', 'yuv420p', src]);
      const jobId = await createJob(store.db, personId, GAIT_VIDEO_KIND);
      await storeJobFile(store.db, jobId, src);
      await runGaitVideoJob(store, data(jobId));
      const job = (await getJob(store.db, personId, jobId))!;
      assert.equal(job.status, 'failed');
      const { error } = job.result as { error: { code: string; message: string } };
      assert.equal(error.code, 'nothing_measured');
      assert.equal(await jobFileBytes(store.db, jobId), 0);
      assert.equal((await store.db.selectFrom('gait_analyses').select('id').execute()).length, 0);
      return error.message;
    };

    test('A video of one frame: read, but nothing to measure, so the job fails with the reason and nothing is saved', async () => {
      // A real one-frame H.264 file, made here by Debian's ffmpeg (as CI installs it).
      const message = await nothingMeasuredFrom('one-frame.mp4', ['testsrc=size=320x240:rate=30', '-frames:v', '1']);
      assert.match(
        message,
        /^holiday\.mov: nothing could be measured, so nothing was saved\. The video is only 1 frame \(0\.0 s\) long/,
      );
      assert.match(message, /Record 10–20 seconds/);
    });

    test('A video with nobody in it: analysed without a crash, the job fails saying no person was found and how to film, nothing is saved', async () => {
      // 2.2 s (over the 2 s minimum, so the reason is the missing person, not the length) of ffmpeg's moving test pattern.
      const message = await nothingMeasuredFrom('empty.mp4', ['testsrc2=size=640x360:rate=30', '-t', '2.2']);
      assert.match(
        message,
        /^holiday\.mov: nothing could be measured, so nothing was saved\. No person was found walking in the video\./,
      );
      assert.match(message, /Film the whole body/);
    });

    /**
     * Runs a job on `file` that must end saved: the video's bytes and temporary folder gone, exactly one analysis and
     * one audit entry of the job added (nothing half-stored). Returns the saved analysis.
     */
    const savedFrom = async (file: string, extra: Partial<GaitVideoJobData> = {}): Promise<StoredGaitAnalysis> => {
      const jobId = await createJob(store.db, personId, GAIT_VIDEO_KIND);
      await storeJobFile(store.db, jobId, file);
      const dirsBefore = new Set(jobTempDirs());
      const rows = async () => (await store.db.selectFrom('gait_analyses').select('id').execute()).length;
      const audits = async () => (await listAudit(store.db, personId)).filter((e) => e.method === 'JOB').length;
      const [rowsBefore, auditsBefore] = [await rows(), await audits()];
      await runGaitVideoJob(store, { ...data(jobId), ...extra });
      const job = (await getJob(store.db, personId, jobId))!;
      assert.equal(job.status, 'done', JSON.stringify(job.result));
      assert.equal(await jobFileBytes(store.db, jobId), 0);
      assert.deepEqual(
        jobTempDirs().filter((d) => !dirsBefore.has(d)),
        [],
      );
      assert.deepEqual([await rows(), await audits()], [rowsBefore + 1, auditsBefore + 1]);
      return (job.result as { analysis: StoredGaitAnalysis }).analysis;
    };

    test('A camera panning across the walk: saved with the camera-moving warning and how to film again, no speed or step length', async () => {
      const a = await savedFrom((await clips).pan, { heightCm: 165 });
      const moving = a.warnings.find((w) => w.code === 'camera-moving');
      assert.ok(moving, JSON.stringify(a.warnings.map((w) => w.code)));
      assert.match(moving.message, /^The camera moved during the video/);
      assert.match(moving.advice, /^Stand the phone still/);
      for (const k of ['walking_speed_mps', 'step_length_m'] as const) {
        assert.equal(a.metrics[k]!.value, null, k);
        assert.match(a.metrics[k]!.reason ?? '', /camera moved/, k);
      }
    });

    test('Two people of the same size walking: saved, saying whom it followed as the gait screen numbers people, and how to choose the other there', async () => {
      const a = await savedFrom((await clips).twoWalkers);
      const w = a.warnings.find((x) => x.code === 'two-walkers');
      assert.ok(w, JSON.stringify(a.warnings.map((x) => x.code)));
      // The clip's walkers cross in opposite directions (the walk and its mirror image). The screen's "Person N" is the
      // scan's number + 1; the followed person's direction is the one the analysis of their steps found.
      const chosen = a.person!.chosen!;
      const m =
        /^Two people walk about as much in this video; Footing followed Person (\d+), who walks (left to right|right to left), not Person (\d+), who walks (left to right|right to left)\.$/.exec(
          w.message,
        );
      assert.ok(m, w.message);
      const [, followedN, followedDir, otherN, otherDir] = m;
      assert.equal(Number(followedN), chosen + 1);
      assert.notEqual(otherN, followedN);
      assert.equal(followedDir, a.direction.replace(/-/g, ' '));
      assert.notEqual(otherDir, followedDir);
      assert.equal(
        w.advice,
        `If that is the wrong person, analyse the video on this device instead, where you can choose Person ${otherN} under "Who should Footing follow?", or film with only the person to measure walking.`,
      );
      assert.doesNotMatch(w.advice, /--person/);
    });

    test("A 4K 60 fps walk: analysed at the model's size, every frame saved, cadence within the hand annotation's range", async () => {
      const clip = (await clips).walk4k60;
      const a = await savedFrom(clip.file, { view: 'side' });
      assert.deepEqual([a.fps, a.frames, a.view], [60, clip.frames, 'side']);
      const expected = referenceCadence(clip, 1);
      const cadence = a.metrics.cadence_spm!.value;
      assert.ok(
        cadence !== null && cadence >= expected.min && cadence <= expected.max,
        `cadence ${cadence} vs ${expected.min.toFixed(1)}-${expected.max.toFixed(1)}`,
      );
    });

    test('A job whose video is no longer stored fails and asks for the upload again', async () => {
      const jobId = await createJob(store.db, personId, GAIT_VIDEO_KIND);
      await runGaitVideoJob(store, data(jobId));
      const job = (await getJob(store.db, personId, jobId))!;
      assert.equal(job.status, 'failed');
      assert.equal((job.result as { error: { code: string } }).error.code, 'video_missing');
    });
  });
}
