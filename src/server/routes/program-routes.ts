import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXERCISES } from '../../core/exercises.js';
import { STAGES } from '../../core/stages.js';
import { exerciseIn } from '../../core/i18n/exercise-texts.js';
import {
  precautionQuestionsIn,
  redFlagQuestionsIn,
  screenResultIn,
  urgencyAdviceIn,
} from '../../core/i18n/red-flag-texts.js';
import { stageIn } from '../../core/i18n/stage-texts.js';
import { progressIn, todayStateIn } from '../../core/i18n/today-texts.js';
import { requestLanguage } from '../request-language.js';
import type { Store } from '../../store/db.js';
import { ScreenInput, isoDate } from '../api-schemas.js';
import { todayFrom } from '../request-date.js';
import { access } from '../access.js';
import { getProgress, getToday, submitScreen } from '../../services/program-service.js';

const DateQuery = z.object({ date: isoDate.optional() }).strict();

export async function registerProgramRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The texts a patient reads come in the language the request asks for (Accept-Language; English by default).
  r.get('/api/screen/questions', { config: access('public') }, async (req) => {
    const language = requestLanguage(req);
    return {
      redFlags: redFlagQuestionsIn(language),
      precautions: precautionQuestionsIn(language),
      urgencyAdvice: urgencyAdviceIn(language),
    };
  });
  r.post(
    '/api/screen',
    {
      config: access('self'),
      schema: {
        body: ScreenInput.extend({ clinicianCleared: z.boolean().optional() }).strict(),
        querystring: DateQuery,
      },
    },
    async (req, reply) => {
      const outcome = await submitScreen(store.db, req.personId, req.body, todayFrom(req.query.date));
      return reply.status(201).send({ ...outcome, result: screenResultIn(outcome.result, requestLanguage(req)) });
    },
  );
  r.get('/api/today', { config: access('self'), schema: { querystring: DateQuery } }, async (req) =>
    todayStateIn(await getToday(store.db, req.personId, todayFrom(req.query.date)), requestLanguage(req)),
  );
  r.get('/api/progress', { config: access('self'), schema: { querystring: DateQuery } }, async (req) =>
    progressIn(await getProgress(store.db, req.personId, todayFrom(req.query.date)), requestLanguage(req)),
  );
  r.get('/api/library', { config: access('public') }, async (req) => {
    const language = requestLanguage(req);
    return {
      exercises: Object.values(EXERCISES).map((e) => exerciseIn(e.id, language)),
      stages: STAGES.map((s) => stageIn(s.number, language)),
    };
  });
}
