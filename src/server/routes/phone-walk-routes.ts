/**
 * A walk counted on the phone (the Walk now screen): stored as walking samples through the import's chunk merge,
 * then the day's totals recomputed, as an import does (src/store/import-walking.ts). Idempotent: a resend (the
 * outbox after a lost answer) finds every sample stored and adds nothing. The answer is the day's stored total.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { phoneWalkSamples, PhoneWalkInput } from '../../core/phone-walk.js';
import { localDate } from '../../core/walking.js';
import type { Store } from '../../store/db.js';
import { addWalkingSamples, lockWalking, recomputeDays, storedDayTotals } from '../../store/repos/walking.js';
import { access } from '../access.js';

export async function registerPhoneWalkRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/walking/phone-walks', { config: access('self'), schema: { body: PhoneWalkInput } }, async (req, reply) => {
    const samples = phoneWalkSamples(req.body);
    const dates = [...new Set(samples.flatMap((s) => [localDate(s.start), localDate(s.end)]))].sort();
    const { added, days } = await store.db.transaction().execute(async (trx) => {
      await lockWalking(trx, req.personId);
      const n = await addWalkingSamples(trx, req.personId, samples);
      if (n > 0) await recomputeDays(trx, req.personId, dates);
      return { added: n, days: await storedDayTotals(trx, req.personId, dates) };
    });
    return reply.status(added > 0 ? 201 : 200).send({
      steps: req.body.steps, added,
      days: dates.map((date) => ({ date, steps: days[date]?.steps ?? 0 })),
    });
  });
}
