/**
 * `footing export --format fhir`: the local person's record as a FHIR R4 Bundle on standard output or in a file,
 * the same as the API gives (src/server/fhir-api.test.ts has the numbers on both databases), valid R4, and the same
 * bundle from the same database but for its timestamp; `footing import` of that file into a fresh database gives
 * the same Observations when exported again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { migrate, openStore } from '../store/db.js';
import { buildApp } from '../server/app.js';
import { exportFhirBundle } from '../services/fhir-export-service.js';
import { runCli } from '../../test/helpers/cli.js';
import { submitScreen } from '../services/program-service.js';
import { fhirErrors } from '../../test/helpers/fhir-validator.js';
import { zoneOnAnotherDate } from '../../test/helpers/other-date-zone.js';
import { stageByNumber } from '../core/stages.js';
import { listProgramEvents } from '../store/repos/program.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));

test('footing export --format fhir prints a valid R4 collection Bundle of the local record; --out writes it; bad options are one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-fhir-cli-'));
  const db = join(dir, 'footing.sqlite');
  const store = openStore({ kind: 'sqlite', path: db });
  await migrate(store);
  const app = await buildApp({ store, webRoot: null });
  for (const [method, url, payload] of [
    ['POST', '/api/screen?date=2026-11-02', { answers: allNo() }],
    ['PUT', '/api/walking/manual', { date: '2026-10-31', steps: 3200 }],
    ['POST', '/api/checkins', { at: '2026-11-01T08:00:00+00:00', context: 'daily', foot: 4 }],
  ] as const) {
    const res = await app.inject({ method, url, payload });
    assert.ok(res.statusCode < 300, res.body);
  }
  await app.close();
  await store.close();

  const r = await runCli(['export', '--format', 'fhir', '--date', '2026-11-02', '--db', db]);
  assert.equal(r.code, 0, r.err);
  const bundle = JSON.parse(r.out);
  assert.deepEqual([bundle.resourceType, bundle.type], ['Bundle', 'collection']);
  assert.deepEqual(
    bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType),
    ['Patient', 'CarePlan', 'Goal', 'Observation', 'Observation', 'Provenance', 'Provenance'],
  );
  const steps = bundle.entry[3].resource;
  assert.deepEqual(
    [steps.effectiveDateTime, steps.valueQuantity.value, steps.valueQuantity.code],
    ['2026-10-31', 3200, '/d'],
  );
  assert.deepEqual(
    [bundle.entry[4].resource.valueInteger, bundle.entry[4].resource.bodySite.coding[0].code],
    [4, '56459004'],
  );
  for (const { resource } of bundle.entry) assert.deepEqual(fhirErrors(resource), [], resource.resourceType);

  const file = join(dir, 'record.fhir.json');
  const w = await runCli(['export', '--format', 'fhir', '--date', '2026-11-02', '--out', file, '--db', db]);
  assert.equal(w.out, `FHIR R4 Bundle written to ${file}\n`);
  const written = readFileSync(file, 'utf8');
  const again = JSON.parse(written);
  assert.deepEqual({ ...again, timestamp: null }, { ...bundle, timestamp: null });
  // Written a batch at a time, the file is the same bytes as the whole bundle stringified with an indent of 2 (as the
  // command wrote it before it streamed), given the file's own timestamp; standard output is the same text.
  const check = openStore({ kind: 'sqlite', path: db });
  const personId = (await check.db.selectFrom('people').select('id').executeTakeFirstOrThrow()).id;
  assert.equal(
    written,
    `${JSON.stringify(await exportFhirBundle(check.db, personId, { today: '2026-11-02', exportedAt: again.timestamp }), null, 2)}\n`,
  );
  assert.equal(
    r.out,
    `${JSON.stringify(await exportFhirBundle(check.db, personId, { today: '2026-11-02', exportedAt: bundle.timestamp }), null, 2)}\n`,
  );
  await check.close();

  // The CLI round trip: footing import of the exported file into a fresh database, then export again.
  const fresh = join(dir, 'fresh.sqlite');
  const freshStore = openStore({ kind: 'sqlite', path: fresh });
  await migrate(freshStore);
  await freshStore.close();
  const imp = await runCli(['import', file, '--json', '--db', fresh]);
  assert.equal(imp.code, 0, imp.err);
  const report = JSON.parse(imp.out);
  assert.deepEqual(
    [report.format, report.status, report.samples, report.added, report.checkins, report.days],
    ['fhir', 'imported', 1, 1, { added: 1, duplicates: 0 }, { '2026-10-31': { steps: 3200, distance_m: 0 } }],
  );
  const twice = JSON.parse((await runCli(['import', file, '--json', '--db', fresh])).out);
  assert.deepEqual([twice.status, twice.added, twice.checkins], ['nothing-new', 0, { added: 0, duplicates: 1 }]);
  const back = JSON.parse((await runCli(['export', '--format', 'fhir', '--date', '2026-11-02', '--db', fresh])).out);
  const observations = (b: { entry: { resource: { resourceType: string; id: string; subject?: unknown } }[] }) =>
    b.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'Observation')
      .map((r) => ({ ...r, id: undefined, subject: undefined, performer: undefined }));
  assert.deepEqual(observations(back), observations(bundle));

  // --adopt-program: refused in one line before the person has a program (exit 1, nothing stored); after their own
  // safety check, the file's program is at stage 1 like theirs, so the stage is already the same, and said so.
  const early = await runCli(['import', file, '--adopt-program', '--db', fresh]);
  assert.equal(early.code, 1);
  assert.match(early.err, /has not started the program yet \(the safety questions come first\)/);
  const screened = openStore({ kind: 'sqlite', path: fresh });
  const freshPerson = (await screened.db.selectFrom('people').select('id').executeTakeFirstOrThrow()).id;
  await submitScreen(screened.db, freshPerson, { answers: allNo() }, '2026-11-02');
  await screened.close();
  const adopted = await runCli(['import', file, '--adopt-program', '--db', fresh]);
  assert.equal(adopted.code, 0, adopted.err);
  assert.match(adopted.out, /\n {2}Record: program stage already the same\n/);
  // A file at stage 2, imported on a machine whose calendar date is not UTC's: the stage's event is dated on the
  // person's own day (the machine's), as every other event is, not on the UTC date.
  const atStage2 = join(dir, 'stage2.fhir.json');
  const text = readFileSync(file, 'utf8');
  assert.match(text, new RegExp(`"Stage 1, ${stageByNumber(1).name}:`));
  writeFileSync(atStage2, text.replace(`"Stage 1, ${stageByNumber(1).name}:`, `"Stage 2, ${stageByNumber(2).name}:`));
  const zone = zoneOnAnotherDate();
  const tz = process.env.TZ;
  process.env.TZ = zone.timeZone;
  let staged;
  try {
    staged = await runCli(['import', atStage2, '--adopt-program', '--db', fresh]);
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
  assert.equal(staged.code, 0, staged.err);
  assert.match(staged.out, /Record: program stage taken from the file/);
  const events = openStore({ kind: 'sqlite', path: fresh });
  const imported = (await listProgramEvents(events.db, freshPerson)).filter((e) =>
    e.reasons.some((r) => r.rule === 'imported-program'),
  );
  await events.close();
  assert.deepEqual(
    imported.map((e) => [e.toStage, e.onDate]),
    [[2, zone.date]],
    `in ${zone.timeZone}, where UTC's date is ${zone.utcDate}`,
  );

  // A gait analysis in a file (two metrics of one time and view): one analysis added, then already stored.
  const gaitFile = join(dir, 'gait.fhir.json');
  const metric = (code: string, value: number, unit: string) => ({
    resource: {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'https://footing.example/fhir/CodeSystem/gait-metrics', code }] },
      effectiveDateTime: '2026-11-02T10:00:00Z',
      valueQuantity: { value, system: 'http://unitsofmeasure.org', code: unit },
      method: { text: 'Footing phone-video gait analysis (side view)' },
      note: [{ text: 'Confidence 0.8.' }],
    },
  });
  writeFileSync(
    gaitFile,
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [metric('cadence_spm', 104, '/min'), metric('step_length_m', 0.66, 'm')],
    }),
  );
  const gaitRun = await runCli(['import', gaitFile, '--db', fresh]);
  assert.equal(gaitRun.code, 0, gaitRun.err);
  assert.match(gaitRun.out, /\n {2}1 gait analysis \(measurements only\): 1 added, 0 already stored\n/);
  assert.match(
    (await runCli(['import', gaitFile, '--db', fresh])).out,
    /\n {2}1 gait analysis \(measurements only\): 0 added, 1 already stored\n/,
  );

  const badDate = await runCli(['export', '--format', 'fhir', '--date', '2 Nov', '--db', db]);
  assert.deepEqual(
    [badDate.code, badDate.err],
    [2, 'footing export: --date must be a calendar date like 2026-11-25 (got "2 Nov")\n'],
  );
  const dateWithJson = await runCli(['export', '--date', '2026-11-02', '--db', db]);
  assert.deepEqual([dateWithJson.code, dateWithJson.err], [2, 'footing export: --date goes with --format fhir\n']);
});
