import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictWith, invalidInput, ServiceError } from '../services/service-error.js';
import { CliError, failure, usageError } from './cli-error.js';
import { refusal } from '../core/refusal-words.js';

test("a use case's refusal is one line naming its field, exit code 1; the CLI's own mistakes keep their codes", () => {
  assert.deepEqual(
    failure(invalidInput(refusal('report.period-order', { from: '2026-12-09', to: '2026-12-08' }), 'from')),
    {
      line: 'from: The period starts (2026-12-09) after it ends (2026-12-08).',
      exitCode: 1,
    },
  );
  assert.deepEqual(failure(conflictWith(refusal('program.safety-first'))), {
    line: 'Answer the safety check before your first session.',
    exitCode: 1,
  });
  assert.deepEqual(failure(new ServiceError('not_found', refusal('person.not-found'))), {
    line: 'No such person.',
    exitCode: 1,
  });
  assert.deepEqual(failure(usageError('--to is required')), { line: '--to is required', exitCode: 2 });
  assert.deepEqual(failure(new CliError('bad line 3')), { line: 'bad line 3', exitCode: 1 });
  assert.deepEqual(failure(new Error('disk full')), { line: 'unexpected error: disk full', exitCode: 1 });
});
