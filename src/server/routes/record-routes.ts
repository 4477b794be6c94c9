import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WalkingSample } from '../../core/walking.js';
import type { Store } from '../../store/db.js';
import { listCheckins, saveCheckin } from '../../store/repos/checkins.js';
import { getProgram } from '../../store/repos/program.js';
import { listSessions, saveSession } from '../../store/repos/sessions.js';
import { dailyWalking, replaceManualDay } from '../../store/repos/walking.js';
import { CheckinInput, RangeQuery, SessionInput, WalkingLogInput } from '../api-schemas.js';
import { conflict } from '../problem.js';
import { access } from '../access.js';

export async function registerRecordRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/checkins', { config: access('self'), schema: { body: CheckinInput } }, async (req, reply) => {
    // 200 with the stored check-in when its clientId was seen before (a resend), 201 when it is new.
    const { checkin, created } = await saveCheckin(store.db, req.personId, req.body);
    return reply.status(created ? 201 : 200).send(checkin);
  });
  r.get('/api/checkins', { config: access('self'), schema: { querystring: RangeQuery } }, async (req) => listCheckins(store.db, req.personId, req.query));

  r.post('/api/sessions', { config: access('self'), schema: { body: SessionInput } }, async (req, reply) => {
    const program = await getProgram(store.db, req.personId);
    if (!program) throw conflict('Answer the safety check before your first session.');
    if (program.status === 'stopped') throw conflict('The program is paused after a safety answer; see a clinician first.');
    const { session, created } = await saveSession(store.db, req.personId, program.stage, req.body);
    return reply.status(created ? 201 : 200).send(session);
  });
  r.get('/api/sessions', { config: access('self'), schema: { querystring: RangeQuery } }, async (req) => listSessions(store.db, req.personId, req.query));

  r.put('/api/walking/manual', { config: access('self'), schema: { body: WalkingLogInput } }, async (req) => {
    const { date, minutes, steps } = req.body;
    // A hand log covers the whole local day; it is stored as samples like any device data.
    // Written with +00:00 so every timestamp carries an offset; the date part is the person's local day.
    const start = `${date}T00:00:00+00:00`;
    const end = `${date}T23:59:59+00:00`;
    const samples: WalkingSample[] = [];
    if (steps) samples.push({ source: 'manual', device: null, start, end, kind: 'steps', value: steps, unit: 'count' });
    if (minutes) samples.push({ source: 'manual', device: null, start, end, kind: 'duration', value: Math.round(minutes * 60), unit: 's' });
    await replaceManualDay(store.db, req.personId, date, samples);
    return { date, steps: steps ?? null, minutes: minutes ?? null };
  });
  r.get('/api/walking/daily', { config: access('self'), schema: { querystring: RangeQuery } }, async (req) => dailyWalking(store.db, req.personId, req.query));
}
