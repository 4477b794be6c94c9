/**
 * FHIR R4 importer (issue 15): a Bundle (JSON) or NDJSON of Observations from another system, or Footing's own
 * export, imported like any walking file.
 *
 * - Steps: LOINC 41950-7 ("Number of steps in 24 hour Measured") or 55423-8 (steps, unspecified time), DOMAIN.md §9,
 *   with a UCUM count per day (`/d`, `{steps}/d`, `/(24.h)`) or a count (`{steps}`, `1`, `{count}`). A day
 *   (`effectiveDateTime` 2026-11-02) becomes one sample from that day's midnight to the next, written with
 *   `offsetMinutes` (default +00:00, which keeps the date as written); a time with a zone gives the day it falls on
 *   in its own offset; an `effectivePeriod` gives the sample its own start and end.
 * - Pain: LOINC 72514-3 (0-10), `valueInteger` or a whole `valueQuantity`, at a time with a zone. Readings at the
 *   same time make one check-in: a body site written "Back", "Neck" or "Foot" (or coded with the SNOMED CT back, neck
 *   or foot of DOMAIN.md §9 [47i]) gives that score of the check-in; any other site named as Footing names body-map
 *   areas ("Left heel") gives an area. The export writes exactly these, so an export imports back as it was.
 * - Screening results, outcome scores and the answers of the free measures, as the export writes them
 *   (fhir-assessments.ts): read after the whole file, checked by the forms' own parsers, in `assessments`.
 * - Gait metrics (Footing's gait code system), put together again into the analyses they came from (fhir-gait.ts):
 *   read after the whole file, in `gait`.
 * - Provenance: read for where the step days and the gait analyses came from (fhir-provenance.ts): the steps'
 *   device or first file in `origins`, who saved an analysis and its video.
 * - Anything else (other resources, other codes, `entered-in-error`) is counted as skipped, not walking.
 *
 * Every problem is located: the line and column of the entry (of the resource's line in NDJSON), with a
 * FHIRPath-like path in `field` (`Bundle.entry[3].resource.valueQuantity.value`). Strict or lenient as every
 * importer (import-sink.ts). A file whose Observations are about more than one patient is refused whole.
 * Idempotent like the others: samples by their stream and times (the store), check-ins by an id made from their
 * time and scores (`clientId`), so importing the same file twice adds nothing.
 */
import { said } from '../core/import-problem-words.js';
import { createInterface } from 'node:readline';
import { readFile, stat } from 'node:fs/promises';
import { CheckinInput } from '../core/checkin-record.js';
import { formatIsoWithOffset } from '../core/iso-time.js';
import { BODY_REGIONS, type BodyMark, type BodyRegion } from '../core/pain.js';
import { painAreaLabel } from '../core/pain-areas.js';
import { stableUuid } from '../core/fhir/stable-id.js';
import type { WalkingSample } from '../core/walking.js';
import { displayName, fileChunks, ioProblem, readHead } from './file-input.js';
import { importError, importWarning, quoteToken, type ImportIssue, type ImportLocation } from './import-error.js';
import { ImportSink, type ImportOptions, type ImportSummary } from './import-sink.js';
import {
  answersInvalid,
  assessmentKind,
  readOutcome,
  readResponse,
  readScreening,
  type ImportedAssessments,
} from './fhir-assessments.js';
import { parseOutcomeEntry } from '../core/outcome-schemas.js';
import { gaitAnalysesOf, isGaitObservation, readGaitObservation, type GaitReading } from './fhir-gait.js';
import {
  gaitOriginOf,
  readProvenance,
  stepOriginsOf,
  streamKey,
  streamOf,
  type ProvenanceRead,
} from './fhir-provenance.js';
import {
  readBirthYear,
  readCarePlanStage,
  readWalkingGoal,
  type ImportedRecordParts,
  type ImportedWalkingSetting,
} from './fhir-record.js';

