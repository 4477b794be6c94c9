/**
 * The read-only FHIR R4 REST API at /fhir/R4 (issue 15): the CapabilityStatement (GET /fhir/R4/metadata, public:
 * it holds no health data), `read` and `search` of Patient, Observation, CarePlan, Goal and QuestionnaireResponse, and
 * Patient/:id/$everything. Every resource comes from the export's mapping (src/services/fhir-rest-service.ts);
 * search parsing and paging are pure (src/core/fhir/search-params.ts, search-results.ts).
 *
 * Access: level `patient-or-clinician`; each handler asks person-access.ts whose records it may read. A resource
 * that does not exist and one the caller may not see both answer 404, so that nobody learns whether a record they
 * may not read exists. Errors are OperationOutcomes with the status the rest of the API gives (this plugin's own
 * error handler), all as application/fhir+json.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { bundleJsonStream } from '../../core/fhir/bundle-stream.js';
import type { FhirResource } from '../../core/fhir/patient-bundle.js';
import type { Store } from '../../store/db.js';
import { capabilityStatement } from '../../core/fhir/capability-statement.js';
import { issueTypeOf, operationOutcome } from '../../core/fhir/operation-outcome.js';
import { cursorParam, parseSearch, SEARCH_TYPES, type SearchType } from '../../core/fhir/search-params.js';
import { searchPage } from '../../core/fhir/search-results.js';
import { searchsetBundle, searchsetEntry, searchsetHead } from '../../core/fhir/searchset.js';
import { findResource, recordResources } from '../../services/fhir-rest-service.js';
import { ServiceError } from '../../services/service-error.js';
import { access } from '../access.js';
import { auditRead, mayReadPerson, readablePeople } from '../auth/person-access.js';
import { Problem, problemFrom } from '../problem.js';
import { refusal, type Said } from '../../core/refusal-words.js';
import { todayFrom } from '../request-date.js';
import { FHIR_JSON } from './fhir-routes.js';

export const FHIR_REST_PREFIX = '/fhir/R4';
/** Footing's version (package.json) and the day the CapabilityStatement last changed: change them with it. */
const VERSION = '0.1.0';
const STATEMENT_DATE = '2026-12-07';

/** A search parameter at fault: 400, naming it. */
class BadParameter extends Problem {
  constructor(
    readonly parameter: string,
    said: Said,
    readonly unsupported: boolean,
  ) {
    super(400, 'invalid_search', said, parameter);
  }
}
const notFound = (what: string) => new Problem(404, 'not_found', refusal('fhir.not-found', { what }));

const sendFhir = (reply: FastifyReply, status: number, body: unknown) =>
  reply.status(status).type(FHIR_JSON).send(JSON.stringify(body));
