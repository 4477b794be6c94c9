import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowAdherence } from './clinician-service.js';

// Program started 1 Nov; sessions on 1, 2, 5, 9 and twice on 10 Nov; today is 10 Nov.
const dates = ['2026-11-01', '2026-11-02', '2026-11-05', '2026-11-09', '2026-11-10', '2026-11-10'];

test('Given daily sessions, the last 7 days count distinct session days out of 7', () => {
  // Window 4-10 Nov: 5, 9, 10 Nov are in it (10 Nov once).
  assert.deepEqual(windowAdherence(dates, '2026-11-10', '2026-11-01', 7), { done: 3, prescribed: 7, fraction: 3 / 7 });
});

test('Given a program younger than the window, the window starts at the program start', () => {
  // 28 days back reaches before 1 Nov: the window is 1-10 Nov, ten days, five session days.
  assert.deepEqual(windowAdherence(dates, '2026-11-10', '2026-11-01', 28), { done: 5, prescribed: 10, fraction: 0.5 });
});

test('Given a program that starts after the day asked about, there is no adherence yet', () => {
  assert.equal(windowAdherence(dates, '2026-10-30', '2026-11-01', 7), null);
});