export interface FhirImportOptions extends ImportOptions {
  /** Offset written on the boundaries of a day given as a date, minutes east of UTC. Default 0. */
  offsetMinutes?: number;
  /** The receiving record's birth year (null: none yet): a file whose Patient was born in another year is refused. */
  recordBirthYear?: number | null;
  /** Take the program's stage and a clinician's walking setting from the file's CarePlan and Goal (fhir-record.ts). */
  adoptProgram?: boolean;
  /**
   * The step streams the record holds, by date (streamKey: date, source, device). A Bundle's step day whose
   * Provenance names only streams held on that date is the record's own day coming back (a Footing export imported
   * into the database it came from): it is left out and counted as already stored (`held`), since a day-long sample
   * beside the device's short ones would count the day twice (docs/clinic.md).
   */
  heldStepStreams?: ReadonlySet<string>;
}

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const STEPS_CODES = new Set(['41950-7', '55423-8']);
const PAIN_CODE = '72514-3';
/** UCUM codes (and plain unit words) of a step count. */
const STEP_UNITS = new Set([
  '/d',
  '{steps}/d',
  '/(24.h)',
  '{steps}',
  '1',
  '{count}',
  'steps',
  'steps/day',
  'count',
  '{steps}/(24.h)',
]);
/** More steps than this in a day is not a reading (an ultramarathon is about 100,000). */
const MAX_DAY_STEPS = 200_000;
/** A Bundle is read whole (JSON has no streaming parse here); larger files must be NDJSON. */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;
/** The check-in's scores and their SNOMED CT sites (DOMAIN.md §9 [47i]). */
const SCORE_SITES: Record<'back' | 'neck' | 'foot', { text: string; code: string }> = {
  back: { text: 'Back', code: '77568009' },
  neck: { text: 'Neck', code: '45048000' },
  foot: { text: 'Foot', code: '56459004' },
};
/** Regions on the midline: an area named without a side is the centre; otherwise both sides. */
const MIDLINE: ReadonlySet<BodyRegion> = new Set(['low-back', 'mid-back', 'neck', 'pelvis']);
/** Body-map areas by the words the export gives them (painAreaLabel without a view). */
const AREA_BY_LABEL: ReadonlyMap<string, { region: BodyRegion; side: BodyMark['side'] }> = (() => {
  const m = new Map<string, { region: BodyRegion; side: BodyMark['side'] }>();
  for (const region of BODY_REGIONS) {
    for (const side of ['left', 'right'] as const)
      m.set(painAreaLabel({ region, side }).toLowerCase(), { region, side });
    m.set(painAreaLabel({ region, side: 'centre' }).toLowerCase(), {
      region,
      side: MIDLINE.has(region) ? 'centre' : 'both',
    });
  }
  return m;
})();

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A pain reading on its way into a check-in. */
interface PainReading {
  at: string;
  score: number;
  site: 'back' | 'neck' | 'foot' | { region: BodyRegion; side: BodyMark['side'] };
  loc: ImportLocation;
}

/** What one Observation gave. */
type Outcome =
  | { kind: 'steps'; sample: WalkingSample }
  | { kind: 'pain'; reading: PainReading }
  | { kind: 'skip'; warning?: ImportIssue }
  | { kind: 'error'; issue: ImportIssue };

