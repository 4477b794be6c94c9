import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXERCISES } from './exercises.js';
import { EVIDENCE_LEVELS } from './evidence.js';

const domain = readFileSync(new URL('../../../shared/DOMAIN.md', import.meta.url), 'utf8');
const references = domain.slice(domain.indexOf('## References'));

// Which precaution takes each exercise out of the plan (DOMAIN.md §3 3.15 and §6 foot: ball rolling; barefoot drills).
const exclusionOf = [
  ['walk', null],
  ['ball-roll', 'ball-roll'],
  ['pinky-toe-lift', 'toe-drills'],
] as const;
for (const [id, exclusion] of exclusionOf) {
  test(`Given the ${id} exercise, when its precaution is read, then it is ${exclusion ?? 'none'}`, () => {
    assert.equal(EXERCISES[id].id, id);
    assert.equal(EXERCISES[id].exclusion, exclusion);
  });
}

test('Given the library, when listed, then it holds exactly walk, ball roll and pinky-toe lift', () => {
  assert.deepEqual(Object.keys(EXERCISES).sort(), ['ball-roll', 'pinky-toe-lift', 'walk']);
});

for (const ex of Object.values(EXERCISES)) {
  test(`Given ${ex.id}, when its "why" claims are checked, then each has a known evidence level and real DOMAIN.md references`, () => {
    assert.ok(ex.why.length > 0);
    for (const c of ex.why) {
      assert.ok(c.evidence in EVIDENCE_LEVELS, c.evidence);
      for (const r of c.refs) assert.match(references, new RegExp(`^${r}\\. `, 'm'), `[${r}] in DOMAIN.md`);
    }
    assert.ok(ex.ifItHurts.length > 0);
    assert.ok(Object.values(ex.steps).some((s) => s.length > 0));
  });
}

// DOMAIN.md §0: the pinky-toe lift "builds the arch" and ball rolling via "fascial chains" are hypotheses; the copy
// must say so rather than present them as shown.
for (const id of ['ball-roll', 'pinky-toe-lift'] as const) {
  test(`Given ${id}, when its claims are read, then at least one is labelled a hypothesis (DOMAIN.md §0)`, () => {
    assert.ok(EXERCISES[id].why.some((c) => c.evidence === 'HYP'));
  });
}

test('Given the walk, when its claims are read, then the WalkBack trial [5] is cited as an RCT (DOMAIN.md §2a 2.1)', () => {
  assert.ok(EXERCISES.walk.why.some((c) => c.evidence === 'RCT' && c.refs.includes('5')));
  assert.ok((EXERCISES.walk.steps.walking ?? []).length > 0);
});

// Pain-monitoring model, DOMAIN.md §8 [46]: up to 5/10 during activity; §3 3.15: roll at about 5/10 discomfort or less.
for (const [id, text] of [
  ['walk', EXERCISES.walk.ifItHurts.join(' ')],
  ['ball-roll', JSON.stringify(EXERCISES['ball-roll'].steps)],
] as const) {
  test(`Given ${id}, when the pain guidance is read, then it names the 5 out of 10 limit`, () => {
    assert.match(text, /5(\/10| out of 10)/);
  });
}
