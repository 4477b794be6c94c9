import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../../store/db.js';
import { listCheckins, saveCheckin } from '../../store/repos/checkins.js';
import { listSessions } from '../../store/repos/sessions.js';
import { dailyWalking } from '../../store/repos/walking.js';
import { logWalkingDay, recordSession } from '../../services/record-service.js';
import { CheckinInput, RangeQuery, SessionInput, WalkingLogInput } from '../api-schemas.js';
import { access } from '../access.js';

export async function registerRecordRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/checkins', { config: access('self'), schema: { body: CheckinInput } }, async (req, reply) => {
    // 200 with the stored check-in when its clientId was seen before (a resend), 201 when it is new.
    const { checkin, created } = await saveCheckin(store.db, req.personId, req.body);
    return reply.status(created ? 201 : 200).send(checkin);
  });
  r.get('/api/checkins', { config: access('self'), schema: { querystring: RangeQuery } }, async (req) =>
    listCheckins(store.db, req.personId, req.query),
  );

  r.post('/api/sessions', { config: access('self'), schema: { body: SessionInput } }, async (req, reply) => {
    const { session, created } = await recordSession(store.db, req.personId, req.body);
    return reply.status(created ? 201 : 200).send(session);
  });
  r.get('/api/sessions', { config: access('self'), schema: { querystring: RangeQuery } }, async (req) =>
    listSessions(store.db, req.personId, req.query),
  );

  r.put('/api/walking/manual', { config: access('self'), schema: { body: WalkingLogInput } }, async (req) =>
    logWalkingDay(store.db, req.personId, req.body),
  );
  r.get('/api/walking/daily', { config: access('self'), schema: { querystring: RangeQuery } }, async (req) =>
    dailyWalking(store.db, req.personId, req.query),
  );
}
