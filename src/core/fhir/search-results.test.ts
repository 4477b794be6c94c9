import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FhirResource } from './patient-bundle.js';
import { parseSearch, type FhirSearch } from './search-params.js';
import { searchPage } from './search-results.js';

const obs = (id: string, when: string, code = '41950-7'): FhirResource => ({
  resourceType: 'Observation',
  id,
  code: { coding: [{ system: 'http://loinc.org', code }] },
  effectiveDateTime: when,
});
/** Five observations: steps on 30 Oct, 31 Oct and 1 Nov (days), pain at 1 Nov 08:00Z and 2 Nov 08:30Z. */
const RECORD = [
  obs('s3', '2026-11-01'),
  obs('p2', '2026-11-02T09:30:00+01:00', '72514-3'),
  obs('s1', '2026-10-30'),
  obs('p1', '2026-11-01T08:00:00+00:00', '72514-3'),
  obs('s2', '2026-10-31'),
];
const search = (q: Record<string, unknown>): FhirSearch => {
  const r = parseSearch('Observation', q);
  assert.ok(r.ok);
  return r.search;
};
const ids = (q: Record<string, unknown>) => searchPage(RECORD, search(q)).resources.map((r) => r.id);

test('Results come in time order, then by id (the 1 Nov day starts at midnight, before the 08:00 check-in)', () => {
  assert.deepEqual(ids({}), ['s1', 's2', 's3', 'p1', 'p2']);
});

test('Date prefixes, worked out by hand on the five', () => {
  assert.deepEqual(ids({ date: '2026-11-01' }), ['s3', 'p1'], 'eq: within the day');
  assert.deepEqual(ids({ date: 'ge2026-11-01' }), ['s3', 'p1', 'p2']);
  assert.deepEqual(ids({ date: 'gt2026-11-01' }), ['p2']);
  assert.deepEqual(ids({ date: 'le2026-10-31' }), ['s1', 's2']);
  assert.deepEqual(ids({ date: 'lt2026-10-31' }), ['s1']);
  assert.deepEqual(ids({ date: ['ge2026-10-31', 'le2026-11-01'] }), ['s2', 's3', 'p1']);
  // 2 Nov 09:30+01:00 is 08:30Z: after 08:00Z that day, not after 09:00Z.
  assert.deepEqual(ids({ date: 'gt2026-11-02T08:00:00Z' }), ['p2']);
  assert.deepEqual(ids({ date: 'gt2026-11-02T09:00:00Z' }), []);
});

test('Codes: with or without the system; a wrong system matches nothing', () => {
  assert.deepEqual(ids({ code: 'http://loinc.org|72514-3' }), ['p1', 'p2']);
  assert.deepEqual(ids({ code: '41950-7' }), ['s1', 's2', 's3']);
  assert.deepEqual(ids({ code: 'http://snomed.info/sct|41950-7' }), []);
  assert.deepEqual(ids({ code: '|41950-7' }), []);
});

test('Pages of 2 across 3 pages give each resource once, with the total; a resource added between pages is not lost', () => {
  const seen: string[] = [];
  let s = search({ _count: '2' });
  const pages: number[] = [];
  for (;;) {
    const page = searchPage(RECORD, s);
    assert.equal(page.total, 5);
    pages.push(page.resources.length);
    seen.push(...page.resources.map((r) => r.id));
    if (!page.next) break;
    s = { ...s, after: page.next };
  }
  assert.deepEqual(pages, [2, 2, 1]);
  assert.deepEqual(seen, ['s1', 's2', 's3', 'p1', 'p2']);
  // After the first page (s1, s2), an earlier resource arrives: the second page still starts at s3.
  const first = searchPage(RECORD, search({ _count: '2' }));
  const grown = [...RECORD, obs('s0', '2026-10-29')];
  assert.deepEqual(
    searchPage(grown, { ...search({ _count: '2' }), after: first.next }).resources.map((r) => r.id),
    ['s3', 'p1'],
  );
});

test('QuestionnaireResponses by when they were authored and by the Questionnaire they answer', () => {
  const qr = (id: string, q: string, authored: string): FhirResource => ({
    resourceType: 'QuestionnaireResponse',
    id,
    questionnaire: `https://footing.example/fhir/Questionnaire/${q}`,
    authored,
  });
  // NPRS on 1 Nov 10:00Z, PSFS on 2 Nov 09:00+01:00 (08:00Z), PSFS again on 9 Nov 10:00Z.
  const answers = [
    qr('b', 'psfs', '2026-11-02T09:00:00+01:00'),
    qr('c', 'psfs', '2026-11-09T10:00:00Z'),
    qr('a', 'nprs', '2026-11-01T10:00:00Z'),
  ];
  const find = (q: Record<string, unknown>) => {
    const r = parseSearch('QuestionnaireResponse', q);
    assert.ok(r.ok);
    return searchPage(answers, r.search).resources.map((x) => x.id);
  };
  assert.deepEqual(find({}), ['a', 'b', 'c']);
  assert.deepEqual(find({ questionnaire: 'Questionnaire/psfs' }), ['b', 'c']);
  assert.deepEqual(find({ questionnaire: 'https://footing.example/fhir/Questionnaire/nprs|1' }), ['a']);
  assert.deepEqual(find({ authored: '2026-11-02' }), ['b']);
  assert.deepEqual(find({ authored: 'lt2026-11-02T08:00:00Z' }), ['a'], 'the PSFS at 08:00Z exactly is not before it');
  assert.deepEqual(
    find({ authored: ['ge2026-11-02', 'le2026-11-30'], questionnaire: 'Questionnaire/psfs', _count: '1' }),
    ['b'],
  );
});

test('One pass over a generator gives, for every page size and cursor, the page that sorting every match and cutting after the cursor gives', () => {
  // 60 resources at pseudo-random times (several share a time, so ids break ties), from a generator read once.
  const many: FhirResource[] = [];
  for (let i = 0; i < 60; i++)
    many.push(
      obs(
        `r${(i * 37) % 61}`,
        `2026-11-${String(1 + ((i * 7) % 5)).padStart(2, '0')}T0${i % 3}:00:00Z`,
        i % 4 === 0 ? '72514-3' : '41950-7',
      ),
    );
  const reference = (s: FhirSearch) => {
    // Independent of searchPage: sort every match by (time, id) with Date.parse and string order, then cut.
    const all = many
      .filter((r) => !s.codes || (r.code as { coding: { code: string }[] }).coding[0]!.code === s.codes[0]!.code)
      .sort(
        (a, b) =>
          Date.parse(String(a.effectiveDateTime)) - Date.parse(String(b.effectiveDateTime)) || (a.id < b.id ? -1 : 1),
      );
    return all;
  };
  for (const q of [{}, { code: '72514-3' }]) {
    const sorted = reference(search(q));
    for (const count of [1, 2, 7, 50, 100]) {
      let s = search({ ...q, _count: String(count) });
      const seen: string[] = [];
      let reads = 0;
      for (;;) {
        const page = searchPage(
          (function* () {
            reads++;
            yield* many;
          })(),
          s,
        );
        assert.equal(page.total, sorted.length);
        assert.deepEqual(
          page.resources.map((r) => r.id),
          sorted.slice(seen.length, seen.length + count).map((r) => r.id),
          `count ${count} after ${seen.length}`,
        );
        seen.push(...page.resources.map((r) => r.id));
        if (!page.next) break;
        s = { ...s, after: page.next };
      }
      assert.equal(seen.length, sorted.length);
      assert.equal(reads, Math.max(1, Math.ceil(sorted.length / count)), 'one read of the generator per page');
    }
  }
});
