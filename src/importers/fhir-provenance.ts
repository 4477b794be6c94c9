/**
 * The Provenance resources of a FHIR file, read for what they say about where values came from (issue 15, round
 * trip). FHIR R4 defines a Provenance's `target` as the resources the activity made, its `agent` as who or what took
 * part (type device, author, enterer...) and its `entity` (role `source`) as what the values were made from. A
 * receiving system that copies the values unchanged keeps that history with them: the device that counted a day's
 * steps, or the file they were first imported from, is still what made them (docs/clinic.md, "Round trip").
 *
 * Read here, in the forms Footing's export writes them (src/core/fhir/patient-bundle.ts):
 * - the steps' Provenance: a device agent named "<source> (<device>)" or "<source>", or the patient as author (steps
 *   typed by hand); entities "<file> (<format> file imported <date>)". It becomes a step origin: the days of the
 *   step Observations it targets, with that source, device, files and `recorded` instant.
 * - a gait analysis's Provenance: the enterer (the patient, or a clinician's name) and the entity "Video <name>
 *   (<view> view)". It names who saved the analysis and its video (fhir-gait.ts).
 * A Provenance in another form (another system's) is not guessed at: its values keep the file as their source.
 * Pure.
 */

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parts of a Provenance this module reads. */
export interface ProvenanceRead {
  /** `Type/id` of each target, as written. */
  targets: string[];
  recorded: string | null;
  agents: { type: string | null; reference: string | null; display: string | null }[];
  /** The display of each entity whose role is `source`. */
  sources: string[];
}

/** The parts of a Provenance, or null when the resource is not one. */
export function readProvenance(o: unknown): ProvenanceRead | null {
  if (!isObj(o) || o.resourceType !== 'Provenance') return null;
  const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return {
    targets: list(o.target)
      .map((t) => str(t.reference))
      .filter((t): t is string => t !== null),
    recorded: str(o.recorded),
    agents: list(o.agent).map((a) => {
      const coding = isObj(a.type) && Array.isArray(a.type.coding) ? a.type.coding.filter(isObj) : [];
      const who = isObj(a.who) ? a.who : {};
      return { type: str(coding[0]?.code), reference: str(who.reference), display: str(who.display) };
    }),
    sources: list(o.entity)
      .filter((e) => e.role === 'source')
      .map((e) => (isObj(e.what) ? str(e.what.display) : null))
      .filter((d): d is string => d !== null),
  };
}

/** A file the steps were imported from, as the export names it: "<file> (<format> file imported <date>)". */
export interface OriginFile {
  fileName: string;
  format: string;
  at: string;
}
/** Where a set of step days came from, as the file's Provenance says (see the module's header). */
export interface StepOrigin {
  source: string;
  device: string | null;
  /** The Provenance's `recorded`: when the values were last added where they came from. */
  recorded: string;
  files: OriginFile[];
  /** The local dates of the step days it names. */
  dates: string[];
}

const FILE = /^(.+) \(([a-z0-9-]+) file imported (\d{4}-\d{2}-\d{2})\)$/;
/** A device agent's name: "<source> (<device>)" or "<source>" (a source is an importer's format: no spaces). */
const DEVICE = /^([^\s()]+)(?: \((.+)\))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The step stream a Provenance names (a device "<source> (<device>)" or the patient's hand), or null when it names none in Footing's form. */
export function streamOf(p: ProvenanceRead): { source: string; device: string | null } | null {
  if (p.agents.length !== 1) return null;
  const agent = p.agents[0]!;
  if (agent.type === 'author' && agent.reference?.startsWith('Patient/')) return { source: 'manual', device: null };
  const m = agent.type === 'device' && agent.display ? DEVICE.exec(agent.display) : null;
  return m && m[1] !== 'manual' && m[1] !== 'fhir' ? { source: m[1]!, device: m[2] ?? null } : null;
}

/** A stream's key on a date, as the record's held streams are given to the import (FhirImportOptions.heldStepStreams). */
export const streamKey = (date: string, source: string, device: string | null): string =>
  `${date}\u001f${source}\u001f${device ?? ''}`;

/**
 * The step origins of a file: each Provenance in Footing's form whose targets include step Observations (their
 * `Observation/<id>` → local date in `stepDates`). One that names no device nor the patient, an entity in another
 * form or no instant is left alone: those days keep the file as their source. A day named by two Provenances (a
 * day's total from two devices) is in both origins, as it was in both Provenances.
 */
export function stepOriginsOf(
  provenances: readonly ProvenanceRead[],
  stepDates: ReadonlyMap<string, string>,
): StepOrigin[] {
  const out: StepOrigin[] = [];
  for (const p of provenances) {
    const dates = [
      ...new Set(p.targets.map((t) => stepDates.get(t)).filter((d): d is string => d !== undefined)),
    ].sort();
    if (!dates.length || p.recorded === null || !INSTANT.test(p.recorded)) continue;
    const who = streamOf(p);
    const files = p.sources
      .map((s) => FILE.exec(s))
      .map((m) => (m ? { fileName: m[1]!, format: m[2]!, at: m[3]! } : null));
    // Lengths the import record keeps (src/core/import-record.ts); a longer name is not Footing's.
    if (
      !who ||
      files.some((f) => f === null || f.fileName.length > 500) ||
      who.source.length > 200 ||
      (who.device?.length ?? 0) > 200
    )
      continue;
    out.push({ ...who, recorded: p.recorded, files: files as OriginFile[], dates });
  }
  return out;
}

/** Who saved a gait analysis and its video's name, from its Provenance (null parts when it does not say). */
export function gaitOriginOf(p: ProvenanceRead): { recordedBy: string | null; sourceName: string | null } {
  const enterer = p.agents.find((a) => a.type === 'enterer');
  const recordedBy = enterer?.reference?.startsWith('Patient/')
    ? 'me'
    : (enterer?.display?.trim().slice(0, 200) ?? null);
  const video = p.sources.map((s) => /^Video (.+) \([a-z-]+ view\)$/.exec(s)).find((m) => m !== null);
  return { recordedBy, sourceName: video ? video[1]!.slice(0, 300) : null };
}
