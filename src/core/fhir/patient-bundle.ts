/**
 * A patient's record as a FHIR R4 Bundle of type `collection` (issue 15): the Patient; an Observation per day's step
 * count and per pain score of a check-in; the gait metrics of each saved video analysis; the program as a CarePlan
 * with its activities and the walking target as its Goal; Provenance naming where the values came from (a device
 * or an imported file, the patient's own check-ins, a video analysis). Pure: it takes plain values that the use
 * case loaded (src/services/fhir-export-service.ts) and returns JSON; the same input gives the same bundle (ids are
 * derived from the stored ids, stable-id.ts), so an export is reproducible. Full URLs are `FHIR_BASE/Type/id`.
 *
 * Screening results, outcome scores and the QuestionnaireResponses of the free measures: assessment-resources.ts.
 *
 * Codes: DOMAIN.md §9 only. Steps LOINC 41950-7 (UCUM `/d`, category `activity`); pain LOINC 72514-3 with a SNOMED
 * CT body site where the body-map region has one there; gait metrics in Footing's own code system
 * (gait-metric-codes.ts). No code that DOMAIN.md does not give is used; other regions are named in text only.
 */
import type { BodyMark } from '../pain.js';
import type { ClinicianWalkingFigure } from '../walking-target.js';
import { painAreaLabel } from '../pain-areas.js';
import {
  gaitMetricUnit,
  gaitMetricsCodeSystem,
  GAIT_METRIC_CONCEPTS,
  GAIT_METRICS_SYSTEM,
} from './gait-metric-codes.js';
import { stableUuid } from './stable-id.js';
import {
  outcomeCodeSystem,
  outcomeObservation,
  questionnaire,
  questionnaireResponse,
  screeningCodeSystem,
  screeningObservation,
  FREE_MEASURES,
  type OutcomeInput,
  type ScreeningInput,
} from './assessment-resources.js';

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/** DOMAIN.md §9 [47]: "Number of steps in 24 hour Measured". */
export const STEPS_LOINC = { system: LOINC, code: '41950-7', display: 'Number of steps in 24 hour Measured' } as const;
/** DOMAIN.md §9 [47b]: pain 0-10 numeric rating. */
export const PAIN_LOINC = {
  system: LOINC,
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
} as const;

/** SNOMED CT body sites of DOMAIN.md §9 [47i] (DICOM CID 4 / 4031). */
export const BODY_SITES = {
  foot: { system: SNOMED, code: '56459004', display: 'Foot' },
  neck: { system: SNOMED, code: '45048000', display: 'Neck' },
  lumbarRegion: { system: SNOMED, code: '52612000', display: 'Lumbar region' },
  back: { system: SNOMED, code: '77568009', display: 'Back' },
  ankleJoint: { system: SNOMED, code: '70258002', display: 'Ankle joint' },
} as const;
type Coding = { system: string; code: string; display: string };

/**
 * The body site of a body-map region, where DOMAIN.md §9 gives one: the sole and the heel are parts of the foot
 * (coded as the foot, named exactly in the text), the middle of the back is part of the back. Knee, hip, pelvis,
 * shoulder, arm and hand have no code there: text only.
 */
export const REGION_BODY_SITE: Partial<Record<BodyMark['region'], Coding>> = {
  'foot-sole': BODY_SITES.foot,
  heel: BODY_SITES.foot,
  ankle: BODY_SITES.ankleJoint,
  'low-back': BODY_SITES.lumbarRegion,
  'mid-back': BODY_SITES.back,
  neck: BODY_SITES.neck,
};
/** The check-in's three scores: back, neck and foot pain. */
const SCORE_SITES = { back: BODY_SITES.back, neck: BODY_SITES.neck, foot: BODY_SITES.foot } as const;

export interface FhirResource {
  resourceType: string;
  id: string;
  [key: string]: unknown;
}
export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp?: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

/** Where a day's steps came from: one source (and device) as stored with the walking samples. */
export interface WalkingSourceInput {
  source: string;
  device: string | null;
  /** The dates it gave samples on. */
  dates: readonly string[];
  /** When its samples were last added (an instant). */
  lastAddedAt: string;
  /** The files they were imported from, when imported. */
  imports: readonly { fileName: string; format: string; at: string }[];
}

