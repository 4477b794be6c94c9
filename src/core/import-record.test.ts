import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ImportRecord,
  importOutcomeText,
  importStatus,
  readImportRecord,
  type ImportFigures,
} from './import-record.js';

const figures = (f: Partial<ImportFigures>): ImportFigures => ({
  ok: true,
  mode: 'lenient',
  samples: 0,
  added: 0,
  duplicates: 0,
  errorCount: 0,
  ...f,
});

test('Given what an import did, when said in one sentence, then the words and the numbers agree', () => {
  assert.equal(importOutcomeText(figures({ samples: 55, added: 55 })), '55 new walking measurements added');
  assert.equal(
    importOutcomeText(figures({ samples: 20, added: 15, duplicates: 5 })),
    '15 new walking measurements added (5 others were already stored)',
  );
  assert.equal(
    importOutcomeText(figures({ samples: 2, added: 1, duplicates: 1 })),
    '1 new walking measurement added (1 other was already stored)',
  );
  assert.equal(
    importOutcomeText(figures({ samples: 17, duplicates: 17 })),
    'Nothing new: all 17 walking measurements in this file were already stored',
  );
  assert.equal(
    importOutcomeText(figures({ samples: 1, duplicates: 1 })),
    'Nothing new: its 1 walking measurement was already stored',
  );
  assert.equal(
    importOutcomeText(figures({}), { running: 1 }),
    'Nothing new: the file holds no walking (see what was left out)',
  );
  assert.equal(importOutcomeText(figures({})), 'Nothing new: the file holds no walking measurements');
  assert.equal(
    importOutcomeText(figures({ ok: false, mode: 'strict', errorCount: 1 })),
    'Nothing imported: you chose “import nothing” for a file with damaged records',
  );
  assert.equal(importOutcomeText(figures({ ok: false })), 'Nothing imported: the file could not be used');
  assert.deepEqual(
    [importStatus({ ok: true, added: 3 }), importStatus({ ok: true, added: 0 }), importStatus({ ok: false, added: 0 })],
    ['imported', 'nothing-new', 'not-imported'],
  );
});

test('Given a stored record of version 1, when read, then it is as written; a bad one is refused', () => {
  const v1: ImportRecord = {
    version: 1,
    status: 'imported',
    mode: 'lenient',
    records: 20,
    samples: 19,
    added: 15,
    duplicates: 4,
    skipped: 1,
    skippedBy: { other: 1 },
    errorCount: 1,
    warningCount: 0,
    days: { count: 2, first: '2014-09-13', last: '2014-09-20' },
    problems: [
      {
        severity: 'error',
        code: 'bad-value',
        message: 'value "4x6" is not a number',
        location: { file: 'export.xml', line: 85, column: 2, field: 'value' },
      },
    ],
  };
  assert.deepEqual(readImportRecord(JSON.parse(JSON.stringify(v1))), v1);
  assert.throws(() => readImportRecord({ ...v1, added: -1 }));
  assert.throws(() => readImportRecord({ ...v1, skippedBy: { sleeping: 1 } }));
  assert.throws(() => readImportRecord({ ...v1, days: { count: 1, first: '2014-13-01', last: null } }));
});

test('Given a row written before version 1 (kept imports only), when read, then it becomes version 1 with what it did not keep as null', () => {
  assert.deepEqual(readImportRecord({ records: 16, samples: 15, added: 15, errors: 0, warnings: 1 }), {
    version: 1,
    status: 'imported',
    mode: 'lenient',
    records: 16,
    samples: 15,
    added: 15,
    duplicates: 0,
    skipped: null,
    skippedBy: {},
    errorCount: 0,
    warningCount: 1,
    problems: [],
    days: null,
  });
  assert.throws(() => readImportRecord({}), 'the placeholder of an import under way is not a record');
});
