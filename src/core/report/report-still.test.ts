/** Which saved still stands for an analysis in the report, and its caption (report-still.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { representativeStill, stillCaption } from './report-still.js';

const s = (event: 'initial_contact' | 'mid_stance' | 'toe_off', time: number) => ({ event, time });

test('the initial contact nearest the middle heel strike; else the first initial contact; else the earliest still', () => {
  // Heel strikes 0.4 (left), 1.0 (right), 1.7 (left): the middle one is 1.0; contacts at 0.4 and 1.1: 1.1 is nearer.
  const events = { left: { heel_strike: [0.4, 1.7] }, right: { heel_strike: [1.0] } };
  assert.equal(
    representativeStill([s('initial_contact', 0.4), s('toe_off', 1.0), s('initial_contact', 1.1)], events),
    2,
  );
  // The toe off at 1.0 is nearest in time but is not a heel strike: the contact at 0.4 is taken.
  assert.equal(representativeStill([s('initial_contact', 0.4), s('toe_off', 1.0)], events), 0);
  // No events: the first initial contact in the list.
  assert.equal(
    representativeStill([s('mid_stance', 0.2), s('initial_contact', 0.9), s('initial_contact', 0.5)], undefined),
    1,
  );
  // No initial contact: the earliest still.
  assert.equal(representativeStill([s('toe_off', 0.9), s('mid_stance', 0.6)], events), 1);
  assert.equal(representativeStill([], events), null);
});

test('the caption says the moment, the side, the frame, the video and the angles drawn (rounded), a missing one in words', () => {
  assert.equal(
    stillCaption(
      {
        event: 'toe_off',
        side: 'left',
        time: 2.3456,
        frame: 70,
        angles: { hip_deg: -10.5, knee_deg: 38.2, ankle_deg: null },
      },
      'walk.mp4',
    ),
    'Left toe off of walk.mp4 at 2.35 s (frame 70), as pictured on the device when the analysis was saved; the angles drawn on it: hip -10°, knee 38°, ankle not measured',
  );
});

test("a still the server pictured says so: the person's device never saw it", () => {
  assert.equal(
    stillCaption(
      {
        event: 'initial_contact',
        side: 'right',
        time: 1.05,
        frame: 31,
        angles: { hip_deg: 21, knee_deg: 4.4, ankle_deg: -3.6 },
      },
      'walk.mov',
      'server',
    ),
    'Right initial contact (heel strike) of walk.mov at 1.05 s (frame 31), as pictured by the server from the video before it was deleted; the angles drawn on it: hip 21°, knee 4°, ankle -4°',
  );
});
