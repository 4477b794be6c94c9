import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaitFindings, GAIT_MIN_CONFIDENCE_TO_INTERPRET } from './gait-findings.js';

const meta = { recordedAt: '2026-11-02T10:00:00Z', recordedBy: 'me' };
const range = (min: number, max: number) => ({ min, max, unit: 'u', source: 'DOMAIN.md' });

test('Metrics inside their reference are typical, outside notable, and low-confidence ones are not interpreted', () => {
  const { chain, wholeBody } = gaitFindings(
    {
      view: 'side',
      metrics: {
        cadence_spm: { value: 92, confidence: 0.8, reference: range(100, 120) },
        knee_flexion_peak_swing_deg: { value: 64, confidence: 0.8, reference: range(60, 70) },
        knee_flexion_initial_contact_deg: {
          value: 12,
          confidence: GAIT_MIN_CONFIDENCE_TO_INTERPRET - 0.01,
          reference: range(0, 5),
        },
        pelvic_drop_deg: { value: null, confidence: 0, reason: 'side view' },
      },
    },
    meta,
  );
  const cadence = wholeBody.find((f) => f.source === 'gait:cadence_spm')!;
  assert.equal(cadence.status, 'notable');
  assert.match(cadence.plain, /result of the pain/); // DOMAIN.md §1 1.10: a consequence, not a cause
  assert.equal(chain.find((f) => f.source === 'gait:knee_flexion_peak_swing_deg')!.status, 'typical');
  assert.equal(chain.find((f) => f.source === 'gait:knee_flexion_initial_contact_deg')!.status, 'not-interpretable');
  assert.equal(
    chain.some((f) => f.source === 'gait:pelvic_drop_deg'),
    false,
  ); // not measurable: not guessed
  assert.equal(chain.find((f) => f.source === 'gait:knee_flexion_peak_swing_deg')!.segment, 'knee');
});

test('Given a range stored with its source, when a finding is made, then its reference cites the source in words, never the file', () => {
  const { wholeBody } = gaitFindings(
    {
      view: 'side',
      metrics: {
        cadence_spm: {
          value: 110,
          confidence: 0.8,
          reference: { min: 100, max: 120, unit: 'steps/min', source: 'DOMAIN.md §2c [25]' },
        },
        walking_speed_mps: {
          value: 1.2,
          confidence: 0.8,
          reference: { min: 0.94, max: 1.43, unit: 'm/s', source: 'DOMAIN.md §2c [21][21a]' },
        },
      },
    },
    meta,
  );
  assert.deepEqual(
    wholeBody.map((f) => f.reference),
    ['100–120 steps/min (Hollman et al., 2011)', '0.94–1.43 m/s (Bohannon and Andrews, 2011; Andrews et al., 2023)'],
  );
});
