/**
 * The gait metrics of a FHIR file read back into gait analyses (issue 15, round trip). Footing's export writes one
 * Observation per measured metric of a saved analysis (src/core/fhir/patient-bundle.ts): coded in Footing's gait
 * code system (DOMAIN.md §9 gives no LOINC code that describes a measurement from one video, so every gait metric
 * is there: src/core/fhir/gait-metric-codes.ts), the value in the metric's UCUM unit, the analysis's time, its view
 * in `method.text` ("Footing phone-video gait analysis (side view)") and the confidence in a note ("Confidence 0.9
 * over 12 measurements."). Who saved it and the video's name are in the analysis's Provenance (fhir-provenance.ts).
 *
 * The Observations of one analysis share its time and view, which is how they are put together again. Each value
 * must be within the bounds the API applies to a saved analysis (metricBounds, src/gait/gait-analysis-record.ts) and
 * in its unit; a problem is an error at its entry and field, and an analysis with any error is left out whole (never
 * stored with part of its metrics). Pure.
 */
import { GAIT_METRICS_SYSTEM, gaitMetricUnit } from '../core/fhir/gait-metric-codes.js';
import { MAX_METRICS, metricBounds } from '../gait/gait-analysis-record.js';
import { said } from '../core/import-problem-words.js';
import { importError, importWarning, quoteToken, type ImportIssue, type ImportLocation } from './import-error.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
type Locate = (path: string) => ImportLocation;

/** A gait analysis as the import stores it: its metrics only (a file carries no events, curves, keypoints or stills). */
export interface ImportedGaitAnalysis {
  recordedAt: string;
  recordedBy: string;
  sourceName: string;
  view: string;
  metrics: Record<string, { value: number; confidence: number; n?: number }>;
}

/** One gait Observation read: the analysis it belongs to (when its time and view could be read), and its metric or why not. */
export interface GaitReading {
  /** `Observation/<id>` when it has an id (its Provenance names it so). */
  ref: string | null;
  /** Its analysis: time and view; null when either cannot be read. */
  group: { at: string; view: string } | null;
  metric: { code: string; value: number; confidence: number; n?: number } | null;
  issue: ImportIssue | null;
  at: Locate;
}

/** True when the resource is an Observation in Footing's gait code system. */
export const isGaitObservation = (o: Json): boolean =>
  o.resourceType === 'Observation' &&
  isObj(o.code) &&
  Array.isArray(o.code.coding) &&
  o.code.coding.some((c) => isObj(c) && c.system === GAIT_METRICS_SYSTEM);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const VIEW = /\(([a-z-]{1,20}) view\)$/;
const CONFIDENCE = /^Confidence (\d+(?:\.\d+)?)(?: over (\d+) measurements)?\.$/;
/** A metric name as the analysis JSON writes them (the API's rule). */
const METRIC_NAME = /^[a-z][a-z0-9_]{0,59}$/;

