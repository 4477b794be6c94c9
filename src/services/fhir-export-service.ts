/**
 * The FHIR R4 export of one person's record (`footing export --format fhir`, GET /api/export/fhir and
 * GET /api/patients/:personId/fhir): loads the record from the store and hands it to the pure mapping
 * (src/core/fhir/patient-bundle.ts). The program and the walking target are today's, as the person's Today screen
 * shows them (getToday), so `today` is the person's calendar date, as for every other read of the program.
 */
import type { Kysely } from 'kysely';
import {
  bundleEntry,
  patientBundle,
  patientBundleParts,
  type FhirBundle,
  type FhirBundleHead,
  type FhirResource,
  type FhirExportInput,
  type WalkingSourceInput,
} from '../core/fhir/patient-bundle.js';
import { bundleJsonStream } from '../core/fhir/bundle-stream.js';
import { stageByNumber } from '../core/stages.js';
import { notFoundHere } from './service-error.js';
import { refusal } from '../core/refusal-words.js';
import type { Database } from '../store/schema.js';
import { listOutcomeScores, listScreeningResults } from '../store/repos/assessments.js';
import { listCheckins } from '../store/repos/checkins.js';
import { listGaitAnalyses } from '../store/repos/gait-analyses.js';
import { getPerson } from '../store/repos/people.js';
import { listImportOrigins } from '../store/repos/imports.js';
import type { ImportRecord } from '../core/import-record.js';
import { dailyWalking, listStepSources } from '../store/repos/walking.js';
import { getToday } from './program-service.js';

type MetricsJson = Record<string, { value: number | null; confidence: number; n?: number }>;

/** The metrics of a saved analysis that have the shape the mapping reads (others are left out, not guessed). */
function metricsOf(analysis: { metrics?: unknown }): MetricsJson {
  const out: MetricsJson = {};
  const metrics = analysis.metrics;
  if (!metrics || typeof metrics !== 'object') return out;
  for (const [name, m] of Object.entries(metrics as Record<string, unknown>)) {
    const v = m as { value?: unknown; confidence?: unknown; n?: unknown };
    if ((typeof v.value === 'number' || v.value === null) && typeof v.confidence === 'number') {
      out[name] = {
        value: v.value as number | null,
        confidence: v.confidence,
        ...(typeof v.n === 'number' ? { n: v.n } : {}),
      };
    }
  }
  return out;
}

type SourceRow = Awaited<ReturnType<typeof listStepSources>>[number];

/**
 * A stored day's sources as the export names them: the day's own (source, device, the file it was imported from),
 * or, for a day imported from a FHIR file whose Provenance said where it came from (fhir-provenance.ts), that
 * device or the patient, its files and its time, as the file's Provenance named them (docs/clinic.md, "Round trip").
 */
function sourcesOfDay(r: SourceRow, origins: ReadonlyMap<string, NonNullable<ImportRecord['origins']>>): SourceRow[] {
  const named = r.import ? (origins.get(r.import.id) ?? []).filter((o) => o.dates.includes(r.date)) : [];
  if (!named.length) return [r];
  // A file's origin names its files by date only (the export writes "imported <date>"), hence the empty ids.
  return named.flatMap((o) =>
    (o.files.length ? o.files : [null]).map((f) => ({
      source: o.source,
      device: o.device,
      date: r.date,
      updatedAt: o.recorded,
      import: f ? { id: '', ...f } : null,
    })),
  );
}

/** The steps' sources, grouped by source and device, with the dates they gave and the files they came from. */
function walkingSources(
  stored: Awaited<ReturnType<typeof listStepSources>>,
  origins: ReadonlyMap<string, NonNullable<ImportRecord['origins']>>,
): WalkingSourceInput[] {
  const groups = new Map<
    string,
    {
      source: string;
      device: string | null;
      dates: string[];
      lastAddedAt: string;
      imports: Map<string, { fileName: string; format: string; at: string }>;
    }
  >();
  for (const r of stored.flatMap((row) => sourcesOfDay(row, origins))) {
    const key = `${r.source}\u001f${r.device ?? ''}`;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { source: r.source, device: r.device, dates: [], lastAddedAt: r.updatedAt, imports: new Map() }),
      );
    if (!g.dates.includes(r.date)) g.dates.push(r.date);
    if (Date.parse(r.updatedAt) > Date.parse(g.lastAddedAt)) g.lastAddedAt = r.updatedAt;
    if (r.import)
      g.imports.set(`${r.import.at}\u001f${r.import.fileName}`, {
        fileName: r.import.fileName,
        format: r.import.format,
        at: r.import.at,
      });
  }
  return [...groups.values()].map((g) => ({
    ...g,
    imports: [...g.imports.values()].sort((a, b) => (a.at < b.at ? -1 : 1)),
  }));
}

