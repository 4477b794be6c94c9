/**
 * Imports large enough that days arrive in several chunks (CHUNK_SAMPLES samples held at a time, so a day is
 * merged with its own earlier part) and span several worker batches: a new file, the same file again, a newer
 * export that overlaps an older one (chunks that mix stored and new samples), and a record repeated within one
 * chunk. Expected counts and daily steps come from the XML text itself (regexes), not from the importer.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import type { Store } from '../store/db.js';
import { importWalkingFile } from './import-walking.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { dailyWalking } from '../store/repos/walking.js';

const SAMPLE = readFileSync(
  fileURLToPath(new URL('../../../shared/data/apple-health/export6s3sample.xml', import.meta.url)),
  'utf8',
);
const HEAD = SAMPLE.slice(0, SAMPLE.indexOf('\n', SAMPLE.indexOf('<Me ')) + 1);
/** The sample's 15 walking records (10 StepCount, 5 DistanceWalkingRunning), one per line. */
const RECORDS = [...SAMPLE.matchAll(/^ <Record [^\n]*\/>\n/gm)].map((m) => m[0]);
const COPIES = 280;
/** Minutes between copies: 280 copies cover ~7 days, so days start and end inside the file. */
const SHIFT_MIN = 37;
/** Samples the importer holds before storing its open chunks: a day (~580 records here) comes in parts. */
const CHUNK_SAMPLES = 97;

/** "YYYY-MM-DD HH:MM:SS +ZZZZ" moved by `minutes` of wall time (the offset kept). */
function shiftDate(raw: string, minutes: number): string {
  const [, y, mo, d, h, mi, s, zone] = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)( [+-]\d{4})$/.exec(raw)!;
  const t = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi! + minutes, +s!)).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}${zone}`;
}

/** Copy k of the records, every date shifted by k * SHIFT_MIN minutes. */
function copy(k: number): string[] {
  return RECORDS.map((r) =>
    r.replace(
      /(startDate|endDate|creationDate)="([^"]+)"/g,
      (_m, a: string, v: string) => `${a}="${shiftDate(v, k * SHIFT_MIN)}"`,
    ),
  );
}

const exportOf = (records: readonly string[]): string => `${HEAD}${records.join('')}</HealthData>\n`;

/** Independent expectation: StepCount values summed per start date (0 on days of distance only), from the text. */
function stepsByDay(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<Record [^>]*?startDate="(\d{4}-\d{2}-\d{2})/g)) out.set(m[1]!, 0);
  for (const m of xml.matchAll(
    /<Record type="HKQuantityTypeIdentifierStepCount"[^>]*?startDate="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*?value="([\d.]+)"/g,
  )) {
    out.set(m[1]!, (out.get(m[1]!) ?? 0) + Number(m[2]));
  }
  return out;
}
const distinctRecords = (xml: string): number => new Set(xml.match(/<Record [^>]*\/>/g)).size;

const all = Array.from({ length: COPIES }, (_, k) => copy(k)).flat();
const tmp = mkdtempSync(join(tmpdir(), 'footing-bulk-'));
const FULL = join(tmp, 'full.xml');
const OLDER = join(tmp, 'older.xml');
const REPEAT = join(tmp, 'repeat.xml');
const fullXml = exportOf(all);
// The older export stops mid-way (mid-day), so the newer one adds samples to days already stored.
const olderXml = exportOf(all.slice(0, Math.floor(all.length * 0.45)));
// A later file: copies 1000.. (other dates), one record repeated five records later (same chunk).
const other = Array.from({ length: 20 }, (_, k) => copy(1000 + k)).flat();
other.splice(40, 0, other[35]!);
const repeatXml = exportOf(other);
// A gap filled: copies 2000.. with one StepCount record left out, then the whole; the record comes back in a
// chunk whose other samples are all stored already, on a day that held samples.
const gapless = Array.from({ length: 20 }, (_, k) => copy(2000 + k)).flat();
const GAP = 52;
const withGap = gapless.filter((_, i) => i !== GAP);
const GAP_FILE = join(tmp, 'gap.xml');
const GAPLESS_FILE = join(tmp, 'gapless.xml');

async function steps(store: Store, personId: string): Promise<Map<string, number>> {
  return new Map((await dailyWalking(store.db, personId)).map((d) => [d.date, d.steps]));
}
const rounded = (m: Map<string, number>): Map<string, number> =>
  new Map([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, Math.round(v)]));

before(() => {
  writeFileSync(FULL, fullXml);
  writeFileSync(OLDER, olderXml);
  writeFileSync(REPEAT, repeatXml);
  writeFileSync(GAP_FILE, exportOf(withGap));
  writeFileSync(GAPLESS_FILE, exportOf(gapless));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('The bulk files are large enough for several chunks per day and worker batches', () => {
  assert.ok(all.length >= 40 * CHUNK_SAMPLES, String(all.length));
  const perDay = [...stepsByDay(fullXml).keys()].map(
    (d) => (fullXml.match(new RegExp(`startDate="${d}`, 'g')) ?? []).length,
  );
  assert.ok(perDay.length >= 5 && perDay.filter((n) => n > 2 * CHUNK_SAMPLES).length >= 3, String(perDay));
});

