/**
 * What a person records that needs more than a store call: a guided session (only within a running program, at its
 * stage) and the day's hand log of walking (stored as samples of the manual source, like any device's). Their
 * refusals are ServiceErrors, which the server answers 409 as it always has.
 */
import type { Kysely } from 'kysely';
import type { SessionInput } from '../core/session-record.js';
import type { WalkingLogInput } from '../core/walking-day-record.js';
import { MANUAL_SOURCE } from '../core/walking-day.js';
import type { WalkingSample } from '../core/walking.js';
import type { Database } from '../store/schema.js';
import { getProgram } from '../store/repos/program.js';
import { saveSession } from '../store/repos/sessions.js';
import { replaceManualDay } from '../store/repos/walking.js';
import { conflictWith } from './service-error.js';
import { refusal } from '../core/refusal-words.js';

/** Saves a session at the program's stage; `created` is false for a resend of one already stored (same clientId). */
export async function recordSession(
  db: Kysely<Database>,
  personId: string,
  input: SessionInput,
): Promise<Awaited<ReturnType<typeof saveSession>>> {
  const program = await getProgram(db, personId);
  if (!program) throw conflictWith(refusal('program.safety-first'));
  if (program.status === 'stopped') throw conflictWith(refusal('program.paused'));
  return saveSession(db, personId, program.stage, input);
}

/** The samples of a day's hand log: it covers the whole local day, so it is never split across days. */
export function handLogSamples(log: WalkingLogInput): WalkingSample[] {
  // Written with +00:00 so every timestamp carries an offset; the date part is the person's local day.
  const start = `${log.date}T00:00:00+00:00`;
  const end = `${log.date}T23:59:59+00:00`;
  const samples: WalkingSample[] = [];
  if (log.steps)
    samples.push({ source: MANUAL_SOURCE, device: null, start, end, kind: 'steps', value: log.steps, unit: 'count' });
  if (log.minutes)
    samples.push({
      source: MANUAL_SOURCE,
      device: null,
      start,
      end,
      kind: 'duration',
      value: Math.round(log.minutes * 60),
      unit: 's',
    });
  return samples;
}

/** Replaces the day's hand log (the day's totals are recomputed) and says what was logged. */
export async function logWalkingDay(
  db: Kysely<Database>,
  personId: string,
  log: WalkingLogInput,
): Promise<{ date: string; steps: number | null; minutes: number | null }> {
  await replaceManualDay(db, personId, log.date, handLogSamples(log));
  return { date: log.date, steps: log.steps ?? null, minutes: log.minutes ?? null };
}