/** Where a resource is: its location, and the FHIRPath-like path of a field in it. */
type Locate = (path: string) => ImportLocation;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** A calendar date's midnight in UTC ms, or null when it is not a real date. */
function dayStartUtc(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

/** A dateTime with a zone: its instant and its offset in minutes; null when it is not one. */
function dateTime(v: string): { ms: number; offset: number; date: string } | null {
  const m = DATE_TIME.exec(v);
  if (!m || dayStartUtc(m[1]!) === null || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59)
    return null;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return null;
  const offset = m[5] === 'Z' ? 0 : (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  return { ms, offset, date: m[1]! };
}

const codings = (cc: unknown): { system?: string; code?: string }[] =>
  isObj(cc) && Array.isArray(cc.coding)
    ? ((cc.coding as unknown[]).filter(isObj) as { system?: string; code?: string }[])
    : [];

/** The subject an Observation is about (its reference), or null when it names none. */
const subjectOf = (o: Json): string | null =>
  isObj(o.subject) && typeof o.subject.reference === 'string' ? o.subject.reference : null;

/** Reads one resource. Pure: the locations come from `at`. */
export function readObservation(o: unknown, at: Locate, options: { offsetMinutes?: number; source: string }): Outcome {
  if (!isObj(o)) return { kind: 'error', issue: importError('bad-value', said('fhir.not-a-resource'), at('')) };
  if (o.resourceType !== 'Observation') return { kind: 'skip' };
  const coded = codings(o.code).filter((c) => c.system === LOINC);
  const isSteps = coded.some((c) => STEPS_CODES.has(String(c.code)));
  const isPain = coded.some((c) => c.code === PAIN_CODE);
  if (!isSteps && !isPain) return { kind: 'skip' };
  if (o.status === 'entered-in-error' || o.status === 'cancelled') {
    return {
      kind: 'skip',
      warning: importWarning('bad-value', said('fhir.observation-status', { status: String(o.status) }), at('status')),
    };
  }
  return isSteps ? readSteps(o, at, options) : readPain(o, at);
}

function readSteps(o: Json, at: Locate, options: { offsetMinutes?: number; source: string }): Outcome {
  const q = o.valueQuantity;
  if (!isObj(q))
    return { kind: 'error', issue: importError('missing-field', said('fhir.steps-no-quantity'), at('valueQuantity')) };
  const value = q.value;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    !Number.isInteger(value) ||
    value > MAX_DAY_STEPS
  ) {
    return {
      kind: 'error',
      issue: importError(
        'bad-value',
        said('fhir.steps-value', { token: quoteToken(JSON.stringify(value) ?? 'nothing'), max: MAX_DAY_STEPS }),
        at('valueQuantity.value'),
      ),
    };
  }
  const unit = typeof q.code === 'string' ? q.code : typeof q.unit === 'string' ? q.unit : '1';
  if (!STEP_UNITS.has(unit)) {
    return {
      kind: 'error',
      issue: importError(
        'unsupported-unit',
        said('fhir.steps-unit', { token: quoteToken(unit) }),
        at(typeof q.code === 'string' ? 'valueQuantity.code' : 'valueQuantity.unit'),
      ),
    };
  }
  let start: string | null = null;
  let end: string | null = null;
  if (typeof o.effectiveDateTime === 'string') {
    const v = o.effectiveDateTime;
    const day = dayStartUtc(v);
    const t = day === null ? dateTime(v) : null;
    if (day === null && !t)
      return {
        kind: 'error',
        issue: importError(
          'bad-date',
          said('fhir.not-a-date-or-time', { token: quoteToken(v) }),
          at('effectiveDateTime'),
        ),
      };
    // A day as written, in the chosen offset; a time: the day it falls on, in its own offset.
    const offset = t ? t.offset : (options.offsetMinutes ?? 0);
    const startMs = (t ? dayStartUtc(t.date)! : day!) - offset * 60_000;
    start = formatIsoWithOffset(startMs, offset);
    end = formatIsoWithOffset(startMs + 86_400_000, offset);
  } else if (isObj(o.effectivePeriod)) {
    const p = o.effectivePeriod;
    const s = typeof p.start === 'string' ? dateTime(p.start) : null;
    const e = typeof p.end === 'string' ? dateTime(p.end) : null;
    if (!s)
      return { kind: 'error', issue: importError('bad-date', said('fhir.period-start'), at('effectivePeriod.start')) };
    if (!e || e.ms <= s.ms)
      return { kind: 'error', issue: importError('bad-date', said('fhir.period-end'), at('effectivePeriod.end')) };
    start = formatIsoWithOffset(s.ms, s.offset);
    end = formatIsoWithOffset(e.ms, e.offset);
  } else {
    return { kind: 'error', issue: importError('missing-field', said('fhir.steps-no-time'), at('effective[x]')) };
  }
  const device = isObj(o.device) && typeof o.device.display === 'string' ? o.device.display.slice(0, 200) : null;
  return {
    kind: 'steps',
    sample: { source: options.source, device, start: start!, end: end!, kind: 'steps', value, unit: 'count' },
  };
}

function readPain(o: Json, at: Locate): Outcome {
  const q = isObj(o.valueQuantity) ? o.valueQuantity.value : undefined;
  const score = o.valueInteger ?? q;
  const field = o.valueInteger !== undefined ? 'valueInteger' : 'valueQuantity.value';
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) {
    return {
      kind: 'error',
      issue: importError(
        'bad-value',
        said('fhir.pain-value', { token: quoteToken(JSON.stringify(score) ?? 'nothing') }),
        at(score === undefined ? 'value[x]' : field),
      ),
    };
  }
  const when = typeof o.effectiveDateTime === 'string' ? o.effectiveDateTime : null;
  if (!when || !dateTime(when)) {
    return {
      kind: 'error',
      issue: importError(
        'bad-date',
        said('fhir.pain-time', { token: when === null ? null : quoteToken(when) }),
        at('effectiveDateTime'),
      ),
    };
  }
  const site = isObj(o.bodySite) ? o.bodySite : null;
  const text = typeof site?.text === 'string' ? site.text.trim() : '';
  const snomed = codings(site)
    .filter((c) => c.system === SNOMED)
    .map((c) => String(c.code));
  const score3 = (Object.keys(SCORE_SITES) as (keyof typeof SCORE_SITES)[]).find(
    (k) =>
      SCORE_SITES[k].text.toLowerCase() === text.toLowerCase() || (text === '' && snomed.includes(SCORE_SITES[k].code)),
  );
  const area = AREA_BY_LABEL.get(text.toLowerCase());
  if (!score3 && !area) {
    return {
      kind: 'skip',
      warning: importWarning(
        'bad-value',
        said('fhir.pain-site', { token: text ? quoteToken(text) : null }),
        at('bodySite'),
      ),
    };
  }
  return { kind: 'pain', reading: { at: when, score, site: score3 ?? area!, loc: at('') } };
}

