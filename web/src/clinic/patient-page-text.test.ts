import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROGRAM_EVENT_ACTIONS } from '../../../src/core/program-event-record.js';
import { i18n } from '../i18n/i18n.js';
import {
  DECISIONS,
  decisionText,
  eventHeading,
  stoppedLine,
  eventActor,
  otherScoresNote,
} from './patient-page-text.js';

// The English the clinician reads, written out by hand below.
const t = i18n.getFixedT('en', 'clinic');

test('no count of other scores is shown when there are none; one and several read as words', () => {
  assert.equal(otherScoresNote(0, t), null);
  assert.equal(otherScoresNote(1, t), '1 more score was given before or after sessions (not in this table).');
  assert.equal(otherScoresNote(1200, t), '1,200 more scores were given before or after sessions (not in this table).');
});

test('every program event action and decision has words, none of them the stored value', () => {
  for (const a of PROGRAM_EVENT_ACTIONS) {
    assert.ok(eventHeading(t, a), a);
    assert.doesNotMatch(eventHeading(t, a), new RegExp(`^${a}$`, 'i'));
    assert.doesNotMatch(eventHeading(t, a), /events\./, `${a}: a catalogue key, not words`);
    // The same heading follows the screen's language (the Spanish t of a Spanish screen).
    assert.notEqual(eventHeading(i18n.getFixedT('es', 'clinic'), a), eventHeading(t, a), a);
  }
  assert.deepEqual(
    DECISIONS.map((d) => decisionText(t, d)),
    ['move up a stage', 'stay at this stage', 'step back a stage', 'stop (a safety answer)'],
  );
  assert.deepEqual(
    [eventActor('clinician', t), eventActor('person', t), eventActor('engine', t)],
    ['by a clinician', 'by the patient', ''],
  );
});

test("a stopped patient's heading says why and the care their answer called for, in the screen's language", () => {
  assert.equal(stoppedLine(t, 'emergency'), 'Program stopped after a safety answer: Get emergency care now.');
  assert.equal(
    stoppedLine(i18n.getFixedT('es', 'clinic'), 'same_day'),
    'Programa detenido tras una respuesta de seguridad: Consulta a un médico hoy.',
  );
});
