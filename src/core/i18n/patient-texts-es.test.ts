/**
 * Spanish of the pure functions the web app calls itself (issue 14 item 8): pain area names, the end of a session
 * (offline, on the phone) and the evidence words. Expected texts written by hand; English unchanged by default.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { painAreaLabel } from '../pain-areas.js';
import { sessionFeedback, PAIN_MONITORING_CLAIM } from '../session-feedback.js';
import { evidenceLabel, strengthWords } from './evidence-texts.js';

test('pain areas in Spanish: the side after the name, agreeing with it; the view in words', () => {
  assert.equal(painAreaLabel({ region: 'heel', side: 'left', view: 'back' }, 'es'), 'Talón izquierdo (por detrás)');
  assert.equal(painAreaLabel({ region: 'knee', side: 'right' }, 'es'), 'Rodilla derecha');
  assert.equal(painAreaLabel({ region: 'foot-sole', side: 'left' }, 'es'), 'Planta del pie izquierdo');
  assert.equal(painAreaLabel({ region: 'low-back', side: 'centre' }, 'es'), 'Zona lumbar');
  assert.equal(painAreaLabel({ region: 'heel', side: 'left', view: 'back' }), 'Left heel (back)');
});

test('the end of a session in Spanish: 7/10 is above the limit of 5 and says what to do, not "well done"', () => {
  const high = sessionFeedback({ back: 3, foot: 7 }, 'es');
  assert.equal(high.band, 'high');
  assert.equal(high.title, 'Tu dolor pasa de 5 sobre 10: baja el ritmo');
  assert.equal(
    high.lines[0],
    'Un dolor de 7 sobre 10 pasa del límite de 5 para el ejercicio. Deja estos ejercicios por hoy y no sigas a pesar del dolor.',
  );
  assert.match(high.safetyPrompt!, /^Si algo nuevo te preocupa/);
  assert.equal(high.claim.evidence, 'EO');
  assert.match(high.claim.text, /es un consejo de expertos\.$/);
  assert.equal(
    sessionFeedback({ neck: 4 }, 'es').lines[0],
    'Un dolor de 4 sobre 10 es aceptable durante el ejercicio, con tal de que se calme antes de mañana por la mañana.',
  );
  assert.equal(sessionFeedback({ neck: 1 }, 'es').title, 'Bien hecho. Tu sesión está guardada.');
  assert.equal(sessionFeedback({ neck: 7 }).title, 'Your pain is above 5 out of 10: ease off');
  assert.equal(sessionFeedback(undefined).claim, PAIN_MONITORING_CLAIM);
});

test('evidence words in Spanish keep the hedge of a hypothesis', () => {
  assert.equal(evidenceLabel('RCT', 'es'), 'Ensayo controlado aleatorizado');
  assert.equal(strengthWords('HYP', 'es'), 'una idea, no está probada');
  assert.equal(strengthWords('HYP', 'en'), 'an idea, not proven');
});
