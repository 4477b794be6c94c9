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
 * `date` (or `to`): the person's calendar date, for the program of that day and the weeks up to it; `from`: the
 * first day of the period the report covers (the reader's choice; default the start of the record). `format=json`: the
 * report's content instead of the PDF (headings, text, tables, charts, stills), which the web app draws as the
 * same pictures on the patient page and the Progress screen.
 */
const FORMATS = ['pdf', 'json'] as const;
const period = { date: isoDate.optional(), from: isoDate.optional(), to: isoDate.optional() };
/** `to` and `date` name the same day: one of them. */
const oneEnd = (q: { date?: string | undefined; to?: string | undefined }) =>
  q.date === undefined || q.to === undefined;
const ONE_END = { message: "Give the period's last day as to or as date, not both.", path: ['to'] };
const OwnQuery = z
  .object({ ...period, format: z.enum(FORMATS).default('pdf') })
  .strict()
  .refine(oneEnd, ONE_END);
const PatientQuery = z
  .object({ ...period, kind: z.enum(REPORT_KINDS).default('clinician'), format: z.enum(FORMATS).default('pdf') })
  .strict()
  .refine(oneEnd, ONE_END);
const PatientParams = z.object({ personId: z.string().min(1).max(100) });

export async function registerReportRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const send = async (
    reply: FastifyReply,
    personId: string,
    kind: ReportKind,
    q: {
      date?: string | undefined;
      to?: string | undefined;
      from?: string | undefined;
      format: (typeof FORMATS)[number];
    },
  ) => {
    const today = todayFrom(q.to ?? q.date);
    const period = { today, ...(q.from !== undefined ? { from: q.from } : {}) };
    if (q.format === 'json')
      return reply
        .header('cache-control', 'no-store')
        .send(await reportContent(store.db, personId, { kind, ...period }));
    const pdf = await reportPdf(store.db, personId, { kind, ...period });
    const name = q.from !== undefined ? `${q.from}-to-${today}` : today;
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="footing-${kind}-report-${name}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  };
  r.get('/api/report', { config: access('self'), schema: { querystring: OwnQuery } }, async (req, reply) =>
    send(reply, req.personId, 'patient', req.query),
  );
  r.get(
    '/api/patients/:personId/report',
    { config: access('clinician-of-patient'), schema: { params: PatientParams, querystring: PatientQuery } },
    async (req, reply) => send(reply, req.personId, req.query.kind, req.query),
  );
}
