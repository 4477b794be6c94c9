/**
 * The CapabilityStatement of Footing's read-only FHIR REST API (GET /fhir/R4/metadata, issue 15): FHIR R4, JSON
 * only, `read` and `search-type` for the resources below with the search parameters of search-params.ts, and
 * Patient/$everything. QuestionnaireResponse holds the answers to the free outcome measures only (NPRS, PSFS;
 * assessment-resources.ts). Pure.
 */
import { SEARCH_PARAMS, SEARCH_TYPES, MAX_COUNT } from './search-params.js';

const SP = 'http://hl7.org/fhir/SearchParameter';
/** The official definitions of the search parameters this server supports. */
const DEFINITIONS: Record<string, string> = {
  _id: `${SP}/Resource-id`,
  patient: `${SP}/clinical-patient`,
  code: `${SP}/clinical-code`,
  date: `${SP}/clinical-date`,
  authored: `${SP}/QuestionnaireResponse-authored`,
  questionnaire: `${SP}/QuestionnaireResponse-questionnaire`,
};
const DOCS: Record<string, string> = {
  _id: "The patient's id (Footing's person id).",
  patient: 'One patient: Patient/<id> or <id>.',
  subject: 'The same as patient (Patient references only).',
  code: 'system|code, code, or |code; comma-separated for any of them.',
  date: 'The effective date or time; repeat for a range. Prefixes eq (default), ge, le, gt, lt. A date without a time is a UTC day.',
  authored:
    'When the answers were given; repeat for a range. Prefixes eq (default), ge, le, gt, lt. A date without a time is a UTC day.',
  questionnaire:
    'The Questionnaire answered: its canonical URL (optionally |version) or Questionnaire/<id>; comma-separated for any of them.',
};

export function capabilityStatement(o: { base: string; date: string; version: string }): Record<string, unknown> {
  const resourceDef = (type: (typeof SEARCH_TYPES)[number]) => ({
    type,
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    searchParam: [
      ...Object.entries(SEARCH_PARAMS[type]).map(([name, kind]) => ({
        name,
        type: kind,
        ...(name === 'subject'
          ? { definition: `${SP}/${type}-subject` }
          : DEFINITIONS[name]
            ? { definition: DEFINITIONS[name] }
            : {}),
        documentation: DOCS[name]!,
      })),
      {
        name: '_count',
        type: 'number',
        documentation: `Resources per page, 1 to ${MAX_COUNT} (default 50); a next link gives the following page.`,
      },
    ],
    ...(type === 'Patient'
      ? {
          operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }],
        }
      : {}),
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: o.date,
    publisher: 'Footing',
    kind: 'instance',
    software: { name: 'Footing', version: o.version },
    implementation: {
      description:
        "Footing: a patient's record (program, walking, pain, gait) for the patient and their clinicians, read-only",
      url: o.base,
    },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Read-only. A patient sees only their own record; a clinician only the patients of their clinic who accepted their invitation and have not revoked it. Sign in as for the rest of Footing (the session cookie). Resources that do not exist and those the caller may not see both answer 404.',
        security: { cors: false, description: 'The session cookie of a Footing sign-in (POST /api/auth/sign-in).' },
        resource: SEARCH_TYPES.map(resourceDef),
      },
    ],
  };
}
