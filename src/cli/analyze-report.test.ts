import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CADENCE_RANGE, GAIT_SPEED_RANGE } from '../gait/reference-ranges.js';
import { formatReport, metricLines } from './analyze-report.js';
import type { VideoAnalysisJson } from '../services/analyze-video.js';

const none = { heel_strike: [], toe_off: [] };
const report: VideoAnalysisJson = {
  video: 'walk.mp4',
  fps: 30,
  frames: 240,
  view: 'side',
  direction: 'left-to-right',
  events: { left: { heel_strike: [1.2, 2.3], toe_off: [] }, right: none },
  metrics: {
    cadence_spm: { value: 104, confidence: 0.8, reference: CADENCE_RANGE },
    walking_speed_mps: { value: 1.1, confidence: 0.6, reference: GAIT_SPEED_RANGE },
    stance_pct: { value: null, confidence: 0, reason: 'no toe offs seen' },
  },
  warnings: [],
  tracks: [],
  track_id: 1,
  person: { method: 'roi', roi: { x: 0, y: 0, width: 100, height: 200 }, chosen: null, candidates: [] },
};

test('Given measured metrics with typical ranges, when listed, then each range reads with its sources by author and year', () => {
  assert.deepEqual(metricLines(report.metrics), [
    'Metric                              Value       Confidence  Typical',
    'cadence_spm                         104         0.80        100–120 steps/min (Hollman et al., 2011)',
    'walking_speed_mps                   1.1         0.60        0.94–1.43 m/s (Bohannon and Andrews, 2011; Andrews et al., 2023)',
    'stance_pct                          not measurable no toe offs seen',
  ]);
});

test('Given a report, when printed, then it ends with the full reference of each source cited, once, and names no file', () => {
  const text = formatReport(report);
  assert.ok(
    text.endsWith(
      [
        'References',
        '- Hollman et al., 2011: Hollman JH, McDade EM, Petersen RC (2011). Normative spatiotemporal gait parameters in older adults. Gait Posture 2011;34(1):111–8. https://doi.org/10.1016/j.gaitpost.2011.03.024',
        '- Bohannon and Andrews, 2011: Bohannon RW, Andrews AW (2011). Normal walking speed: descriptive meta-analysis. Physiotherapy 2011;97(3):182–9. https://doi.org/10.1016/j.physio.2010.12.004',
        '- Andrews et al., 2023: Andrews AW, Vallabhajosula S, Boise S, Bohannon RW (2023). Normal gait speed varies by age and sex but not by geographical region. J Physiother 2023;69:47–52. https://doi.org/10.1016/j.jphys.2022.11.005',
        '',
      ].join('\n'),
    ),
    text,
  );
  assert.doesNotMatch(text, /DOMAIN|§/);
});
