/**
 * The printable reports over HTTP (issue 15, Reports), as PDF: the patient's own report in plain words
 * (GET /api/report, access self) and a patient's report for their clinician (GET /api/patients/:personId/report,
 * access clinician-of-patient: the guard checks the care link and writes the audit entry), the clinician report
 * by default or the patient's with `kind=patient` (to print and hand over). Same access rules as the FHIR export.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import { reportContent, reportPdf, REPORT_KINDS, type ReportKind } from '../../services/report-service.js';
import { access } from '../access.js';
import { isoDate } from '../api-schemas.js';
import { todayFrom } from '../request-date.js';

/**
 * `date`: the person's calendar date, for the program of that day and the weeks up to it. `format=json`: the
 * report's content instead of the PDF (headings, text, tables, charts, stills), which the web app draws as the
 * same pictures on the patient page and the Progress screen.
 */
const FORMATS = ['pdf', 'json'] as const;
const OwnQuery = z.object({ date: isoDate.optional(), format: z.enum(FORMATS).default('pdf') }).strict();
const PatientQuery = z.object({ date: isoDate.optional(), kind: z.enum(REPORT_KINDS).default('clinician'), format: z.enum(FORMATS).default('pdf') }).strict();
const PatientParams = z.object({ personId: z.string().min(1).max(100) });

export async function registerReportRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const send = async (reply: FastifyReply, personId: string, kind: ReportKind, date: string | undefined, format: (typeof FORMATS)[number]) => {
    const today = todayFrom(date);
    if (format === 'json') return reply.header('cache-control', 'no-store').send(await reportContent(store.db, personId, { kind, today }));
    const pdf = await reportPdf(store.db, personId, { kind, today });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="footing-${kind}-report-${today}.pdf"`).header('cache-control', 'no-store').send(pdf);
  };
  r.get('/api/report', { config: access('self'), schema: { querystring: OwnQuery } }, async (req, reply) => send(reply, req.personId, 'patient', req.query.date, req.query.format));
  r.get('/api/patients/:personId/report', { config: access('clinician-of-patient'), schema: { params: PatientParams, querystring: PatientQuery } }, async (req, reply) => send(reply, req.personId, req.query.kind, req.query.date, req.query.format));
}
