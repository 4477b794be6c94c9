import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DATABASES } from '../../test/helpers/databases.js';
import { listAudit } from '../store/repos/audit.js';
import { jobFileBytes } from '../store/repos/job-files.js';
import { buildApp } from './app.js';
import { TEST_AUTH, type Identity, clinicApi } from '../../test/helpers/test-clinic.js';
import { cutWalkClip, referenceCadence, type WalkClip } from '../../test/helpers/gait-test-clip.js';

/**
 * Cadence tolerance: one video frame (33 ms) of mean step time beyond the range the hand annotation allows
 * (test/helpers/gait-test-clip.ts referenceCadence). The analysis reports 120 / median stride time, and on this 4.6 s
 * cut (6 steps) the median moves by a frame (about 5 steps/min) with small pose changes, so issue 5's 2 steps/min
 * (met on the whole recording) is not a fair target for the cut. A wrong walker or strides counted as steps
 * (about half the cadence) are far outside it.
 */
const CADENCE_SLACK_FRAMES = 1;

interface Job {
  id: string;
  kind: string;
  status: string;
  progress: { phase?: string; done?: number; total?: number | null };
  result: Record<string, unknown> | null;
}

// This test process's own temporary folder (os.tmpdir() reads TMPDIR on every call), so that the check that the
// upload and the job leave nothing behind cannot see the folders of test files running beside it.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'footing-gvapi-'));
// The job's folder for the video and the stills' folder for their frames and drawings.
const gaitTempDirs = () =>
  new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('footing-gait-') || n.startsWith('footing-stills-')));

