import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, dayMonth, dayMonthYear, daysBetween, isIsoDate } from './dates.js';

// Expected values are read off a calendar by hand (leap years: 2024 yes, 2023 no, 1900 no, 2000 yes).
const addCases: [string, number, string][] = [
  ['2024-01-01', 0, '2024-01-01'],
  ['2024-01-31', 1, '2024-02-01'],
  ['2024-02-28', 1, '2024-02-29'],
  ['2023-02-28', 1, '2023-03-01'],
  ['2024-03-01', -1, '2024-02-29'],
  ['2023-12-31', 1, '2024-01-01'],
  ['2024-01-01', -7, '2023-12-25'],
  ['2000-02-28', 1, '2000-02-29'],
  ['1900-02-28', 1, '1900-03-01'],
  ['2024-01-01', 366, '2025-01-01'],
  // Years below 100: Date.UTC would read them as 19xx; they are plain calendar years here.
  ['0050-01-01', 1, '0050-01-02'],
];
for (const [date, n, expected] of addCases) {
  test(`Given ${date}, when adding ${n} day(s), then the date is ${expected}`, () => {
    assert.equal(addDays(date, n), expected);
  });
}

const betweenCases: [string, string, number][] = [
  ['2024-01-01', '2024-01-01', 0],
  ['2024-01-01', '2024-01-08', 7],
  ['2024-01-08', '2024-01-01', -7],
  ['2024-02-01', '2024-03-01', 29],
  ['2023-02-01', '2023-03-01', 28],
  ['2023-01-01', '2024-01-01', 365],
  ['2024-01-01', '2025-01-01', 366],
  // A European DST change (31 March 2024) is not a 23-hour day in UTC arithmetic.
  ['2024-03-30', '2024-04-01', 2],
];
for (const [a, b, expected] of betweenCases) {
  test(`Given ${a} and ${b}, when counting days between, then it is ${expected}`, () => {
    assert.equal(daysBetween(a, b), expected);
  });
}

const isoCases: [string, boolean][] = [
  ['2024-02-29', true],
  ['2023-02-29', false],
  ['2024-04-31', false],
  ['2024-13-01', false],
  ['2024-00-10', false],
  ['2024-1-01', false],
  ['2024-01-01T00:00:00Z', false],
  ['', false],
  ['0099-12-31', true],
];
for (const [s, expected] of isoCases) {
  test(`Given ${JSON.stringify(s)}, when checked as an ISO date, then it is ${expected ? 'valid' : 'invalid'}`, () => {
    assert.equal(isIsoDate(s), expected);
  });
}

test('Given a string that is not YYYY-MM-DD, when adding days, then it throws with the string in the message', () => {
  assert.throws(() => addDays('01/02/2024', 1), /01\/02\/2024/);
});

// Dates from 1900 to 2100 as YYYY-MM-DD, built without the code under test.
const isoDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

test('Property: addDays then daysBetween gives back the same count, and adding -n undoes adding n', () => {
  fc.assert(
    fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
      const later = addDays(d, n);
      assert.ok(isIsoDate(later));
      assert.equal(daysBetween(d, later), n);
      assert.equal(addDays(later, -n), d);
    }),
    { numRuns: 200 },
  );
});

test("Property: addDays and daysBetween agree with the calendar of JavaScript's Date, years 1 to 9999", () => {
  const wide = fc.date({
    min: new Date(new Date(0).setUTCFullYear(1, 0, 1)),
    max: new Date(Date.UTC(9999, 11, 31)),
    noInvalidDate: true,
  });
  const ymd = (d: Date) =>
    `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  fc.assert(
    fc.property(wide, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
      const later = new Date(d.getTime() + n * 86_400_000);
      fc.pre(later.getUTCFullYear() >= 1 && later.getUTCFullYear() <= 9999);
      assert.equal(addDays(ymd(d), n), ymd(later));
      assert.equal(daysBetween(ymd(d), ymd(later)), n);
    }),
    { numRuns: 500 },
  );
});

test('Given a day or month past its end, then it rolls over as Date does', () => {
  assert.equal(addDays('2026-02-30', 0), '2026-03-02');
  assert.equal(addDays('2026-13-01', 0), '2027-01-01');
  assert.equal(daysBetween('2026-02-28', '2026-02-30'), 2);
});

const dayMonthCases: [string, string][] = [
  ['2026-03-03', '3 Mar'],
  ['2024-02-29', '29 Feb'],
  ['2023-12-31', '31 Dec'],
  ['2024-01-01', '1 Jan'],
];
for (const [date, expected] of dayMonthCases) {
  test(`Given ${date}, when it is written for a sentence, then it reads "${expected}"`, () => {
    assert.equal(dayMonth(date), expected);
  });
}

const dayMonthYearCases: [string, string][] = [
  ['2026-11-03', '3 Nov 2026'],
  ['2027-01-13', '13 Jan 2027'],
  ['2024-02-29', '29 Feb 2024'],
];
for (const [date, expected] of dayMonthYearCases) {
  test(`Given ${date}, when it is written with its year, then it reads "${expected}"`, () => {
    assert.equal(dayMonthYear(date), expected);
  });
}