export interface FhirExportInput {
  person: { id: string; displayName: string; birthYear: number | null };
  /** Daily step totals (days with steps only count). */
  stepDays: readonly { date: string; steps: number }[];
  walkingSources: readonly WalkingSourceInput[];
  checkins: readonly {
    id: string;
    at: string;
    back: number | null;
    neck: number | null;
    foot: number | null;
    regions: readonly BodyMark[];
  }[];
  gaitAnalyses: readonly {
    id: string;
    recordedAt: string;
    recordedBy: string;
    sourceName: string;
    view: string;
    metrics: Readonly<Record<string, { value: number | null; confidence: number; n?: number }>>;
  }[];
  /** The program: its state and today's activities (empty when stopped or before the safety check). */
  program: null | {
    status: 'active' | 'stopped';
    startedOn: string;
    stage: { number: number; name: string; goal: string };
    activities: readonly { exercise: string; name: string; doseText: string }[];
  };
  /** Today's walking target (the program's Goal). */
  walkingTarget: null | {
    steps: number | null;
    minutes: number;
    basis: string;
    setBy: string | null;
    asOf: string;
    /** A clinician's target or cap (src/core/walking-override.ts), applied today or not: carried whole so that an
     * import can take it back (fhir-program.ts). */
    clinician?: ClinicianWalkingFigure | null;
  };
  /** Screening test results (DOMAIN.md §5); none when left out. */
  screenings?: readonly ScreeningInput[];
  /** Outcome-measure entries (DOMAIN.md §7); none when left out. */
  outcomes?: readonly OutcomeInput[];
  /** When the export was made (Bundle.timestamp); left out for a bundle that must compare equal across runs. */
  exportedAt?: string;
}

/** FHIR R4 id: [A-Za-z0-9\-\.]{1,64}. Footing's person ids are UUIDs and are kept as the Patient's id. */
const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;
/**
 * The base of the bundle's full URLs: the namespace of Footing's canonical URLs (gait-metric-codes.ts). References
 * inside the bundle are relative ("Patient/<id>") and resolve against it to an entry's fullUrl.
 */
