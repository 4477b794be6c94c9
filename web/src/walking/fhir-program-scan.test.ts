/**
 * The Walk page's look into a FHIR file for a program (fhir-program-scan.ts): found in a Bundle and in NDJSON, also
 * when the words fall across two slices of a large file; not found in a file of Observations only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdsProgram, isFhirFileName } from './fhir-program-scan.js';

const obs = JSON.stringify({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '41950-7' }] },
});

test('A Bundle with a CarePlan, NDJSON with a Goal, written with or without spaces, hold a program; Observations only do not', async () => {
  const bundle = JSON.stringify(
    {
      resourceType: 'Bundle',
      entry: [{ resource: JSON.parse(obs) }, { resource: { resourceType: 'CarePlan', status: 'active' } }],
    },
    null,
    2,
  );
  assert.equal(await holdsProgram(new Blob([bundle])), true);
  assert.equal(await holdsProgram(new Blob([`${obs}\n{"resourceType" : "Goal"}\n`])), true);
  assert.equal(await holdsProgram(new Blob([`${obs}\n${obs}\n`])), false);
  // A resource that only mentions a CarePlan (a reference) is not one.
  assert.equal(
    await holdsProgram(
      new Blob([JSON.stringify({ resourceType: 'Observation', basedOn: [{ reference: 'CarePlan/1' }] })]),
    ),
    false,
  );
});

test("In a file larger than one slice (4 MB), a CarePlan whose words straddle the slices' border is found", async () => {
  const words = '"resourceType": "CarePlan"';
  // '{"entry":[' (10 characters), the padding and '{': the words start 10 characters before the 4 MB border.
  const pad = ' '.repeat(4 * 1024 * 1024 - 10 - 11);
  assert.equal(await holdsProgram(new Blob([`{"entry":[${pad}{${words}}]}`])), true);
  assert.equal(await holdsProgram(new Blob([`{"entry":[${pad}{"resourceType": "Observation"}]}`])), false);
});

test('Only .json and .ndjson files are read for a program', () => {
  assert.deepEqual(['record.json', 'RECORD.NDJSON', 'export.zip', 'walk.gpx', 'daily.csv'].map(isFhirFileName), [
    true,
    true,
    false,
    false,
    false,
  ]);
});
