import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  OUTCOME_MEASURES,
  OUTCOME_MEASURE_IDS,
  outcomeSegment,
  scoreFaam,
  scoreNdi,
  scoreNprs,
  scoreOdi,
  scorePsfs,
  scoreStartBack,
  parseOutcomeEntry,
  type OutcomeMeasureId,
} from './outcome-measures.js';
import { outcomeFinding, type OutcomeFindingInput } from './outcome-finding.js';
import * as OC from './outcome-constants.js';
import { EVIDENCE_LEVELS } from './evidence.js';
import { PAIN_SITES } from './pain.js';
import { uncitedConstants } from '../../test/helpers/citations.js';

const AT = '2024-06-01T08:00:00Z';
const BY = 'patient';
const base = { recordedAt: AT, recordedBy: BY };

// ---- Catalogue and licences (DOMAIN.md §7). ----
test('Given the catalogue, when read, then every measure is there with a licence note, what is stored and refs', () => {
  assert.deepEqual(Object.keys(OUTCOME_MEASURES).sort(), [...OUTCOME_MEASURE_IDS].sort());
  for (const id of OUTCOME_MEASURE_IDS) {
    const m = OUTCOME_MEASURES[id];
    assert.equal(m.id, id);
    assert.ok(m.licence.length > 10 && m.stores.length > 10 && m.missingRule.length > 5, id);
    assert.ok(m.refs.length > 0 && m.evidence in EVIDENCE_LEVELS);
  }
});
const licensed: [OutcomeMeasureId, RegExp][] = [
  ['odi', /Mapi/],
  ['ndi', /Vernon/],
  ['start-back', /Keele/],
  ['faam-adl', /licence/],
  ['faam-sports', /licence/],
];
for (const [id, holder] of licensed) {
  test(`Given ${id}, a copyrighted or unconfirmed instrument, when read, then only numbers from the form are stored`, () => {
    assert.match(OUTCOME_MEASURES[id].licence, holder);
    assert.match(OUTCOME_MEASURES[id].stores, /Only the numbers entered from the official form/);
  });
}

// ---- Segments, from the brief: ODI/STarT spine, NDI neck, FAAM foot, NPRS/PSFS by pain site or spine. ----
const segTable: [OutcomeMeasureId, string | undefined, string][] = [
  ['odi', undefined, 'spine'],
  ['start-back', undefined, 'spine'],
  ['ndi', undefined, 'neck'],
  ['faam-adl', undefined, 'foot'],
  ['faam-sports', 'neck', 'foot'],
  ['nprs', undefined, 'spine'],
  ['nprs', 'back', 'spine'],
  ['nprs', 'neck', 'neck'],
  ['nprs', 'foot', 'foot'],
  ['psfs', 'foot', 'foot'],
  ['psfs', undefined, 'spine'],
  ['odi', 'neck', 'spine'],
];
for (const [m, site, seg] of segTable) {
  test(`Given ${m} with pain site ${site ?? 'none'}, when placed on the chain, then it is the ${seg}`, () => {
    assert.equal(outcomeSegment(m, site as never), seg);
  });
}

