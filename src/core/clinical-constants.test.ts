import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as C from './clinical-constants.js';
import { uncitedConstants } from '../../test/helpers/citations.js';

const source = readFileSync(new URL('./clinical-constants.ts', import.meta.url), 'utf8');

test('Given clinical-constants.ts, when each export const is checked, then its comment cites DOMAIN.md', () => {
  const names = [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
  assert.ok(names.length >= 30, `expected the full list of constants, found ${names.length}`);
  assert.deepEqual(uncitedConstants(source), []);
});

test('Given every exported value of the module, when compared with the file text, then each is an `export const` the check saw', () => {
  const declared = new Set([...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1]));
  for (const name of Object.keys(C))
    assert.ok(declared.has(name), `${name} is exported but not declared as a top-level export const`);
});

test('Given constants without a DOMAIN.md comment, when checked, then the check names them (it can fail)', () => {
  const bad = [
    '/** Cites DOMAIN.md §7. */',
    'export const A = 1;',
    'export const B = 2;',
    '',
    '/** No citation here. */',
    'export const C = 3;',
    '',
    'export const D = 4;',
    '// DOMAIN.md §8 in a line comment',
    'export const E = 5;',
  ].join('\n');
  assert.deepEqual(uncitedConstants(bad), ['C', 'D']);
});

// Values typed by hand from DOMAIN.md (section in the label), so an accidental edit of a number fails here.
const fromDomain: [keyof typeof C, number, string][] = [
  ['NPRS_MIN', 0, '§7 NPRS 0-10'],
  ['NPRS_MAX', 10, '§7 NPRS 0-10'],
  ['NPRS_MCID_POINTS', 2, '§7 MCID 2 points'],
  ['NPRS_MCID_FRACTION', 0.3, '§7 MCID 30%'],
  ['PAIN_DURING_ACCEPTABLE_MAX', 5, '§8 up to 5/10'],
  ['PAIN_DURING_SAFE_MAX', 2, '§8 0-2 safe'],
  ['NEXT_MORNING_RISE_REGRESS', 2, '§8 baseline +2'],
  ['ADHERENCE_TARGET', 0.8, '§8 >=80%'],
  ['ADHERENCE_REPLAN_BELOW', 0.5, '§8 under 50%'],
  ['WALKING_WEEKLY_INCREASE', 0.1, '§2b 2.8 10-20%, low end'],
  ['WALKING_WEEKLY_INCREASE_MAX', 0.2, '§2b 2.8 10-20%'],
  ['WALKING_BASELINE_DAYS', 7, '§2b 2.8 7-day baseline'],
  ['WALKING_GOAL_MINUTES', 30, '§2a 2.1 about 30 min'],
  ['WALKING_GOAL_DAYS_PER_WEEK', 5, '§2a 2.1 5x/week'],
  ['STEPS_PLATEAU_UNDER_60', 10_000, '§2b 2.5 8,000-10,000 under 60'],
  ['STEPS_PLATEAU_60_PLUS', 8_000, '§2b 2.5 6,000-8,000 for >=60'],
  ['STEPS_PLATEAU_AGE', 60, '§2b 2.5 age 60'],
  ['CADENCE_MODERATE_SPM', 100, '§2b 2.7 100 steps/min'],
  ['BALL_ROLL_MIN_SECONDS_PER_FOOT', 60, '§3 3.15 1 min per foot'],
  ['BALL_ROLL_MAX_SECONDS_PER_FOOT', 120, '§3 3.15 2 min per foot'],
  ['BALL_ROLL_MAX_PER_DAY', 2, '§3 3.15 1-2x/day'],
  ['BALL_ROLL_DISCOMFORT_MAX', 5, '§3 3.15 about 5/10'],
  ['TOE_DRILL_HOLD_MIN_S', 5, '§4 4.6 holds 5-10 s'],
  ['TOE_DRILL_HOLD_MAX_S', 10, '§4 4.6 holds 5-10 s'],
  ['TOE_DRILL_REPS_MIN', 10, '§4 4.6 10-15 reps'],
  ['TOE_DRILL_REPS_MAX', 15, '§4 4.6 10-15 reps'],
  ['TOE_DRILL_SETS_MIN', 2, '§4 4.6 2-3 sets'],
  ['TOE_DRILL_SETS_MAX', 3, '§4 4.6 2-3 sets'],
  ['NO_IMPROVEMENT_REFER_WEEKS', 6, '§8 refer after 6 weeks'],
];
for (const [name, value, where] of fromDomain) {
  test(`Given DOMAIN.md ${where}, when reading ${name}, then it is ${value}`, () => {
    assert.equal(C[name], value);
  });
}
