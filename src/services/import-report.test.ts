/**
 * Import reports count what was stored (issue 17): files with records repeated inside them, made from the real
 * shared Apple Health export (an export.xml with records written again, a zip of it, a zip of thousands of copies
 * of one 7-step record). The expected figures are computed here by hand from the raw rows; they are compared with
 * the report (`footing import --json` and the web's result are `importJson`) and with what the store holds, on
 * both databases.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { importJson } from '../importers/import-report.js';
import { sharedData } from '../../test/helpers/shared-data.js';
import { makeZip } from '../../test/helpers/zip-writer.js';
import type { Store } from '../store/db.js';
import { importWalkingFile } from './import-walking.js';
import { listImports } from '../store/repos/imports.js';
import { newId } from '../store/json-column.js';
import { countWalkingSamples, dailyWalking } from '../store/repos/walking.js';

const xml = readFileSync(sharedData('apple-health/export6s3sample.xml'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'footing-import-report-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const lines = xml.split('\n');
const stepLines = lines.filter((l) => l.includes('<Record type="HKQuantityTypeIdentifierStepCount"'));
const distanceLines = lines.filter((l) => l.includes('<Record type="HKQuantityTypeIdentifierDistanceWalkingRunning"'));
/** The real export with its first step record written three more times and its first distance record once more. */
const repeated = xml.replace(
  '</HealthData>',
  `${stepLines[0]}\n${stepLines[0]}\n${stepLines[0]}\n${distanceLines[0]}\n</HealthData>`,
);

interface Row {
  type: string;
  source: string;
  start: string;
  end: string;
  value: number;
  unit: string;
}
/** The walking rows of an export's text, as written (repeats included). */
function walkingRows(text: string): Row[] {
  return [
    ...text.matchAll(
      /<Record type="HKQuantityTypeIdentifier(StepCount|DistanceWalkingRunning)" sourceName="([^"]*)"[^>]*unit="([^"]+)"[^>]*startDate="([^"]+)" endDate="([^"]+)" value="([^"]+)"/g,
    ),
  ].map((m) => ({ type: m[1]!, source: m[2]!, unit: m[3]!, start: m[4]!, end: m[5]!, value: Number(m[6]) }));
}
/** Hand figures: a row repeated (same type, source, start and end) is one measurement; days sum the distinct rows
 * by the date of their start (one source here, so the slot rule is a plain sum), stored to the step and decimetre. */
function expected(text: string) {
  const rows = walkingRows(text);
  const distinct = new Map(rows.map((r) => [`${r.type}|${r.source}|${r.start}|${r.end}`, r]));
  const days: Record<string, { steps: number; distance_m: number }> = {};
  for (const r of distinct.values()) {
    const d = (days[r.start.slice(0, 10)] ??= { steps: 0, distance_m: 0 });
    if (r.type === 'StepCount') d.steps += r.value;
    else d.distance_m += r.value * (r.unit === 'km' ? 1000 : 1);
  }
  for (const d of Object.values(days)) {
    d.steps = Math.round(d.steps);
    d.distance_m = Math.round(d.distance_m * 10) / 10;
  }
  const records = (text.match(/<(Record|Workout) /g) ?? []).length;
  return {
    records,
    samples: rows.length,
    added: distinct.size,
    duplicates: rows.length - distinct.size,
    days: Object.fromEntries(Object.entries(days).sort()),
  };
}