export const FHIR_BASE = 'https://footing.example/fhir';
const ref = (r: FhirResource) => ({ reference: `${r.resourceType}/${r.id}` });
const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date-time as a FHIR instant (and dateTime with a time): seconds and a zone are required ("2026-11-02T08:00+01:00" gains ":00"). */
export function asInstant(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (m) return `${m[1]}${m[2] ?? ':00'}${m[3]}`;
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/** A walking source's label as people read it: "apple-health (iPhone)", or "entered by hand". */
function sourceLabel(s: { source: string; device: string | null }): string {
  if (s.source === 'manual') return 'entered by hand in Footing';
  return s.device ? `${s.source} (${s.device})` : s.source;
}

/** The bundle's fields before its entries (Bundle.entry is written last, so the entries can be streamed after them). */
export type FhirBundleHead = Omit<FhirBundle, 'entry'>;

/** A resource's entry in the bundle. */
export const bundleEntry = (resource: FhirResource): FhirBundle['entry'][number] => ({
  fullUrl: `${FHIR_BASE}/${resource.resourceType}/${resource.id}`,
  resource,
});

/** Builds the bundle whole (the FHIR REST reads and $everything search it). The export streams patientBundleParts instead. */
export function patientBundle(input: FhirExportInput): FhirBundle {
  const { head, resources } = patientBundleParts(input);
  return { ...head, entry: [...resources()].map(bundleEntry) };
}

/**
 * The bundle as its head and a generator of its resources, made one at a time (issue 15, speed): a day's steps or a
 * check-in's pain become Observations only as they are written out, so a long record is never held as resources or
 * text at once (the plain rows of the input are). The entries come in a fixed order: Patient, CodeSystems,
 * Questionnaires, CarePlan, Goal, Observations, QuestionnaireResponses, Provenance; a Provenance names its targets by
 * the ids they are given (stable-id.ts), not by holding them.
 */
export function patientBundleParts(input: FhirExportInput): {
  head: FhirBundleHead;
  resources: () => Generator<FhirResource>;
} {
  const pid = input.person.id;
  const head: FhirBundleHead = {
    resourceType: 'Bundle',
    id: stableUuid('Bundle', pid),
    type: 'collection',
    ...(input.exportedAt ? { timestamp: asInstant(input.exportedAt) } : {}),
  };
  return { head, resources: () => resourcesOf(input) };
}

function* resourcesOf(input: FhirExportInput): Generator<FhirResource> {
  const pid = input.person.id;
  const patient: FhirResource = {
    resourceType: 'Patient',
    id: FHIR_ID.test(pid) ? pid : stableUuid('Patient', pid),
    identifier: [{ system: 'https://footing.example/fhir/person-id', value: pid }],
    name: [{ text: input.person.displayName }],
    ...(input.person.birthYear !== null ? { birthDate: String(input.person.birthYear) } : {}),
  };
  const subject = ref(patient);

  // ---- steps: one Observation per day with steps, in date order (the rows: a date and a number each) ----
  const stepDays = new Map<string, number>();
  for (const d of [...input.stepDays].sort((a, b) => (a.date < b.date ? -1 : 1)))
    if (d.steps > 0) stepDays.set(d.date, d.steps);
  const stepId = (date: string) => stableUuid('steps', pid, date);
  const stepObservation = (date: string, steps: number): FhirResource => ({
    resourceType: 'Observation',
    id: stepId(date),
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'activity', display: 'Activity' }] }],
    code: { coding: [{ ...STEPS_LOINC }], text: 'Steps in the day' },
    subject,
    effectiveDateTime: date,
    valueQuantity: { value: steps, unit: 'steps/day', system: UCUM, code: '/d' },
  });

  // ---- pain: one Observation per score of a check-in (back, neck, foot, then each area marked) ----
  type Checkin = FhirExportInput['checkins'][number];
  const painScores = (c: Checkin) => [
    ...(['back', 'neck', 'foot'] as const)
      .filter((site) => c[site] !== null)
      .map((site) => ({
        key: site as string,
        score: c[site]!,
        site: SCORE_SITES[site] as Coding | undefined,
        text: site.charAt(0).toUpperCase() + site.slice(1),
      })),
    ...c.regions.map((m, i) => ({
      key: `area-${i}`,
      score: m.intensity,
      site: REGION_BODY_SITE[m.region],
      text: painAreaLabel({ region: m.region, side: m.side }),
    })),
  ];
  const painObservation = (
    checkinId: string,
    key: string,
    at: string,
    score: number,
    site: Coding | undefined,
    siteText: string,
  ): FhirResource => ({
    resourceType: 'Observation',
    id: stableUuid('pain', checkinId, key),
    status: 'final',
    code: { coding: [{ ...PAIN_LOINC }], text: 'Pain 0-10' },
    subject,
    effectiveDateTime: asInstant(at),
    performer: [subject],
    valueInteger: score,
    bodySite: { ...(site ? { coding: [{ ...site }] } : {}), text: siteText },
  });
  const hasPain = input.checkins.some((c) => painScores(c).length > 0);

  // ---- gait: one Observation per measured metric of each analysis (a few per analysis: made when needed) ----
  const known = new Map(GAIT_METRIC_CONCEPTS.map((c) => [c.code, c]));
  const gaitObservations = (a: FhirExportInput['gaitAnalyses'][number]): FhirResource[] => {
    const out: FhirResource[] = [];
    for (const [name, m] of Object.entries(a.metrics).sort(([x], [y]) => (x < y ? -1 : 1))) {
      const concept = known.get(name);
      const unit = gaitMetricUnit(name);
      if (!concept || !unit || m.value === null) continue; // not measurable in this clip, or a name this version does not know
      out.push({
        resourceType: 'Observation',
        id: stableUuid('gait', a.id, name),
        status: 'final',
        code: {
          coding: [{ system: GAIT_METRICS_SYSTEM, code: name, display: concept.display }],
          text: concept.display,
        },
        subject,
        effectiveDateTime: asInstant(a.recordedAt),
        valueQuantity: { value: m.value, unit: unit.unit, system: UCUM, code: unit.code },
        method: { text: `Footing phone-video gait analysis (${a.view} view)` },
        note: [{ text: `Confidence ${m.confidence}${m.n !== undefined ? ` over ${m.n} measurements` : ''}.` }],
      });
    }
    return out;
  };
  const hasGait = input.gaitAnalyses.some((a) => gaitObservations(a).length > 0);

  // ---- screening results and outcome measures (assessment-resources.ts): a few per record, made here ----
  const recorder = (by: string) => (by === 'me' ? subject : { display: by });
  const assessed: { by: string; r: FhirResource }[] = [];
  const screeningObs: FhirResource[] = [];
  for (const r of input.screenings ?? []) {
    const obs = screeningObservation(r, { subject, performer: recorder(r.recordedBy), asInstant });
    if (obs) {
      screeningObs.push(obs);
      assessed.push({ by: r.recordedBy, r: obs });
    }
  }
  const outcomeObs: FhirResource[] = [];
  const responses: FhirResource[] = [];
  for (const r of input.outcomes ?? []) {
    const qr = questionnaireResponse(r, { subject, author: recorder(r.recordedBy), asInstant });
    const obs = outcomeObservation(r, {
      subject,
      performer: recorder(r.recordedBy),
      asInstant,
      questionnaireResponse: qr ? ref(qr) : null,
    });
    if (qr) {
      responses.push(qr);
      assessed.push({ by: r.recordedBy, r: qr });
    }
    if (obs) {
      outcomeObs.push(obs);
      assessed.push({ by: r.recordedBy, r: obs });
    }
  }
  const questionnaires = FREE_MEASURES.filter((m) =>
    responses.some((qr) => qr.questionnaire === questionnaire(m).url),
  ).map(questionnaire);

  // ---- the program (CarePlan) and the walking target (Goal) ----
  let carePlan: FhirResource | null = null;
  let goal: FhirResource | null = null;
  const p = input.program;
  const active = p?.status === 'active';
  if (input.walkingTarget) {
    const t = input.walkingTarget;
    const c = t.clinician ?? null;
    const figure = t.steps !== null ? `${t.steps} steps` : `${t.minutes} minutes`;
    goal = {
      resourceType: 'Goal',
      id: stableUuid('Goal', pid, 'walking'),
      lifecycleStatus: p && !active ? 'on-hold' : 'active',
      description: { text: `Walk ${figure} a day` },
      subject,
      ...(p ? { startDate: p.startedOn } : {}),
      target: [
        t.steps !== null
          ? {
              measure: { coding: [{ ...STEPS_LOINC }] },
              detailQuantity: { value: t.steps, unit: 'steps/day', system: UCUM, code: '/d' },
            }
          : {
              measure: { text: 'Minutes of walking a day' },
              detailQuantity: { value: t.minutes, unit: 'min/day', system: UCUM, code: 'min/d' },
            },
      ],
      statusDate: t.asOf,
      ...(t.setBy ? { expressedBy: { display: t.setBy } } : {}),
      // The clinician's setting in its own terms: their reason as an annotation in their name on the day they set
      // it, and a cap as the upper end of a second target (the first is today's figure, a cap may leave it lower).
      note: [{ text: t.basis }, ...(c ? [{ authorString: c.setBy, time: c.setOn, text: c.reason }] : [])],
    };
    if (c?.kind === 'cap') {
      (goal.target as unknown[]).push({
        measure: c.steps !== null ? { coding: [{ ...STEPS_LOINC }] } : { text: 'Minutes of walking a day' },
        detailRange: {
          high:
            c.steps !== null
              ? { value: c.steps, unit: 'steps/day', system: UCUM, code: '/d' }
              : { value: c.minutes, unit: 'min/day', system: UCUM, code: 'min/d' },
        },
      });
    }
  }
  if (p) {
    carePlan = {
      resourceType: 'CarePlan',
      id: stableUuid('CarePlan', pid),
      status: active ? 'active' : 'on-hold',
      intent: 'plan',
      title: 'Footing program',
      description: `Stage ${p.stage.number}, ${p.stage.name}: ${p.stage.goal}`,
      subject,
      period: { start: p.startedOn },
      ...(goal ? { goal: [ref(goal)] } : {}),
      ...(p.activities.length
        ? {
            activity: p.activities.map((a) => ({
              detail: {
                status: active ? 'in-progress' : 'on-hold',
                description: `${a.name}: ${a.doseText}`,
                ...(a.exercise === 'walk' && goal ? { goal: [ref(goal)] } : {}),
              },
            })),
          }
        : {}),
    };
  }

  // ---- the resources, in order ----
  yield patient;
  if (hasGait) yield gaitMetricsCodeSystem();
  if (screeningObs.length) yield screeningCodeSystem();
  if (outcomeObs.length || responses.length) yield outcomeCodeSystem();
  yield* questionnaires;
  if (carePlan) yield carePlan;
  if (goal) yield goal;
  for (const [date, steps] of stepDays) yield stepObservation(date, steps);
  for (const c of input.checkins)
    for (const x of painScores(c)) yield painObservation(c.id, x.key, c.at, x.score, x.site, x.text);
  for (const a of input.gaitAnalyses) yield* gaitObservations(a);
  yield* screeningObs;
  yield* outcomeObs;
  yield* responses;

  // ---- provenance ----
  for (const s of [...input.walkingSources].sort((a, b) => (sourceLabel(a) < sourceLabel(b) ? -1 : 1))) {
    const targets = [...new Set(s.dates)]
      .sort()
      .filter((d) => stepDays.has(d))
      .map((d) => ({ reference: `Observation/${stepId(d)}` }));
    if (!targets.length) continue;
    const manual = s.source === 'manual';
    yield {
      resourceType: 'Provenance',
      id: stableUuid('Provenance', pid, 'walking', s.source, s.device ?? ''),
      target: targets,
      recorded: asInstant(s.lastAddedAt),
      agent: [
        manual
          ? { type: { coding: [{ system: PARTICIPANT_TYPE, code: 'author', display: 'Author' }] }, who: subject }
          : {
              type: { coding: [{ system: PARTICIPANT_TYPE, code: 'device', display: 'Device' }] },
              who: { display: sourceLabel(s) },
            },
      ],
      ...(s.imports.length
        ? {
            entity: s.imports.map((f) => ({
              role: 'source',
              what: { display: `${f.fileName} (${f.format} file imported ${f.at.slice(0, 10)})` },
            })),
          }
        : {}),
    };
  }
  if (hasPain) {
    const last = input.checkins.reduce((a, c) => (Date.parse(c.at) > Date.parse(a) ? c.at : a), input.checkins[0]!.at);
    yield {
      resourceType: 'Provenance',
      id: stableUuid('Provenance', pid, 'checkins'),
      target: input.checkins.flatMap((c) =>
        painScores(c).map((x) => ({ reference: `Observation/${stableUuid('pain', c.id, x.key)}` })),
      ),
      recorded: asInstant(last),
      agent: [{ type: { coding: [{ system: PARTICIPANT_TYPE, code: 'author', display: 'Author' }] }, who: subject }],
      entity: [{ role: 'source', what: { display: 'Footing check-ins, reported by the patient' } }],
    };
  }
  for (const a of input.gaitAnalyses) {
    const targets = gaitObservations(a).map(ref);
    if (!targets.length) continue;
    yield {
      resourceType: 'Provenance',
      id: stableUuid('Provenance', 'gait', a.id),
      target: targets,
      recorded: asInstant(a.recordedAt),
      agent: [
        {
          type: { coding: [{ system: PARTICIPANT_TYPE, code: 'device', display: 'Device' }] },
          who: { display: 'Footing gait analysis (pose model on a phone video)' },
        },
        {
          type: { coding: [{ system: PARTICIPANT_TYPE, code: 'enterer', display: 'Enterer' }] },
          who: a.recordedBy === 'me' ? subject : { display: a.recordedBy },
        },
      ],
      entity: [{ role: 'source', what: { display: `Video ${a.sourceName} (${a.view} view)` } }],
    };
  }

  for (const by of [...new Set(assessed.map((a) => a.by))].sort()) {
    const targets = assessed.filter((a) => a.by === by).map((a) => ref(a.r));
    const last = assessed
      .filter((a) => a.by === by)
      .map((a) => String(a.r.effectiveDateTime ?? a.r.authored))
      .sort((x, y) => Date.parse(x) - Date.parse(y))
      .at(-1)!;
    yield {
      resourceType: 'Provenance',
      id: stableUuid('Provenance', pid, 'assessment', by),
      target: targets,
      recorded: last,
      agent: [
        { type: { coding: [{ system: PARTICIPANT_TYPE, code: 'author', display: 'Author' }] }, who: recorder(by) },
      ],
      entity: [
        {
          role: 'source',
          what: {
            display:
              by === 'me' ? 'Footing assessment, entered by the patient' : 'Footing assessment, entered by a clinician',
          },
        },
      ],
    };
  }
}
