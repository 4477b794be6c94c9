/**
 * Large plain Apple exports are read in two parts at once (import-walking.ts: importInTwoParts). Whatever the cut,
 * the result must be the one-part import's: same samples, same days, same summary; and when the two parts cannot
 * both stand (a cut inside an element, any problem in a part) the file is imported in one part instead. The
 * expectation of each case is the same file imported with `split: 'never'`, plus counts taken from the XML text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import type { Store } from '../store/db.js';
import { importWalkingFile, type StoredImport } from './import-walking.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { dailyWalking, listWalkingSamples } from '../store/repos/walking.js';

const SAMPLE = readFileSync(
  fileURLToPath(new URL('../../../shared/data/apple-health/export6s3sample.xml', import.meta.url)),
  'utf8',
);
const HEAD = SAMPLE.slice(0, SAMPLE.indexOf('\n', SAMPLE.indexOf('<Me ')) + 1);
const RECORDS = [...SAMPLE.matchAll(/^ <Record [^\n]*\/>\n/gm)].map((m) => m[0]);

/** "YYYY-MM-DD HH:MM:SS +ZZZZ" moved by `minutes` of wall time (the offset kept). */
function shiftDate(raw: string, minutes: number): string {
  const [, y, mo, d, h, mi, s, zone] = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)( [+-]\d{4})$/.exec(raw)!;
  const t = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi! + minutes, +s!)).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}${zone}`;
}
const copy = (k: number): string[] =>
  RECORDS.map((r) =>
    r.replace(
      /(startDate|endDate|creationDate)="([^"]+)"/g,
      (_m, a: string, v: string) => `${a}="${shiftDate(v, k * 41)}"`,
    ),
  );
const exportOf = (lines: readonly string[]): string => `${HEAD}${lines.join('')}</HealthData>\n`;

/** 300 copies of the sample's records, ~8 days: the cut (56% in) falls mid-day inside one type's run. */
const records = Array.from({ length: 300 }, (_, k) => copy(k)).flat();
const PLAIN = exportOf(records);
/** The same records with a Correlation around the ones where the cut falls: its children are indented like
 * children of the root, so the cut is found there and is not between children of the root. */
const at = Math.floor(records.length * 0.5);
const CORRELATED = exportOf([
  ...records.slice(0, at),
  ' <Correlation type="HKCorrelationTypeIdentifierFood" sourceName="Phone" startDate="2024-05-01 08:00:00 +0200" endDate="2024-05-01 08:10:00 +0200">\n',
  ...records.slice(at, Math.floor(records.length * 0.7)),
  ' </Correlation>\n',
  ...records.slice(Math.floor(records.length * 0.7)),
]);
/** A bad value in the second part: the whole file is read by the careful parser, which says where. */
const BAD_LINE = Math.floor(records.length * 0.9);
const BAD = exportOf(records.map((r, i) => (i === BAD_LINE ? r.replace(/value="[^"]*"/, 'value="lots"') : r)));

const tmp = mkdtempSync(join(tmpdir(), 'footing-split-'));
const file = (name: string, text: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
/** Cut short inside a record near the end (a download that did not finish). */
const TRUNCATED = PLAIN.slice(0, PLAIN.lastIndexOf('startDate=', PLAIN.length - 400));
const FILES = {
  plain: file('plain.xml', PLAIN),
  correlated: file('correlated.xml', CORRELATED),
  bad: file('bad.xml', BAD),
  truncated: file('truncated.xml', TRUNCATED),
};
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Splits whatever the size; small chunks so that days arrive in several parts from both threads. */
const SPLIT = { worker: 'always', splitMinBytes: 0, chunkSamples: 97 } as const;
const ONE_PART = { worker: 'always', split: 'never' } as const;

/** What an import leaves: its result's figures and the stored samples and days. */
async function outcome(store: Store, r: StoredImport, personId: string) {
  const { summary } = r;
  return {
    added: r.added,
    duplicates: r.duplicates,
    ok: summary.ok,
    records: summary.recordsSeen,
    samples: summary.samples,
    skipped: summary.skipped,
    issues: summary.issues.map((i) => `${i.code} line ${i.location.line}: ${i.message}`),
    daily: Object.fromEntries(
      Object.entries(summary.daily).map(([d, t]) => [
        d,
        [Math.round(t.steps * 100) / 100, Math.round(t.distance_m * 100) / 100],
      ]),
    ),
    stored: await listWalkingSamples(store.db, personId),
    days: await dailyWalking(store.db, personId),
  };
}

for (const kind of DATABASES) {
  describe(`Apple exports read in two parts, on ${kind}`, () => {
    const stores: { store: Store; cleanup: () => Promise<void> }[] = [];
    const fresh = async () => {
      const s = await freshStore(kind);
      stores.push(s);
      return { store: s.store, me: (await ensureLocalPerson(s.store.db)).id };
    };
    before(() => undefined);
    after(async () => {
      for (const s of stores) await s.cleanup();
    });

    test('Two parts give exactly what one part gives, and importing again adds nothing', async () => {
      const a = await fresh();
      const b = await fresh();
      const split = await importWalkingFile(a.store, a.me, FILES.plain, SPLIT);
      const whole = await importWalkingFile(b.store, b.me, FILES.plain, ONE_PART);
      assert.deepEqual([split.timing.parts, whole.timing.parts], [2, 1]);
      assert.equal(split.added, (PLAIN.match(/<Record /g) ?? []).length);
      assert.deepEqual(await outcome(a.store, split, a.me), await outcome(b.store, whole, b.me));
      const again = await importWalkingFile(a.store, a.me, FILES.plain, SPLIT);
      assert.deepEqual([again.timing.parts, again.added, again.duplicates], [2, 0, split.added]);
    });

    test('A cut inside an element (a Correlation) is refused by the first part and the file is imported in one part', async () => {
      const a = await fresh();
      const b = await fresh();
      const split = await importWalkingFile(a.store, a.me, FILES.correlated, SPLIT);
      const whole = await importWalkingFile(b.store, b.me, FILES.correlated, ONE_PART);
      assert.equal(split.timing.parts, 1, 'fell back to one part');
      // The Correlation's children are not counted (they repeat top-level records in real exports).
      assert.equal(split.added, (PLAIN.match(/<Record /g) ?? []).length - (Math.floor(records.length * 0.7) - at));
      assert.deepEqual(await outcome(a.store, split, a.me), await outcome(b.store, whole, b.me));
    });

    test('A bad record in the second part: the careful parser reads the file and says where, as in one part', async () => {
      for (const mode of ['lenient', 'strict'] as const) {
        const a = await fresh();
        const b = await fresh();
        const split = await importWalkingFile(a.store, a.me, FILES.bad, { ...SPLIT, mode });
        const whole = await importWalkingFile(b.store, b.me, FILES.bad, { ...ONE_PART, mode });
        const got = await outcome(a.store, split, a.me);
        assert.deepEqual(got, await outcome(b.store, whole, b.me));
        assert.deepEqual(got.issues, [
          `bad-value line ${HEAD.split('\n').length + BAD_LINE}: value "lots" is not a number`,
        ]);
        assert.equal(got.stored.length, mode === 'strict' ? 0 : records.length - 1);
      }
    });

    test('A file cut short in the second part: the same located error and the same records kept as in one part', async () => {
      for (const mode of ['lenient', 'strict'] as const) {
        const a = await fresh();
        const b = await fresh();
        const split = await importWalkingFile(a.store, a.me, FILES.truncated, { ...SPLIT, mode });
        const got = await outcome(a.store, split, a.me);
        assert.deepEqual(
          got,
          await outcome(b.store, await importWalkingFile(b.store, b.me, FILES.truncated, { ...ONE_PART, mode }), b.me),
        );
        assert.match(got.issues.join('\n'), /^truncated line \d+/);
        // Lenient keeps the records before the cut; strict stores nothing.
        assert.equal(got.ok, mode === 'lenient');
        assert.equal(got.stored.length, mode === 'strict' ? 0 : (TRUNCATED.match(/<Record [^>]*\/>/g) ?? []).length);
      }
    });
  });
}
