/**
 * Stills and angle curves of a saved gait analysis (issue 13 part 2): saved with the analysis, listed without their
 * pictures, each picture read back byte for byte by the patient and by their clinician, oversized or mistyped ones
 * refused with the field named and nothing stored, and both kept through a backup and its restore.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { clinicApi } from '../../test/helpers/test-clinic.js';
import { analyzeGait } from '../gait/analyze-gait.js';
import { analysisToJson } from '../gait/analysis-json.js';
import type { KeypointSeries } from '../gait/keypoints.js';
import { parseBackup, restoreBackup } from '../store/backup.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { getGaitStill, listGaitAnalyses } from '../store/repos/gait-analyses.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/keypoints/sports2d_demo_walk_side.json', import.meta.url), 'utf8'),
) as KeypointSeries;
const analysis = JSON.parse(
  JSON.stringify(
    analysisToJson(analyzeGait(fixture), { name: 'walk.mp4', fps: fixture.fps, frames: fixture.frames.length }),
  ),
);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 9), Buffer.from([0xff, 0xd9])]);
const webp = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x20, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(2000, 3),
]);
const still = (side: 'left' | 'right', event: 'initial_contact' | 'toe_off', type: string, bytes: Buffer) => ({
  event,
  side,
  time: 3.867,
  frame: 116,
  angles: { hip_deg: 25.4, knee_deg: 10.7, ankle_deg: -6.7 },
  type,
  width: 270,
  height: 480,
  data: bytes.toString('base64'),
});
const body = (stills: object[]) => ({
  recordedAt: '2026-12-07T09:00:00+01:00',
  sourceName: 'walk.mp4',
  analysis,
  stills,
});

for (const kind of DATABASES) {
  describe(`Gait stills and curves on ${kind}`, () => {
    const world = clinicApi(kind);

    test('saved, listed without pictures, each picture read back by the patient and their clinician', async () => {
      assert.ok(analysis.angle_curves?.left?.knee_deg, 'the fixture has knee curves');
      const res = await world.as('patient', {
        method: 'POST',
        url: '/api/gait-analyses',
        payload: body([
          still('left', 'initial_contact', 'image/jpeg', jpeg),
          still('right', 'toe_off', 'image/webp', webp),
        ]),
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      const list = (await world.as('patient', { method: 'GET', url: '/api/gait-analyses' })).json() as Array<{
        id: string;
        stills: Array<Record<string, unknown>>;
        analysis: { angle_curves: unknown };
      }>;
      const saved = list.find((g) => g.id === id)!;
      assert.deepEqual(
        saved.stills.map((s) => [s.side, s.event, s.type, s.bytes, 'data' in s]),
        [
          ['left', 'initial_contact', 'image/jpeg', jpeg.length, false],
          ['right', 'toe_off', 'image/webp', webp.length, false],
        ],
      );
      assert.deepEqual(saved.analysis.angle_curves, analysis.angle_curves, 'the curves are stored as sent');
      const mine = await world.as('patient', { method: 'GET', url: `/api/gait-analyses/${id}/stills/1` });
      assert.equal(mine.statusCode, 200);
      assert.equal(mine.headers['content-type'], 'image/webp');
      assert.deepEqual(mine.rawPayload, webp);
      const pid = world.accounts.patient.personId!;
      const theirs = await world.as('clinicianOfClinic', {
        method: 'GET',
        url: `/api/patients/${pid}/gait-analyses/${id}/stills/0`,
      });
      assert.equal(theirs.headers['content-type'], 'image/jpeg');
      assert.deepEqual(theirs.rawPayload, jpeg);
      assert.equal(
        (await world.as('patient', { method: 'GET', url: `/api/gait-analyses/${id}/stills/2` })).statusCode,
        404,
      );
      assert.equal(
        (await world.as('otherPatient', { method: 'GET', url: `/api/gait-analyses/${id}/stills/0` })).statusCode,
        404,
        'another patient does not see it',
      );
    });

    test('an oversized or mistyped still is refused with the field named, and nothing is stored', async () => {
      const before = ((await world.as('patient', { method: 'GET', url: '/api/gait-analyses' })).json() as unknown[])
        .length;
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(80 * 1024 - 3, 1)]);
      const res = await world.as('patient', {
        method: 'POST',
        url: '/api/gait-analyses',
        payload: body([
          still('left', 'initial_contact', 'image/jpeg', jpeg),
          still('right', 'toe_off', 'image/jpeg', big),
        ]),
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().error, {
        code: 'invalid_input',
        field: 'body.stills.1.data',
        message:
          'body.stills.1.data: the picture is 80 kB; a still may be at most 60 kB (make it smaller or lower its quality on the device)',
      });
      const png = await world.as('patient', {
        method: 'POST',
        url: '/api/gait-analyses',
        payload: body([still('left', 'toe_off', 'image/jpeg', Buffer.from('\x89PNG\r\n\x1a\n0000000000'))]),
      });
      assert.equal(png.json().error.message, 'body.stills.0.data: is not a JPEG or WebP picture');
      assert.equal(
        ((await world.as('patient', { method: 'GET', url: '/api/gait-analyses' })).json() as unknown[]).length,
        before,
      );
    });

    test('stills and curves come back through a backup and its restore', async () => {
      const exported = await world.as('patient', { method: 'GET', url: '/api/export' });
      assert.equal(exported.statusCode, 200);
      const fresh = await freshStore(kind);
      try {
        const parsed = parseBackup(exported.body);
        assert.ok('backup' in parsed, JSON.stringify(parsed).slice(0, 300));
        const person = await ensureLocalPerson(fresh.store.db);
        assert.equal((await restoreBackup(fresh.store.db, person.id, parsed.backup)).gaitAnalyses, 1);
        const [restored] = await listGaitAnalyses(fresh.store.db, person.id);
        assert.deepEqual(restored!.analysis.angle_curves, analysis.angle_curves);
        assert.deepEqual((await getGaitStill(fresh.store.db, person.id, restored!.id, 1))?.bytes, webp);
      } finally {
        await fresh.cleanup();
      }
    });
  });
}
