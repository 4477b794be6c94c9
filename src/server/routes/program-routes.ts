import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXERCISES } from '../../core/exercises.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS, URGENCY_ADVICE } from '../../core/red-flags.js';
import { STAGES } from '../../core/stages.js';
import type { Store } from '../../store/db.js';
import { ScreenInput, isoDate } from '../api-schemas.js';
import { todayFrom } from '../request-date.js';
import { access } from '../access.js';
import { getProgress, getToday, submitScreen } from '../../services/program-service.js';

const DateQuery = z.object({ date: isoDate.optional() }).strict();

export async function registerProgramRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/screen/questions', { config: access('public') }, async () => ({ redFlags: RED_FLAG_QUESTIONS, precautions: PRECAUTION_QUESTIONS, urgencyAdvice: URGENCY_ADVICE }));
  r.post('/api/screen', { config: access('self'), schema: { body: ScreenInput.extend({ clinicianCleared: z.boolean().optional() }).strict(), querystring: DateQuery } }, async (req, reply) => {
    const outcome = await submitScreen(store.db, req.personId, req.body, todayFrom(req.query.date));
    return reply.status(201).send(outcome);
  });
  r.get('/api/today', { config: access('self'), schema: { querystring: DateQuery } }, async (req) => getToday(store.db, req.personId, todayFrom(req.query.date)));
  r.get('/api/progress', { config: access('self'), schema: { querystring: DateQuery } }, async (req) => getProgress(store.db, req.personId, todayFrom(req.query.date)));
  r.get('/api/library', { config: access('public') }, async () => ({ exercises: Object.values(EXERCISES), stages: STAGES }));
}
