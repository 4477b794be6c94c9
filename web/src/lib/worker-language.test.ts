/**
 * The service worker's own words (web/public/sw.js WORKER_WORDS, what it shows with no page and no server to ask):
 * every text in English and Spanish, the reminder equal to the server's (PUSH_WORDS), and the Spanish keeping to
 * the same claims (clinicalWordingProblems, as for the catalogue).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PUSH_WORDS } from '../../../src/core/i18n/reminder-texts.js';
import { clinicalWordingProblems } from '../../../scripts/i18n-check.js';

function workerWords(): Record<string, Record<string, string>> {
  const source = readFileSync(new URL('../../public/sw.js', import.meta.url), 'utf8');
  const literal = /const WORKER_WORDS = (\{[\s\S]*?\n\});/.exec(source)?.[1];
  assert.ok(literal, 'sw.js declares WORKER_WORDS');
  return new Function(`return ${literal};`)() as Record<string, Record<string, string>>;
}

test('the worker has every text in English and Spanish, none empty, none left in English', () => {
  const { en, es, ...others } = workerWords();
  assert.deepEqual(Object.keys(others), [], 'only the languages Footing speaks');
  assert.deepEqual(Object.keys(es!).sort(), Object.keys(en!).sort());
  for (const k of Object.keys(en!)) {
    assert.ok(es![k]!.trim() && es![k] !== en![k], `"${k}" has its Spanish`);
  }
  assert.deepEqual(clinicalWordingProblems('sw', en!, es!), []);
});

test('an unreadable push falls back to the server’s own reminder sentence, in each language', () => {
  const w = workerWords();
  assert.equal(w.en!.reminder, PUSH_WORDS.en.reminder);
  assert.equal(w.es!.reminder, PUSH_WORDS.es.reminder);
});