for (const kind of DATABASES) {
  describe(`Import reports count what was stored, on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
    });
    after(async () => {
      await cleanup();
    });

    /** Imports a file for a new person; returns the report and what the store holds for them. */
    async function importFor(name: string, content: string | Buffer) {
      const personId = newId();
      await store.db
        .insertInto('people')
        .values({ id: personId, display_name: name, birth_year: null, created_at: new Date().toISOString() })
        .execute();
      const file = join(tmp, `${kind}-${name}`);
      writeFileSync(file, content);
      const before = await countWalkingSamples(store.db, personId);
      const result = await importWalkingFile(store, personId, file, { fileName: name });
      const report = importJson(name, result.summary, result);
      const stored = (await countWalkingSamples(store.db, personId)) - before;
      const storedDays = Object.fromEntries(
        (await dailyWalking(store.db, personId, { from: '2014-01-01', to: '2014-12-31' })).map((d) => [
          d.date,
          { steps: d.steps, distance_m: d.distanceM },
        ]),
      );
      const history = (await listImports(store.db, personId, 1))[0]!;
      return { personId, report, stored, storedDays, history };
    }

    test('export.xml with records repeated in it: each counted once, days as stored', async () => {
      const want = expected(repeated);
      assert.deepEqual([want.samples, want.added, want.duplicates], [19, 15, 4], 'the hand count of the file');
      const { report, stored, storedDays, history } = await importFor('export.xml', repeated);
      assert.deepEqual(
        {
          records: report.records,
          samples: report.samples,
          added: report.added,
          duplicates: report.duplicates,
          skipped: report.skipped,
        },
        { records: want.records, samples: want.samples, added: want.added, duplicates: want.duplicates, skipped: 1 },
      );
      assert.deepEqual(report.skipped_by_reason, { other: 1 }, 'the "Other" workout');
      assert.equal(stored, want.added, 'the store holds what the report says was added');
      assert.deepEqual(report.days, want.days, "the report's days are the hand sums of the distinct rows");
      assert.deepEqual(storedDays, want.days, 'and what the store holds');
      assert.deepEqual(
        [history.result?.status, history.result?.added, history.result?.duplicates, history.result?.days],
        ['imported', 15, 4, { count: 2, first: '2014-09-13', last: '2014-09-20' }],
      );
    });

    test('the same as export.zip: the same figures', async () => {
      const want = expected(repeated);
      const { report, stored, storedDays } = await importFor(
        'export.zip',
        makeZip({ 'apple_health_export/export.xml': repeated }),
      );
      assert.equal(report.format, 'apple-health-zip');
      assert.deepEqual(
        [report.records, report.samples, report.added, report.duplicates],
        [want.records, want.samples, want.added, want.duplicates],
      );
      assert.equal(stored, want.added);
      assert.deepEqual(report.days, want.days);
      assert.deepEqual(storedDays, want.days);
    });

    test('a zip of 20,000 identical 7-step records: 1 added, 7 steps, not 140,000', async () => {
      const head = xml.slice(0, xml.indexOf('<Record '));
      const one =
        ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Health" unit="count" creationDate="2014-10-01 12:00:00 +0100" startDate="2014-10-01 11:00:00 +0100" endDate="2014-10-01 11:01:00 +0100" value="7"/>\n';
      const text = `${head}${one.repeat(20_000)}</HealthData>\n`;
      const want = expected(text);
      assert.deepEqual(want.days, { '2014-10-01': { steps: 7, distance_m: 0 } });
      const { report, stored, storedDays, history } = await importFor(
        'export.zip',
        makeZip({ 'apple_health_export/export.xml': text }),
      );
      assert.deepEqual([report.records, report.samples, report.added, report.duplicates], [20_000, 20_000, 1, 19_999]);
      assert.equal(stored, 1);
      assert.deepEqual(report.days, want.days);
      assert.deepEqual(storedDays, want.days);
      assert.equal(history.result?.added, 1);
    });

    test('a file imported again: nothing new, the days as they are stored, and the history says so', async () => {
      const want = expected(repeated);
      const first = await importFor('export.xml', repeated);
      const file = join(tmp, `${kind}-again.xml`);
      writeFileSync(file, repeated);
      const again = await importWalkingFile(store, first.personId, file, { fileName: 'export.xml' });
      const report = importJson('export.xml', again.summary, again);
      assert.deepEqual(
        [report.status, report.samples, report.added, report.duplicates],
        ['nothing-new', want.samples, 0, want.samples],
      );
      assert.deepEqual(report.days, want.days);
      assert.equal(again.importId, null, 'no samples of this import are stored');
      const history = await listImports(store.db, first.personId);
      assert.deepEqual(
        history.map((h) => h.result?.status),
        ['nothing-new', 'imported'],
      );
      assert.equal(history[0]!.id, again.historyId);
    });
  });
}
