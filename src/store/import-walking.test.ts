import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import type { Store } from './db.js';
import { importWalkingFile } from './import-walking.js';
import { ensureLocalPerson } from './repos/people.js';
import { dailyWalking } from './repos/walking.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const APPLE = join(DATA, 'apple-health/export6s3sample.xml');
const FIT_WALK = join(DATA, 'fit/garmin-fenix-5-walk.fit');
const FIT_TRUNCATED = join(DATA, 'fit/invalid-activity-unexpected-eof.fit');
const tmp = mkdtempSync(join(tmpdir(), 'footing-import-'));

/** Independent expectation: sum the StepCount values per start date straight from the XML text with a regex. */
function appleStepsByDay(xml: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of xml.matchAll(/<Record type="HKQuantityTypeIdentifierStepCount"[^>]*?startDate="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*?value="([\d.]+)"/g)) {
    out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
  }
  return out;
}
const count = async (store: Store) => Number((await store.db.selectFrom('walking_samples').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

for (const kind of DATABASES) {
  describe(`Importing walking files into ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let personId: string;
    before(async () => { ({ store, cleanup } = await freshStore(kind)); personId = (await ensureLocalPerson(store.db)).id; });
    after(async () => { await cleanup(); });

    test('The Apple Health sample imports its 15 walking records, and its daily steps match the file', async () => {
      const r = await importWalkingFile(store, personId, APPLE);
      assert.equal(r.summary.ok, true);
      assert.equal(r.added, 15); // 10 StepCount + 5 DistanceWalkingRunning (SOURCES.md)
      const expected = appleStepsByDay(readFileSync(APPLE, 'utf8'));
      const days = await dailyWalking(store.db, personId);
      for (const [date, steps] of Object.entries(expected)) assert.equal(days.find((d) => d.date === date)?.steps, Math.round(steps), date);
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
      const extra = '<Record type="HKQuantityTypeIdentifierStepCount" sourceName="Health" unit="count" creationDate="2014-09-21 10:00:00 +0100" startDate="2014-09-21 09:00:00 +0100" endDate="2014-09-21 09:10:00 +0100" value="1234"/>\n';
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
  });
}