// ---- Findings. ----
test('Given ODI sections summing 18 over 9 (40%), when made a finding, then it is notable "moderate" on the spine', () => {
  const f = outcomeFinding({
    measure: 'odi',
    result: scoreOdi({ sections: [2, 3, 1, 0, 4, 2, 1, 3, 2, null] }),
    ...base,
  });
  assert.equal(f.segment, 'spine');
  assert.equal(f.value, '40% (moderate)');
  assert.equal(f.status, 'notable');
  assert.equal(f.side, 'none');
  assert.equal(f.source, 'odi');
  assert.deepEqual(f.refs, ['39', '40', '41']);
  assert.equal(f.recordedAt, AT);
});
test('Given ODI 20% (minimal) improved from 40%, when made a finding, then it is typical and says a real improvement', () => {
  const f = outcomeFinding({ measure: 'odi', result: scoreOdi({ totalPercent: 20 }), baseline: 40, ...base });
  assert.equal(f.status, 'typical');
  assert.match(f.plain, /Before, it was 40\. That is a real improvement\./);
});
test('Given NDI raw 17.78 (moderate), when made a finding, then it shows raw and % on the neck', () => {
  const f = outcomeFinding({ measure: 'ndi', result: scoreNdi({ items: [1, 2, 3, 0, 1, 2, null, 4, 1, 2] }), ...base });
  assert.equal(f.segment, 'neck');
  // 160/9 = 17.78 -> 17.8 raw; x2 = 35.56 -> 35.6%.
  assert.equal(f.value, '17.8/50 raw (35.6%) (moderate)');
  assert.equal(f.status, 'notable');
});
for (const [o, s, status] of [
  [2, 1, 'typical'],
  [5, 2, 'borderline'],
  [6, 4, 'notable'],
] as const) {
  test(`Given STarT Back ${o}/${s}, when made a finding, then the status is ${status}`, () => {
    const f = outcomeFinding({
      measure: 'start-back',
      result: scoreStartBack({ overall: o, psychosocial: s }),
      ...base,
    });
    assert.equal(f.status, status);
    assert.equal(f.segment, 'spine');
    if (status !== 'typical') assert.match(f.plain, /clinician/);
  });
}
const changeTable: [OutcomeMeasureId, number, number, string][] = [
  ['nprs', 6, 4, 'typical'],
  ['nprs', 4, 6, 'notable'],
  ['nprs', 4, 5, 'borderline'],
  ['faam-adl', 60, 70, 'typical'],
  ['faam-adl', 70, 60, 'notable'],
  ['psfs', 4, 5, 'borderline'],
];
for (const [m, before, now, status] of changeTable) {
  test(`Given ${m} ${now} after a baseline of ${before}, when made a finding, then it is ${status} (change vs MCID)`, () => {
    const result =
      m === 'nprs'
        ? scoreNprs(now)
        : m === 'faam-adl'
          ? scoreFaam('adl', { totalPercent: now })
          : scorePsfs({
              activities: [
                { name: 'a', rating: now },
                { name: 'b', rating: now },
                { name: 'c', rating: now },
              ],
            });
    const f = outcomeFinding({ measure: m, result, baseline: before, ...base });
    assert.equal(f.status, status);
  });
}
test('Given NPRS with no baseline, when made a finding, then it is not interpretable (no reference band)', () => {
  const f = outcomeFinding({ measure: 'nprs', result: scoreNprs(6), painSite: 'neck', ...base });
  assert.equal(f.status, 'not-interpretable');
  assert.equal(f.segment, 'neck');
  assert.match(f.plain, /neck pain is 6 out of 10/);
});
test('Given a form that could not be scored, when made a finding, then it says so and carries the problem', () => {
  const f = outcomeFinding({
    measure: 'odi',
    result: scoreOdi({ sections: [1, null, null, null, 1, 1, 1, 1, 1, 1] }),
    ...base,
  });
  assert.equal(f.status, 'not-interpretable');
  assert.equal(f.value, 'not scored');
  assert.match(f.plain, /could not be scored: 3 sections are missing/);
});

const BANNED = /diagnos|disease|disorder|abnormal|crippled|bed-bound|exaggerat/i;
const findingInput: fc.Arbitrary<OutcomeFindingInput> = fc
  .oneof(
    fc.record({
      measure: fc.constant('odi' as const),
      result: fc
        .array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: 10, maxLength: 10 })
        .map((s) => scoreOdi({ sections: s })),
    }),
    fc.record({
      measure: fc.constant('ndi' as const),
      result: fc
        .array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: 10, maxLength: 10 })
        .map((s) => scoreNdi({ items: s })),
    }),
    fc.record({ measure: fc.constant('nprs' as const), result: fc.integer({ min: -2, max: 12 }).map(scoreNprs) }),
    fc.record({
      measure: fc.constant('faam-sports' as const),
      result: fc.double({ min: -10, max: 110, noNaN: true }).map((p) => scoreFaam('sports', { totalPercent: p })),
    }),
    fc.record({
      measure: fc.constant('start-back' as const),
      result: fc
        .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 5 }))
        .map(([o, s]) => scoreStartBack({ overall: o, psychosocial: s })),
    }),
  )
  .chain((x) =>
    fc
      .record({
        baseline: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
        painSite: fc.option(fc.constantFrom(...PAIN_SITES), { nil: undefined }),
      })
      .map((extra) => ({
        ...x,
        ...base,
        ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
      })),
  );

test('Property: outcomeFinding never throws, keeps its segment, and speaks without diagnosis words or the ODI band labels', () => {
  fc.assert(
    fc.property(findingInput, (input) => {
      const f = outcomeFinding(input);
      assert.equal(f.segment, outcomeSegment(input.measure, input.painSite));
      assert.equal(f.source, input.measure);
      assert.ok(['typical', 'notable', 'borderline', 'not-interpretable'].includes(f.status));
      if (input.result.score === null) assert.equal(f.status, 'not-interpretable');
      assert.doesNotMatch(f.plain, BANNED);
      assert.ok(f.plain.length > 0 && f.reference.length > 0);
    }),
    { numRuns: 400 },
  );
});