/**
 * The readings gathered into check-ins, one per time: the first reading of a score fills it; a second reading of
 * the same site at the same time becomes an area when one has that name, or is a warning.
 */
export function checkinsOf(readings: readonly PainReading[], warn: (i: ImportIssue) => void): CheckinInput[] {
  const byTime = new Map<
    string,
    { back: number | null; neck: number | null; foot: number | null; regions: BodyMark[]; first: ImportLocation }
  >();
  for (const r of readings) {
    let c = byTime.get(r.at);
    if (!c) byTime.set(r.at, (c = { back: null, neck: null, foot: null, regions: [], first: r.loc }));
    if (typeof r.site === 'string') {
      if (c[r.site] === null) {
        c[r.site] = r.score;
        continue;
      }
      const area = AREA_BY_LABEL.get(SCORE_SITES[r.site].text.toLowerCase());
      if (area) {
        c.regions.push({ ...area, intensity: r.score, view: 'front' });
        continue;
      }
      warn(importWarning('bad-value', said('fhir.pain-second', { site: r.site, at: r.at }), r.loc));
      continue;
    }
    c.regions.push({ region: r.site.region, side: r.site.side, intensity: r.score, view: 'front' });
  }
  const out: CheckinInput[] = [];
  for (const [at, c] of byTime) {
    const input = { at, context: 'daily' as const, back: c.back, neck: c.neck, foot: c.foot, regions: c.regions };
    const parsed = CheckinInput.safeParse({
      ...input,
      clientId: `fhir-${stableUuid('fhir-import', at, JSON.stringify([c.back, c.neck, c.foot, c.regions]))}`,
    });
    if (!parsed.success) {
      warn(importWarning('missing-field', said('fhir.pain-only-areas', { at }), c.first));
      continue;
    }
    out.push(parsed.data);
  }
  return out;
}

