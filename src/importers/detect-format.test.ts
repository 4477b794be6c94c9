import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectFormat } from './detect-format.js';
import { importFile } from './import-file.js';
import { sharedData } from '../../test/helpers/shared-data.js';
import { makeZip } from '../../test/helpers/zip-writer.js';

const head = (rel: string) => readFileSync(sharedData(rel)).subarray(0, 4096);

test('every real file is recognised from its content', () => {
  const expected: Record<string, string> = {
    'apple-health/export6s3sample.xml': 'apple-health-xml',
    'fit/garmin-fenix-5-walk.fit': 'fit',
    'fit/garmin-fr935-cr.fit': 'fit',
    'fit/invalid-activity-unexpected-eof.fit': 'fit',
    'gpx/Mojstrovka.gpx': 'gpx',
    'gpx/gpx_with_garmin_extension.gpx': 'gpx',
    'tcx/tcxparser-test-run.tcx': 'tcx',
    'fitbit/dailyActivity_merged.csv': 'fitbit-csv',
    'fitbit/dailySteps_merged.csv': 'fitbit-csv',
  };
  for (const [rel, format] of Object.entries(expected))
    assert.deepEqual(detectFormat(head(rel), rel), { format, by: 'content' }, rel);
  assert.equal(detectFormat(makeZip({ 'a.txt': 'x' }))?.format, 'apple-health-zip');
});

test('other files are not ours, whatever their name; the name decides only for an empty head', () => {
  assert.equal(detectFormat(head('fit/garmin-fenix-5-walk-records.csv'), 'x.csv'), null);
  // FHIR JSON is ours (issue 15: steps and pain Observations), whatever its name; a Patient alone imports nothing.
  assert.deepEqual(detectFormat(head('fhir/patient-example.json'), 'walk.fit'), { format: 'fhir', by: 'content' });
  assert.equal(detectFormat(head('video/sports2d_demo_walk_side.mp4'), 'a.gpx'), null);
  assert.deepEqual(detectFormat(new Uint8Array(0), 'cut.fit'), { format: 'fit', by: 'name' });
  assert.equal(detectFormat(new Uint8Array(0), 'notes.txt'), null);
});

test('importFile dispatches every real file to its importer', async () => {
  const dirs = ['apple-health', 'fit', 'gpx', 'tcx', 'fitbit'];
  for (const d of dirs) {
    for (const name of readdirSync(sharedData(d))) {
      const s = await importFile(sharedData(`${d}/${name}`));
      if (name.endsWith('records.csv')) {
        assert.equal(s.issues[0]?.code, 'unsupported-format', name);
        assert.equal(s.format, 'unknown', name);
      } else assert.ok(s.recordsSeen > 0 || name.includes('garmin_extension'), name);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'footing-detect-'));
  try {
    const p = join(dir, 'empty.bin');
    writeFileSync(p, '');
    const s = await importFile(p);
    assert.equal(s.ok, false);
    assert.equal(s.issues[0]?.code, 'unsupported-format');
    assert.equal(s.format, 'unknown');
    const missing = await importFile(join(dir, 'gone.xml'));
    assert.deepEqual([missing.ok, missing.format, missing.issues[0]?.code], [false, 'unknown', 'unreadable']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
