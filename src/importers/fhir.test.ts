/**
 * The FHIR importer (issue 15): a Bundle or NDJSON of step and pain Observations gives walking samples and pain
 * check-ins; problems are located by line and column with a FHIRPath-like field; strict stops at the first error;
 * other resources are skipped; a file about two patients is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectFormat } from './detect-format.js';
import { entryOffsets, importFhir } from './fhir.js';
import { collectSamples } from './import-sink.js';
import { formatLocation } from './import-error.js';

const dir = mkdtempSync(join(tmpdir(), 'footing-fhir-import-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const P = { reference: 'Patient/p1' };
const steps = (date: unknown, value: unknown, extra: object = {}) => ({
  resourceType: 'Observation',
  status: 'final',
  subject: P,
  code: { coding: [{ system: 'http://loinc.org', code: '41950-7' }] },
  effectiveDateTime: date,
  valueQuantity: { value, unit: 'steps/day', system: 'http://unitsofmeasure.org', code: '/d' },
  ...extra,
});
const pain = (at: string, score: unknown, site: object | undefined) => ({
  resourceType: 'Observation',
  status: 'final',
  subject: P,
  code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
  effectiveDateTime: at,
  valueInteger: score,
  ...(site ? { bodySite: site } : {}),
});
const bundle = (resources: object[]) =>
  JSON.stringify(
    { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) },
    null,
    2,
  );

test('Given a Bundle with 2 step days, 3 pain readings at 2 times, a Patient and a heart rate, it gives 2 day samples and 2 check-ins', async () => {
  const file = write(
    'record.json',
    bundle([
      { resourceType: 'Patient', id: 'p1' },
      steps('2026-11-02', 4100),
      steps('2026-11-03', 5200),
      pain('2026-11-02T08:00:00+01:00', 6, {
        coding: [{ system: 'http://snomed.info/sct', code: '77568009' }],
        text: 'Back',
      }),
      pain('2026-11-02T08:00:00+01:00', 5, {
        coding: [{ system: 'http://snomed.info/sct', code: '56459004' }],
        text: 'Left heel',
      }),
      pain('2026-11-03T09:00:00Z', 1, { text: 'Neck' }),
      {
        resourceType: 'Observation',
        status: 'final',
        subject: P,
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
        valueQuantity: { value: 70 },
      },
    ]),
  );
  const { samples, summary } = await collectSamples((o) => importFhir(file, o));
  assert.equal(summary.format, 'fhir');
  // Skipped: the heart rate only; the Patient is read (whose file it is, and its birth year, which it has none of).
  assert.deepEqual(
    [summary.ok, summary.recordsSeen, summary.samples, summary.skipped, summary.errorCount, summary.record],
    [true, 7, 2, 1, 0, undefined],
  );
  assert.deepEqual(
    samples.map((s) => [s.start, s.end, s.value, s.kind, s.source]),
    [
      ['2026-11-02T00:00:00+00:00', '2026-11-03T00:00:00+00:00', 4100, 'steps', 'fhir'],
      ['2026-11-03T00:00:00+00:00', '2026-11-04T00:00:00+00:00', 5200, 'steps', 'fhir'],
    ],
  );
  assert.deepEqual(summary.daily['2026-11-02']?.steps, 4100);
  assert.deepEqual(
    summary.checkins!.map((c) => [
      c.at,
      c.back,
      c.neck,
      c.foot,
      c.regions.map((r) => `${r.side} ${r.region} ${r.intensity}`),
    ]),
    [
      ['2026-11-02T08:00:00+01:00', 6, null, null, ['left heel 5']],
      ['2026-11-03T09:00:00Z', null, 1, null, []],
    ],
  );
  assert.match(summary.checkins![0]!.clientId!, /^fhir-[0-9a-f-]{36}$/);
});

test("Problems are located: the entry's line and column and a FHIRPath-like field; lenient keeps the good ones, strict stops", async () => {
  const text = bundle([
    steps('2026-11-02', 4100),
    steps('2026-11-03', -5),
    steps('2 Nov', 10),
    pain('2026-11-02', 3, { text: 'Back' }),
    pain('2026-11-02T08:00:00Z', 11, { text: 'Back' }),
  ]);
  const file = write('broken.json', text);
  const lenient = await importFhir(file);
  assert.deepEqual([lenient.ok, lenient.samples, lenient.errorCount], [true, 1, 4]);
  // JSON.stringify with 2 spaces puts each entry's "{" alone on its line at column 5: the line of the i-th such "{".
  const lines = text.split('\n');
  const entryLine = (i: number) =>
    lines.findIndex((l, n) => n > 0 && l === '    {' && lines.slice(0, n).filter((x) => x === '    {').length === i) +
    1;
  assert.deepEqual(
    lenient.issues.map((i) => [i.code, i.location.line, i.location.column, i.location.field]),
    [
      ['bad-value', entryLine(1), 5, 'Bundle.entry[1].resource.valueQuantity.value'],
      ['bad-date', entryLine(2), 5, 'Bundle.entry[2].resource.effectiveDateTime'],
      ['bad-date', entryLine(3), 5, 'Bundle.entry[3].resource.effectiveDateTime'],
      ['bad-value', entryLine(4), 5, 'Bundle.entry[4].resource.valueInteger'],
    ],
  );
  assert.equal(
    formatLocation(lenient.issues[0]!.location),
    `broken.json:${entryLine(1)}:5 (Bundle.entry[1].resource.valueQuantity.value)`,
  );
  assert.match(lenient.issues[0]!.message, /-5.*not a whole number of steps/);
  const strict = await collectSamples((o) => importFhir(file, { ...o, mode: 'strict' }));
  assert.deepEqual(
    [strict.summary.ok, strict.samples.length, strict.summary.errorCount, strict.summary.checkins],
    [false, 0, 1, undefined],
  );
});

test('NDJSON: one resource a line, located by line; a line that is not JSON is an error there; a unit of steps is required', async () => {
  const file = write(
    'obs.ndjson',
    [
      JSON.stringify(steps('2026-11-02', 4100)),
      '{"resourceType": "Observation", oops',
      JSON.stringify(
        steps('2026-11-03', 10, { valueQuantity: { value: 10, system: 'http://unitsofmeasure.org', code: 'km' } }),
      ),
      JSON.stringify(
        steps(undefined, 10, {
          effectivePeriod: { start: '2026-11-04T09:00:00+01:00', end: '2026-11-04T09:15:00+01:00' },
        }),
      ),
    ].join('\n'),
  );
  const { samples, summary } = await collectSamples((o) => importFhir(file, o));
  assert.deepEqual(
    summary.issues.map((i) => [i.code, i.location.line, i.location.field]),
    [
      ['malformed-json', 2, undefined],
      ['unsupported-unit', 3, 'Observation.valueQuantity.code'],
    ],
  );
  assert.deepEqual(
    samples.map((s) => [s.start, s.end, s.value]),
    [
      ['2026-11-02T00:00:00+00:00', '2026-11-03T00:00:00+00:00', 4100],
      ['2026-11-04T09:00:00+01:00', '2026-11-04T09:15:00+01:00', 10],
    ],
  );
});

test('A file about two patients is refused whole, naming both; a day in --offset is that local day', async () => {
  const two = write(
    'two.json',
    bundle([steps('2026-11-02', 1), { ...steps('2026-11-03', 2), subject: { reference: 'Patient/p2' } }]),
  );
  const r = await importFhir(two);
  assert.equal(r.ok, false);
  assert.equal(r.issues[0]!.code, 'several-people');
  assert.deepEqual(r.issues[0]!.choices, ['Patient/p1', 'Patient/p2']);
  const one = write('one.ndjson', JSON.stringify(steps('2026-11-02', 7)));
  const { samples } = await collectSamples((o) => importFhir(one, { ...o, offsetMinutes: 60 }));
  assert.deepEqual([samples[0]!.start, samples[0]!.end], ['2026-11-02T00:00:00+01:00', '2026-11-03T00:00:00+01:00']);
});

test('Detection: a Bundle or an NDJSON line of FHIR is fhir; other JSON is not; entryOffsets finds each entry', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  assert.deepEqual(detectFormat(enc('{\n  "resourceType": "Bundle",\n  "type": "collection"}'), 'x.json'), {
    format: 'fhir',
    by: 'content',
  });
  assert.deepEqual(detectFormat(enc('{"resourceType":"Observation","status":"final"}\n'), 'x.ndjson'), {
    format: 'fhir',
    by: 'content',
  });
  assert.equal(detectFormat(enc('{"version": 1, "people": []}'), 'backup.json'), null);
  const text = '{"entry": [ {"a": "]"}, 3, {"b": [1, 2]} ], "x": {"entry": [9]}}';
  assert.deepEqual(
    entryOffsets(text).map((o) => text[o]),
    ['{', '3', '{'],
  );
  assert.deepEqual(entryOffsets(text), [12, 24, 27]);
});

test("A Patient gives its birth year; a Patient other than the Observations' subject, or born in another year than the record's person, refuses the file", async () => {
  const ok = await importFhir(
    write(
      'born.json',
      bundle([{ resourceType: 'Patient', id: 'p1', birthDate: '1970-05-04' }, steps('2026-11-02', 4100)]),
    ),
    { recordBirthYear: null },
  );
  assert.deepEqual([ok.ok, ok.record], [true, { birthYear: 1970, program: null }]);
  const same = await importFhir(
    write('born.json', bundle([{ resourceType: 'Patient', id: 'p1', birthDate: '1970' }, steps('2026-11-02', 4100)])),
    { recordBirthYear: 1970 },
  );
  assert.deepEqual([same.ok, same.record], [true, { birthYear: 1970, program: null }]);
  const otherYear = await importFhir(
    write('born.json', bundle([{ resourceType: 'Patient', id: 'p1', birthDate: '1985' }, steps('2026-11-02', 4100)])),
    { recordBirthYear: 1970 },
  );
  assert.deepEqual(
    [otherYear.ok, otherYear.issues.map((i) => [i.code, i.location.field])],
    [false, [['several-people', 'Bundle.entry[0].resource.birthDate']]],
  );
  const otherPatient = await importFhir(
    write('two.json', bundle([{ resourceType: 'Patient', id: 'p2' }, steps('2026-11-02', 4100)])),
  );
  assert.deepEqual([otherPatient.ok, otherPatient.issues.map((i) => i.code)], [false, ['several-people']]);
  const badDate = await importFhir(
    write(
      'bad.json',
      bundle([{ resourceType: 'Patient', id: 'p1', birthDate: 'May 1970' }, steps('2026-11-02', 4100)]),
    ),
  );
  assert.deepEqual(
    badDate.issues.map((i) => [i.code, i.location.field]),
    [['bad-date', 'Bundle.entry[0].resource.birthDate']],
  );
});

const carePlan = (extra: object) => ({
  resourceType: 'CarePlan',
  id: 'c1',
  status: 'active',
  intent: 'plan',
  subject: P,
  description: 'Stage 2, Build: more',
  ...extra,
});
const goal = (target: object[], note: object[]) => ({
  resourceType: 'Goal',
  id: 'g1',
  lifecycleStatus: 'active',
  description: { text: 'Walk' },
  subject: P,
  target,
  note,
});
const stepsTarget = (v: number) => ({
  measure: { text: 'steps' },
  detailQuantity: { value: v, unit: 'steps/day', system: 'http://unitsofmeasure.org', code: '/d' },
});

test("adoptProgram: the CarePlan's stage and a clinician's target or cap from the Goal; CarePlan and Goal are left out without it; bad ones are located", async () => {
  const { stageByNumber } = await import('../core/stages.js');
  const name = stageByNumber(2).name;
  const byClinician = { authorString: 'Dr B', time: '2026-11-03', text: 'Keep it gentle for now.' };
  const file = write(
    'plan.json',
    bundle([
      carePlan({ description: `Stage 2, ${name}: whatever the goal` }),
      goal(
        [
          stepsTarget(4000),
          {
            measure: { text: 'steps' },
            detailRange: { high: { value: 4500, system: 'http://unitsofmeasure.org', code: '/d' } },
          },
        ],
        [{ text: 'basis' }, byClinician],
      ),
      steps('2026-11-02', 4100),
    ]),
  );
  const without = await importFhir(file);
  assert.deepEqual([without.ok, without.skipped, without.record], [true, 2, undefined]);
  const adopted = await importFhir(file, { adoptProgram: true });
  assert.deepEqual(
    [adopted.ok, adopted.skipped, adopted.record],
    [
      true,
      0,
      {
        birthYear: null,
        program: {
          stage: 2,
          walking: {
            input: { kind: 'cap', steps: 4500, reason: 'Keep it gentle for now.' },
            setBy: 'Dr B',
            setOn: '2026-11-03',
          },
        },
      },
    ],
  );
  const minutes = await importFhir(
    write(
      'plan.json',
      bundle([
        carePlan({ description: `Stage 2, ${name}: x` }),
        goal([{ measure: { text: 'min' }, detailQuantity: { value: 25, code: 'min/d' } }], [byClinician]),
      ]),
    ),
    { adoptProgram: true },
  );
  assert.deepEqual(minutes.record?.program?.walking?.input, {
    kind: 'target',
    minutes: 25,
    reason: 'Keep it gentle for now.',
  });
  const own = await importFhir(
    write(
      'plan.json',
      bundle([
        carePlan({ description: `Stage 2, ${name}: x` }),
        goal([stepsTarget(4000)], [{ text: 'Your average was 4,000 steps a day.' }]),
      ]),
    ),
    { adoptProgram: true },
  );
  assert.deepEqual(
    own.record?.program,
    { stage: 2, walking: null },
    "a target from the person's own days is not a clinician's",
  );
  const bad = await importFhir(
    write(
      'plan.json',
      bundle([
        carePlan({ status: 'on-hold' }),
        carePlan({ description: 'Stage 9, Nowhere: x' }),
        carePlan({ description: 'Stage 2, Wrong name: x' }),
        goal([{ measure: { text: 'km' }, detailQuantity: { value: 3, code: 'km' } }], [byClinician]),
        goal([stepsTarget(4000)], [{ ...byClinician, text: '' }]),
      ]),
    ),
    { adoptProgram: true },
  );
  assert.deepEqual(
    bad.issues.map((i) => [i.code, i.location.field]),
    [
      ['bad-value', 'Bundle.entry[0].resource.status'],
      ['bad-value', 'Bundle.entry[1].resource.description'],
      ['bad-value', 'Bundle.entry[2].resource.description'],
      ['missing-field', 'Bundle.entry[3].resource.target[0].detailQuantity'],
      ['bad-value', 'Bundle.entry[4].resource.note[0].text'],
    ],
  );
  const none = await importFhir(write('plan.json', bundle([steps('2026-11-02', 4100)])), { adoptProgram: true });
  assert.deepEqual(
    none.issues.map((i) => [i.code, i.message]),
    [['missing-field', 'No active Footing CarePlan in this file: there is no program to take']],
  );
});

const GAIT = 'https://footing.example/fhir/CodeSystem/gait-metrics';
/** A gait metric as Footing's export writes it (src/core/fhir/patient-bundle.ts). */
const gait = (id: string, code: string, value: unknown, unit: string, extra: object = {}) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: P,
  code: { coding: [{ system: GAIT, code }] },
  effectiveDateTime: '2026-11-02T10:00:00+01:00',
  valueQuantity: { value, system: 'http://unitsofmeasure.org', code: unit },
  method: { text: 'Footing phone-video gait analysis (side view)' },
  note: [{ text: 'Confidence 0.8 over 12 measurements.' }],
  ...extra,
});
const PT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
const gaitProvenance = (targets: string[]) => ({
  resourceType: 'Provenance',
  target: targets.map((t) => ({ reference: `Observation/${t}` })),
  recorded: '2026-11-02T10:00:00+01:00',
  agent: [
    {
      type: { coding: [{ system: PT, code: 'device' }] },
      who: { display: 'Footing gait analysis (pose model on a phone video)' },
    },
    { type: { coding: [{ system: PT, code: 'enterer' }] }, who: { display: 'Dr Ada Okafor' } },
  ],
  entity: [{ role: 'source', what: { display: 'Video walk (2).mp4 (side view)' } }],
});

