/**
 * The smallest gait analysis Footing could store: a 10 s side walk at 30 fps (300 frames) with no events found and
 * one metric, a cadence of 104 steps/min (inside 0-400, src/gait/gait-analysis-record.ts). For the store's and the
 * backup's tests of the stored analysis validator.
 */
import type { StoredGaitAnalysis } from '../../src/gait/gait-analysis-record.js';

const none = { heel_strike: [], toe_off: [] };

export const MINIMAL_GAIT_ANALYSIS = {
  video: 'walk.mp4',
  fps: 30,
  frames: 300,
  view: 'side',
  direction: 'left-to-right',
  events: { left: none, right: none },
  metrics: { cadence_spm: { value: 104, confidence: 0.8 } },
  warnings: [],
  tracks: [],
  track_id: null,
} as unknown as StoredGaitAnalysis; // metric names typed by hand, not as analysis-json.ts lists them
