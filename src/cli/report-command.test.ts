/**
 * `footing report`: the local person's report as a PDF file (the numbers are checked on both databases in
 * src/server/report-api.test.ts); an empty record gives a short report; bad options are one line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openStore } from '../store/db.js';
import { buildApp } from '../server/app.js';
import { runCli } from '../../test/helpers/cli.js';
import { pdfText } from '../../test/helpers/pdf-text.js';

test('footing report --out writes the clinician or the patient report; bad options are refused in one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-report-cli-'));
  const db = join(dir, 'footing.sqlite');
  const store = openStore({ kind: 'sqlite', path: db });
  await migrate(store);
  const app = await buildApp({ store, webRoot: null });
  const res = await app.inject({
    method: 'POST',
    url: '/api/checkins',
    payload: { at: '2026-11-01T08:00:00+00:00', context: 'daily', neck: 4 },
  });
  assert.ok(res.statusCode < 300, res.body);
  await app.close();
  await store.close();

  const out = join(dir, 'clinician.pdf');
  const r = await runCli(['report', '--out', out, '--date', '2026-11-02', '--db', db]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Clinician report written to .*clinician\.pdf \(\d+ KB\)\n$/);
  const text = pdfText(readFileSync(out)).replace(/\s+/g, ' ');
  assert.match(text, /Footing: clinician report/);
  // No program yet: the one check-in (neck 4 on 1 Nov) is its own baseline, and the weeks start that day.
  assert.match(text, /Program: not started/);
  assert.match(text, /1 1 Nov 2026 to 2 Nov 2026 1 – 4 –/);

  const own = join(dir, 'mine.pdf');
  assert.equal(
    (await runCli(['report', '--kind', 'patient', '--out', own, '--date', '2026-11-02', '--db', db])).code,
    0,
  );
  assert.match(pdfText(readFileSync(own)).replace(/\s+/g, ' '), /Footing: your report .* You have not started yet/);

  // A chosen period: 2 Nov only. Week 1 (from the check-in of 1 Nov) starts on the period's first day: no check-in in it.
  const period = join(dir, 'period.pdf');
  const p = await runCli(['report', '--out', period, '--from', '2026-11-02', '--to', '2026-11-02', '--db', db]);
  assert.equal(p.code, 0, p.err);
  const periodText = pdfText(readFileSync(period)).replace(/\s+/g, ' ');
  assert.match(periodText, /Report for 2 Nov 2026 to 2 Nov 2026\./);
  assert.match(periodText, /1 2 Nov 2026 to 2 Nov 2026 0 – – – 0\/1 \(0%\)/);
  const backwards = await runCli([
    'report',
    '--out',
    join(dir, 'z.pdf'),
    '--from',
    '2026-11-03',
    '--to',
    '2026-11-02',
    '--db',
    db,
  ]);
  assert.deepEqual(
    [backwards.code, backwards.err],
    [2, "footing report: --from 2026-11-03 is after the period's last day (2026-11-02)\n"],
  );
  const both = await runCli([
    'report',
    '--out',
    join(dir, 'z.pdf'),
    '--to',
    '2026-11-02',
    '--date',
    '2026-11-02',
    '--db',
    db,
  ]);
  assert.deepEqual([both.code, both.err], [2, 'footing report: --to and --date name the same day: give one\n']);
  const badFrom = await runCli(['report', '--out', join(dir, 'z.pdf'), '--from', '2 Nov', '--db', db]);
  assert.deepEqual(
    [badFrom.code, badFrom.err],
    [2, 'footing report: --from must be a calendar date like 2026-11-25 (got "2 Nov")\n'],
  );
  assert.equal(existsSync(join(dir, 'z.pdf')), false);

  const bad = await runCli(['report', '--kind', 'insurer', '--out', join(dir, 'x.pdf'), '--db', db]);
  assert.deepEqual([bad.code, bad.err], [2, 'footing report: --kind must be clinician or patient (got "insurer")\n']);
  const noOut = await runCli(['report', '--db', db]);
  assert.deepEqual(
    [noOut.code, noOut.err],
    [2, 'footing report: --out FILE.pdf is required (a PDF is not written to the terminal)\n'],
  );
  const badDate = await runCli(['report', '--out', join(dir, 'y.pdf'), '--date', '2026-13-01', '--db', db]);
  assert.equal(badDate.code, 2);
  assert.equal(existsSync(join(dir, 'x.pdf')) || existsSync(join(dir, 'y.pdf')), false);
});
