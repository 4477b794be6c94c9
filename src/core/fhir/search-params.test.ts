import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fhirTimeRange, parseSearch } from './search-params.js';

const ok = (r: ReturnType<typeof parseSearch>) => {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.search;
};
const refused = (r: ReturnType<typeof parseSearch>) => {
  assert.ok(!r.ok, 'expected a refusal');
  return r;
};

test('A day is the UTC day; a month and a year their whole length; a time to the second is that second', () => {
  assert.deepEqual(fhirTimeRange('2026-11-02'), { start: Date.UTC(2026, 10, 2), end: Date.UTC(2026, 10, 3) });
  assert.deepEqual(fhirTimeRange('2026-02'), { start: Date.UTC(2026, 1, 1), end: Date.UTC(2026, 2, 1) });
  assert.deepEqual(fhirTimeRange('2026'), { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) });
  // 09:30 at +01:00 is 08:30 UTC.
  assert.deepEqual(fhirTimeRange('2026-11-02T09:30:00+01:00'), {
    start: Date.UTC(2026, 10, 2, 8, 30),
    end: Date.UTC(2026, 10, 2, 8, 30, 1),
  });
  assert.deepEqual(fhirTimeRange('2026-11-02T09:30Z'), {
    start: Date.UTC(2026, 10, 2, 9, 30),
    end: Date.UTC(2026, 10, 2, 9, 31),
  });
  for (const bad of ['2026-02-30', '2026-13', '2026-11-02T09:30', '2026-11-02T25:00Z', 'yesterday', ''])
    assert.equal(fhirTimeRange(bad), null, bad);
});

test('Given patient, code and two dates, the search holds them; a repeated date is a range', () => {
  const s = ok(
    parseSearch('Observation', {
      patient: 'Patient/abc-1',
      code: 'http://loinc.org|41950-7,|x,72514-3',
      date: ['ge2026-11-01', 'lt2026-11-03'],
      _count: '2',
    }),
  );
  assert.equal(s.patient, 'abc-1');
  assert.deepEqual(s.codes, [
    { system: 'http://loinc.org', code: '41950-7' },
    { system: null, code: 'x' },
    { system: undefined, code: '72514-3' },
  ]);
  assert.deepEqual(
    s.dates.map((d) => [d.prefix, d.start]),
    [
      ['ge', Date.UTC(2026, 10, 1)],
      ['lt', Date.UTC(2026, 10, 3)],
    ],
  );
  assert.equal(s.count, 2);
  assert.equal(ok(parseSearch('Observation', {})).count, 50);
  assert.equal(ok(parseSearch('Goal', { subject: 'abc' })).patient, 'abc');
  assert.deepEqual(ok(parseSearch('Observation', { _cursor: '1730419200000_abc-1' })).after, {
    key: 1730419200000,
    id: 'abc-1',
  });
});

test('Every bad parameter is refused naming the parameter', () => {
  const cases: [Parameters<typeof parseSearch>[0], Record<string, unknown>, string, RegExp][] = [
    ['Observation', { date: 'ge2026-11-31' }, 'date', /is not a date/],
    ['Observation', { date: '2026-11-01T10:00' }, 'date', /is not a date/],
    ['Observation', { _count: '0' }, '_count', /from 1 to 100/],
    ['Observation', { _count: '101' }, '_count', /from 1 to 100/],
    ['Observation', { _count: 'ten' }, '_count', /from 1 to 100/],
    ['Observation', { patient: 'Group/1' }, 'patient', /only Patient references/],
    ['Observation', { patient: 'a,b' }, 'patient', /one patient/],
    ['Observation', { patient: ['a', 'b'] }, 'patient', /more than once/],
    ['Observation', { patient: 'a', subject: 'b' }, 'subject', /different patient/],
    ['Observation', { _cursor: 'abc' }, '_cursor', /next link/],
  ];
  // What the server does not do at all (a not-supported OperationOutcome) rather than a wrong value.
  const unsupported: typeof cases = [
    ['Observation', { status: 'final' }, 'status', /not a supported search parameter of Observation/],
    ['CarePlan', { code: 'x' }, 'code', /not a supported/],
    ['Observation', { 'code:text': 'steps' }, 'code:text', /modifier/],
    ['Observation', { date: 'ne2026-11-01' }, 'date', /prefix "ne" is not supported/],
    ['Observation', { code: 'http://loinc.org|' }, 'code', /names no code/],
    ['Patient', { _format: 'xml' }, '_format', /JSON only/],
  ];
  for (const [type, query, param, message] of [...cases, ...unsupported]) {
    const r = refused(parseSearch(type, query));
    assert.equal(r.param, param, JSON.stringify(query));
    assert.equal(
      r.unsupported,
      unsupported.some((u) => u[1] === query),
      JSON.stringify(query),
    );
    assert.match(r.message, message);
    assert.ok(r.message.startsWith(`${param}: `), r.message);
  }
});

test('QuestionnaireResponse: authored is a repeatable date range, questionnaire a canonical URL or reference, any of several', () => {
  const s = ok(
    parseSearch('QuestionnaireResponse', {
      authored: ['ge2026-11-01', 'lt2026-11-03T00:00:00+01:00'],
      questionnaire: 'https://footing.example/fhir/Questionnaire/psfs|1,Questionnaire/nprs',
    }),
  );
  // 00:00 at +01:00 is 23:00 UTC the day before.
  assert.deepEqual(
    s.dates.map((d) => [d.prefix, d.start]),
    [
      ['ge', Date.UTC(2026, 10, 1)],
      ['lt', Date.UTC(2026, 10, 2, 23)],
    ],
  );
  assert.deepEqual(s.questionnaires, ['psfs', 'nprs']);
  assert.equal(ok(parseSearch('QuestionnaireResponse', {})).questionnaires, null);
  const other = refused(parseSearch('QuestionnaireResponse', { questionnaire: 'http://loinc.org/q/44249-1' }));
  assert.deepEqual([other.param, other.unsupported], ['questionnaire', false]);
  assert.match(other.message, /not one of Footing's Questionnaires/);
  assert.equal(refused(parseSearch('QuestionnaireResponse', { authored: 'soon' })).param, 'authored');
  // authored belongs to QuestionnaireResponse only, date to Observation only.
  assert.equal(refused(parseSearch('Observation', { authored: '2026' })).unsupported, true);
  assert.equal(refused(parseSearch('QuestionnaireResponse', { date: '2026' })).unsupported, true);
});
