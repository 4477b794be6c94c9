import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { migrate, openStore } from '../store/db.js';
import { main } from './main.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/footing.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'footing-import-cli-'));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: new Writable({
      write(c, _e, cb) {
        out += String(c);
        cb();
      },
    }),
    err: new Writable({
      write(c, _e, cb) {
        err += String(c);
        cb();
      },
    }),
  });
  return { code, out, err };
}

test("footing import --json prints the per-file object with per-day totals in the file's own offsets", async () => {
  const db = join(dir, 'a.sqlite');
  const r = await run([
    'import',
    join(DATA, 'apple-health/export6s3sample.xml'),
    join(DATA, 'fit/garmin-fenix-5-walk.fit'),
    '--db',
    db,
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const [apple, fit] = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(apple.format, 'apple-health-xml');
  assert.equal(apple.records, 16); // 10 StepCount + 5 DistanceWalkingRunning + 1 Workout (SOURCES.md)
  assert.equal(apple.added, 15);
  assert.equal(apple.skipped, 1); // the non-walking workout
  assert.deepEqual(apple.skipped_by_reason, { other: 1 }); // HKWorkoutActivityTypeOther: Apple names walking
  assert.deepEqual(apple.errors, []);
  // Hand sum of the 2014-09-13 StepCount values in the file (all written with +0100).
  const xml = readFileSync(join(DATA, 'apple-health/export6s3sample.xml'), 'utf8');
  const steps = [...xml.matchAll(/StepCount"[^>]*startDate="2014-09-13[^>]*value="(\d+)"/g)].reduce(
    (a, m) => a + Number(m[1]),
    0,
  );
  assert.equal(apple.days['2014-09-13'].steps, steps);
  assert.equal(fit.format, 'fit');
  assert.ok(fit.days['2017-06-11'].distance_m > 0);
  const again = await run(['import', join(DATA, 'apple-health/export6s3sample.xml'), '--db', db, '--json']);
  assert.deepEqual(
    [JSON.parse(again.out).status, JSON.parse(again.out).added, JSON.parse(again.out).duplicates],
    ['nothing-new', 0, 15],
  );
});

test('A record repeated in the file is counted once: the JSON report equals what the store holds (hand figures)', async () => {
  const xml = readFileSync(join(DATA, 'apple-health/export6s3sample.xml'), 'utf8');
  const step = /<Record type="HKQuantityTypeIdentifierStepCount"[^>]*value="(\d+)"\/>\n/.exec(xml)!;
  const file = join(dir, 'repeated.xml');
  writeFileSync(file, xml.replace('</HealthData>', `${step[0].repeat(5)}</HealthData>`));
  const db = join(dir, 'repeated.sqlite');
  const r = await run(['import', file, '--db', db, '--json']);
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  // By hand: 15 walking records written once plus 5 copies of one of them; 2517 steps on 2014-09-13 counted once.
  assert.deepEqual(
    [report.samples, report.added, report.duplicates, report.days['2014-09-13'].steps],
    [20, 15, 5, 2517],
  );
  const s = openStore({ kind: 'sqlite', path: db });
  const stored = await s.db
    .selectFrom('walking_days')
    .select(['date', 'steps'])
    .where('date', '=', '2014-09-13')
    .executeTakeFirstOrThrow();
  const n = await s.db
    .selectFrom('walking_sample_chunks')
    .select((eb) => eb.fn.sum<number>('sample_count').as('n'))
    .executeTakeFirstOrThrow();
  await s.close();
  assert.deepEqual([Number(stored.steps), Number(n.n)], [2517, 15]);
});

test('Exit codes: 0 clean, 3 imported with errors (lenient), 1 not imported; --help explains them', async () => {
  const xml = readFileSync(join(DATA, 'apple-health/export6s3sample.xml'), 'utf8');
  const damaged = join(dir, 'damaged.xml');
  writeFileSync(damaged, xml.replace('value="426"', 'value="4x6"'));
  const db = join(dir, 'exit.sqlite');
  const lenient = await run(['import', damaged, '--db', db]);
  assert.equal(lenient.code, 3, lenient.out + lenient.err);
  assert.match(lenient.out, /: imported with errors\n  14 new walking measurements added\n/);
  assert.equal(
    (await run(['import', damaged, '--db', db, '--json'])).code,
    3,
    'the same again: nothing new, still with errors',
  );
  assert.equal((await run(['import', join(DATA, 'fit/garmin-fenix-5-walk.fit'), '--db', db])).code, 0);
  // One file not imported outweighs one with errors.
  assert.equal(
    (await run(['import', damaged, join(DATA, 'fit/invalid-activity-unexpected-eof.fit'), '--strict', '--db', db]))
      .code,
    1,
  );
  assert.equal(
    (await run(['import', damaged, join(DATA, 'fit/invalid-activity-unexpected-eof.fit'), '--db', db])).code,
    3,
  );
  const help = await run(['import', '--help']);
  assert.match(
    help.out,
    /Exit codes:\n  0  every file was imported[^\n]*\n  3  imported with errors: bad records were left out[^\n]*\n  1  a file was not imported[^\n]*\n  2  a mistake on the command line\n/,
  );
});

test('A bad file in strict mode exits non-zero and names where it broke', async () => {
  const r = await run([
    'import',
    join(DATA, 'fit/invalid-activity-unexpected-eof.fit'),
    '--strict',
    '--db',
    join(dir, 'b.sqlite'),
  ]);
  assert.equal(r.code, 1);
  assert.match(r.out, /NOT imported/);
  assert.match(r.out, /@byte \d+/);
  const bad = await run(['import', join(DATA, 'nope.xml'), '--offset', 'noon', '--db', join(dir, 'b.sqlite')]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--offset/);
});

test("A Fitbit file holding several people: refused with every Id listed; --fitbit-id imports that person's rows", async () => {
  const file = join(DATA, 'fitbit/dailySteps_merged.csv');
  const db = join(dir, 'fitbit.sqlite');
  const all = readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
  const ids = [...new Set(all.map((l) => l.split(',')[0]!))];
  const refused = await run(['import', file, '--db', db]);
  assert.equal(refused.code, 1);
  assert.match(refused.out, /NOT imported/);
  assert.match(refused.out, new RegExp(`The Ids in this file: ${ids.join(', ')}\n`));
  assert.match(refused.out, /--fitbit-id ID/);
  const json = await run(['import', file, '--db', db, '--json']);
  const report = JSON.parse(json.out);
  assert.equal(report.added, 0);
  assert.deepEqual(report.errors[0].choices, ids);
  const chosen = await run(['import', file, '--fitbit-id', ids[0]!, '--db', db, '--json']);
  assert.equal(chosen.code, 0, chosen.err);
  const ok = JSON.parse(chosen.out);
  const rows = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.startsWith(`${ids[0]},`));
  assert.equal(ok.added, rows.length);
  const plain = await run(['import', file, '--fitbit-id', ids[0]!, '--db', db]);
  assert.match(
    plain.out,
    new RegExp(
      `\\(fitbit-csv, \\d+ kB\\): nothing new\\n  Nothing new: all ${rows.length} walking measurements in this file were already stored\\n` +
        `  ${all.length} records read, giving ${rows.length} walking measurements: 0 added, ${rows.length} already stored or repeated in the file\\n  ${all.length - rows.length} rows of other people left out\\n`,
    ),
  );
  assert.equal(Object.keys(ok.days).length, rows.length); // one row per day
  const bad = await run(['import', file, '--fitbit-id', 'me', '--db', db]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--fitbit-id must be the digits of a Fitbit Id \(got "me"\)/);
});

test('A killed import leaves the database as it was', async () => {
  // A 60 MB export from the real records with shifted dates, so the import is still running when it is killed.
  const xml = readFileSync(join(DATA, 'apple-health/export6s3sample.xml'), 'utf8');
  const head = xml.slice(0, xml.indexOf('<Record'));
  const records = xml.slice(xml.indexOf('<Record'), xml.lastIndexOf('</HealthData>'));
  const parts = [head];
  let size = head.length;
  for (let year = 2000; size < 60e6; year++) {
    for (let month = 1; month <= 12 && size < 60e6; month++) {
      const block = records
        .replaceAll('2014-09-', `${year}-${String(month).padStart(2, '0')}-`)
        .replaceAll('2016-04-', `${year}-${String(month).padStart(2, '0')}-`);
      parts.push(block);
      size += block.length;
    }
  }
  parts.push('</HealthData>\n');
  const big = join(dir, 'big.xml');
  writeFileSync(big, parts.join(''));
  const db = join(dir, 'killed.sqlite');
  const s0 = openStore({ kind: 'sqlite', path: db });
  await migrate(s0);
  await s0.close();
  const child = spawn(process.execPath, [BIN, 'import', big, '--db', db], { stdio: 'ignore' });
  // Kill it once it has written into the WAL (the transaction is under way), or after 20 s at the latest.
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    if (existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 1_000_000) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(child.exitCode, null, 'the import was still running when killed');
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const s1 = openStore({ kind: 'sqlite', path: db });
  const n = await s1.db
    .selectFrom('walking_sample_chunks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const imports = await s1.db.selectFrom('imports').selectAll().execute();
  const integrity = s1.sqlite!.pragma('integrity_check', { simple: true });
  await s1.close();
  assert.equal(Number(n.n), 0);
  assert.equal(imports.length, 0);
  assert.equal(integrity, 'ok');
});