/** Reads one gait Observation (isGaitObservation). A cancelled or entered-in-error one is left out with a warning (`skip`). */
export function readGaitObservation(o: Json, at: Locate): GaitReading | { skip: ImportIssue } {
  if (o.status === 'entered-in-error' || o.status === 'cancelled')
    return { skip: importWarning('bad-value', said('fhir.gait-status', { status: String(o.status) }), at('status')) };
  const ref = typeof o.id === 'string' ? `Observation/${o.id}` : null;
  const fail = (issue: ImportIssue, group: GaitReading['group'] = null): GaitReading => ({
    ref,
    group,
    metric: null,
    issue,
    at,
  });
  const when =
    typeof o.effectiveDateTime === 'string' &&
    DATE_TIME.test(o.effectiveDateTime) &&
    !Number.isNaN(Date.parse(o.effectiveDateTime))
      ? o.effectiveDateTime
      : null;
  if (!when) return fail(importError('bad-date', said('fhir.gait-time'), at('effectiveDateTime')));
  const method = isObj(o.method) && typeof o.method.text === 'string' ? VIEW.exec(o.method.text) : null;
  if (!method) return fail(importError('missing-field', said('fhir.gait-view'), at('method.text')));
  const group = { at: when, view: method[1]! };
  const codings = (o.code as { coding: unknown[] }).coding;
  const i = codings.findIndex((c) => isObj(c) && c.system === GAIT_METRICS_SYSTEM);
  const code = String((codings[i] as Json).code);
  const bounds = metricBounds(code);
  const unit = gaitMetricUnit(code);
  if (!METRIC_NAME.test(code) || !bounds || !unit) {
    return fail(
      importError('bad-value', said('fhir.gait-unknown', { token: quoteToken(code) }), at(`code.coding[${i}].code`)),
      group,
    );
  }
  const q = isObj(o.valueQuantity) ? o.valueQuantity : null;
  const value = q?.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail(
      importError(
        'bad-value',
        said('fhir.gait-not-number', { token: quoteToken(JSON.stringify(value) ?? 'nothing') }),
        at(q ? 'valueQuantity.value' : 'valueQuantity'),
      ),
      group,
    );
  }
  if (value < bounds.min || value > bounds.max) {
    return fail(
      importError(
        'bad-value',
        said('fhir.gait-out-of-range', { value, min: bounds.min, max: bounds.max, metric: code }),
        at('valueQuantity.value'),
      ),
      group,
    );
  }
  if (q!.code !== unit.code) {
    return fail(
      importError(
        'unsupported-unit',
        said('fhir.gait-unit', { token: quoteToken(String(q!.code ?? '')), metric: code, unit: unit.code }),
        at('valueQuantity.code'),
      ),
      group,
    );
  }
  const notes = Array.isArray(o.note)
    ? o.note.filter(isObj).map((n) => (typeof n.text === 'string' ? CONFIDENCE.exec(n.text) : null))
    : [];
  const k = notes.findIndex((m) => m !== null);
  const c = k >= 0 ? notes[k]! : null;
  const confidence = c ? Number(c[1]) : NaN;
  const n = c?.[2] !== undefined ? Number(c[2]) : undefined;
  if (!c || confidence > 1 || (n !== undefined && n > 10_000)) {
    return fail(
      c
        ? importError('bad-value', said('fhir.gait-confidence'), at(`note[${k}].text`))
        : importError('missing-field', said('fhir.gait-no-confidence'), at('note')),
      group,
    );
  }
  return { ref, group, metric: { code, value, confidence, ...(n !== undefined ? { n } : {}) }, issue: null, at };
}

/**
 * The analyses of the readings: grouped by time (the same instant) and view; who saved each and its video from the
 * Provenance that targets its Observations (`origins`), else the patient and the file's name. An analysis with an
 * error among its readings, or a metric twice, is left out whole (its errors are reported: `issue`).
 */
export function gaitAnalysesOf(
  readings: readonly GaitReading[],
  origins: (ref: string) => { recordedBy: string | null; sourceName: string | null } | null,
  fileName: string,
  issue: (i: ImportIssue) => void,
): ImportedGaitAnalysis[] {
  const groups = new Map<string, { at: string; view: string; readings: GaitReading[]; bad: boolean }>();
  for (const r of readings) {
    if (r.issue) issue(r.issue);
    if (!r.group) continue;
    const key = `${Date.parse(r.group.at)}\u001f${r.group.view}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ...r.group, readings: [], bad: false }));
    if (r.issue) {
      g.bad = true;
      continue;
    }
    if (g.readings.some((x) => x.metric!.code === r.metric!.code)) {
      issue(
        importError('bad-value', said('fhir.gait-twice', { metric: r.metric!.code, at: r.group.at }), r.at('code')),
      );
      g.bad = true;
      continue;
    }
    g.readings.push(r);
  }
  const out: ImportedGaitAnalysis[] = [];
  for (const g of groups.values()) {
    if (g.bad || !g.readings.length) continue;
    // The API's bound on one analysis (a clip gives about twenty metrics): more is not one analysis.
    if (g.readings.length > MAX_METRICS) {
      issue(
        importError(
          'bad-value',
          said('fhir.gait-too-many', { count: g.readings.length, max: MAX_METRICS, at: g.at }),
          g.readings[MAX_METRICS]!.at('code'),
        ),
      );
      continue;
    }
    const origin = g.readings.map((r) => (r.ref ? origins(r.ref) : null)).find((o) => o !== null) ?? null;
    out.push({
      recordedAt: g.at,
      view: g.view,
      recordedBy: origin?.recordedBy ?? 'me',
      sourceName: origin?.sourceName ?? fileName,
      metrics: Object.fromEntries(
        g.readings.map((r) => {
          const { code, ...m } = r.metric!;
          return [code, m];
        }),
      ),
    });
  }
  return out;
}