/** What the mapping is made from: the person's rows as the store gives them (plain values, a few per day). */
async function exportInput(
  db: Kysely<Database>,
  personId: string,
  options: { today: string; exportedAt?: string },
): Promise<FhirExportInput> {
  const person = await getPerson(db, personId);
  if (!person) throw notFoundHere(refusal('person.not-found'));
  const state = await getToday(db, personId, options.today);
  const plan = state.plan;
  const clinician = state.walking.clinician;
  return {
    person: { id: person.id, displayName: person.displayName, birthYear: person.birthYear },
    stepDays: (await dailyWalking(db, personId)).map((d) => ({ date: d.date, steps: d.steps })),
    walkingSources: walkingSources(await listStepSources(db, personId), await listImportOrigins(db, personId)),
    checkins: await listCheckins(db, personId),
    gaitAnalyses: (await listGaitAnalyses(db, personId)).map((a) => ({
      id: a.id,
      recordedAt: a.recordedAt,
      recordedBy: a.recordedBy,
      sourceName: a.sourceName,
      view: a.view,
      metrics: metricsOf(a.analysis),
    })),
    screenings: await listScreeningResults(db, personId),
    outcomes: await listOutcomeScores(db, personId),
    program: state.program
      ? {
          status: state.program.status,
          startedOn: state.program.startedOn,
          stage:
            plan.status === 'active'
              ? plan.stage
              : (({ number, name, goal }) => ({ number, name, goal }))(stageByNumber(state.program.stage)),
          activities:
            plan.status === 'active'
              ? plan.items.map((i) => ({ exercise: i.exercise, name: i.name, doseText: i.doseText }))
              : [],
        }
      : null,
    walkingTarget: state.program
      ? {
          steps: state.walking.steps,
          minutes: state.walking.minutes,
          basis: clinician?.applied ? clinician.text : state.walking.basis,
          setBy: clinician?.applied ? clinician.setBy : null,
          asOf: options.today,
          clinician: clinician
            ? {
                kind: clinician.kind,
                steps: clinician.steps,
                minutes: clinician.minutes,
                reason: clinician.reason,
                setBy: clinician.setBy,
                setOn: clinician.setOn,
              }
            : null,
        }
      : null,
    ...(options.exportedAt ? { exportedAt: options.exportedAt } : {}),
  };
}

/**
 * The person's record as a FHIR R4 Bundle (type collection), whole: for the FHIR REST reads and $everything, which
 * search it. `exportedAt` becomes Bundle.timestamp; without it the same record gives a bundle equal to the byte.
 */
export async function exportFhirBundle(
  db: Kysely<Database>,
  personId: string,
  options: { today: string; exportedAt?: string },
): Promise<FhirBundle> {
  return patientBundle(await exportInput(db, personId, options));
}

/**
 * The person's resources in the export's order, made one at a time each time the generator is called (the FHIR REST
 * searches and $everything read them in one or two passes instead of holding the record's resources); the store's
 * rows are loaded once, here.
 */
export async function exportFhirResources(
  db: Kysely<Database>,
  personId: string,
  options: { today: string },
): Promise<() => Generator<FhirResource>> {
  return patientBundleParts(await exportInput(db, personId, options)).resources;
}

/**
 * The same Bundle as JSON text in pieces (GET /api/export/fhir, GET /api/patients/:id/fhir, `footing export --format
 * fhir`): the resources are made and written a batch at a time (bundle-stream.ts), so a long record is never held as
 * resources or as text at once; the store's rows are loaded first (a date and a number a day, a check-in's scores).
 * Joined, the pieces are JSON.stringify(exportFhirBundle(...)), indented by 2 with `indent: 2`.
 */
export async function exportFhirJson(
  db: Kysely<Database>,
  personId: string,
  options: { today: string; exportedAt?: string; indent?: 0 | 2 },
): Promise<{ head: FhirBundleHead; pieces: Generator<string> }> {
  const { head, resources } = patientBundleParts(await exportInput(db, personId, options));
  return {
    head,
    pieces: bundleJsonStream(
      head,
      (function* () {
        for (const r of resources()) yield bundleEntry(r);
      })(),
      { indent: options.indent ?? 0 },
    ),
  };
}