test('Gait metrics of one analysis (same time and view) come back as one analysis: value, confidence, count, view, and who saved it and its video from its Provenance', async () => {
  const file = write(
    'gait.json',
    bundle([
      gait('g1', 'cadence_spm', 104.5, '/min'),
      steps('2026-11-02', 4100),
      gait('g2', 'knee_flexion_initial_contact_deg', -2.5, 'deg', { note: [{ text: 'Confidence 0.6.' }] }),
      // Another analysis (the same time, another view): no Provenance names it, so the patient saved it and the file is its video.
      gait('g3', 'stance_pct', 61, '%', { method: { text: 'Footing phone-video gait analysis (front view)' } }),
      gaitProvenance(['g1', 'g2']),
    ]),
  );
  const s = await importFhir(file, { mode: 'strict' });
  assert.deepEqual([s.ok, s.samples, s.skipped, s.errorCount, s.warningCount], [true, 1, 0, 0, 0]);
  assert.deepEqual(s.gait, [
    {
      recordedAt: '2026-11-02T10:00:00+01:00',
      view: 'side',
      recordedBy: 'Dr Ada Okafor',
      sourceName: 'walk (2).mp4',
      metrics: {
        cadence_spm: { value: 104.5, confidence: 0.8, n: 12 },
        knee_flexion_initial_contact_deg: { value: -2.5, confidence: 0.6 },
      },
    },
    {
      recordedAt: '2026-11-02T10:00:00+01:00',
      view: 'front',
      recordedBy: 'me',
      sourceName: 'gait.json',
      metrics: { stance_pct: { value: 61, confidence: 0.8, n: 12 } },
    },
  ]);
});

