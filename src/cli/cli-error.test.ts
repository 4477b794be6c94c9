import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictWith, invalidInput, ServiceError } from '../services/service-error.js';
import { CliError, failure, usageError } from './cli-error.js';

test("a use case's refusal is one line naming its field, exit code 1; the CLI's own mistakes keep their codes", () => {
  assert.deepEqual(failure(invalidInput('must be a calendar date like 2026-11-25', 'date')), {
    line: 'date: must be a calendar date like 2026-11-25',
    exitCode: 1,
  });
  assert.deepEqual(failure(conflictWith('The program is paused.')), { line: 'The program is paused.', exitCode: 1 });
  assert.deepEqual(failure(new ServiceError('not_found', 'No such person.')), { line: 'No such person.', exitCode: 1 });
  assert.deepEqual(failure(usageError('--to is required')), { line: '--to is required', exitCode: 2 });
  assert.deepEqual(failure(new CliError('bad line 3')), { line: 'bad line 3', exitCode: 1 });
  assert.deepEqual(failure(new Error('disk full')), { line: 'unexpected error: disk full', exitCode: 1 });
});
