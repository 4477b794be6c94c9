import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from './dates.js';
import type { CheckinSummary } from './program-engine.js';
import { RESCREEN_EVERY_DAYS, reviewProgram, type ReviewInput } from './program-review.js';

const START = '2026-01-05';
const days = (n: number, from = START) => Array.from({ length: n }, (_, i) => addDays(from, i));

/** A person 20 days in, at stage 3 since day 10, doing every session, pain steady at 3 — all rules satisfied. */
function steady(overrides: Partial<ReviewInput> = {}): ReviewInput {
  const today = addDays(START, 20);
  const checkins: CheckinSummary[] = days(21).flatMap((d) => [
    { date: d, context: 'daily' as const, maxPain: 3 },
    { date: d, context: 'after' as const, maxPain: 2 },
  ]);
  return {
    today,
    stage: 3,
    stageStartedOn: addDays(START, 10),
    programStartedOn: START,
    redFlag: false,
    sessionDates: days(21),
    checkins,
    prescribedPerWeek: 7,
    heelFirstSteps: [],
    newLowerLimbDates: [],
    outcomes: [],
    startBackRisk: null,
    lastScreenOn: addDays(START, 0),
    lastRegressOn: null,
    ...overrides,
  };
}

describe('reviewProgram: DOMAIN.md §8 rules beyond the pain-monitoring model', () => {
  test('Given everything within the rules for a week at the stage, it progresses', () => {
    assert.equal(reviewProgram(steady()).action, 'progress');
  });
  test('Given first-step heel pain rising two days in a row (2 → 3 → 5), it regresses', () => {
    const r = reviewProgram(
      steady({
        heelFirstSteps: [
          { date: addDays(START, 18), value: 2 },
          { date: addDays(START, 19), value: 3 },
          { date: addDays(START, 20), value: 5 },
        ],
      }),
    );
    assert.equal(r.action, 'regress');
    assert.ok(r.reasons.some((x) => x.rule === 'heel-first-steps-rising'));
  });
  test('Given heel pain that rose, fell, rose (2 → 4 → 3 → 5), it does not count as two days running', () => {
    const r = reviewProgram(
      steady({ heelFirstSteps: [2, 4, 3, 5].map((value, i) => ({ date: addDays(START, 17 + i), value })) }),
    );
    assert.equal(r.action, 'progress');
  });
  test('Given rising heel pain on days that are not consecutive, it does not regress', () => {
    const r = reviewProgram(
      steady({
        heelFirstSteps: [
          { date: addDays(START, 14), value: 1 },
          { date: addDays(START, 16), value: 3 },
          { date: addDays(START, 18), value: 5 },
        ],
      }),
    );
    assert.equal(r.action, 'progress');
  });
  test('Given new lower-limb symptoms this week, it regresses; at stage 1 it holds instead', () => {
    assert.equal(reviewProgram(steady({ newLowerLimbDates: [addDays(START, 19)] })).action, 'regress');
    const atOne = reviewProgram(steady({ stage: 1, newLowerLimbDates: [addDays(START, 19)] }));
    assert.equal(atOne.action, 'hold');
    assert.ok(atOne.reasons.some((x) => x.rule === 'lowest-stage'));
  });
  test('Given sessions on fewer than half the days for two weeks (3 of 7, then 2 of 7), it re-plans instead of progressing', () => {
    const sessionDates = [1, 3, 5, 8, 12]
      .map((i) => addDays(START, i))
      .concat([addDays(START, 15), addDays(START, 18)]);
    const r = reviewProgram(steady({ sessionDates }));
    assert.notEqual(r.action, 'progress');
    assert.ok(r.reasons.some((x) => x.rule === 'low-adherence'));
  });
  test('Given 6 weeks with pain 5 → 4 (not a 2-point or 30% change), it refers and does not progress', () => {
    const today = addDays(START, 42);
    const checkins: CheckinSummary[] = days(43).flatMap((d, i) => [
      { date: d, context: 'daily' as const, maxPain: i < 7 ? 5 : 4 },
      { date: d, context: 'after' as const, maxPain: 2 },
    ]);
    const r = reviewProgram(steady({ today, checkins, sessionDates: days(43), stageStartedOn: addDays(START, 30) }));
    assert.ok(r.referral.some((x) => x.rule === 'no-improvement-6-weeks'));
    assert.equal(r.action, 'hold');
  });
  test('Given 6 weeks with pain 5 → 3 (2 points, the MCID), there is no referral', () => {
    const today = addDays(START, 42);
    const checkins: CheckinSummary[] = days(43).flatMap((d, i) => [
      { date: d, context: 'daily' as const, maxPain: i < 7 ? 5 : 3 },
      { date: d, context: 'after' as const, maxPain: 2 },
    ]);
    const r = reviewProgram(steady({ today, checkins, sessionDates: days(43), stageStartedOn: addDays(START, 30) }));
    assert.deepEqual(r.referral, []);
  });
  test('Given a high-risk STarT Back group, it refers', () => {
    assert.ok(reviewProgram(steady({ startBackRisk: 'high' })).referral.some((x) => x.rule === 'start-back-high'));
    assert.deepEqual(reviewProgram(steady({ startBackRisk: 'medium' })).referral, []);
  });
  test('Given pain rising over the last check-ins after a regression, it refers', () => {
    const checkins = steady().checkins.map((c) =>
      c.context === 'daily' && c.date >= addDays(START, 18)
        ? { ...c, maxPain: { [addDays(START, 18)]: 3, [addDays(START, 19)]: 4, [addDays(START, 20)]: 5 }[c.date]! }
        : c,
    );
    const r = reviewProgram(steady({ checkins, lastRegressOn: addDays(START, 17) }));
    assert.ok(r.referral.some((x) => x.rule === 'worse-despite-regression'));
  });
  test('The screen is due after 28 days, after a sharp rise of 2 points, and before the first one', () => {
    assert.equal(reviewProgram(steady({ lastScreenOn: addDays(START, 20 - RESCREEN_EVERY_DAYS) })).rescreen.due, true);
    assert.equal(reviewProgram(steady({ lastScreenOn: addDays(START, 21 - RESCREEN_EVERY_DAYS) })).rescreen.due, false);
    assert.equal(reviewProgram(steady({ lastScreenOn: null })).rescreen.due, true);
    const sharp = steady().checkins.map((c) =>
      c.context === 'daily' && c.date === addDays(START, 20) ? { ...c, maxPain: 5 } : c,
    );
    assert.equal(reviewProgram(steady({ checkins: sharp })).rescreen.due, true);
  });
  test('A red flag stops whatever else is going on', () => {
    assert.equal(reviewProgram(steady({ redFlag: true, newLowerLimbDates: [addDays(START, 19)] })).action, 'stop');
  });
});

