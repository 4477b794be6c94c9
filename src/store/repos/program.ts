import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { WalkingOverride } from '../../core/walking-override.js';
import { PROGRAM_EVENT_REASONS, storedReasons, type ProgramEvent } from '../../core/program-event-record.js';
import { DoseOverridesRecord, type Program } from '../../core/program-record.js';
import { fromJson, newId, toJson } from '../json-column.js';
import { inTransaction, refreshListFigures } from './patient-list.js';

/** The program (its record file): `walkingOverride` is written only by setWalkingOverride (upsertProgram leaves it). */
export type { Program };
export type { ProgramEvent };

type Db = Kysely<Database> | Transaction<Database>;

export async function getProgram(db: Db, personId: string): Promise<Program | null> {
  const r = await db
    .selectFrom('programs')
    .select(PROGRAM_COLUMNS)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return r ? programFromRow(r, personId) : null;
}

/** The columns a program is read from (person-history.ts reads them too). */
export const PROGRAM_COLUMNS = [
  'stage',
  'stage_started_on',
  'started_on',
  'status',
  'decided_on',
  'dose_overrides',
  'walking_override',
] as const;

export function programFromRow(
  r: Pick<Database['programs'], (typeof PROGRAM_COLUMNS)[number]>,
  personId: string,
): Program {
  return {
    stage: r.stage,
    stageStartedOn: r.stage_started_on,
    startedOn: r.started_on,
    status: r.status,
    decidedOn: r.decided_on,
    doseOverrides: r.dose_overrides
      ? fromJson(DoseOverridesRecord, r.dose_overrides, `programs.dose_overrides (${personId})`)
      : null,
    walkingOverride: r.walking_override
      ? fromJson(WalkingOverride, r.walking_override, `programs.walking_override (${personId})`)
      : null,
  };
}

/** Stores the program and refreshes the person's list figures (its start, a restart), in one transaction. */
export async function upsertProgram(db: Db, personId: string, p: Program): Promise<void> {
  const row = {
    stage: p.stage,
    stage_started_on: p.stageStartedOn,
    started_on: p.startedOn,
    status: p.status,
    decided_on: p.decidedOn,
    dose_overrides: p.doseOverrides ? toJson(p.doseOverrides) : null,
    updated_at: new Date().toISOString(),
  };
  await inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('programs')
      .select('person_id')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (existing) await trx.updateTable('programs').set(row).where('person_id', '=', personId).execute();
    else
      await trx
        .insertInto('programs')
        .values({ person_id: personId, ...row })
        .execute();
    await refreshListFigures(trx, personId);
  });
}

/** Sets (or, with null, removes) the clinician's walking target or cap; false when the person has no program. */
export async function setWalkingOverride(db: Db, personId: string, o: WalkingOverride | null): Promise<boolean> {
  const r = await db
    .updateTable('programs')
    .set({ walking_override: o ? toJson(o) : null, updated_at: new Date().toISOString() })
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function addProgramEvent(db: Db, personId: string, e: Omit<ProgramEvent, 'id'>): Promise<void> {
  await db
    .insertInto('program_events')
    .values({
      id: newId(),
      person_id: personId,
      at: e.at,
      on_date: e.onDate,
      action: e.action,
      from_stage: e.fromStage,
      to_stage: e.toStage,
      reasons: toJson(storedReasons(e.reasons)),
      actor: e.actor,
    })
    .execute();
}

export async function listProgramEvents(db: Db, personId: string): Promise<ProgramEvent[]> {
  const rows = await db
    .selectFrom('program_events')
    .select(PROGRAM_EVENT_COLUMNS)
    .where('person_id', '=', personId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(programEventFromRow);
}

/** The columns a program event is read from (person-history.ts reads them too). */
export const PROGRAM_EVENT_COLUMNS = [
  'id',
  'at',
  'on_date',
  'action',
  'from_stage',
  'to_stage',
  'reasons',
  'actor',
] as const;

export function programEventFromRow(
  r: Pick<Database['program_events'], (typeof PROGRAM_EVENT_COLUMNS)[number]>,
): ProgramEvent {
  return {
    id: r.id,
    at: r.at,
    onDate: r.on_date,
    action: r.action,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    reasons: fromJson(PROGRAM_EVENT_REASONS, r.reasons, `program_events.reasons (${r.id})`),
    actor: r.actor,
  };
}