test("A gait metric out of the API's bounds, in another unit, unknown, or without its confidence is an error at its entry and field; its analysis is left out whole (lenient), nothing is kept (strict)", async () => {
  const file = write(
    'gait-bad.json',
    bundle([
      gait('a1', 'cadence_spm', 401, '/min'), // the API's bound for _spm is 0 to 400
      gait('a2', 'stance_pct', 60, '%'), // good, but of the same analysis as a1: left out with it
      gait('b1', 'walking_speed_mps', 1.2, 'km/h', { effectiveDateTime: '2026-11-03T10:00:00Z' }),
      gait('c1', 'gait_speed_kmh', 4, 'km/h', { effectiveDateTime: '2026-11-04T10:00:00Z' }),
      gait('d1', 'step_time_s', 0.55, 's', { effectiveDateTime: '2026-11-05T10:00:00Z', note: [] }),
      gait('e1', 'step_length_m', 0.7, 'm', { effectiveDateTime: '2026-11-06T10:00:00Z' }), // the one good analysis
      steps('2026-11-02', 4100),
    ]),
  );
  const lenient = await importFhir(file);
  assert.deepEqual(
    lenient.issues.map((i) => [i.code, i.location.field, i.message]),
    [
      [
        'bad-value',
        'Bundle.entry[0].resource.valueQuantity.value',
        '401 is outside 0 to 400, the plausible range of cadence_spm',
      ],
      [
        'unsupported-unit',
        'Bundle.entry[2].resource.valueQuantity.code',
        '"km/h" is not the unit of walking_speed_mps (UCUM m/s)',
      ],
      [
        'bad-value',
        'Bundle.entry[3].resource.code.coding[0].code',
        '"gait_speed_kmh" is not a gait metric Footing knows (a name such as cadence_spm)',
      ],
      [
        'missing-field',
        'Bundle.entry[4].resource.note',
        'A gait metric needs its confidence in a note ("Confidence 0.9 over 12 measurements.")',
      ],
    ],
  );
  assert.deepEqual(
    lenient.gait?.map((a) => [a.recordedAt, Object.keys(a.metrics).join()]),
    [['2026-11-06T10:00:00Z', 'step_length_m']],
  );
  const strict = await importFhir(file, { mode: 'strict' });
  assert.deepEqual([strict.ok, strict.gait, strict.issues.length], [false, undefined, 1]);
  // 65 metrics of one analysis (names with a known unit, each in bounds): more than the API's 64, left out whole, at the 65th.
  const many = await importFhir(
    write('gait-many.json', bundle(Array.from({ length: 65 }, (_, i) => gait(`m${i}`, `metric_${i}_pct`, 50, '%')))),
  );
  assert.deepEqual(
    [many.gait, many.issues.map((i) => [i.location.field, i.message])],
    [
      undefined,
      [
        [
          'Bundle.entry[64].resource.code',
          'The analysis of 2026-11-02T10:00:00+01:00 has 65 metrics, more than 64: it is left out',
        ],
      ],
    ],
  );
});

