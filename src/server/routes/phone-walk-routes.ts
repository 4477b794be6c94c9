/**
 * A walk counted on the phone (the Walk now screen): stored as walking samples through the import's chunk merge,
 * then the day's totals recomputed, as an import does (src/services/import-walking.ts), and listed in the import history
 * like a file (its samples point at that row). Idempotent: a resend (the outbox after a lost answer) finds every
 * sample stored and adds nothing, and finds the walk's history row by its client id (stored hashed in the row's
 * sha256 column), so the history lists the walk once. The answer is the day's stored total.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createHash } from 'node:crypto';
import {
  PHONE_WALK_FORMAT,
  phoneWalkHistoryName,
  phoneWalkImportRecord,
  phoneWalkSamples,
  PhoneWalkInput,
} from '../../core/phone-walk.js';
import { localDate } from '../../core/walking.js';
import type { Store } from '../../store/db.js';
import { newId, toJson } from '../../store/json-column.js';
import { findImportId, insertImport, setImportSummary } from '../../store/repos/imports.js';
import { addWalkingSamples, lockWalking, recomputeDays, storedDayTotals } from '../../store/repos/walking.js';
import { access } from '../access.js';

export async function registerPhoneWalkRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/walking/phone-walks',
    { config: access('self'), schema: { body: PhoneWalkInput } },
    async (req, reply) => {
      const samples = phoneWalkSamples(req.body);
      const dates = [...new Set(samples.flatMap((s) => [localDate(s.start), localDate(s.end)]))].sort();
      const { added, days } = await store.db.transaction().execute(async (trx) => {
        await lockWalking(trx, req.personId);
        const key = createHash('sha256').update(`${PHONE_WALK_FORMAT}\n${req.body.clientId}`).digest('hex');
        const known = await findImportId(trx, req.personId, PHONE_WALK_FORMAT, key);
        const importId = known ?? newId();
        // The history row goes first (the samples' chunks reference it); a resend keeps the first send's row as it is.
        if (!known)
          await insertImport(trx, {
            id: importId,
            personId: req.personId,
            fileName: phoneWalkHistoryName(req.body),
            format: PHONE_WALK_FORMAT,
            at: new Date().toISOString(),
            summary: '{}',
            sha256: key,
          });
        const n = await addWalkingSamples(trx, req.personId, samples, importId);
        if (!known) await setImportSummary(trx, importId, toJson(phoneWalkImportRecord(samples.length, n, dates)));
        if (n > 0) await recomputeDays(trx, req.personId, dates);
        return { added: n, days: await storedDayTotals(trx, req.personId, dates) };
      });
      return reply.status(added > 0 ? 201 : 200).send({
        steps: req.body.steps,
        added,
        days: dates.map((date) => ({ date, steps: days[date]?.steps ?? 0 })),
      });
    },
  );
}
