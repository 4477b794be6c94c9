import { test } from 'node:test';
import assert from 'node:assert/strict';
import { i18n } from '../i18n/i18n.js';
import { recordCountsText, recordPartsText, viewOfPast } from './import-view.js';
import type { PastImport } from './import-types.js';

// The words a person reads under a past FHIR import, written out by hand.
const en = i18n.getFixedT('en', 'walking');
const es = i18n.getFixedT('es', 'walking');
const enNumber = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const esNumber = (n: number) => new Intl.NumberFormat('es-ES').format(n);

const past = (extra: object): PastImport =>
  ({
    id: 'i1',
    fileName: 'record.fhir.json',
    format: 'fhir',
    at: '2026-12-07T10:00:00Z',
    result: {
      version: 1,
      status: 'imported',
      mode: 'lenient',
      records: 21,
      samples: 3,
      added: 3,
      duplicates: 0,
      skipped: 8,
      skippedBy: { 'other-data': 8 },
      errorCount: 0,
      warningCount: 0,
      problems: [],
      days: { count: 3, first: '2026-10-30', last: '2026-11-01' },
      ...extra,
    },
  }) as unknown as PastImport;

test("a past FHIR import's check-ins and assessments are read from its record, with their figures", () => {
  const v = viewOfPast(past({ checkins: { added: 2, duplicates: 0 }, assessments: { added: 1200, duplicates: 3 } }))!;
  assert.equal(
    recordCountsText(v, en, enNumber),
    'Pain check-ins: 2 new, 0 already stored. Screening results and outcome scores: 1,200 new, 3 already stored.',
  );
  assert.equal(
    recordCountsText(v, es, esNumber),
    'Registros de dolor: nuevos, 2; ya guardados, 0. Resultados de pruebas y de cuestionarios: nuevos, 1200; ya guardados, 3.',
  );
});

test("a past FHIR import's gait analyses follow its check-ins and assessments, in English and Spanish", () => {
  const v = viewOfPast(past({ checkins: { added: 2, duplicates: 0 }, gait: { added: 1, duplicates: 1 } }))!;
  assert.equal(
    recordCountsText(v, en, enNumber),
    'Pain check-ins: 2 new, 0 already stored. Gait analyses (their measurements): 1 new, 1 already stored.',
  );
  assert.equal(
    recordCountsText(v, es, esNumber),
    'Registros de dolor: nuevos, 2; ya guardados, 0. Análisis de la marcha (sus medidas): nuevos, 1; ya guardados, 1.',
  );
});

test('a file without check-ins or assessments (any walking file) adds nothing to the line; one of the two alone is shown alone', () => {
  assert.equal(recordCountsText(viewOfPast(past({}))!, en, enNumber), null);
  assert.equal(
    recordCountsText(viewOfPast(past({ assessments: { added: 0, duplicates: 3 } }))!, en, enNumber),
    'Screening results and outcome scores: 0 new, 3 already stored.',
  );
});

test('what a FHIR file gave of the record: one line a part, stage and walking target first, each taken or already the same', () => {
  const v = viewOfPast(past({ record: { birthYear: 'same', stage: 'set', walkingTarget: 'set' } }))!;
  assert.deepEqual(recordPartsText(v, en), [
    'Program stage: taken from the file (a line in the program’s history)',
    'Clinician’s walking target: taken from the file (a line in the program’s history)',
    'Birth year: already the same',
  ]);
  assert.deepEqual(recordPartsText(viewOfPast(past({ record: { birthYear: 'set', stage: 'same' } }))!, es), [
    'Etapa del programa: ya era el mismo',
    'Año de nacimiento: tomado del archivo',
  ]);
  assert.deepEqual(
    recordPartsText(viewOfPast(past({}))!, en),
    [],
    'a walking file, or a record kept before Footing kept the parts',
  );
});
