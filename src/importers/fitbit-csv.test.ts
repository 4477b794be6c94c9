import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFitbitCsv } from './fitbit-csv.js';
import { collectSamples } from './import-sink.js';
import { sharedData } from '../../test/helpers/shared-data.js';

const ACTIVITY = sharedData('fitbit/dailyActivity_merged.csv');
const STEPS = sharedData('fitbit/dailySteps_merged.csv');
const dir = mkdtempSync(join(tmpdir(), 'footing-fitbit-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** "4/13/2016" -> "2016-04-13", by hand. */
const isoDay = (us: string) => {
  const [m, d, y] = us.split('/');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
};

test("dailySteps: every row becomes that day's steps for that Id (split by hand from the raw text)", async () => {
  const rows = readFileSync(STEPS, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
  assert.equal(rows.length, 940); // SOURCES.md
  const summary = await importFitbitCsv(STEPS);
  assert.equal(summary.ok, true);
  assert.equal(summary.recordsSeen, 940);
  assert.equal(summary.errorCount, 0);
  for (const [id, day, steps] of rows) {
    assert.equal(summary.dailyBySubject?.[id!]?.[isoDay(day!)]?.steps, Number(steps), `${id} ${day}`);
  }
  assert.equal(Object.keys(summary.dailyBySubject!).length, 33); // SOURCES.md: 33 users
  assert.deepEqual(summary.daily, {}); // several people: no single-person totals
});

test("dailyActivity agrees with dailySteps for every Id and date (the dataset's cross-file ground truth)", async () => {
  const a = await importFitbitCsv(ACTIVITY);
  const s = await importFitbitCsv(STEPS);
  assert.equal(a.ok, true);
  for (const [id, days] of Object.entries(s.dailyBySubject!)) {
    for (const [date, t] of Object.entries(days))
      assert.equal(a.dailyBySubject?.[id]?.[date]?.steps, t.steps, `${id} ${date}`);
  }
  // Distance: first row of the file, 8.5 km on 4/12/2016 for Id 1503960366
  assert.equal(a.dailyBySubject?.['1503960366']?.['2016-04-12']?.distance_m, 8500);
});

test('one person only, with local midnight in their offset', async () => {
  const { samples, summary } = await collectSamples((o) =>
    importFitbitCsv(STEPS, { ...o, id: '1503960366', offsetMinutes: -300 }),
  );
  const rows = readFileSync(STEPS, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.startsWith('1503960366,'));
  assert.equal(samples.length, rows.length);
  assert.equal(summary.skipped, 940 - rows.length);
  assert.equal(samples[0]!.start, '2016-04-12T00:00:00-05:00');
  assert.equal(samples[0]!.end, '2016-04-13T00:00:00-05:00');
  assert.equal(summary.daily['2016-04-12']?.steps, 13162);
});

test('bad rows: line, column and field; strict fails the file', async () => {
  const csv = [
    'Id,ActivityDay,StepTotal',
    '1,4/12/2016,100',
    '1,4/31/2016,100', // April has 30 days
    '1,4/14/2016,12x',
    '1,4/15/2016',
    'x1,4/16/2016,5',
    '1,4/12/2016,999', // same day again
  ].join('\r\n');
  const p = join(dir, 'bad.csv');
  writeFileSync(p, csv);
  const s = await importFitbitCsv(p);
  assert.equal(s.ok, true);
  assert.deepEqual(
    s.issues.map((i) => [i.code, i.location.line, i.location.column, i.location.field, i.severity]),
    [
      ['bad-date', 3, 3, 'ActivityDay', 'error'],
      ['bad-value', 4, 13, 'StepTotal', 'error'],
      ['bad-value', 5, 1, undefined, 'error'], // a whole row: its first column
      ['bad-value', 6, 1, 'Id', 'error'],
      ['bad-value', 7, 3, 'ActivityDay', 'warning'],
    ],
  );
  assert.equal(s.daily['2016-04-12']?.steps, 100);
  const strict = await importFitbitCsv(p, { mode: 'strict' });
  assert.equal(strict.ok, false);
  assert.equal(strict.errorCount, 1);
  const other = join(dir, 'other.csv');
  writeFileSync(other, 'a,b\n1,2\n');
  assert.equal((await importFitbitCsv(other)).issues[0]?.code, 'unsupported-format');
});

// --- going to one person's account (onePerson): a study file must name whose rows ---

/** The file's Ids in order of first appearance, and the line of each first row, read from the raw text by hand. */
function idsByHand(path: string): { ids: string[]; firstLine: Map<string, number> } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const firstLine = new Map<string, number>();
  lines.forEach((l, i) => {
    const id = l.split(',')[0]!;
    if (i > 0 && l && !firstLine.has(id)) firstLine.set(id, i + 1);
  });
  return { ids: [...firstLine.keys()], firstLine };
}

test("onePerson: a file with several people's rows and no Id chosen is refused, located at the second person's first row, with every Id to choose from", async () => {
  const { ids, firstLine } = idsByHand(STEPS);
  const s = await importFitbitCsv(STEPS, { onePerson: true });
  assert.equal(s.ok, false);
  const e = s.issues.find((i) => i.code === 'several-people');
  assert.ok(e, 'a several-people error');
  assert.equal(e.severity, 'error');
  assert.deepEqual(e.choices, ids);
  assert.equal(e.location.line, firstLine.get(ids[1]!));
  assert.equal(e.location.column, 1);
  assert.equal(e.location.field, 'Id');
  assert.match(e.message, new RegExp(`${ids.length} people`));
  assert.deepEqual(s.daily, {});
});

test("onePerson: choosing an Id imports that person's rows only; an Id the file does not hold is refused with the list", async () => {
  const { ids } = idsByHand(STEPS);
  const chosen = ids[2]!;
  const { samples, summary } = await collectSamples((o) =>
    importFitbitCsv(STEPS, { ...o, onePerson: true, id: chosen }),
  );
  assert.equal(summary.ok, true);
  const rows = readFileSync(STEPS, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.startsWith(`${chosen},`));
  assert.equal(samples.length, rows.length);
  for (const r of rows) {
    const [, day, steps] = r.split(',');
    assert.equal(summary.daily[isoDay(day!)]?.steps, Number(steps), day);
  }
  const missing = await importFitbitCsv(STEPS, { onePerson: true, id: '42' });
  assert.equal(missing.ok, false);
  const e = missing.issues.find((i) => i.code === 'several-people');
  assert.deepEqual(e?.choices, ids);
  assert.match(e!.message, /No rows for Fitbit Id 42/);
});

test("onePerson: a file with one person's rows imports without choosing", async () => {
  const p = join(dir, 'one.csv');
  writeFileSync(p, 'Id,ActivityDay,StepTotal\n7,4/12/2016,100\n7,4/13/2016,200\n');
  const s = await importFitbitCsv(p, { onePerson: true });
  assert.equal(s.ok, true);
  assert.equal(s.daily['2016-04-13']?.steps, 200);
});