for (const kind of DATABASES) {
  describe(`Bulk Apple Health imports into ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
    });
    after(async () => {
      await cleanup();
    });

    test('An older export, then a newer overlapping one, then the newer again: each record stored once, days as in the file', async () => {
      const me = (await ensureLocalPerson(store.db)).id;
      const older = await importWalkingFile(store, me, OLDER, { worker: 'always', chunkSamples: CHUNK_SAMPLES });
      assert.equal(older.summary.ok, true);
      assert.deepEqual([older.added, older.duplicates], [distinctRecords(olderXml), 0]);
      assert.deepEqual(await steps(store, me), rounded(stepsByDay(olderXml)));

      const newer = await importWalkingFile(store, me, FULL, { worker: 'always', chunkSamples: CHUNK_SAMPLES });
      const expectedNew = distinctRecords(fullXml) - distinctRecords(olderXml);
      assert.deepEqual([newer.added, newer.duplicates], [expectedNew, distinctRecords(olderXml)]);
      assert.deepEqual(await steps(store, me), rounded(stepsByDay(fullXml)));

      const again = await importWalkingFile(store, me, FULL, { worker: 'always', chunkSamples: CHUNK_SAMPLES });
      assert.deepEqual([again.added, again.duplicates, again.importId], [0, distinctRecords(fullXml), null]);
      assert.deepEqual(await steps(store, me), rounded(stepsByDay(fullXml)));
    });

    test('A record repeated within one chunk is stored once and its day counts it once', async () => {
      const me = (await ensureLocalPerson(store.db)).id;
      const r = await importWalkingFile(store, me, REPEAT, { worker: 'always', chunkSamples: CHUNK_SAMPLES });
      assert.equal(r.summary.ok, true);
      assert.deepEqual([r.added, r.duplicates], [other.length - 1, 1]);
      // The repeated record counted once: the expectation is the file without its repeat (days of this file only:
      // its copies lie weeks after the other test's).
      const expected = rounded(stepsByDay(exportOf(other.filter((_, i) => i !== 40))));
      const stored = await steps(store, me);
      assert.deepEqual(new Map([...expected.keys()].map((d) => [d, stored.get(d)])), expected);
    });

    test('A record missing from an older export comes back alone among stored samples, and its day is recomputed', async () => {
      const me = (await ensureLocalPerson(store.db)).id;
      assert.match(gapless[GAP]!, /StepCount/);
      assert.equal(
        (await importWalkingFile(store, me, GAP_FILE, { worker: 'always', chunkSamples: CHUNK_SAMPLES })).added,
        gapless.length - 1,
      );
      const r = await importWalkingFile(store, me, GAPLESS_FILE, { worker: 'always', chunkSamples: CHUNK_SAMPLES });
      assert.deepEqual([r.added, r.duplicates], [1, gapless.length - 1]);
      const expected = rounded(stepsByDay(exportOf(gapless)));
      const stored = await steps(store, me);
      assert.deepEqual(new Map([...expected.keys()].map((d) => [d, stored.get(d)])), expected);
    });
  });
}