describe('reviewProgram properties', () => {
  const arbInput = fc
    .record({
      stage: fc.integer({ min: 1, max: 5 }),
      daily: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 21, maxLength: 21 }),
      after: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 21, maxLength: 21 }),
      heel: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 21, maxLength: 21 }),
      sessions: fc.array(fc.boolean(), { minLength: 21, maxLength: 21 }),
      lowerLimb: fc.array(fc.boolean(), { minLength: 21, maxLength: 21 }),
      redFlag: fc.boolean(),
      startBack: fc.constantFrom('low', 'medium', 'high', null),
    })
    .map((a): ReviewInput =>
      steady({
        stage: a.stage,
        redFlag: a.redFlag,
        startBackRisk: a.startBack as ReviewInput['startBackRisk'],
        checkins: days(21).flatMap((d, i) => [
          { date: d, context: 'daily' as const, maxPain: a.daily[i]! },
          { date: d, context: 'after' as const, maxPain: a.after[i]! },
        ]),
        heelFirstSteps: days(21).map((d, i) => ({ date: d, value: a.heel[i]! })),
        sessionDates: days(21).filter((_, i) => a.sessions[i]),
        newLowerLimbDates: days(21).filter((_, i) => a.lowerLimb[i]),
      }),
    );

  test('never progresses on a red flag, on activity pain above 5, or on new lower-limb symptoms this week', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = reviewProgram(input);
        const week = (d: string) => d >= addDays(input.today, -6) && d >= input.stageStartedOn;
        const risingPain = input.checkins.some((c) => week(c.date) && c.context === 'after' && c.maxPain > 5);
        const symptoms = input.newLowerLimbDates.some(week);
        if (input.redFlag) return r.action === 'stop';
        return !(risingPain || symptoms) || r.action !== 'progress';
      }),
      { numRuns: 300 },
    );
  });
  test('a regression never takes the stage below 1, and the same input gives the same review', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = reviewProgram(input);
        const next = r.action === 'regress' ? input.stage - 1 : r.action === 'progress' ? input.stage + 1 : input.stage;
        assert.ok(next >= 1);
        assert.deepEqual(reviewProgram(structuredClone(input)), r);
      }),
      { numRuns: 200 },
    );
  });
});
