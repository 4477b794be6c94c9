import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { says } from '../../core/validation-words.js';
import { outcomeMeasuresIn } from '../../core/i18n/outcome-texts.js';
import { screeningTestsIn } from '../../core/i18n/screening-texts.js';
import type { Store } from '../../store/db.js';
import { getGaitStill, insertGaitAnalysis, listGaitAnalyses } from '../../store/repos/gait-analyses.js';
import { GaitStillsInput } from '../../gait/gait-stills.js';
import { SAVED_ANALYSIS_MAX_BYTES, SavedAnalysisJson, SavedKeypointSeries } from '../../gait/gait-analysis-record.js';
import { notFound } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { access } from '../access.js';
import { BodyMark, isoDate, isoDateTime } from '../api-schemas.js';
import { todayFrom } from '../request-date.js';
import {
  addOutcome,
  addPainMap,
  addScreening,
  explainFor,
  getAssessment,
  latestPainFor,
} from '../../services/assessment-service.js';
import { getToday } from '../../services/program-service.js';
import { reviewIn } from '../../core/i18n/review-texts.js';
import { requestLanguage } from '../request-language.js';

const PainMapInput = z
  .object({
    marks: z.array(BodyMark).max(40),
    recordedAt: isoDateTime,
    recordedBy: z.string().trim().min(1).max(200).default('me'),
  })
  .strict();
/** A saved gait analysis: the metrics JSON and the keypoints, every number bounded (src/gait/gait-analysis-record.ts),
 * and the stills of its key moments (small JPEG or WebP pictures, src/gait/gait-stills.ts); never the video itself. */
const GaitSaveInput = z
  .object({
    recordedAt: isoDateTime,
    recordedBy: z.string().trim().min(1).max(200).default('me'),
    sourceName: z.string().trim().min(1).max(300),
    analysis: SavedAnalysisJson,
    keypoints: SavedKeypointSeries.nullable().default(null),
    stills: GaitStillsInput.default([]),
  })
  .strict();

/** One still of one saved analysis: its place in the analysis's list of stills. */
export const StillParams = z.object({
  id: z.string().uuid(says('id.of', { what: 'gait-analysis' })),
  index: z.coerce.number().int(says('still.number')).min(0, says('still.number')).max(99, says('still.number')),
});

/** Sends a still's picture (its own type; private: health data, cached by this browser only). */
export function sendStill(reply: FastifyReply, still: { type: string; bytes: Buffer } | null): FastifyReply {
  if (!still) throw notFound(refusal('still.not-found'));
  return reply.header('content-type', still.type).header('cache-control', 'private, max-age=86400').send(still.bytes);
}

export async function registerAssessmentRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The zod schema inside each test's input description is for the server; the page gets the rest, in the request's
  // language (the questionnaires' names stay as published).
  r.get('/api/assessment/catalogue', { config: access('public') }, async (req) => {
    const language = requestLanguage(req);
    return {
      screeningTests: screeningTestsIn(language).map(({ input: { schema: _schema, ...input }, ...t }) => ({
        ...t,
        input,
      })),
      outcomeMeasures: outcomeMeasuresIn(language),
    };
  });
  r.get('/api/assessment', { config: access('self') }, async (req) =>
    getAssessment(store.db, req.personId, requestLanguage(req)),
  );
  r.post('/api/assessment/pain-map', { config: access('self'), schema: { body: PainMapInput } }, async (req, reply) =>
    reply.status(201).send(await addPainMap(store.db, req.personId, req.body)),
  );
  // Bodies of these two are checked by the core catalogues' own parsers, which name the field at fault.
  r.post(
    '/api/assessment/screening',
    { config: access('self'), schema: { body: z.record(z.string(), z.unknown()) } },
    async (req, reply) =>
      reply.status(201).send(await addScreening(store.db, req.personId, req.body, requestLanguage(req))),
  );
  r.post(
    '/api/assessment/outcomes',
    { config: access('self'), schema: { body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => reply.status(201).send(await addOutcome(store.db, req.personId, req.body)),
  );
  r.post(
    '/api/gait-analyses',
    { config: access('self'), bodyLimit: SAVED_ANALYSIS_MAX_BYTES, schema: { body: GaitSaveInput } },
    async (req, reply) => {
      const b = req.body;
      return reply.status(201).send(
        await insertGaitAnalysis(store.db, req.personId, {
          recordedAt: b.recordedAt,
          recordedBy: b.recordedBy,
          sourceName: b.sourceName,
          view: b.analysis.view,
          analysis: b.analysis,
          keypoints: b.keypoints ?? null,
          videoPath: null,
          stills: b.stills,
        }),
      );
    },
  );
  r.get('/api/gait-analyses', { config: access('self') }, async (req) => listGaitAnalyses(store.db, req.personId));
  r.get(
    '/api/gait-analyses/:id/stills/:index',
    { config: access('self'), schema: { params: StillParams } },
    async (req, reply) => sendStill(reply, await getGaitStill(store.db, req.personId, req.params.id, req.params.index)),
  );
  r.get(
    '/api/explain',
    { config: access('self'), schema: { querystring: z.object({ date: isoDate.optional() }).strict() } },
    async (req) => {
      const today = await getToday(store.db, req.personId, todayFrom(req.query.date));
      // The chain's words, the findings and the review in the request's language.
      const language = requestLanguage(req);
      return {
        explanation: await explainFor(store.db, req.personId, language),
        decision: today.decision && reviewIn(today.decision, language),
        painAreas: await latestPainFor(store.db, req.personId),
      };
    },
  );
}