/** Polls a job to its end; returns it with every progress it showed on the way. */
async function follow(poll: () => Promise<Job>): Promise<{ job: Job; seen: Job['progress'][] }> {
  const seen: Job['progress'][] = [];
  for (let i = 0; i < 600; i++) {
    const job = await poll();
    seen.push(job.progress);
    if (job.status === 'done' || job.status === 'failed') return { job, seen };
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('the job did not finish in 90 s');
}

let clip: WalkClip;
before(async () => {
  clip = await cutWalkClip();
});
after(() => {
  rmSync(tmpdir(), { recursive: true, force: true });
});

for (const kind of DATABASES) {
  describe(`Gait video analysis on the server, ${kind}`, () => {
    const world = clinicApi(kind);
    let personId: string;
    before(() => {
      personId = world.accounts.patient.personId!;
    });

    const send = (who: Identity, url: string, body: Buffer, type = 'video/mp4') =>
      world.as(who, { method: 'POST', url, payload: body, headers: { 'content-type': type } });

    // SQLite: the patient uploads their own video; PostgreSQL: their clinician films them. Both run the whole job.
    const uploader: Identity = kind === 'sqlite' ? 'patient' : 'clinicianOfClinic';
    const uploadUrl = () => (kind === 'sqlite' ? '/api/gait-jobs' : `/api/patients/${personId}/gait-jobs`);
    const jobUrl = (id: string) => (kind === 'sqlite' ? `/api/jobs/${id}` : `/api/patients/${personId}/jobs/${id}`);

    test(
      `A video uploaded by the ${uploader} is analysed as a job with rising progress, saved as the patient's gait analysis, and deleted`,
      { timeout: 90_000 },
      async () => {
        const dirsBefore = gaitTempDirs();
        const res = await send(
          uploader,
          `${uploadUrl()}?name=walk.mp4&view=side&heightCm=165&recordedAt=2026-11-25T09:00:00%2B01:00`,
          clip.bytes,
        );
        assert.equal(res.statusCode, 202, res.body);
        const { jobId, frames } = res.json() as { jobId: string; frames: number };
        // Until the job ends the video waits in the database (any server process may run it), byte for byte.
        assert.equal(await jobFileBytes(world.store.db, jobId), clip.bytes.length);
        assert.equal(frames, clip.lastFrame - clip.firstFrame + 1); // 4.6 s at 30 fps
        const { job, seen } = await follow(
          async () => (await world.as(uploader, { method: 'GET', url: jobUrl(jobId) })).json() as Job,
        );
        assert.equal(job.status, 'done', JSON.stringify(job.result));
        assert.equal(job.kind, 'gait-video');

        // Progress rose: frames done never went down within a pass, and at least one poll saw the pose pass part way.
        const analysing = seen.filter((p) => p.phase === 'analysing').map((p) => p.done!);
        assert.ok(
          analysing.some((d) => d > 0),
          `progress seen: ${JSON.stringify(seen.slice(0, 40))}`,
        );
        for (let i = 1; i < analysing.length; i++)
          assert.ok(analysing[i]! >= analysing[i - 1]!, `progress went down: ${analysing.join(',')}`);
        assert.deepEqual(job.progress, { phase: 'done', done: frames, total: frames });

        // The result against the hand annotation of the same frames (test/fixtures/gait-reference), not against itself.
        const result = job.result as {
          analysisId: string;
          analysis: {
            view: string;
            metrics: Record<string, { value: number | null }>;
            events: Record<'left' | 'right', { heel_strike: number[] }>;
            analysed_on: string;
          };
        };
        // 7 contacts from frame 40 [39, 41] to 152 [151, 153]: 6 steps of 18.33-19 frames, ± 1 frame: 90.0-103.8 steps/min.
        const expected = referenceCadence(clip, CADENCE_SLACK_FRAMES);
        const cadence = result.analysis.metrics.cadence_spm!.value;
        assert.ok(
          cadence !== null && cadence >= expected.min && cadence <= expected.max,
          `cadence ${cadence} vs reference ${expected.min.toFixed(1)}-${expected.max.toFixed(1)}`,
        );
        assert.equal(result.analysis.view, 'side');
        assert.equal(result.analysis.analysed_on, 'server');
        // (Event timing against the annotation is the gait analysis's own business: src/cli/analyze-command.test.ts.)
        // Height was used: walking speed is measured (it needs a scale).
        assert.equal(typeof result.analysis.metrics.walking_speed_mps!.value, 'number');

        // Saved as the patient's analysis, as the web app saves one: readable by the patient, with its body points.
        const list = (await world.as('patient', { method: 'GET', url: '/api/gait-analyses' })).json() as Array<{
          id: string;
          sourceName: string;
          recordedAt: string;
          hasKeypoints: boolean;
          videoKept: boolean;
          recordedBy: string;
        }>;
        const saved = list.find((a) => a.id === result.analysisId);
        assert.ok(saved, "the analysis is in the patient's list");
        assert.equal(saved.sourceName, 'walk.mp4');
        assert.equal(saved.recordedAt, '2026-11-25T09:00:00+01:00');
        assert.equal(saved.hasKeypoints, true);
        assert.equal(saved.videoKept, false);
        assert.equal(saved.recordedBy, kind === 'sqlite' ? 'me' : world.accounts.clinicianOfClinic.displayName);
        const kp = (
          await world.as('patient', { method: 'GET', url: `/api/gait-analyses/${result.analysisId}/keypoints` })
        ).json() as { frames: unknown[] };
        assert.equal(kp.frames.length, frames);

        // The stills of the key moments, pictured by the server before it deleted the video: the hand annotation has a
        // whole stride of each foot in these frames (contacts 40, 78, 116, 152 near; 60, 97, 133 far), so each foot's
        // initial contact, mid stance and toe off; each a JPEG within the limit, served to the patient as saved.
        const stills = (job.result as { stills: Array<{ side: string; event: string; type: string; bytes: number }> })
          .stills;
        assert.deepEqual(stills.map((s) => `${s.side} ${s.event}`).sort(), [
          'left initial_contact',
          'left mid_stance',
          'left toe_off',
          'right initial_contact',
          'right mid_stance',
          'right toe_off',
        ]);
        for (const [i, s] of stills.entries()) {
          const pic = await world.as('patient', {
            method: 'GET',
            url: `/api/gait-analyses/${result.analysisId}/stills/${i}`,
          });
          assert.equal(pic.statusCode, 200);
          assert.equal(pic.headers['content-type'], 'image/jpeg');
          assert.equal(pic.rawPayload.length, s.bytes);
          assert.ok(s.bytes <= 60 * 1024);
          assert.deepEqual([...pic.rawPayload.subarray(0, 3)], [0xff, 0xd8, 0xff]);
        }

        // Nothing of the video remains: no bytes in the database, no temporary folder left by the upload or the job.
        assert.equal(await jobFileBytes(world.store.db), 0);
        const left = [...gaitTempDirs()].filter((d) => !dirsBefore.has(d));
        assert.deepEqual(left, []);

        // The person's audit log has the upload (by whoever sent it) and the analysis saved by the job.
        const audit = await listAudit(world.store.db, personId);
        const actor = world.accounts[uploader as 'patient'].id;
        assert.ok(
          audit.some(
            (e) =>
              e.route === uploadUrl().replace(personId, ':personId') &&
              e.action === 'write' &&
              e.actorAccountId === actor,
          ),
          'upload audited',
        );
        assert.ok(
          audit.some(
            (e) =>
              e.route === '/api/gait-jobs/:id/analysis' &&
              e.method === 'JOB' &&
              e.action === 'write' &&
              e.actorAccountId === actor,
          ),
          'analysis audited',
        );
      },
    );

    test('A file that is not a video is refused at once with its name and a plain message, and nothing is kept', async () => {
      const jobsBefore = (await world.store.db.selectFrom('jobs').select('id').execute()).length;
      const res = await send(
        'patient',
        '/api/gait-jobs?name=notes.mp4',
        Buffer.from('these are my notes, not a video\n'.repeat(50)),
      );
      assert.equal(res.statusCode, 400);
      const { error } = res.json() as { error: { code: string; message: string; field: string } };
      assert.equal(error.code, 'not_a_video');
      assert.match(error.message, /^notes\.mp4: not a video we can read\./);
      assert.doesNotMatch(res.body, /ffprobe|tmp|\/at |Error:/); // no tool output, server path or stack trace
      assert.equal((await world.store.db.selectFrom('jobs').select('id').execute()).length, jobsBefore);
      assert.equal(await jobFileBytes(world.store.db), 0);

      const empty = await send('patient', '/api/gait-jobs?name=empty.mp4', Buffer.alloc(0));
      assert.equal(empty.statusCode, 400);
      const json = await world.as('patient', { method: 'POST', url: '/api/gait-jobs', payload: { video: 'x' } });
      assert.equal(json.statusCode, 415);
      const badView = await send('patient', '/api/gait-jobs?view=diagonal', clip.bytes);
      assert.equal(badView.statusCode, 400);
      assert.match(badView.json().error.message, /querystring\.view/);
    });

    test('A video over the size limit is refused with 413 and a clear message', async () => {
      const small = await buildApp({ store: world.store, webRoot: null, auth: TEST_AUTH, gaitVideoMaxBytes: 100_000 });
      try {
        const s = await world.session(world.accounts.patient);
        const res = await small.inject({
          method: 'POST',
          url: '/api/gait-jobs?name=walk.mp4',
          payload: clip.bytes,
          headers: { 'content-type': 'video/mp4', cookie: s.cookie, 'x-csrf-token': s.csrf },
        });
        assert.equal(res.statusCode, 413);
        assert.equal(res.json().error.code, 'video_too_large');
        assert.match(res.json().error.message, /^The video is larger than 98 KB\. Trim it/); // 100,000 / 1,024 = 97.7
        assert.equal(await jobFileBytes(world.store.db), 0);

        // Without a declared length (a chunked upload), the limit is counted while the bytes arrive: still a 413.
        await small.listen({ port: 0, host: '127.0.0.1' });
        const port = (small.server.address() as { port: number }).port;
        let sent = 0;
        const body = new ReadableStream({
          pull(c) {
            if (sent >= 400_000) c.close();
            else {
              sent += 16_384;
              c.enqueue(new Uint8Array(16_384));
            }
          },
        });
        const chunked = await fetch(`http://127.0.0.1:${port}/api/gait-jobs?name=big.mp4`, {
          method: 'POST',
          headers: { 'content-type': 'video/mp4', cookie: s.cookie, 'x-csrf-token': s.csrf },
          body,
          duplex: 'half',
        } as RequestInit);
        assert.equal(chunked.status, 413);
        assert.equal(((await chunked.json()) as { error: { code: string } }).error.code, 'video_too_large');
        assert.equal(await jobFileBytes(world.store.db), 0);
      } finally {
        await small.close();
      }
    });

    test('Others are refused: anonymous, another patient, a clinician of another clinic, the clinic admin', async () => {
      assert.equal((await send('anonymous', '/api/gait-jobs', clip.bytes)).statusCode, 401);
      for (const who of ['clinicianOtherClinic', 'clinicAdmin'] as const) {
        const res = await send(who, `/api/patients/${personId}/gait-jobs`, clip.bytes);
        assert.equal(res.statusCode, 404, `${who}: ${res.body}`);
        assert.equal(res.json().error.code, 'not_your_patient');
      }
      const other = await send('otherPatient', `/api/patients/${personId}/gait-jobs`, clip.bytes);
      assert.equal(other.statusCode, 403);
      // A finished job of this patient is not found for another patient, nor for a clinician of another clinic.
      const jobId = (
        await world.store.db
          .selectFrom('jobs')
          .select('id')
          .where('person_id', '=', personId)
          .where('kind', '=', 'gait-video')
          .executeTakeFirstOrThrow()
      ).id;
      assert.equal((await world.as('patient', { method: 'GET', url: `/api/jobs/${jobId}` })).statusCode, 200);
      assert.equal((await world.as('otherPatient', { method: 'GET', url: `/api/jobs/${jobId}` })).statusCode, 404);
      assert.equal(
        (await world.as('clinicianOtherClinic', { method: 'GET', url: `/api/patients/${personId}/jobs/${jobId}` }))
          .statusCode,
        404,
      );
      const analysisId = (
        await world.store.db
          .selectFrom('gait_analyses')
          .select('id')
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow()
      ).id;
      assert.equal(
        (await world.as('otherPatient', { method: 'GET', url: `/api/gait-analyses/${analysisId}/keypoints` }))
          .statusCode,
        404,
      );
      // None of the refused uploads left a job or bytes behind.
      assert.equal(
        (await world.store.db.selectFrom('jobs').select('id').where('kind', '=', 'gait-video').execute()).length,
        1,
      );
      assert.equal(await jobFileBytes(world.store.db), 0);
    });
  });
}
