/**
 * The Gait screen's progress words (web/src/gait/analysis-progress.ts), checked in Node: the time left from the pace
 * since the first analysed frame, and how it is said. Expected values worked out by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secondsLeft, timeLeftText } from './analysis-progress.js';
import { i18n } from '../i18n/i18n.js';

const en = i18n.getFixedT('en');

test('Given the pace since the first frame, then the time left is the frames left at that pace', () => {
  const start = { done: 1, at: 10_000 };
  // 20 frames in 4 s after the first: 5 frames/s; 1800 - 21 = 1779 frames left = 355.8 s.
  assert.equal(secondsLeft(start, 21, 1800, 14_000), 355.8);
  // 100 frames in 10 s: 10 frames/s; 30 left = 3 s.
  assert.equal(secondsLeft(start, 101, 131, 20_000), 3);
  assert.equal(secondsLeft(start, 131, 131, 23_000), 0);
});

test('Given too little to go on (under 5 frames or under a second since the first), then no estimate yet', () => {
  assert.equal(secondsLeft({ done: 1, at: 0 }, 5, 100, 5_000), null); // 4 frames
  assert.equal(secondsLeft({ done: 1, at: 0 }, 50, 100, 999), null); // under a second
  assert.equal(timeLeftText(null, en), 'Estimating the time left…');
});

test('Given seconds left, then they are said rounded up: to 5 s under a minute, to 10 s above', () => {
  assert.equal(timeLeftText(3, en), 'A few seconds left');
  assert.equal(timeLeftText(10, en), 'About 10 s left');
  assert.equal(timeLeftText(41, en), 'About 45 s left');
  assert.equal(timeLeftText(59.5, en), 'About 60 s left');
  assert.equal(timeLeftText(60, en), 'About 1 min left');
  assert.equal(timeLeftText(355.8, en), 'About 6 min left'); // 360 s
  assert.equal(timeLeftText(131, en), 'About 2 min 20 s left'); // 140 s
  assert.equal(timeLeftText(131, i18n.getFixedT('es')), 'Quedan unos 2 min 20 s');
});
