import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp } from '../../test/helpers/api-app.js';

// Two videos of one visit (a side and a back video, minutes apart) and an older video: the chain explanation
// fills each link from the video that measures it and says which; the older visit does not mix in.
const ref = (min: number, max: number, source = 'DOMAIN.md §2c [26]') => ({ min, max, unit: 'deg', source });
const nm = (reason: string) => ({ value: null, confidence: 0, reason });
const analysis = (view: string, metrics: Record<string, object>) => ({
  video: `${view}.mp4`,
  fps: 30,
  frames: 300,
  view,
  direction: view === 'side' ? 'right-to-left' : 'away',
  setting: 'overground',
  mode: 'walk',
  events: { left: { heel_strike: [], toe_off: [] }, right: { heel_strike: [], toe_off: [] } },
  metrics,
  warnings: [],
  tracks: [],
  track_id: 1,
});
const save = (app: FastifyInstance, recordedAt: string, sourceName: string, a: object) =>
  app.inject({
    method: 'POST',
    url: '/api/gait-analyses',
    payload: { recordedAt, recordedBy: 'me', sourceName, analysis: a },
  });

for (const kind of DATABASES) {
  describe(`A visit's side and back videos in one chain on ${kind}`, () => {
    const api = apiApp(kind);

    test('knee from the side video, pelvis and trunk from the back video, each saying which', async () => {
      // An older visit with a pelvic drop that must not be used.
      assert.equal(
        (
          await save(
            api.app,
            '2026-11-20T09:00:00+01:00',
            'old-back.mp4',
            analysis('back', { pelvic_drop_deg: { value: 2, confidence: 0.9 } }),
          )
        ).statusCode,
        201,
      );
      assert.equal(
        (
          await save(
            api.app,
            '2026-12-06T10:02:00+01:00',
            'side.mp4',
            analysis('side', {
              knee_flexion_peak_swing_deg: { value: 52, confidence: 0.7, left: 51, right: 53, reference: ref(60, 70) },
              pelvic_drop_deg: nm('Pelvic drop is a front- or back-view measure.'),
            }),
          )
        ).statusCode,
        201,
      );
      assert.equal(
        (
          await save(
            api.app,
            '2026-12-06T10:05:00+01:00',
            'back.mp4',
            analysis('back', {
              knee_flexion_peak_swing_deg: nm('Knee flexion is a side-view measure.'),
              pelvic_drop_deg: { value: 7.5, confidence: 0.5, left: 7, right: 8 },
              trunk_lean_deg: { value: 1.2, confidence: 0.6 },
            }),
          )
        ).statusCode,
        201,
      );
      const ex = (await api.app.inject({ method: 'GET', url: '/api/explain?date=2026-12-06' })).json() as {
        explanation: { links: Array<{ from: string; to: string; finding: string; status: string }> };
      };
      const link = (from: string) => ex.explanation.links.find((l) => l.from === from)!;
      assert.match(link('knee').finding, /Peak knee bend in swing: 52 ° — .*\(side-view video side\.mp4\)/);
      assert.match(link('pelvis').finding, /Pelvic drop: 7\.5 ° — .*\(back-view video back\.mp4\)/);
      assert.doesNotMatch(link('pelvis').finding, /old-back|: 2 °/);
      assert.match(link('spine').finding, /Trunk side lean: 1\.2 ° — .*\(back-view video back\.mp4\)/);
      assert.notEqual(link('pelvis').status, 'missing');
    });
  });
}
