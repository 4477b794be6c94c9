import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp, withApiApp } from '../../test/helpers/api-app.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));

for (const kind of DATABASES) {
  describe(`Assessment, explanation and the reacting program on ${kind}`, () => {
    const api = apiApp(kind);
    const post = (url: string, payload: object) => api.app.inject({ method: 'POST', url, payload });
    const get = (url: string) => api.app.inject({ method: 'GET', url });

    test('A screening result with a bad value is refused naming the field', async () => {
      const res = await post('/api/assessment/screening', {
        testId: 'navicular-drop',
        values: { left: -3 },
        recordedAt: '2026-11-02T10:00:00+00:00',
        recordedBy: 'me',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.field, 'values.left');
    });

    test('A navicular drop of 12 mm (DOMAIN.md §5: >10 mm read as excessive pronation) makes the foot link notable', async () => {
      const res = await post('/api/assessment/screening', {
        testId: 'navicular-drop',
        values: { left: 12, right: 7 },
        recordedAt: '2026-11-02T10:00:00+00:00',
        recordedBy: 'me',
      });
      assert.equal(res.statusCode, 201);
      const findings = res.json().findings as { side: string; status: string; segment: string }[];
      assert.equal(findings.find((f) => f.side === 'left')?.status, 'notable');
      assert.equal(findings.find((f) => f.side === 'right')?.status, 'typical');
      await post('/api/assessment/pain-map', {
        marks: [
          { region: 'low-back', side: 'centre', intensity: 6, view: 'back' },
          { region: 'neck', side: 'right', intensity: 3, view: 'back' },
        ],
        recordedAt: '2026-11-02T10:05:00+00:00',
        recordedBy: 'me',
      });
      const explain = (await get('/api/explain?date=2026-11-02')).json();
      const links = explain.explanation.links as {
        from: string;
        to: string;
        status: string;
        evidence: string;
        missing: string[];
      }[];
      assert.deepEqual(
        links.map((l) => `${l.from}>${l.to}`),
        ['foot>ankle', 'ankle>knee', 'knee>hip', 'hip>pelvis', 'pelvis>sacrum', 'sacrum>spine', 'spine>neck'],
      );
      const foot = links[0]!;
      assert.equal(foot.status, 'mixed'); // one notable side, one typical side
      assert.equal(foot.evidence, 'LAB');
      assert.equal(links[1]!.status, 'missing');
      assert.ok(links[1]!.missing.includes('weight-bearing-lunge'));
      assert.equal(links[6]!.evidence, 'HYP'); // spine -> neck is a hypothesis (DOMAIN.md §1 1.12)
      assert.deepEqual(explain.explanation.painSegments, ['neck', 'spine']);
    });

    test('An ODI entered as section scores is scored: [2,3,1,0,4,2,1,3,2,-] sums to 18 of 45 = 40.0 (moderate)', async () => {
      const res = await post('/api/assessment/outcomes', {
        measure: 'odi',
        input: { sections: [2, 3, 1, 0, 4, 2, 1, 3, 2, null] },
        recordedAt: '2026-11-02T10:10:00+00:00',
        recordedBy: 'me',
      });
      assert.equal(res.statusCode, 201);
      assert.equal(res.json().score.score, 40);
      assert.equal(res.json().score.band, 'moderate');
      const bad = await post('/api/assessment/outcomes', {
        measure: 'odi',
        input: { sections: [2, 3, 1, 0, 9, 2, 1, 3, 2, 1] },
        recordedAt: '2026-11-02T10:10:00+00:00',
        recordedBy: 'me',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.field, /sections\[4\]/);
    });

    test('Two weeks of sessions with rising pain during sessions make the program regress, with the reason', async () => {
      const start = '2026-11-02';
      assert.equal((await post(`/api/screen?date=${start}`, { answers: allNo() })).statusCode, 201);
      // Week 1: sessions every day, pain steady and low: after 7 days the program moves to stage 2.
      for (let d = 0; d < 8; d++) {
        const date = addDays(start, d);
        await post('/api/checkins', { at: `${date}T07:00:00+00:00`, context: 'daily', back: 3 });
        await post('/api/sessions', {
          clientId: `rise-${date}`,
          startedAt: `${date}T18:00:00+00:00`,
          completedAt: `${date}T18:10:00+00:00`,
          items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 120 }],
          painBefore: { back: 3 },
          painAfter: { back: 2 },
        });
        await get(`/api/today?date=${date}`);
      }
      const atEight = (await get(`/api/today?date=${addDays(start, 7)}`)).json();
      assert.equal(atEight.program.stage, 2, JSON.stringify(atEight.decision));
      // Week 2: pain during sessions climbs to 7/10 (above the pain-monitoring model's 5/10).
      for (let d = 8; d < 14; d++) {
        const date = addDays(start, d);
        await post('/api/checkins', { at: `${date}T07:00:00+00:00`, context: 'daily', back: 3 + (d - 8) });
        await post('/api/sessions', {
          clientId: `rise-${date}`,
          startedAt: `${date}T18:00:00+00:00`,
          completedAt: `${date}T18:10:00+00:00`,
          items: [{ exercise: 'pinky-toe-lift', position: 'sitting', completed: true, setsDone: 2, repsDone: 20 }],
          painBefore: { back: 3 },
          painAfter: { back: Math.min(10, 3 + (d - 8)) },
        });
        await get(`/api/today?date=${date}`);
      }
      const progress = (await get(`/api/progress?date=${addDays(start, 13)}`)).json();
      const regress = (
        progress.events as { action: string; fromStage: number; toStage: number; reasons: { rule: string }[] }[]
      ).find((e) => e.action === 'regress');
      assert.ok(regress, 'a regression event exists');
      assert.equal(regress.fromStage, 2);
      assert.equal(regress.toStage, 1);
      assert.ok(regress.reasons.some((r) => r.rule === 'activity-pain-high' || r.rule === 'morning-pain-rise'));
      const explain = (await get(`/api/explain?date=${addDays(start, 13)}`)).json();
      assert.ok(['hold', 'regress'].includes(explain.decision.action));
    });

    test('The latest pain areas come from whichever screen marked them last: a check-in after the map, then a new map', async () => {
      // The pain map of 2 Nov (lower back 6, neck 3) was the latest; a check-in on 1 Dec marks the left heel and the right hand.
      const regions = [
        { region: 'heel', side: 'left', intensity: 5, view: 'back' },
        { region: 'hand', side: 'right', intensity: 3, view: 'front', type: 'tingling' },
      ];
      assert.equal(
        (await post('/api/checkins', { at: '2026-12-01T08:00:00+01:00', context: 'daily', neck: 4, regions }))
          .statusCode,
        201,
      );
      const fromCheckin = {
        marks: regions,
        source: 'checkin',
        recordedAt: '2026-12-01T08:00:00+01:00',
        recordedBy: 'me',
      };
      assert.deepEqual((await get('/api/assessment')).json().latestPain, fromCheckin);
      const explain = (await get('/api/explain?date=2026-12-01')).json();
      assert.deepEqual(explain.painAreas, fromCheckin);
      // The heel is on the foot link; the hand is on no link of the chain (listed, but the chain says nothing about it).
      assert.deepEqual(explain.explanation.painSegments, ['foot']);
      assert.deepEqual(explain.explanation.links[0].pain, [regions[0]]);
      await post('/api/assessment/pain-map', {
        marks: [{ region: 'forearm', side: 'left', intensity: 2, view: 'front' }],
        recordedAt: '2026-12-02T10:00:00+00:00',
        recordedBy: 'Sam Okafor',
      });
      const latest = (await get('/api/assessment')).json().latestPain;
      assert.deepEqual([latest.source, latest.recordedBy, latest.marks.length], ['pain-map', 'Sam Okafor', 1]);
    });
  });
}

