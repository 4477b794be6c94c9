import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import type { Store } from '../store/db.js';
import { importWalkingFile } from './import-walking.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { countWalkingSamples, dailyWalking, listWalkingSamples } from '../store/repos/walking.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const APPLE = join(DATA, 'apple-health/export6s3sample.xml');
const FIT_WALK = join(DATA, 'fit/garmin-fenix-5-walk.fit');
const FIT_TRUNCATED = join(DATA, 'fit/invalid-activity-unexpected-eof.fit');
const FITBIT_STEPS = join(DATA, 'fitbit/dailySteps_merged.csv');
const tmp = mkdtempSync(join(tmpdir(), 'footing-import-'));

/** Independent expectation: sum the StepCount values per start date straight from the XML text with a regex. */
function appleStepsByDay(xml: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of xml.matchAll(
    /<Record type="HKQuantityTypeIdentifierStepCount"[^>]*?startDate="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*?value="([\d.]+)"/g,
  )) {
    out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
  }
  return out;
}
const count = async (store: Store) => countWalkingSamples(store.db);

for (const kind of DATABASES) {
  describe(`Importing walking files into ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let personId: string;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
      personId = (await ensureLocalPerson(store.db)).id;
    });
    after(async () => {
      await cleanup();
    });

    test('The Apple Health sample imports its 15 walking records, and its daily steps match the file', async () => {
      const r = await importWalkingFile(store, personId, APPLE);
      assert.equal(r.summary.ok, true);
      assert.equal(r.added, 15); // 10 StepCount + 5 DistanceWalkingRunning (SOURCES.md)
      const expected = appleStepsByDay(readFileSync(APPLE, 'utf8'));
      const days = await dailyWalking(store.db, personId);
      for (const [date, steps] of Object.entries(expected))
        assert.equal(days.find((d) => d.date === date)?.steps, Math.round(steps), date);
    });

    test('Importing the same file again adds nothing', async () => {
      const before = await count(store);
      const r = await importWalkingFile(store, personId, APPLE);
      assert.equal(r.added, 0);
      assert.equal(r.duplicates, 15);
      assert.equal(await count(store), before);
    });

    test('A newer export that overlaps the old one adds only the new records', async () => {
      const xml = readFileSync(APPLE, 'utf8');
      const extra =
        '<Record type="HKQuantityTypeIdentifierStepCount" sourceName="Health" unit="count" creationDate="2014-09-21 10:00:00 +0100" startDate="2014-09-21 09:00:00 +0100" endDate="2014-09-21 09:10:00 +0100" value="1234"/>\n';
      const newer = join(tmp, `newer-${kind}.xml`);
      writeFileSync(newer, xml.replace('</HealthData>', `${extra}</HealthData>`));
      const r = await importWalkingFile(store, personId, newer);
      assert.equal(r.added, 1);
      assert.equal((await dailyWalking(store.db, personId)).find((d) => d.date === '2014-09-21')?.steps, 1234);
    });

    test('A FIT walk imports; a truncated FIT in strict mode stores nothing and says where it broke', async () => {
      const walk = await importWalkingFile(store, personId, FIT_WALK);
      assert.ok(walk.added > 0);
      const before = await count(store);
      const bad = await importWalkingFile(store, personId, FIT_TRUNCATED, { mode: 'strict' });
      assert.equal(bad.summary.ok, false);
      assert.equal(bad.added, 0);
      assert.ok(bad.summary.issues.some((i) => i.location.byteOffset !== undefined));
      assert.equal(await count(store), before);
    });

    test('An Apple export cut off mid-file: strict stores nothing, lenient stores the records before the cut', async () => {
      const xml = readFileSync(APPLE, 'utf8');
      const cut = join(tmp, `cut-${kind}.xml`);
      // Shift the dates so these records are new, then cut the file in the middle of the 8th StepCount record.
      const shifted = xml.replaceAll('2014-09-', '2015-09-');
      const at = [...shifted.matchAll(/<Record type="HKQuantityTypeIdentifierStepCount"/g)][7]!.index! + 30;
      writeFileSync(cut, shifted.slice(0, at));
      const before = await count(store);
      const strict = await importWalkingFile(store, personId, cut, { mode: 'strict' });
      assert.equal(strict.summary.ok, false);
      assert.equal(await count(store), before);
      assert.ok(strict.summary.issues[0]!.location.line! > 1);
      const lenient = await importWalkingFile(store, personId, cut, { mode: 'lenient' });
      assert.equal(lenient.added, 7); // the 7 complete StepCount records before the cut
      assert.equal(await count(store), before + 7);
    });

    test("A Fitbit file with several people's rows stores nothing until one Id is chosen; then only that person's days", async () => {
      const before = await count(store);
      const all = await importWalkingFile(store, personId, FITBIT_STEPS, { mode: 'lenient' });
      assert.equal(all.summary.ok, false);
      assert.equal(all.added, 0);
      assert.equal(all.summary.issues[0]?.code, 'several-people');
      assert.equal(await count(store), before);
      // Hand figures: that Id's rows of the raw CSV (M/D/YYYY -> ISO).
      const rows = readFileSync(FITBIT_STEPS, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.startsWith('1624580081,'))
        .map((l) => l.split(','));
      const one = await importWalkingFile(store, personId, FITBIT_STEPS, { id: '1624580081' });
      assert.equal(one.summary.ok, true);
      assert.equal(one.added, rows.length);
      const days = await dailyWalking(store.db, personId);
      for (const [, us, steps] of rows) {
        const [m, d, y] = us!.split('/');
        const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
        assert.equal(days.find((x) => x.date === date)?.steps, Number(steps), date);
      }
    });
  });
}

for (const kind of DATABASES) {
  describe(`Importing on a worker thread into ${kind}`, () => {
    let inProcess: { store: Store; cleanup: () => Promise<void> };
    let inWorker: { store: Store; cleanup: () => Promise<void> };
    // The sample moved to 2016, with one StepCount record written twice (a duplicate inside the file).
    const xml = readFileSync(APPLE, 'utf8').replaceAll('2014-09-', '2016-09-');
    const firstStep = /<Record type="HKQuantityTypeIdentifierStepCount"[^>]*\/>\n/.exec(xml)!;
    const withDuplicate = join(tmp, `dup-${kind}.xml`);
    before(async () => {
      inProcess = await freshStore(kind);
      inWorker = await freshStore(kind);
      writeFileSync(withDuplicate, xml.replace('</HealthData>', `${firstStep[0]}</HealthData>`));
    });
    after(async () => {
      await inProcess.cleanup();
      await inWorker.cleanup();
    });

    test('Same rows, same days as in-process; a record repeated in the file is stored and counted once', async () => {
      const a = await importWalkingFile(
        inProcess.store,
        (await ensureLocalPerson(inProcess.store.db)).id,
        withDuplicate,
        { worker: 'never' },
      );
      const pb = (await ensureLocalPerson(inWorker.store.db)).id;
      const b = await importWalkingFile(inWorker.store, pb, withDuplicate, { worker: 'always' });
      assert.equal(b.summary.ok, true);
      assert.deepEqual([b.added, b.duplicates], [15, 1]);
      assert.deepEqual([a.added, a.duplicates], [15, 1]);
      const pa = (await ensureLocalPerson(inProcess.store.db)).id;
      assert.deepEqual(
        await listWalkingSamples(inWorker.store.db, pb),
        await listWalkingSamples(inProcess.store.db, pa),
      );
      const days = await dailyWalking(inWorker.store.db, pb);
      assert.deepEqual(days, await dailyWalking(inProcess.store.db, pa));
      // Independent: the regex sum of the file as written once.
      for (const [date, steps] of Object.entries(appleStepsByDay(xml)))
        assert.equal(days.find((d) => d.date === date)?.steps, Math.round(steps), date);
    });

    test('A device name with quotes is stored as written (it becomes part of a prepared statement)', async () => {
      const p = (await ensureLocalPerson(inWorker.store.db)).id;
      const quoted = join(tmp, `quoted-${kind}.xml`);
      const name = `O'Brien's "iPhone"`;
      writeFileSync(
        quoted,
        xml
          .replaceAll('2016-09-', '2018-09-')
          .replaceAll('sourceName="Health"', `sourceName="O'Brien's &quot;iPhone&quot;"`),
      );
      const r = await importWalkingFile(inWorker.store, p, quoted, { worker: 'always' });
      assert.equal(r.added, 15);
      const stored = (await listWalkingSamples(inWorker.store.db, p, { from: '2018-01-01' })).map((s) => s.device);
      assert.equal(stored.length, 15);
      assert.ok(
        stored.every((d) => d === name),
        JSON.stringify(stored[0]),
      );
    });

    test('Again on a worker: nothing added; a strict failure on a worker stores nothing and keeps the location', async () => {
      const p = (await ensureLocalPerson(inWorker.store.db)).id;
      const before = await count(inWorker.store);
      const again = await importWalkingFile(inWorker.store, p, withDuplicate, { worker: 'always' });
      assert.deepEqual([again.added, again.duplicates, again.importId], [0, 16, null]);
      const cut = join(tmp, `cut-worker-${kind}.xml`);
      const shifted = xml.replaceAll('2016-09-', '2017-09-');
      writeFileSync(
        cut,
        shifted.slice(0, [...shifted.matchAll(/<Record type="HKQuantityTypeIdentifierStepCount"/g)][7]!.index! + 30),
      );
      const strict = await importWalkingFile(inWorker.store, p, cut, { mode: 'strict', worker: 'always' });
      assert.equal(strict.summary.ok, false);
      assert.equal(strict.added, 0);
      assert.ok(strict.summary.issues[0]!.location.line! > 1);
      assert.equal(await count(inWorker.store), before);
      assert.equal(
        (await dailyWalking(inWorker.store.db, p)).some((d) => d.date.startsWith('2017')),
        false,
      );
    });
  });
}
