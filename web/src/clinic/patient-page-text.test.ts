import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROGRAM_EVENT_ACTIONS } from '../../../src/core/program-event-record.js';
import { DECISION_TEXT, EVENT_TEXT, eventActor, otherScoresNote } from './patient-page-text.js';

test('no count of other scores is shown when there are none; one and several read as words', () => {
  assert.equal(otherScoresNote(0), null);
  assert.equal(otherScoresNote(1), '1 more score was given before or after sessions (not in this table).');
  assert.equal(otherScoresNote(1200), '1,200 more scores were given before or after sessions (not in this table).');
});

test('every program event action and decision has words, none of them the stored value', () => {
  for (const a of PROGRAM_EVENT_ACTIONS) {
    assert.ok(EVENT_TEXT[a], a);
    assert.doesNotMatch(EVENT_TEXT[a], new RegExp(`^${a}$`, 'i'));
  }
  assert.deepEqual(Object.values(DECISION_TEXT), ['move up a stage', 'stay at this stage', 'step back a stage', 'stop (a safety answer)']);
  assert.deepEqual([eventActor('clinician'), eventActor('person'), eventActor('engine')], ['by a clinician', 'by the patient', '']);
});
