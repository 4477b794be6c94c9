import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVIDENCE_LEVELS, plainStrength, type EvidenceLevel } from './evidence.js';

// DOMAIN.md header: guideline grade A, NICE recommendations, SR/MA and RCTs are the strongest labels; grade B,
// cohorts and lab studies are weaker; consensus and expert opinion are advice; HYP is not shown.
const expected: [EvidenceLevel, ReturnType<typeof plainStrength>][] = [
  ['GL-A', 'well supported'],
  ['GL-NICE', 'well supported'],
  ['SR/MA', 'well supported'],
  ['RCT', 'well supported'],
  ['GL-B', 'some support'],
  ['COH', 'some support'],
  ['LAB', 'some support'],
  ['CONS', 'expert advice'],
  ['EO', 'expert advice'],
  ['HYP', 'an idea, not proven'],
];
for (const [level, words] of expected) {
  test(`Given evidence level ${level}, when put in plain words, then it reads "${words}"`, () => {
    assert.equal(plainStrength(level), words);
  });
}

test('Given the evidence levels, when listed, then every one has a plain-words mapping in this table', () => {
  assert.deepEqual(Object.keys(EVIDENCE_LEVELS).sort(), expected.map(([l]) => l).sort());
});
