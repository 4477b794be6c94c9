import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestGaitSession, sessionGaitFindings, type SavedGait } from './gait-session.js';

const range = (min: number, max: number, source = 'DOMAIN.md §2c [26]') => ({ min, max, unit: 'x', source });
const nm = { value: null, confidence: 0, reason: 'not from this view' };

// A clinic visit: a side video (sagittal knee angles, cadence) and a back video (pelvic drop, trunk lean) filmed
// minutes apart; and an older side video from another day that must not mix in.
const side: SavedGait = {
  id: 's',
  recordedAt: '2026-12-06T10:02:00+01:00',
  recordedBy: 'clinician',
  sourceName: 'side.mp4',
  analysis: {
    view: 'side',
    mode: 'walk',
    metrics: {
      cadence_spm: { value: 104, confidence: 0.8, reference: range(100, 120, 'DOMAIN.md §2c [25]') },
      knee_flexion_peak_swing_deg: { value: 52, confidence: 0.7, reference: range(60, 70) },
      pelvic_drop_deg: nm,
    },
  },
};
const back: SavedGait = {
  id: 'b',
  recordedAt: '2026-12-06T10:05:00+01:00',
  recordedBy: 'clinician',
  sourceName: 'back.mp4',
  analysis: {
    view: 'back',
    mode: 'walk',
    metrics: {
      cadence_spm: { value: 98, confidence: 0.4, reference: range(100, 120, 'DOMAIN.md §2c [25]') },
      knee_flexion_peak_swing_deg: nm,
      pelvic_drop_deg: { value: 7.5, confidence: 0.5 },
      trunk_lean_deg: { value: 1.2, confidence: 0.6 },
    },
  },
};
const older: SavedGait = {
  ...side,
  id: 'o',
  recordedAt: '2026-11-20T09:00:00+01:00',
  sourceName: 'old.mp4',
  analysis: { view: 'side', metrics: { pelvic_drop_deg: { value: 2, confidence: 0.9 } } },
};

test('the latest visit is the analyses of the latest local date, oldest first', () => {
  assert.deepEqual(
    latestGaitSession([back, older, side]).map((g) => g.id),
    ['s', 'b'],
  );
  assert.deepEqual(latestGaitSession([]), []);
});

test('each metric comes from the video that measures it best, and says which video', () => {
  const { chain, wholeBody } = sessionGaitFindings(latestGaitSession([older, side, back]));
  const by = (source: string) => [...chain, ...wholeBody].find((f) => f.source === source)!;
  assert.equal(by('gait:knee_flexion_peak_swing_deg').value, '52 °');
  assert.equal(by('gait:knee_flexion_peak_swing_deg').measuredFrom, 'side-view video side.mp4');
  assert.equal(by('gait:pelvic_drop_deg').value, '7.5 °');
  assert.equal(by('gait:pelvic_drop_deg').measuredFrom, 'back-view video back.mp4');
  assert.equal(by('gait:pelvic_drop_deg').segment, 'pelvis');
  assert.equal(by('gait:trunk_lean_deg').segment, 'spine');
  // Cadence was measured by both: the side video's 0.8 confidence beats the back video's 0.4.
  assert.equal(by('gait:cadence_spm').value, '104 steps/min');
  assert.equal(chain.filter((f) => f.source === 'gait:pelvic_drop_deg').length, 1, 'one finding per metric');
});

test('a single video needs no "measured from"; a run is never compared with walking ranges; split sides are shown as such', () => {
  const run: SavedGait = {
    ...side,
    analysis: {
      view: 'side',
      mode: 'run',
      metrics: {
        cadence_spm: { value: 168, confidence: 0.6 },
        knee_flexion_initial_contact_deg: {
          value: null,
          confidence: 0,
          left: 8.2,
          right: 31.5,
          reason: 'sides disagree',
        },
      },
    },
  };
  const { chain, wholeBody } = sessionGaitFindings([run]);
  const cadence = wholeBody.find((f) => f.source === 'gait:cadence_spm')!;
  assert.equal(cadence.measuredFrom, undefined);
  assert.equal(cadence.status, 'not-interpretable');
  assert.match(cadence.reference, /for walking/);
  const knee = chain.find((f) => f.source === 'gait:knee_flexion_initial_contact_deg')!;
  assert.equal(knee.value, 'left 8.2 °, right 31.5 °');
  assert.equal(knee.side, 'both');
  assert.equal(knee.status, 'not-interpretable');
});
