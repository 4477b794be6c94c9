/**
 * Remote-monitoring periods: 30-day blocks from the program's start, days with data counted once each, the 16-day
 * mark, and the minutes logged in each block; worked out by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MonitoringMinutesInput } from './monitoring-minutes-record.js';
import {
  currentMonitoringPeriod,
  monitoringPeriodDates,
  monitoringPeriods,
  monitoringText,
} from './remote-monitoring.js';

const days = (from: number, to: number, month = '11') =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);

test('Given a start on 1 Oct and today 5 Nov: two periods, 1-30 Oct (past) and 31 Oct-29 Nov (6 days so far)', () => {
  // 1-16 Oct: 16 days (a session and a check-in on 3 Oct count once); 31 Oct and 2-4 Nov: 4 days; a date before the start is not counted.
  const data = [...days(1, 16, '10'), '2026-10-03', '2026-09-30', '2026-10-31', ...days(2, 4)];
  const minutes = [
    { date: '2026-10-02', minutes: 15 },
    { date: '2026-10-30', minutes: 10 },
    { date: '2026-10-31', minutes: 20 },
    { date: '2026-11-29', minutes: 5 },
    { date: '2026-11-30', minutes: 99 },
  ];
  const periods = monitoringPeriods({ startedOn: '2026-10-01', today: '2026-11-05', dataDates: data, minutes });
  assert.deepEqual(
    periods.map((p) => [p.start, p.end, p.daysElapsed, p.daysWithData, p.reached, p.minutes]),
    [
      ['2026-10-01', '2026-10-30', 30, 16, true, 25],
      ['2026-10-31', '2026-11-29', 6, 4, false, 25],
    ],
  );
  const now = periods[1]!;
  assert.deepEqual([now.daysNeeded, now.stillPossible], [12, true]);
  assert.equal(monitoringText(periods[0]!), '16 of 30 days with data: 16 reached');
  assert.equal(monitoringText(now), '4 of 6 days so far with data; 12 more needed by 29 Nov 2026');
  assert.deepEqual(periods.map(monitoringPeriodDates), ['1 Oct 2026 to 30 Oct 2026', '31 Oct 2026 to 29 Nov 2026']);
});

test('A period across the year end names both years', () => {
  // Start 15 Dec 2026, today 20 Dec: the period ends 13 Jan 2027 (15 Dec + 29 days); 6 days so far, 2 with data.
  const p = currentMonitoringPeriod({
    startedOn: '2026-12-15',
    today: '2026-12-20',
    dataDates: ['2026-12-15', '2026-12-18'],
    minutes: [],
  })!;
  assert.equal(monitoringPeriodDates(p), '15 Dec 2026 to 13 Jan 2027');
  assert.equal(monitoringText(p), '2 of 6 days so far with data; 14 more needed by 13 Jan 2027');
});

test('A period where the 16 days can no longer be reached says so; a past one under 16 says under', () => {
  // Day 20 of the period (start 1 Nov, today 20 Nov) with 5 days of data: 11 needed, 10 days left.
  const p = currentMonitoringPeriod({
    startedOn: '2026-11-01',
    today: '2026-11-20',
    dataDates: days(1, 5),
    minutes: [],
  })!;
  assert.deepEqual([p.daysElapsed, p.daysWithData, p.daysNeeded, p.stillPossible], [20, 5, 11, false]);
  assert.match(monitoringText(p), /no longer possible/);
  const past = monitoringPeriods({
    startedOn: '2026-10-01',
    today: '2026-10-31',
    dataDates: days(1, 15, '10'),
    minutes: [],
  })[0]!;
  assert.equal(monitoringText(past), '15 of 30 days with data: under 16');
});

test('Before the start, or with no program, there is no period', () => {
  assert.equal(
    currentMonitoringPeriod({ startedOn: null, today: '2026-11-05', dataDates: ['2026-11-05'], minutes: [] }),
    null,
  );
  assert.deepEqual(monitoringPeriods({ startedOn: '2026-11-06', today: '2026-11-05', dataDates: [], minutes: [] }), []);
});

test('A minutes entry: a whole number from 1 to 240 on a calendar date; a bad one names the field', () => {
  assert.ok(
    MonitoringMinutesInput.safeParse({ date: '2026-11-05', minutes: 20, note: 'Reviewed pain and steps' }).success,
  );
  for (const [body, field] of [
    [{ date: '2026-11-05', minutes: 0 }, 'minutes'],
    [{ date: '2026-11-05', minutes: 12.5 }, 'minutes'],
    [{ date: '2026-11-05', minutes: 600 }, 'minutes'],
    [{ date: '5 Nov', minutes: 20 }, 'date'],
  ] as const) {
    const r = MonitoringMinutesInput.safeParse(body);
    assert.equal(r.success, false);
    assert.deepEqual(
      r.error!.issues.map((i) => i.path.join('.')),
      [field],
      JSON.stringify(body),
    );
  }
});
