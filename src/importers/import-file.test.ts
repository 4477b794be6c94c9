/**
 * importFile takes the format its caller already detected (issue 12 item 4: the detected format is handed on,
 * not detected again). A real GPX file (a hike from ../shared/data/gpx) shows it: told "none of ours", it is
 * refused without being read as GPX; told nothing, it is detected and imported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from './import-file.js';
import { sharedData } from '../../test/helpers/shared-data.js';

const gpx = sharedData('gpx/korita-zbevnica.gpx');

test('a format detected by the caller is used as given', async () => {
  const refused = await importFile(gpx, { offsetMinutes: 120, detected: null });
  assert.equal(refused.ok, false);
  assert.equal(refused.format, 'unknown');
  assert.equal(refused.issues[0]?.code, 'unsupported-format');

  const told = await importFile(gpx, { offsetMinutes: 120, detected: { format: 'gpx', by: 'content' } });
  const found = await importFile(gpx, { offsetMinutes: 120 });
  assert.equal(found.format, 'gpx');
  assert.equal(found.ok, true);
  assert.deepEqual(told, found);
});
