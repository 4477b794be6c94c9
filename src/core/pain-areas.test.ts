import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BODY_REGIONS } from './pain.js';
import { painAreaLabel, REGION_NAMES } from './pain-areas.js';

test('Every body-map region has a name in words, with no stored value (hyphens) in it', () => {
  for (const r of BODY_REGIONS) assert.match(REGION_NAMES[r], /^[a-z ]+$/, r);
});

test('An area reads as a person says it: the side when it is one side, the view when given', () => {
  assert.equal(painAreaLabel({ region: 'heel', side: 'left', view: 'back' }), 'Left heel (back)');
  assert.equal(painAreaLabel({ region: 'low-back', side: 'centre', view: 'back' }), 'Lower back (back)');
  assert.equal(painAreaLabel({ region: 'foot-sole', side: 'both' }), 'Sole of the foot');
  assert.equal(painAreaLabel({ region: 'shoulder', side: 'right', view: 'front' }), 'Right shoulder (front)');
});