describe("The day's decision is stable", () => {
  test('After a regression is applied, reloading today still shows the regression and its reasons', async () => {
    await withApiApp('sqlite', {}, async (app) => {
      const start = '2026-11-02';
      await app.inject({ method: 'POST', url: `/api/screen?date=${start}`, payload: { answers: allNo() } });
      for (let d = 0; d < 8; d++) {
        const date = addDays(start, d);
        await app.inject({
          method: 'POST',
          url: '/api/checkins',
          payload: { at: `${date}T07:00:00+00:00`, context: 'daily', back: 3 },
        });
        await app.inject({
          method: 'POST',
          url: '/api/sessions',
          payload: {
            clientId: `stable-${date}`,
            startedAt: `${date}T18:00:00+00:00`,
            completedAt: `${date}T18:10:00+00:00`,
            items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 120 }],
            painAfter: { back: 2 },
          },
        });
        await app.inject({ method: 'GET', url: `/api/today?date=${date}` });
      }
      const day = addDays(start, 8);
      // Stage 2 since day 7; the first session there hurts (7/10, above the pain-monitoring model's 5/10).
      await app.inject({
        method: 'POST',
        url: '/api/sessions',
        payload: {
          clientId: `stable-${day}-0`,
          startedAt: `${day}T06:00:00+00:00`,
          completedAt: `${day}T06:10:00+00:00`,
          items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 120 }],
          painAfter: { back: 7 },
        },
      });
      const first = (await app.inject({ method: 'GET', url: `/api/today?date=${day}` })).json();
      const again = (await app.inject({ method: 'GET', url: `/api/today?date=${day}` })).json();
      assert.equal(first.decision.action, 'regress');
      assert.deepEqual(again.decision.action, 'regress');
      assert.deepEqual(again.decision.reasons, first.decision.reasons);
      assert.equal(again.program.stage, 1);
    });
  });
});