// ---- Constants: cited, and equal to DOMAIN.md §7 as typed here by hand. ----
const constantsSource = readFileSync(new URL('./outcome-constants.ts', import.meta.url), 'utf8');
test('Given outcome-constants.ts, when each export const is checked, then its comment cites DOMAIN.md', () => {
  assert.deepEqual(uncitedConstants(constantsSource), []);
});
const fromDomain: [keyof typeof OC, number][] = [
  ['PSFS_MIN_ACTIVITIES', 3],
  ['PSFS_MAX_ACTIVITIES', 5],
  ['PSFS_RATING_MIN', 0],
  ['PSFS_RATING_MAX', 10],
  ['PSFS_MDC_MEAN', 2],
  ['PSFS_MDC_SINGLE_ACTIVITY', 3],
  ['ODI_SECTIONS', 10],
  ['ODI_SECTION_MAX', 5],
  ['ODI_MAX_MISSING_SECTIONS', 2],
  ['ODI_MINIMAL_MAX', 20],
  ['ODI_MODERATE_MAX', 40],
  ['ODI_SEVERE_MAX', 60],
  ['ODI_CRIPPLED_MAX', 80],
  ['ODI_MCID_POINTS', 10],
  ['ODI_MCID_FRACTION', 0.3],
  ['ODI_MDC_POINTS', 10],
  ['NDI_ITEMS', 10],
  ['NDI_ITEM_MAX', 5],
  ['NDI_RAW_MAX', 50],
  ['NDI_NONE_MAX', 4],
  ['NDI_MILD_MAX', 14],
  ['NDI_MODERATE_MAX', 24],
  ['NDI_SEVERE_MAX', 34],
  ['NDI_MCID_POINTS', 5],
  ['NDI_MAX_MISSING_ITEMS', 2],
  ['FAAM_ADL_ITEMS', 21],
  ['FAAM_SPORTS_ITEMS', 8],
  ['FAAM_ITEM_MAX', 4],
  ['FAAM_ADL_MCID_POINTS', 8],
  ['FAAM_SPORTS_MCID_POINTS', 9],
  ['FAAM_ADL_MDC_POINTS', 5.7],
  ['FAAM_SPORTS_MDC_POINTS', 12.3],
  ['START_BACK_OVERALL_MAX', 9],
  ['START_BACK_SUBSCALE_MAX', 5],
  ['START_BACK_LOW_OVERALL_MAX', 3],
  ['START_BACK_HIGH_SUBSCALE_MIN', 4],
];
test('Given DOMAIN.md §7 typed by hand, when compared with outcome-constants.ts, then every number matches', () => {
  for (const [name, value] of fromDomain) assert.equal(OC[name], value, name);
  assert.equal(Object.keys(OC).length, fromDomain.length, 'a constant was added without a hand-typed check');
});

// ---- Stored entries from untrusted input. ----
test('Given stored entries, when parsed, then valid ones are scored and bad ones give problems located from the entry', () => {
  const ok = parseOutcomeEntry({ measure: 'odi', input: { sections: [2, 3, 1, 0, 4, 2, 1, 3, 2, null] }, ...base });
  assert.deepEqual(ok.problems, []);
  assert.ok(ok.score && Math.abs(ok.score.score! - 40) < 1e-9);
  const cases: [unknown, string, number | undefined][] = [
    [{ measure: 'odi', input: { sections: [2, 3, 1, 0, 6, 2, 1, 3, 2, null] }, ...base }, 'input.sections[4]', 4],
    [{ measure: 'odi', input: { sections: [2, 3, 1, 0, 'x', 2, 1, 3, 2, null] }, ...base }, 'input.sections[4]', 4],
    [{ measure: 'ndi', input: { items: [1, null, 1, null, 1, null, 1, 1, 1, 1] }, ...base }, 'input.items', undefined],
    [{ measure: 'start-back', input: { overall: 2, psychosocial: 3 }, ...base }, 'input.psychosocial', undefined],
    [{ measure: 'odi', input: { sections: [1], itemText: 'no' }, ...base }, 'input', undefined],
    [{ measure: 'nprs', input: { value: 3 }, recordedAt: 'yesterday', recordedBy: BY }, 'recordedAt', undefined],
    [{ measure: 'oswestry', input: {}, ...base }, 'measure', undefined],
    [{ measure: 'odi', input: { sections: Array(10).fill(1), totalPercent: 20 }, ...base }, 'input', undefined],
    [{ measure: 'faam-adl', input: {}, ...base }, 'input', undefined],
    [42, '(root)', undefined],
  ];
  for (const [input, field, index] of cases) {
    const r = parseOutcomeEntry(input);
    assert.equal(r.entry, null, JSON.stringify(input));
    const p = r.problems.find((x) => x.field === field);
    assert.ok(p, `${JSON.stringify(input)} -> ${JSON.stringify(r.problems)}`);
    assert.equal(p.index, index);
  }
});
test('Property: anything at all parses to a scored entry or problems, never a throw', () => {
  fc.assert(
    fc.property(fc.anything(), (x) => {
      const r = parseOutcomeEntry(x);
      assert.ok(r.entry !== null || r.problems.length > 0);
    }),
    { numRuns: 300 },
  );
});
