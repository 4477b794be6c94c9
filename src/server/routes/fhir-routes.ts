/**
 * The FHIR R4 export over HTTP (issue 15): the patient's own record (GET /api/export/fhir, access self) and a
 * patient's record for their clinician (GET /api/patients/:personId/fhir, access clinician-of-patient: the guard
 * checks the care link and writes the audit entry). Both answer a Bundle of type collection as
 * application/fhir+json (src/services/fhir-export-service.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import { Readable } from 'node:stream';
import { exportFhirJson } from '../../services/fhir-export-service.js';
import { access } from '../access.js';
import { isoDate } from '../api-schemas.js';
import { todayFrom } from '../request-date.js';

/** `date`: the person's calendar date, for the program and walking target of that day (as on Today). */
const FhirQuery = z.object({ date: isoDate.optional() }).strict();
const PatientParams = z.object({ personId: z.string().min(1).max(100) });
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export async function registerFhirRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const send = async (reply: FastifyReply, personId: string, date: string | undefined) => {
    const { head, pieces } = await exportFhirJson(store.db, personId, {
      today: todayFrom(date),
      exportedAt: new Date().toISOString(),
    });
    // Streamed a batch of entries at a time, each made as it is written (fhir-export-service.ts): never the whole bundle at once.
    return reply
      .type(FHIR_JSON)
      .header('content-disposition', `attachment; filename="footing-fhir-${(head.timestamp ?? '').slice(0, 10)}.json"`)
      .send(Readable.from(pieces));
  };
  r.get('/api/export/fhir', { config: access('self'), schema: { querystring: FhirQuery } }, async (req, reply) =>
    send(reply, req.personId, req.query.date),
  );
  r.get(
    '/api/patients/:personId/fhir',
    { config: access('clinician-of-patient'), schema: { params: PatientParams, querystring: FhirQuery } },
    async (req, reply) => send(reply, req.personId, req.query.date),
  );
}
