/**
 * A saved side-view gait analysis and its keypoints, as the report API tests post them (report-api, report-still-api).
 * Heel strikes at 0.5 and 1.6 s (left) and 1.05 s (right): the middle one is the right one at 1.05 s. Cadence 104
 * steps/min against 100-120 (DOMAIN.md [25]); walking speed 0.9 m/s against 1.2-1.4 ([21]); pelvic drop not
 * measurable from the side.
 */
import { execFileSync } from 'node:child_process';
import { LANDMARKS } from '../../src/gait/keypoints.js';

export const REPORT_GAIT_ANALYSIS = {
  video: 'walk-side.mp4',
  fps: 30,
  frames: 60,
  view: 'side',
  direction: 'left-to-right',
  setting: 'overground',
  mode: 'walk',
  events: { left: { heel_strike: [0.5, 1.6], toe_off: [1.1] }, right: { heel_strike: [1.05], toe_off: [0.55, 1.65] } },
  metrics: {
    cadence_spm: {
      value: 104,
      confidence: 0.8,
      n: 8,
      reference: { min: 100, max: 120, unit: 'steps/min', source: '[25]' },
    },
    walking_speed_mps: {
      value: 0.9,
      confidence: 0.6,
      n: 8,
      reference: { min: 1.2, max: 1.4, unit: 'm/s', source: '[21]' },
    },
    pelvic_drop_deg: { value: null, confidence: 0, reason: 'needs a view from the front or back' },
  },
  warnings: [],
  tracks: [],
  track_id: null,
};

/** Three frames; the middle heel strike of the events is at 1.05 s, so the still is the frame at 1.00 s (nearer than 1.20). */
const person = (dx: number) => ({
  score: 0.9,
  image: LANDMARKS.map((_, i) => ({ x: 300 + dx + (i % 3) * 10, y: 40 + i * 9, visibility: 0.9 })),
  world: null,
});
export const REPORT_GAIT_KEYPOINTS = {
  model: 'test',
  width: 640,
  height: 360,
  fps: 30,
  frames: [0, 1, 1.2].map((time, index) => ({ index, time, people: [person(index * 5)] })),
};

/** A plain picture of one colour (e.g. '0x00ff00'), 120 × 160, WebP as the browser saves stills: made by ffmpeg (libwebp). */
export const colourWebp = (colour: string): Buffer =>
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `color=c=${colour}:s=120x160`,
    '-frames:v',
    '1',
    '-c:v',
    'libwebp',
    '-f',
    'webp',
    'pipe:1',
  ]);