test("The steps' Provenance in Footing's form gives where the days came from: the device and its files, or the patient for steps typed by hand; another form is not guessed at", async () => {
  const prov = (targets: string[], agent: object, entity: object[] = []) => ({
    resourceType: 'Provenance',
    target: targets.map((t) => ({ reference: `Observation/${t}` })),
    recorded: '2026-11-05T18:00:00.123Z',
    agent: [agent],
    entity,
  });
  const device = (display: string) => ({ type: { coding: [{ system: PT, code: 'device' }] }, who: { display } });
  const file = write(
    'origins.json',
    bundle([
      { resourceType: 'Patient', id: 'p1' },
      steps('2026-11-02', 4100, { id: 's1' }),
      steps('2026-11-03', 5200, { id: 's2' }),
      steps('2026-11-04', 300, { id: 's3' }),
      steps('2026-11-05', 10, { id: 's4' }),
      prov(['s1', 's2'], device('fitbit (Fitbit 1503960366)'), [
        { role: 'source', what: { display: 'daily (1).csv (fitbit-csv file imported 2026-11-05)' } },
      ]),
      prov(['s2', 's3'], { type: { coding: [{ system: PT, code: 'author' }] }, who: { reference: 'Patient/p1' } }),
      prov(['s4'], device('A watch'), [{ role: 'source', what: { display: 'something else' } }]),
    ]),
  );
  const s = await importFhir(file);
  assert.deepEqual(s.origins, [
    {
      source: 'fitbit',
      device: 'Fitbit 1503960366',
      recorded: '2026-11-05T18:00:00.123Z',
      files: [{ fileName: 'daily (1).csv', format: 'fitbit-csv', at: '2026-11-05' }],
      dates: ['2026-11-02', '2026-11-03'],
    },
    {
      source: 'manual',
      device: null,
      recorded: '2026-11-05T18:00:00.123Z',
      files: [],
      dates: ['2026-11-03', '2026-11-04'],
    },
  ]);
  // The samples themselves are the file's, as before: source fhir (their identity, so a second import adds nothing).
  assert.deepEqual([s.samples, s.skipped], [4, 0]);
});

