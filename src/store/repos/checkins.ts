import type { Kysely, Transaction } from 'kysely';
import { CHECKIN_REGIONS, localDateOf, type Checkin, type CheckinInput } from '../../core/checkin-record.js';
import type { Database } from '../schema.js';
import { fromJson, newId, toJson } from '../json-column.js';
import { inTransaction, refreshListFigures } from './patient-list.js';
import { isUniqueViolation } from '../unique-violation.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The record (type, validator, stored form) is src/core/checkin-record.ts. */
export type { Checkin } from '../../core/checkin-record.js';

/** Stores a check-in and refreshes the person's list figures, in one transaction (the caller's, if it is one). */
export async function insertCheckin(
  db: Db,
  personId: string,
  input: CheckinInput,
  sessionId: string | null = null,
): Promise<Checkin> {
  return inTransaction(db, async (trx) => {
    const c = await addCheckinRow(trx, personId, input, sessionId);
    await refreshListFigures(trx, personId);
    return c;
  });
}

/**
 * Stores a check-in the person made (POST /api/checkins). Idempotent on its clientId: a resend (kept on the phone while
 * offline, or retried after a lost answer) returns the stored check-in and adds nothing, even when two resends race.
 */
export async function saveCheckin(
  db: Kysely<Database>,
  personId: string,
  input: CheckinInput,
): Promise<{ checkin: Checkin; created: boolean }> {
  const { clientId } = input;
  if (clientId === undefined) return { checkin: await insertCheckin(db, personId, input), created: true };
  try {
    return await db.transaction().execute(async (trx) => {
      const stored = await findCheckin(trx, personId, clientId);
      return stored
        ? { checkin: stored, created: false }
        : { checkin: await insertCheckin(trx, personId, input), created: true };
    });
  } catch (e) {
    const stored = isUniqueViolation(e) ? await findCheckin(db, personId, clientId) : undefined;
    if (stored) return { checkin: stored, created: false };
    throw e;
  }
}

async function findCheckin(db: Db, personId: string, clientId: string): Promise<Checkin | undefined> {
  const row = await db
    .selectFrom('checkins')
    .selectAll()
    .where('person_id', '=', personId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/**
 * Stores the check-ins of an imported file (FHIR pain readings) in the import's transaction: each once, by its
 * clientId (one already stored is a duplicate), and refreshes the list figures when any was added.
 */
export async function addImportedCheckins(
  trx: Transaction<Database>,
  personId: string,
  inputs: readonly CheckinInput[],
): Promise<{ added: number; duplicates: number }> {
  // A check-in the person already has with the same instant and pain (a Footing export imported back into the record
  // it came from: the file's check-in has an id of its own, not the stored one's) is a duplicate too.
  const held = new Set((await listCheckins(trx, personId)).map(painKey));
  let added = 0;
  for (const input of inputs) {
    if (input.clientId !== undefined && (await findCheckin(trx, personId, input.clientId))) continue;
    if (held.has(painKey(input))) continue;
    await addCheckinRow(trx, personId, input, null);
    held.add(painKey(input));
    added++;
  }
  if (added > 0) await refreshListFigures(trx, personId);
  return { added, duplicates: inputs.length - added };
}

/** A check-in's instant and pain as a FHIR file carries them (the scores, and each area's region, side and score). */
function painKey(c: {
  at: string;
  back?: number | null | undefined;
  neck?: number | null | undefined;
  foot?: number | null | undefined;
  regions?: readonly { region: string; side: string; intensity: number }[] | undefined;
}): string {
  return JSON.stringify([
    Date.parse(c.at),
    c.back ?? null,
    c.neck ?? null,
    c.foot ?? null,
    (c.regions ?? []).map((m) => `${m.region}|${m.side}|${m.intensity}`).sort(),
  ]);
}

/** Inserts the check-in row only: the caller refreshes the list figures in the same transaction (refreshListFigures). */
export async function addCheckinRow(
  db: Db,
  personId: string,
  input: CheckinInput,
  sessionId: string | null,
): Promise<Checkin> {
  const c: Checkin = {
    id: newId(),
    at: input.at,
    date: localDateOf(input.at),
    context: input.context,
    sessionId,
    back: input.back ?? null,
    neck: input.neck ?? null,
    foot: input.foot ?? null,
    regions: input.regions ?? [],
    note: input.note ?? null,
    heelFirstSteps: input.heelFirstSteps ?? null,
    newLowerLimbSymptoms: input.newLowerLimbSymptoms ?? null,
  };
  await db
    .insertInto('checkins')
    .values({
      id: c.id,
      person_id: personId,
      at: c.at,
      date: c.date,
      context: c.context,
      session_id: sessionId,
      back: c.back,
      neck: c.neck,
      foot: c.foot,
      regions: toJson(c.regions),
      note: c.note,
      heel_first_steps: c.heelFirstSteps,
      new_lower_limb: c.newLowerLimbSymptoms === null ? null : Number(c.newLowerLimbSymptoms),
      client_id: input.clientId ?? null,
    })
    .execute();
  return c;
}

export async function listCheckins(
  db: Db,
  personId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<Checkin[]> {
  let q = db.selectFrom('checkins').selectAll().where('person_id', '=', personId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  return (await q.orderBy('at').orderBy('id').execute()).map(fromRow);
}

function fromRow(r: Database['checkins']): Checkin {
  return {
    id: r.id,
    at: r.at,
    date: r.date,
    context: r.context,
    sessionId: r.session_id,
    back: r.back,
    neck: r.neck,
    foot: r.foot,
    regions: fromJson(CHECKIN_REGIONS, r.regions, `checkins.regions (${r.id})`),
    note: r.note,
    heelFirstSteps: r.heel_first_steps,
    newLowerLimbSymptoms: r.new_lower_limb === null ? null : r.new_lower_limb === 1,
  };
}

/** What the program engine reads of a check-in: its day, context, scores and the two symptom answers. */
export type CheckinSignals = Pick<
  Checkin,
  'date' | 'context' | 'back' | 'neck' | 'foot' | 'heelFirstSteps' | 'newLowerLimbSymptoms'
>;

/**
 * A person's whole check-in history, in listCheckins's order, with only what the program engine reads: no body-map
 * areas or notes (no JSON to parse), for today's plan, which reads the whole history on every request.
 */
export async function listCheckinSignals(db: Db, personId: string): Promise<CheckinSignals[]> {
  const rows = await db
    .selectFrom('checkins')
    .select(CHECKIN_SIGNAL_COLUMNS)
    .where('person_id', '=', personId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(checkinSignalsFromRow);
}

/** The columns a check-in's signals are read from (person-history.ts reads them too). */
export const CHECKIN_SIGNAL_COLUMNS = [
  'date',
  'context',
  'back',
  'neck',
  'foot',
  'heel_first_steps',
  'new_lower_limb',
] as const;

export function checkinSignalsFromRow(
  r: Pick<Database['checkins'], (typeof CHECKIN_SIGNAL_COLUMNS)[number]>,
): CheckinSignals {
  return {
    date: r.date,
    context: r.context,
    back: r.back,
    neck: r.neck,
    foot: r.foot,
    heelFirstSteps: r.heel_first_steps,
    newLowerLimbSymptoms: r.new_lower_limb === null ? null : r.new_lower_limb === 1,
  };
}