/** Offsets of the elements of the top-level `entry` array of a JSON text (for locations). */
export function entryOffsets(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let key = '';
  let inEntry = false;
  let awaiting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) key = text.slice(i + 1, j);
      if (inEntry && depth === 2 && awaiting) {
        out.push(start);
        awaiting = false;
      }
      i = j;
      continue;
    }
    if (c === '{' || c === '[') {
      if (inEntry && depth === 2 && awaiting) {
        out.push(i);
        awaiting = false;
      }
      if (depth === 1 && c === '[' && key === 'entry') {
        inEntry = true;
        awaiting = true;
      }
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 1 && inEntry) inEntry = false;
    } else if (c === ',' && inEntry && depth === 2) awaiting = true;
    else if (inEntry && depth === 2 && awaiting && !/\s/.test(c)) {
      out.push(i);
      awaiting = false;
    }
  }
  return out;
}

/** Line and column (1-based) of each offset, given the text. */
function lineColumn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** The position a JSON.parse error names, when it names one. */
const parsePosition = (e: unknown): number | null => {
  const m = /position (\d+)/.exec(String((e as Error)?.message));
  return m ? Number(m[1]) : null;
};

/** Imports a FHIR Bundle or NDJSON file. Never throws for a bad file: see the summary. */
export async function importFhir(path: string, options: FhirImportOptions = {}): Promise<ImportSummary> {
  const sink = new ImportSink('fhir', displayName(path), options);
  const readings: PainReading[] = [];
  const subjects = new Map<string, ImportLocation>();
  const source = 'fhir';
  const assessed: AssessmentResource[] = [];
  const record: RecordParts = { birthYear: null, stage: null, walking: null, carePlanAt: null };
  const found: Found = { provenances: [], gait: [], stepDates: new Map(), early: new Map(), held: 0 };
  const take = async (resource: unknown, at: Locate): Promise<void> => {
    sink.recordsSeen++;
    // Where values came from, and gait metrics: read once the whole file is in (a Provenance names its targets).
    const provenance = readProvenance(resource);
    if (provenance) {
      found.provenances.push(provenance);
      return;
    }
    if (isObj(resource) && isGaitObservation(resource)) {
      const subject = subjectOf(resource);
      if (subject !== null && !subjects.has(subject)) subjects.set(subject, at('subject'));
      const g = readGaitObservation(resource, at);
      if ('skip' in g) {
        sink.issue(g.skip);
        sink.skip('other-data');
      } else found.gait.push(g);
      return;
    }
    if (
      isObj(resource) &&
      (resource.resourceType === 'Patient' ||
        (options.adoptProgram && (resource.resourceType === 'CarePlan' || resource.resourceType === 'Goal')))
    ) {
      readRecordPart(resource, at, record, subjects, sink, options);
      return;
    }
    // Screening results, outcome scores and their answers: read once the whole file is in (a score names its answers).
    const kind = isObj(resource) ? assessmentKind(resource) : null;
    if (kind) {
      const subject = subjectOf(resource as Json);
      if (subject !== null && !subjects.has(subject)) subjects.set(subject, at('subject'));
      assessed.push({ kind, resource: resource as Json, at });
      return;
    }
    const r = readObservation(resource, at, {
      source,
      ...(options.offsetMinutes !== undefined ? { offsetMinutes: options.offsetMinutes } : {}),
    });
    if (r.kind === 'error') {
      sink.issue(r.issue);
      return;
    }
    if (r.kind === 'skip') {
      if (r.warning) sink.issue(r.warning);
      sink.skip('other-data');
      return;
    }
    const subject = subjectOf(resource as Json);
    if (subject !== null && !subjects.has(subject)) subjects.set(subject, at('subject'));
    if (r.kind === 'steps') {
      // The record's own day coming back from its own export: already stored (see heldStepStreams).
      const streams =
        typeof (resource as Json).id === 'string'
          ? found.early.get(`Observation/${String((resource as Json).id)}`)
          : undefined;
      const date = r.sample.start.slice(0, 10);
      if (streams?.length && streams.every((s) => options.heldStepStreams?.has(streamKey(date, s.source, s.device)))) {
        found.held++;
        return;
      }
      // The day it gave, by the id its Provenance names it with (its local date: the start as written).
      if (typeof (resource as Json).id === 'string')
        found.stepDates.set(`Observation/${String((resource as Json).id)}`, r.sample.start.slice(0, 10));
      sink.add(r.sample);
      if (sink.batchReady) await sink.flush();
    } else readings.push(r.reading);
  };
  try {
    // A first line of an NDJSON file is one resource: a few kB; 64 kB covers a long one.
    const head = (await readHead(path, 64 * 1024)).toString('utf8');
    if (isNdjson(head)) {
      let lineNo = 0;
      const lines = createInterface({ input: fileChunks(path, options.onBytes), crlfDelay: Infinity });
      for await (const raw of lines) {
        lineNo++;
        const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
        if (line.trim() === '') continue;
        let resource: unknown;
        try {
          resource = JSON.parse(line);
        } catch (e) {
          sink.issue(
            importError('malformed-json', said('fhir.ndjson-line'), {
              file: sink.file,
              line: lineNo,
              column: (parsePosition(e) ?? 0) + 1,
            }),
          );
          if (sink.stopped) break;
          continue;
        }
        const type = isObj(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : 'Resource';
        const at: Locate = (p) => ({ file: sink.file, line: lineNo, column: 1, field: p ? `${type}.${p}` : type });
        await take(resource, at);
        if (sink.stopped) break;
      }
    } else {
      if ((await stat(path)).size > MAX_BUNDLE_BYTES) {
        sink.fatal(
          importError('unsupported-format', said('fhir.bundle-too-large', { mb: MAX_BUNDLE_BYTES / 1024 ** 2 }), {
            file: sink.file,
            byteOffset: 0,
          }),
        );
        return finish(sink, readings, subjects, assessed, record, options, found);
      }
      const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      options.onBytes?.(Buffer.byteLength(text), Buffer.byteLength(text));
      const position = lineColumn(text);
      let bundle: unknown;
      try {
        bundle = JSON.parse(text);
      } catch (e) {
        sink.fatal(
          importError('malformed-json', said('fhir.not-json'), { file: sink.file, ...position(parsePosition(e) ?? 0) }),
        );
        return finish(sink, readings, subjects, assessed, record, options, found);
      }
      if (!isObj(bundle) || (bundle.resourceType !== 'Bundle' && bundle.resourceType !== 'Observation')) {
        sink.fatal(
          importError('unsupported-format', said('fhir.not-fhir'), {
            file: sink.file,
            line: 1,
            column: 1,
            field: 'resourceType',
          }),
        );
        return finish(sink, readings, subjects, assessed, record, options, found);
      }
      if (bundle.resourceType === 'Observation') {
        await take(bundle, (p) => ({
          file: sink.file,
          line: 1,
          column: 1,
          field: p ? `Observation.${p}` : 'Observation',
        }));
      } else {
        const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
        // The steps' Provenances first, when the record holds step days: a day of its own coming back is left out.
        if (options.heldStepStreams?.size) {
          for (const e of entries) {
            const p = isObj(e) ? readProvenance(e.resource) : null;
            const stream = p ? streamOf(p) : null;
            if (p && stream) for (const t of p.targets) found.early.set(t, [...(found.early.get(t) ?? []), stream]);
          }
        }
        const offsets = entryOffsets(text);
        for (let i = 0; i < entries.length && !sink.stopped; i++) {
          const e = entries[i];
          const where = position(offsets[i] ?? 0);
          const at: Locate = (p) => ({
            file: sink.file,
            ...where,
            field: `Bundle.entry[${i}].resource${p ? `.${p}` : ''}`,
          });
          if (!isObj(e) || !isObj(e.resource)) {
            sink.recordsSeen++;
            sink.issue(
              importError('missing-field', said('fhir.entry-no-resource'), {
                file: sink.file,
                ...where,
                field: `Bundle.entry[${i}]`,
              }),
            );
            continue;
          }
          await take(e.resource, at);
        }
      }
    }
  } catch (e) {
    sink.fatal(importError('unreadable', ioProblem(e), { file: sink.file, byteOffset: 0 }));
  }
  return finish(sink, readings, subjects, assessed, record, options, found);
}

/** A file is NDJSON when its first line is a whole JSON object that is not a Bundle. */
function isNdjson(head: string): boolean {
  const first = head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .trim();
  if (!first.startsWith('{')) return false;
  try {
    const v = JSON.parse(first) as unknown;
    return isObj(v) && v.resourceType !== 'Bundle';
  } catch {
    return false;
  }
}

/** An assessment resource waiting to be read, with where it is. */
interface AssessmentResource {
  kind: 'screening' | 'outcome' | 'response';
  resource: Json;
  at: Locate;
}

/** The file's screening results and outcome entries; a problem is an issue of the file (strict mode stops at the first error). */
function assessmentsOf(list: readonly AssessmentResource[], sink: ImportSink): ImportedAssessments {
  const issue = (i: ImportIssue) => sink.issue(i);
  const out: ImportedAssessments = { screenings: [], outcomes: [] };
  const responses = new Map<
    string,
    { r: Exclude<ReturnType<typeof readResponse>, { issue: ImportIssue }>; at: Locate; used: boolean }
  >();
  for (const a of list.filter((x) => x.kind === 'response')) {
    if (sink.stopped) return out;
    const r = readResponse(a.resource, a.at);
    if ('issue' in r) issue(r.issue);
    else responses.set(`QuestionnaireResponse/${String(a.resource.id)}`, { r, at: a.at, used: false });
  }
  for (const a of list) {
    if (sink.stopped) return out;
    if (a.kind === 'screening') {
      const r = readScreening(a.resource, a.at);
      if ('issue' in r) issue(r.issue);
      else out.screenings.push(r.entry);
    } else if (a.kind === 'outcome') {
      const from =
        Array.isArray(a.resource.derivedFrom) && isObj(a.resource.derivedFrom[0])
          ? a.resource.derivedFrom[0].reference
          : undefined;
      const response = typeof from === 'string' ? responses.get(from) : undefined;
      if (typeof from === 'string' && !response) {
        issue(
          importError(
            'missing-field',
            said('fhir.answers-not-in-file', { token: quoteToken(from) }),
            a.at('derivedFrom'),
          ),
        );
        continue;
      }
      if (response) response.used = true;
      const r = readOutcome(a.resource, a.at, response?.r);
      if ('issue' in r) issue(r.issue);
      else out.outcomes.push(r.entry);
    }
  }
  // Answers without a score Observation (another system's): the entry is scored from them.
  for (const { r, at, used } of responses.values()) {
    if (sink.stopped) return out;
    if (used) continue;
    if (!r.recordedAt || !r.recordedBy) {
      issue(importError('missing-field', said('fhir.answers-no-author'), at(r.recordedAt ? 'author' : 'authored')));
      continue;
    }
    const parsed = parseOutcomeEntry({
      measure: r.measure,
      input: r.input,
      recordedAt: r.recordedAt,
      recordedBy: r.recordedBy,
    });
    if (!parsed.entry) {
      issue(importError('bad-value', answersInvalid(r.measure, parsed.problems[0]!), at('item')));
      continue;
    }
    out.outcomes.push({
      measure: r.measure,
      input: r.input,
      score: parsed.score.score!,
      recordedAt: r.recordedAt,
      recordedBy: r.recordedBy,
    });
  }
  return out;
}

/** The Patient, CarePlan and Goal as read so far. */
interface RecordParts {
  birthYear: number | null;
  stage: number | null;
  walking: ImportedWalkingSetting | null;
  carePlanAt: ImportLocation | null;
}

/** A Patient (its birth year, and whose file this is), or with adoptProgram a CarePlan or Goal (fhir-record.ts). */
function readRecordPart(
  r: Json,
  at: Locate,
  record: RecordParts,
  subjects: Map<string, ImportLocation>,
  sink: ImportSink,
  options: FhirImportOptions,
): void {
  if (r.resourceType === 'Patient') {
    // The Patient is one of the people the file is about (a second one refuses the file in finish()).
    if (typeof r.id === 'string' && !subjects.has(`Patient/${r.id}`)) subjects.set(`Patient/${r.id}`, at('id'));
    const b = readBirthYear(r, at, new Date().getUTCFullYear());
    if ('issue' in b) {
      sink.issue(b.issue);
      return;
    }
    const own = options.recordBirthYear ?? null;
    if (b.year !== null && own !== null && b.year !== own) {
      sink.fatal(
        importError('several-people', said('fhir.other-person', { fileYear: b.year, ownYear: own }), at('birthDate')),
      );
      return;
    }
    record.birthYear = b.year;
    return;
  }
  if (r.resourceType === 'CarePlan') {
    record.carePlanAt = at('');
    const c = readCarePlanStage(r, at);
    if ('issue' in c) {
      sink.issue(c.issue);
      return;
    }
    record.stage = c.stage;
    return;
  }
  const g = readWalkingGoal(r, at);
  if ('issue' in g) sink.issue(g.issue);
  else record.walking = g.walking;
}

/** Provenance, gait readings and the step days by Observation, gathered while the file is read. */
interface Found {
  provenances: ProvenanceRead[];
  gait: GaitReading[];
  stepDates: Map<string, string>;
  /** The step streams each Observation's Provenances name, read before the entries (Bundles only), and the days left out as held. */
  early: Map<string, { source: string; device: string | null }[]>;
  held: number;
}

async function finish(
  sink: ImportSink,
  readings: PainReading[],
  subjects: Map<string, ImportLocation>,
  assessed: readonly AssessmentResource[],
  record: RecordParts,
  options: FhirImportOptions,
  found: Found,
): Promise<ImportSummary> {
  if (subjects.size > 1 && !sink.stopped) {
    const all = [...subjects.keys()];
    sink.fatal({
      ...importError(
        'several-people',
        said('fhir.several-patients', {
          count: all.length,
          ids: all.slice(0, 5).join(', '),
          more: Math.max(0, all.length - 5),
        }),
        [...subjects.values()][1]!,
      ),
      choices: all,
    });
  }
  if (options.adoptProgram && record.carePlanAt === null && !sink.stopped) {
    sink.issue(
      importError('missing-field', said('fhir.no-care-plan'), {
        file: sink.file,
        line: 1,
        column: 1,
        field: 'Bundle.entry',
      }),
    );
  }
  const checkins = sink.stopped ? [] : checkinsOf(readings, (i) => sink.issue(i));
  const assessments = sink.stopped ? { screenings: [], outcomes: [] } : assessmentsOf(assessed, sink);
  const gaitOrigin = new Map(found.provenances.flatMap((p) => p.targets.map((t) => [t, p] as const)));
  const gait = sink.stopped
    ? []
    : gaitAnalysesOf(
        found.gait,
        (ref) => {
          const p = gaitOrigin.get(ref);
          return p ? gaitOriginOf(p) : null;
        },
        sink.file,
        (i) => {
          if (!sink.stopped) sink.issue(i);
        },
      );
  const origins = stepOriginsOf(found.provenances, found.stepDates);
  const summary = await sink.finish();
  const some = assessments.screenings.length + assessments.outcomes.length > 0;
  const parts: ImportedRecordParts = {
    birthYear: record.birthYear,
    program: record.stage !== null ? { stage: record.stage, walking: record.walking } : null,
  };
  const anyPart = parts.birthYear !== null || parts.program !== null;
  const held = found.held ? { held: found.held, samples: summary.samples + found.held } : {};
  return summary.ok
    ? {
        ...summary,
        checkins,
        ...(some ? { assessments } : {}),
        ...(anyPart ? { record: parts } : {}),
        ...(gait.length ? { gait } : {}),
        ...(origins.length ? { origins } : {}),
        ...held,
      }
    : summary;
}
