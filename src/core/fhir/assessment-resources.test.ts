/**
 * Screening results, outcome scores and questionnaires in the FHIR export (issue 15): every resource passes medplum's
 * R4 validation with zero issues; the numbers are the input's; a QuestionnaireResponse (and its Questionnaire) only
 * for the free measures (NPRS, PSFS), never for a copyrighted one (ODI, NDI, FAAM, STarT Back: the score only).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFhir } from '../../../test/helpers/fhir-validator.js';
import { OUTCOME_SYSTEM, QUESTIONNAIRE_BASE, SCREENING_SYSTEM } from './assessment-resources.js';
import { patientBundle, type FhirExportInput, type FhirResource } from './patient-bundle.js';

const PERSON = '0192f0c4-7d1e-7a31-9c55-3b1e2f4a5d60';
const INPUT: FhirExportInput = {
  person: { id: PERSON, displayName: 'Ada Walker', birthYear: 1970 },
  stepDays: [],
  walkingSources: [],
  checkins: [],
  gaitAnalyses: [],
  program: null,
  walkingTarget: null,
  screenings: [
    {
      id: 's1',
      testId: 'heel-raise',
      values: { left: 21, right: 25, protocol: 'incline-metronome' },
      recordedAt: '2026-11-02T09:00:00Z',
      recordedBy: 'me',
    },
    {
      id: 's2',
      testId: 'single-leg-stance',
      values: { eyesOpen: { left: 30.5, right: null }, eyesClosed: { right: 4 } },
      recordedAt: '2026-11-02T09:10:00Z',
      recordedBy: 'Dr A',
    },
    {
      id: 's3',
      testId: 'windlass',
      values: { left: 'positive' },
      recordedAt: '2026-11-02T09:20:00Z',
      recordedBy: 'Dr A',
    },
    {
      id: 's4',
      testId: 'some-test-of-a-later-version',
      values: { left: 1 },
      recordedAt: '2026-11-02T09:30:00Z',
      recordedBy: 'me',
    },
  ],
  outcomes: [
    {
      id: 'o1',
      measureId: 'odi',
      inputs: { totalPercent: 34 },
      score: 34,
      recordedAt: '2026-11-02T10:00:00Z',
      recordedBy: 'Dr A',
    },
    {
      id: 'o2',
      measureId: 'psfs',
      inputs: {
        activities: [
          { name: 'Gardening', rating: 3 },
          { name: 'Carrying shopping', rating: 5 },
          { name: 'Running', rating: 4 },
          { name: 'Tennis', rating: null },
        ],
      },
      score: 4,
      recordedAt: '2026-11-02T10:05:00Z',
      recordedBy: 'me',
    },
    {
      id: 'o3',
      measureId: 'nprs',
      inputs: { value: 6 },
      score: 6,
      recordedAt: '2026-11-02T10:06:00Z',
      recordedBy: 'me',
    },
    {
      id: 'o4',
      measureId: 'ndi',
      inputs: { rawTotal: 12 },
      score: 12,
      recordedAt: '2026-11-02T10:07:00Z',
      recordedBy: 'Dr A',
    },
    {
      id: 'o5',
      measureId: 'start-back',
      inputs: { overall: 5, psychosocial: 2 },
      score: null,
      recordedAt: '2026-11-02T10:08:00Z',
      recordedBy: 'Dr A',
    },
  ],
};

const resources = patientBundle(INPUT).entry.map((e) => e.resource);
const byType = (type: string) => resources.filter((r) => r.resourceType === type);
const codingOf = (r: FhirResource) => (r.code as { coding: { system: string; code: string }[] }).coding;

test('Every screening, outcome, questionnaire and provenance resource passes the validator with zero issues', () => {
  assert.ok(resources.length >= 14);
  for (const r of resources) assert.deepEqual(validateFhir(r), [], `${r.resourceType}/${r.id}`);
});

test('Given 3 known screening tests and one of a later version, 3 exam Observations hold the values as entered, per side', () => {
  const screenings = byType('Observation').filter((o) => codingOf(o)[0]!.system === SCREENING_SYSTEM);
  assert.deepEqual(
    screenings.map((o) => codingOf(o)[0]!.code),
    ['heel-raise', 'single-leg-stance', 'windlass'],
  );
  const parts = (o: FhirResource) =>
    (
      o.component as { code: { text: string }; valueQuantity?: { value: number; code: string }; valueString?: string }[]
    ).map((c) => [c.code.text, c.valueQuantity ? `${c.valueQuantity.value} ${c.valueQuantity.code}` : c.valueString]);
  assert.deepEqual(parts(screenings[0]!), [
    ['Left', '21 {repetitions}'],
    ['Protocol', 'incline-metronome'],
    ['Right', '25 {repetitions}'],
  ]);
  // The missing right eyes-open time is left out, not written as 0.
  assert.deepEqual(parts(screenings[1]!), [
    ['Eyes closed, right', '4 s'],
    ['Eyes open, left', '30.5 s'],
  ]);
  assert.deepEqual(parts(screenings[2]!), [['Left', 'positive']]);
  assert.deepEqual(screenings[1]!.performer, [{ display: 'Dr A' }]);
  assert.deepEqual(screenings[0]!.performer, [{ reference: `Patient/${PERSON}` }]);
  const cs = byType('CodeSystem').find((c) => c.url === SCREENING_SYSTEM)!;
  assert.equal((cs.concept as unknown[]).length, cs.count);
});

test('Given 5 outcome entries, 4 scored: 4 survey Observations; the ODI also carries LOINC 97909-6', () => {
  const outcomes = byType('Observation').filter((o) => codingOf(o)[0]!.system === OUTCOME_SYSTEM);
  assert.deepEqual(
    outcomes.map((o) => [
      codingOf(o)
        .map((c) => c.code)
        .join('+'),
      (o.valueQuantity as { value: number; code: string }).value,
      (o.valueQuantity as { code: string }).code,
    ]),
    [
      ['odi+97909-6', 34, '%'],
      ['psfs', 4, '{score}'],
      ['nprs', 6, '{score}'],
      ['ndi', 12, '{score}'],
    ],
  );
  assert.match(JSON.stringify(outcomes[0]!.note), /items are not reproduced/);
});

test('QuestionnaireResponses for the free measures only (PSFS, NPRS), with the answers entered, and their Questionnaires published', () => {
  const responses = byType('QuestionnaireResponse');
  assert.deepEqual(
    responses.map((r) => r.questionnaire),
    [`${QUESTIONNAIRE_BASE}/psfs`, `${QUESTIONNAIRE_BASE}/nprs`],
  );
  const psfs = responses[0]!.item as {
    item: { linkId: string; answer?: { valueString?: string; valueInteger?: number }[] }[];
  }[];
  assert.deepEqual(
    psfs.map((g) => [g.item[0]!.answer![0]!.valueString, g.item[1]!.answer?.[0]!.valueInteger ?? null]),
    [
      ['Gardening', 3],
      ['Carrying shopping', 5],
      ['Running', 4],
      ['Tennis', null],
    ],
  );
  assert.deepEqual((responses[1]!.item as { answer: unknown[] }[])[0]!.answer, [{ valueInteger: 6 }]);
  assert.deepEqual(
    byType('Questionnaire').map((q) => q.url),
    [`${QUESTIONNAIRE_BASE}/nprs`, `${QUESTIONNAIRE_BASE}/psfs`],
  );
  // The score Observation points at the answers it was computed from.
  const psfsObs = byType('Observation').find((o) => codingOf(o)[0]!.code === 'psfs')!;
  assert.deepEqual(psfsObs.derivedFrom, [{ reference: `QuestionnaireResponse/${responses[0]!.id}` }]);
  // No copyrighted instrument appears as a questionnaire.
  assert.doesNotMatch(JSON.stringify(byType('Questionnaire')), /odi|ndi|faam|start-back/i);
});

test('Provenance names who entered each assessment: the patient, or the clinician', () => {
  const prov = byType('Provenance');
  const who = prov.map((p) => [
    JSON.stringify((p.agent as { who: unknown }[])[0]!.who),
    (p.target as unknown[]).length,
  ]);
  // Dr A: 2 screenings + ODI + NDI = 4; the patient: heel raise, PSFS (QR + Observation), NPRS (QR + Observation) = 5.
  assert.deepEqual(who, [
    ['{"display":"Dr A"}', 4],
    [`{"reference":"Patient/${PERSON}"}`, 5],
  ]);
});
