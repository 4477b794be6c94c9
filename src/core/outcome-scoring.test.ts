import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ndiBand,
  odiBand,
  scoreFaam,
  scoreNdi,
  scoreNprs,
  scoreOdi,
  scorePsfs,
  scoreStartBack,
  startBackGroup,
  type OutcomeScore,
} from './outcome-scoring.js';

/** Equal to 1e-9 (scores such as 26/45 x 100 are not exact in floating point). */
function near(actual: number | null, expected: number, msg?: string) {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${msg ?? ''} expected ${expected}, got ${actual}`);
}
function invalid(r: OutcomeScore<string>, code: string, field: string, index?: number) {
  assert.equal(r.score, null);
  const p = r.problems.find((x) => x.field === field);
  assert.ok(p, `no problem at ${field}: ${JSON.stringify(r.problems)}`);
  assert.equal(p.code, code);
  assert.equal(p.index, index);
  assert.ok(p.message.length > 0);
}

// ---- ODI v2.1a, DOMAIN.md §7: sum / (5 x answered) x 100; >2 missing invalid. Expected values worked by hand. ----
const odiTable: [string, (number | null)[], number, string][] = [
  // 2+3+1+0+4+2+1+3+2 = 18 over 9 answered: 18/45 x 100 = 40.0, the top edge of "moderate".
  ['one missing, sum 18', [2, 3, 1, 0, 4, 2, 1, 3, 2, null], 40, 'moderate'],
  // 3+3+3+2+4+3+2+3+3 = 26 over 9 answered: 26/45 x 100 = 57.78.
  ['one missing, sum 26', [3, 3, 3, 2, 4, 3, 2, 3, 3, null], 2600 / 45, 'severe'],
  ['all answered, sum 10', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 20, 'minimal'],
  ['all answered, sum 11', [2, 1, 1, 1, 1, 1, 1, 1, 1, 1], 22, 'moderate'],
  ['one missing, sum 9 = 20%', [1, 1, 1, 1, 1, 1, 1, 1, 1, null], 20, 'minimal'],
  ['one missing, sum 10 = 22.2%', [2, 1, 1, 1, 1, 1, 1, 1, 1, null], 1000 / 45, 'moderate'],
  ['all zero', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
  ['all five', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 100, 'bed-bound'],
  ['two missing, all five: 40/40', [5, 5, 5, null, 5, 5, 5, 5, 5, null], 100, 'bed-bound'],
  ['two missing, sum 24 over 8 = 24/40', [3, 3, 3, 3, null, 3, 3, 3, 3, null], 60, 'severe'],
  ['sum 31 of 50 = 62%', [4, 4, 4, 4, 3, 3, 3, 2, 2, 2], 62, 'crippled'],
  ['sum 40 of 50 = 80%', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 80, 'crippled'],
  ['sum 41 of 50 = 82%', [5, 4, 4, 4, 4, 4, 4, 4, 4, 4], 82, 'bed-bound'],
];
for (const [name, sections, score, band] of odiTable) {
  test(`Given ODI sections (${name}), when scored, then it is ${score.toFixed(1)}% "${band}"`, () => {
    const r = scoreOdi({ sections });
    assert.deepEqual(r.problems, []);
    near(r.score, score);
    assert.equal(r.band, band);
  });
}
test('Given ODI with 3 sections missing, when scored, then it is invalid (more than 2 missing)', () => {
  invalid(scoreOdi({ sections: [2, 3, 1, null, 4, 2, null, 3, 2, null] }), 'too_many_missing', 'sections');
});
test('Given ODI with every section missing, when scored, then it is invalid, not a division by zero', () => {
  invalid(scoreOdi({ sections: Array(10).fill(null) }), 'too_many_missing', 'sections');
});
const odiBad: [string, unknown[], string, string, number | undefined][] = [
  ['a 6 in section 5', [2, 3, 1, 0, 6, 2, 1, 3, 2, null], 'out_of_range', 'sections[4]', 4],
  ['a -1 in section 1', [-1, 3, 1, 0, 1, 2, 1, 3, 2, 1], 'out_of_range', 'sections[0]', 0],
  ['2.5 in section 1', [2.5, 3, 1, 0, 4, 2, 1, 3, 2, 1], 'not_integer', 'sections[0]', 0],
  ['a string in section 10', [2, 3, 1, 0, 4, 2, 1, 3, 2, '3'], 'not_a_number', 'sections[9]', 9],
  ['NaN in section 3', [2, 3, NaN, 0, 4, 2, 1, 3, 2, 1], 'not_a_number', 'sections[2]', 2],
  ['9 sections', [2, 3, 1, 0, 4, 2, 1, 3, 2], 'wrong_count', 'sections', undefined],
  ['11 sections', [2, 3, 1, 0, 4, 2, 1, 3, 2, 1, 1], 'wrong_count', 'sections', undefined],
];
for (const [name, sections, code, field, index] of odiBad) {
  test(`Given ODI with ${name}, when scored, then a ${code} problem names ${field}`, () => {
    invalid(scoreOdi({ sections: sections as (number | null)[] }), code, field, index);
  });
}
// Band edges on an entered total: 0-20 minimal, 21-40 moderate, 41-60 severe, 61-80 crippled, 81-100 bed-bound.
const odiEdges: [number, string][] = [
  [0, 'minimal'],
  [20, 'minimal'],
  [20.1, 'moderate'],
  [21, 'moderate'],
  [40, 'moderate'],
  [40.1, 'severe'],
  [41, 'severe'],
  [60, 'severe'],
  [60.1, 'crippled'],
  [61, 'crippled'],
  [80, 'crippled'],
  [80.1, 'bed-bound'],
  [81, 'bed-bound'],
  [100, 'bed-bound'],
];
for (const [pct, band] of odiEdges) {
  test(`Given an ODI total of ${pct}% entered from the form, when scored, then it is "${band}"`, () => {
    const r = scoreOdi({ totalPercent: pct });
    assert.equal(r.score, pct);
    assert.equal(r.band, band);
    assert.equal(odiBand(pct), band);
  });
}
for (const pct of [-1, 100.5, Infinity]) {
  test(`Given an ODI total of ${pct}, when scored, then it is out of range or not a number`, () => {
    const r = scoreOdi({ totalPercent: pct });
    assert.equal(r.score, null);
    assert.equal(r.problems[0]!.field, 'totalPercent');
  });
}

// ---- NDI, DOMAIN.md §7 [42]: raw 0-50; Vernon's mean substitution; at most 2 missing (Footing). ----
const ndiTable: [string, (number | null)[], number, string][] = [
  // 1+2+3+0+1+2+4+1+2 = 16 over 9 answered; the missing item counts as 16/9: 16 + 16/9 = 160/9 = 17.78.
  ['one missing, sum 16', [1, 2, 3, 0, 1, 2, null, 4, 1, 2], 160 / 9, 'moderate'],
  ['one missing, nine 2s', [2, 2, 2, 2, 2, 2, 2, 2, 2, null], 20, 'moderate'],
  ['two missing, eight 5s', [5, 5, 5, 5, 5, 5, 5, 5, null, null], 50, 'complete'],
  // 1+1+1+1+0+0+0+0 = 4 over 8 answered, mean 0.5: 4 + 2 x 0.5 = 5.
  ['two missing, sum 4', [1, 1, 1, 1, 0, 0, 0, 0, null, null], 5, 'mild'],
  ['all zero', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'none'],
  ['sum 4', [1, 1, 1, 1, 0, 0, 0, 0, 0, 0], 4, 'none'],
  ['sum 14', [2, 2, 2, 2, 2, 1, 1, 1, 1, 0], 14, 'mild'],
  ['sum 15', [2, 2, 2, 2, 2, 1, 1, 1, 1, 1], 15, 'moderate'],
  ['sum 24', [3, 3, 3, 3, 2, 2, 2, 2, 2, 2], 24, 'moderate'],
  ['sum 25', [3, 3, 3, 3, 3, 2, 2, 2, 2, 2], 25, 'severe'],
  ['sum 34', [4, 4, 4, 4, 3, 3, 3, 3, 3, 3], 34, 'severe'],
  ['sum 35', [4, 4, 4, 4, 4, 3, 3, 3, 3, 3], 35, 'complete'],
];
for (const [name, items, raw, band] of ndiTable) {
  test(`Given NDI items (${name}), when scored, then the raw score is ${raw.toFixed(2)} "${band}"`, () => {
    const r = scoreNdi({ items });
    assert.deepEqual(r.problems, []);
    near(r.score, raw);
    assert.equal(r.band, band);
  });
}
const ndiEdges: [number, string][] = [
  [0, 'none'],
  [4, 'none'],
  [4.5, 'mild'],
  [5, 'mild'],
  [14, 'mild'],
  [14.5, 'moderate'],
  [15, 'moderate'],
  [24, 'moderate'],
  [25, 'severe'],
  [34, 'severe'],
  [34.5, 'complete'],
  [35, 'complete'],
  [50, 'complete'],
];
for (const [raw, band] of ndiEdges) {
  test(`Given an NDI raw total of ${raw}, when banded, then it is "${band}"`, () => {
    assert.equal(scoreNdi({ rawTotal: raw }).band, band);
    assert.equal(ndiBand(raw), band);
  });
}
test('Given NDI with 3 items missing, when scored, then it is invalid', () => {
  invalid(scoreNdi({ items: [1, null, 1, null, 1, null, 1, 1, 1, 1] }), 'too_many_missing', 'items');
});
test('Given NDI with a 6 in item 8, when scored, then the problem names items[7]', () => {
  invalid(scoreNdi({ items: [1, 1, 1, 1, 1, 1, 1, 6, 1, 1] }), 'out_of_range', 'items[7]', 7);
});
test('Given an NDI raw total of 51, when scored, then it is out of range', () => {
  invalid(scoreNdi({ rawTotal: 51 }), 'out_of_range', 'rawTotal');
});

// ---- PSFS, DOMAIN.md §7 [43]: mean of 3-5 activities rated 0-10. ----
const act = (...ratings: (number | null)[]) => ({
  activities: ratings.map((rating, i) => ({ name: `activity ${i + 1}`, rating })),
});
const psfsTable: [(number | null)[], number][] = [
  [[3, 5, 4], 4],
  [[2, 4, 6, 8, 10], 6],
  [[0, 0, 0], 0],
  [[10, 10, 10, 10], 10],
  [[3, 5, null, 4], 4],
  [[1, 2, 2], 5 / 3],
];
for (const [ratings, mean] of psfsTable) {
  test(`Given PSFS ratings ${JSON.stringify(ratings)}, when scored, then the mean is ${mean.toFixed(2)}`, () => {
    const r = scorePsfs(act(...ratings));
    assert.deepEqual(r.problems, []);
    near(r.score, mean);
  });
}
test('Given PSFS with only 2 of 4 activities rated, when scored, then it is invalid (fewer than 3 rated)', () => {
  invalid(scorePsfs(act(3, null, null, 4)), 'too_few_answered', 'activities');
});
for (const n of [2, 6]) {
  test(`Given PSFS with ${n} activities, when scored, then it is the wrong count`, () => {
    invalid(scorePsfs(act(...Array(n).fill(5))), 'wrong_count', 'activities');
  });
}
test('Given a PSFS rating of 11 for activity 2, when scored, then the problem names activities[1].rating', () => {
  invalid(scorePsfs(act(3, 11, 4)), 'out_of_range', 'activities[1].rating', 1);
});
test('Given a PSFS activity without a name, when scored, then the problem names it', () => {
  const input = act(3, 4, 5);
  input.activities[2]!.name = ' ';
  invalid(scorePsfs(input), 'not_a_number', 'activities[2].name', 2);
});

// ---- FAAM, DOMAIN.md §7 [44]: % = sum / (4 x answered) x 100, N/A excluded. ----
test('Given FAAM ADL with 20 items at 3 and one N/A, when scored, then it is 60/80 = 75%', () => {
  const r = scoreFaam('adl', { items: [...Array(20).fill(3), 'na'] });
  near(r.score, 75);
  assert.equal(r.answered, 20);
});
test('Given FAAM ADL with all 21 items at 4, when scored, then it is 100%', () => {
  near(scoreFaam('adl', { items: Array(21).fill(4) }).score, 100);
});
test('Given FAAM Sports [4,3,2,1,0,N/A,unanswered,4], when scored, then it is 14/24 = 58.33%', () => {
  near(scoreFaam('sports', { items: [4, 3, 2, 1, 0, 'na', null, 4] }).score, 1400 / 24);
});
test('Given FAAM Sports all N/A, when scored, then it is invalid (nothing answered)', () => {
  invalid(scoreFaam('sports', { items: Array(8).fill('na') }), 'too_few_answered', 'items');
});
test('Given FAAM Sports with 21 items, when scored, then it is the wrong count', () => {
  invalid(scoreFaam('sports', { items: Array(21).fill(1) }), 'wrong_count', 'items');
});
test('Given FAAM ADL with a 5 at item 13, when scored, then the problem names items[12]', () => {
  const items: (number | 'na' | null)[] = Array(21).fill(2);
  items[12] = 5;
  invalid(scoreFaam('adl', { items }), 'out_of_range', 'items[12]', 12);
});
test('Given a FAAM total of 72.5% entered from the form, when scored, then it is kept', () => {
  assert.equal(scoreFaam('adl', { totalPercent: 72.5 }).score, 72.5);
});

// ---- STarT Back, DOMAIN.md §7 [45]: overall <=3 low; overall >=4 and subscale <=3 medium; subscale >=4 high. ----
const startTable: [number, number, string][] = [
  [0, 0, 'low'],
  [3, 0, 'low'],
  [3, 3, 'low'],
  [4, 0, 'medium'],
  [4, 3, 'medium'],
  [5, 2, 'medium'],
  [9, 3, 'medium'],
  [4, 4, 'high'],
  [6, 5, 'high'],
  [9, 5, 'high'],
];
for (const [overall, psychosocial, group] of startTable) {
  test(`Given STarT Back overall ${overall} and psychosocial ${psychosocial}, when scored, then the group is ${group}`, () => {
    const r = scoreStartBack({ overall, psychosocial });
    assert.equal(r.score, overall);
    assert.equal(r.band, group);
    assert.equal(startBackGroup(overall, psychosocial), group);
  });
}
const startBad: [number, number, string, string][] = [
  [2, 3, 'inconsistent', 'psychosocial'],
  [10, 0, 'out_of_range', 'overall'],
  [4, 6, 'out_of_range', 'psychosocial'],
  [4.5, 2, 'not_integer', 'overall'],
  [-1, 0, 'out_of_range', 'overall'],
];
for (const [overall, psychosocial, code, field] of startBad) {
  test(`Given STarT Back overall ${overall} and psychosocial ${psychosocial}, when scored, then a ${code} problem names ${field}`, () => {
    invalid(scoreStartBack({ overall, psychosocial }), code, field);
  });
}

// ---- NPRS, DOMAIN.md §7 [39]. ----
for (const v of [0, 7, 10])
  test(`Given NPRS ${v}, when scored, then it is ${v}`, () => assert.equal(scoreNprs(v).score, v));
for (const v of [-1, 11, 2.5, NaN])
  test(`Given NPRS ${v}, when scored, then it is invalid`, () => assert.equal(scoreNprs(v).score, null));

test('Given input that is not a form at all, when scored, then a problem is returned, not a throw', () => {
  for (const bad of [null, undefined, 3, 'x']) {
    assert.equal(scoreOdi(bad as never).problems[0]!.code, 'not_a_form');
    assert.equal(scoreNdi(bad as never).problems[0]!.code, 'not_a_form');
    assert.equal(scoreFaam('adl', bad as never).problems[0]!.code, 'not_a_form');
    assert.equal(scorePsfs(bad as never).score, null);
    assert.equal(scoreStartBack(bad as never).score, null);
  }
});

// ---- Properties. ----
const item = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null, freq: 4 });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

test('Property: an ODI that scores is within 0-100 and equals the mean answered section x 20 (a second formula)', () => {
  fc.assert(
    fc.property(fc.array(item(5), { minLength: 10, maxLength: 10 }), (sections) => {
      const r = scoreOdi({ sections });
      const answered = sections.filter((s): s is number => s !== null);
      if (10 - answered.length > 2) {
        assert.equal(r.score, null);
        return;
      }
      assert.ok(r.score !== null && r.score >= 0 && r.score <= 100);
      near(r.score, mean(answered) * 20);
    }),
    { numRuns: 500 },
  );
});
test('Property: an NDI that scores is within 0-50 and equals the mean answered item x 10', () => {
  fc.assert(
    fc.property(fc.array(item(5), { minLength: 10, maxLength: 10 }), (items) => {
      const r = scoreNdi({ items });
      const answered = items.filter((s): s is number => s !== null);
      if (10 - answered.length > 2) {
        assert.equal(r.score, null);
        return;
      }
      assert.ok(r.score !== null && r.score >= 0 && r.score <= 50);
      near(r.score, mean(answered) * 10);
    }),
    { numRuns: 500 },
  );
});
test('Property: a FAAM subscale that scores is within 0-100 and equals the mean answered item x 25', () => {
  const faamItem = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant('na' as const), fc.constant(null));
  fc.assert(
    fc.property(fc.boolean(), fc.array(faamItem, { minLength: 21, maxLength: 21 }), (adl, all) => {
      const items = adl ? all : all.slice(0, 8);
      const r = scoreFaam(adl ? 'adl' : 'sports', { items });
      const answered = items.filter((s): s is number => typeof s === 'number');
      if (answered.length === 0) {
        assert.equal(r.score, null);
        return;
      }
      assert.ok(r.score !== null && r.score >= 0 && r.score <= 100);
      near(r.score, mean(answered) * 25);
    }),
    { numRuns: 300 },
  );
});
test('Property: a PSFS that scores is within 0-10', () => {
  fc.assert(
    fc.property(fc.array(item(10), { minLength: 3, maxLength: 5 }), (ratings) => {
      const r = scorePsfs(act(...ratings));
      if (r.score !== null) assert.ok(r.score >= 0 && r.score <= 10);
      else assert.ok(ratings.filter((x) => x !== null).length < 3);
    }),
  );
});
test('Property: blanking more ODI sections or NDI items never turns an invalid form valid (missing rules are monotonic)', () => {
  fc.assert(
    fc.property(
      fc.array(item(5), { minLength: 10, maxLength: 10 }),
      fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
      (full, blank) => {
        const fewer = full.map((v, i) => (blank[i] ? null : v));
        for (const score of [
          (x: (number | null)[]) => scoreOdi({ sections: x }).score,
          (x: (number | null)[]) => scoreNdi({ items: x }).score,
        ]) {
          if (score(full) === null) assert.equal(score(fewer), null);
          if (score(fewer) !== null) assert.notEqual(score(full), null);
        }
      },
    ),
    { numRuns: 400 },
  );
});
test('Property: raising one ODI section never lowers the score', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 10, maxLength: 10 }),
      fc.nat(9),
      (sections, i) => {
        if (sections[i] === 5) return;
        const up = [...sections];
        up[i] = up[i]! + 1;
        assert.ok(scoreOdi({ sections: up }).score! > scoreOdi({ sections }).score!);
      },
    ),
  );
});
test('Property: STarT Back groups follow the rule for every consistent pair', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 5 }), (o, s) => {
      const r = scoreStartBack({ overall: o, psychosocial: s });
      if (s > o) {
        assert.equal(r.score, null);
        return;
      }
      const expected = o <= 3 ? 'low' : s >= 4 ? 'high' : 'medium';
      assert.equal(r.band, expected);
    }),
  );
});
