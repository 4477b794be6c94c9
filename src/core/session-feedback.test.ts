import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterPainBand, highestScore, sessionFeedback } from './session-feedback.js';

test('the pain-monitoring bands: 0-2 safe, 3-5 acceptable, above 5 high (DOMAIN.md §8)', () => {
  assert.deepEqual([0, 2, 3, 5, 6, 10].map(afterPainBand), [
    'safe',
    'safe',
    'acceptable',
    'acceptable',
    'high',
    'high',
  ]);
});

test('the highest score given counts; none given is null', () => {
  assert.equal(highestScore({ back: 3, neck: null, foot: 6 }), 6);
  assert.equal(highestScore({ neck: 0 }), 0);
  assert.equal(highestScore({}), null);
  assert.equal(highestScore(undefined), null);
});

test('above 5 the end of a session says what to do, not "Well done"', () => {
  const f = sessionFeedback({ back: 4, foot: 7 });
  assert.equal(f.band, 'high');
  assert.equal(f.title, 'Your pain is above 5 out of 10: ease off');
  assert.ok(!/well done/i.test([f.title, ...f.lines].join(' ')));
  assert.match(
    f.lines[0]!,
    /^Pain of 7 out of 10 is above the limit of 5 for exercise\. Stop these exercises for today/,
  );
  assert.match(f.lines[2]!, /settle by the next morning.*contact your clinician/);
  assert.match(f.safetyPrompt!, /answer the safety questions again/);
  assert.deepEqual([f.claim.evidence, f.claim.refs], ['EO', ['46']]);
});

test('at 5 or less the session is praised only in the safe band; acceptable pain must settle by morning', () => {
  const ok = sessionFeedback({ back: 5 });
  assert.equal(ok.band, 'acceptable');
  assert.equal(ok.title, 'Your session is saved.');
  assert.match(
    ok.lines[0]!,
    /Pain of 5 out of 10 is acceptable during exercise, as long as it settles by tomorrow morning/,
  );
  assert.equal(ok.safetyPrompt, null);
  assert.equal(sessionFeedback({ neck: 2 }).title, 'Well done. Your session is saved.');
  assert.equal(sessionFeedback(undefined).band, null);
});
