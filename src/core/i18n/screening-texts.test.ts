/**
 * A screening finding's label in Spanish (src/core/i18n/screening-texts.ts findingLabelIn): the test's name and the
 * words screening-interpret.ts adds after it, written out here by hand; labels from other sources left alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLabelIn } from './screening-texts.js';

test('a screening label in Spanish: the name, the condition and a left-right difference', () => {
  assert.equal(findingLabelIn('navicular-drop', 'Navicular drop', 'es'), 'Caída del navicular');
  assert.equal(findingLabelIn('single-leg-stance', 'Single-leg stance time (eyes closed)', 'es'), 'Tiempo sobre una pierna (ojos cerrados)');
  assert.equal(findingLabelIn('single-leg-stance', 'Single-leg stance time (eyes open): left-right difference', 'es'), 'Tiempo sobre una pierna (ojos abiertos): diferencia entre lados');
  assert.equal(findingLabelIn('heel-raise', 'Single-leg heel raise count: left-right difference', 'es'), 'Número de elevaciones del talón sobre una pierna: diferencia entre lados');
});

test('English, and labels that are not a screening test’s, are left as they are', () => {
  assert.equal(findingLabelIn('navicular-drop', 'Navicular drop', 'en'), 'Navicular drop');
  assert.equal(findingLabelIn('odi', 'Oswestry Disability Index (ODI) v2.1a', 'es'), 'Oswestry Disability Index (ODI) v2.1a');
  assert.equal(findingLabelIn('toString', 'toString', 'es'), 'toString', 'an inherited property name is not a test');
  assert.equal(findingLabelIn('windlass', 'Something else', 'es'), 'Something else', 'a label that does not start with the name');
});