/** The FHIR base as the caller reached it (https://host/fhir/R4), for full URLs and links. */
const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}${FHIR_REST_PREFIX}`;
const rawQuery = (req: FastifyRequest) => {
  const q = req.url.indexOf('?');
  return q < 0 ? '' : req.url.slice(q + 1);
};

export async function registerFhirRestRoutes(app: FastifyInstance, store: Store): Promise<void> {
  await app.register(
    async (fhir) => {
      fhir.setErrorHandler((err, req, reply) => {
        let e: unknown = err;
        if (e instanceof ServiceError) e = problemFrom(e);
        if (e instanceof BadParameter)
          return sendFhir(
            reply,
            400,
            operationOutcome({
              code: e.unsupported ? 'not-supported' : 'invalid',
              footingCode: e.code,
              text: e.message,
              parameter: e.parameter,
            }),
          );
        if (e instanceof Problem)
          return sendFhir(
            reply,
            e.status,
            operationOutcome({ code: issueTypeOf(e.status), footingCode: e.code, text: e.message }),
          );
        const f = e as { statusCode?: number; code?: string };
        if (f.statusCode && f.statusCode < 500)
          return sendFhir(
            reply,
            f.statusCode,
            operationOutcome({
              code: issueTypeOf(f.statusCode),
              footingCode: 'bad_request',
              text: 'The request could not be read.',
            }),
          );
        req.log.error({ code: f.code }, 'internal error');
        return sendFhir(
          reply,
          500,
          operationOutcome({
            code: 'exception',
            footingCode: 'internal',
            text: 'Something went wrong on our side.',
            fatal: true,
          }),
        );
      });
      // A resource type or path this server does not have.
      fhir.setNotFoundHandler((req, reply) =>
        sendFhir(
          reply,
          404,
          operationOutcome({
            code: 'not-supported',
            footingCode: 'not_found',
            text: `${req.method} ${req.url.split('?')[0]} is not part of this server's FHIR API (see ${FHIR_REST_PREFIX}/metadata).`,
          }),
        ),
      );

      fhir.get('/metadata', { config: access('public') }, async (req, reply) => {
        const unknown = Object.keys(req.query as object).find((k) => k !== '_format' && k !== 'mode');
        if (unknown)
          throw new BadParameter(unknown, refusal('fhir.not-a-parameter', { param: unknown, of: 'metadata' }), true);
        return sendFhir(reply, 200, capabilityStatement({ base: baseOf(req), date: STATEMENT_DATE, version: VERSION }));
      });

      /** The first resource of this type (the Patient comes first in a record: the rest is never made). */
      const firstOf = (resources: Iterable<FhirResource>, type: string): FhirResource | undefined => {
        for (const r of resources) if (r.resourceType === type) return r;
        return undefined;
      };

      /** The records the request may read that the search names (its patient), refusing a patient it may not see. */
      const recordsFor = async (req: FastifyRequest, patient: string | null, param: string) => {
        if (patient === null) {
          // A clinician's search names the patient: one record at a time, one audit entry per record read.
          if (req.auth?.account && req.auth.account.role !== 'patient')
            throw new BadParameter(param, refusal('fhir.name-the-patient', { param }), false);
          patient = req.personId;
        }
        if (!patient || !(await mayReadPerson(store, req, patient))) throw notFound(`Patient/${patient}`);
        const resources = await recordResources(store.db, patient, todayFrom(undefined));
        if (!resources) throw notFound(`Patient/${patient}`);
        return resources;
      };

      for (const type of SEARCH_TYPES) {
        fhir.get(`/${type}`, { config: access('patient-or-clinician') }, async (req, reply) => {
          const parsed = parseSearch(type as SearchType, req.query as Record<string, unknown>);
          if (!parsed.ok)
            throw new BadParameter(
              parsed.param,
              refusal('fhir.search', { param: parsed.param, words: parsed.message }),
              parsed.unsupported,
            );
          const s = parsed.search;
          const resources = await recordsFor(req, s.patient, type === 'Patient' ? '_id' : 'patient');
          // One pass over the record's resources, made one at a time, keeping only the page (search-results.ts).
          const page = searchPage(
            (function* () {
              for (const r of resources()) if (r.resourceType === type) yield r;
            })(),
            s,
          );
          const query = new URLSearchParams(rawQuery(req));
          let next: string | null = null;
          if (page.next) {
            query.delete('_cursor');
            query.set('_cursor', cursorParam(page.next));
            next = `${type}?${query}`;
          }
          const q = rawQuery(req);
          return sendFhir(
            reply,
            200,
            searchsetBundle({
              base: baseOf(req),
              resources: page.resources,
              total: page.total,
              self: q ? `${type}?${q}` : type,
              next,
            }),
          );
        });

        fhir.get(`/${type}/:id`, { config: access('patient-or-clinician') }, async (req, reply) => {
          const { id } = req.params as { id: string };
          if (type === 'Patient') {
            const resources = (await mayReadPerson(store, req, id))
              ? await recordResources(store.db, id, todayFrom(undefined))
              : null;
            const patient = resources ? firstOf(resources(), 'Patient') : undefined;
            if (!patient) throw notFound(`Patient/${id}`);
            return sendFhir(reply, 200, patient);
          }
          const found = await findResource(store.db, await readablePeople(store, req), type, id, todayFrom(undefined));
          if (!found) throw notFound(`${type}/${id}`);
          auditRead(req, found.personId);
          return sendFhir(reply, 200, found.resource);
        });
      }

      fhir.get('/Patient/:id/$everything', { config: access('patient-or-clinician') }, async (req, reply) => {
        const { id } = req.params as { id: string };
        const unknown = Object.keys(req.query as object).find((k) => k !== '_format');
        if (unknown) throw new BadParameter(unknown, refusal('fhir.everything-whole', { param: unknown }), true);
        const resources = (await mayReadPerson(store, req, id))
          ? await recordResources(store.db, id, todayFrom(undefined))
          : null;
        if (!resources) throw notFound(`Patient/${id}`);
        // The whole record, never held whole: a first pass counts the resources (Bundle.total comes before the
        // entries), a second makes them again and streams them a batch at a time (bundle-stream.ts). The bytes are
        // those of searchsetBundle over the whole list (fhir-rest-api.test.ts).
        let total = 0;
        for (const _ of resources()) total++;
        const base = baseOf(req);
        const head = searchsetHead({ base, total, self: `Patient/${id}/$everything`, next: null });
        const entries = (function* () {
          for (const r of resources()) yield searchsetEntry(base, r, 'Patient');
        })();
        return reply
          .status(200)
          .type(FHIR_JSON)
          .send(Readable.from(bundleJsonStream(head, entries)));
      });
    },
    { prefix: FHIR_REST_PREFIX },
  );
}