test('A day whose Provenance names only streams the record holds on that date is its own day coming back: counted, not delivered', async () => {
  const prov = (targets: string[], display: string) => ({
    resourceType: 'Provenance',
    target: targets.map((t) => ({ reference: `Observation/${t}` })),
    recorded: '2026-11-05T18:00:00Z',
    agent: [{ type: { coding: [{ system: PT, code: 'device' }] }, who: { display } }],
  });
  const file = write(
    'home.json',
    bundle([
      steps('2026-11-02', 4100, { id: 's1' }),
      steps('2026-11-03', 5200, { id: 's2' }),
      steps('2026-11-04', 300, { id: 's3' }),
      prov(['s1', 's2'], 'apple-health (iPhone)'),
      prov(['s2', 's3'], 'fit (Forerunner)'),
    ]),
  );
  // Held: the iPhone on 2 and 3 Nov, the watch on 3 Nov only. 2 Nov (iPhone only) and 3 Nov (both held) come back; 4 Nov's watch day is not held.
  const held = new Set([
    '2026-11-02\u001fapple-health\u001fiPhone',
    '2026-11-03\u001fapple-health\u001fiPhone',
    '2026-11-03\u001ffit\u001fForerunner',
  ]);
  const { samples, summary } = await collectSamples((o) => importFhir(file, { ...o, heldStepStreams: held }));
  assert.deepEqual([summary.samples, summary.held, samples.map((x) => x.start.slice(0, 10))], [3, 2, ['2026-11-04']]);
  // Without held streams (a fresh record) every day is delivered.
  assert.deepEqual((await collectSamples((o) => importFhir(file, o))).samples.length, 3);
});
