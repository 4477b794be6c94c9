import type { Kysely, Transaction } from 'kysely';
import type { ScreenAnswers, ScreenResult } from '../../core/red-flags.js';
import { SCREEN_ANSWERS, SCREEN_RESULT, type StoredScreen } from '../../core/screen-record.js';
import type { Database } from '../schema.js';
import { fromJson, newId, toJson } from '../json-column.js';

export type { StoredScreen };

export async function insertScreen(
  trx: Transaction<Database> | Kysely<Database>,
  personId: string,
  takenAt: string,
  answers: ScreenAnswers,
  result: ScreenResult,
): Promise<StoredScreen> {
  const id = newId();
  await trx
    .insertInto('screens')
    .values({
      id,
      person_id: personId,
      taken_at: takenAt,
      answers: toJson(answers),
      status: result.status,
      urgency: result.status === 'stop' ? result.urgency : null,
      result: toJson(result),
    })
    .execute();
  return { id, takenAt, answers, result };
}

export async function latestScreen(db: Kysely<Database>, personId: string): Promise<StoredScreen | null> {
  const row = await db
    .selectFrom('screens')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('taken_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? screenFromRow(row) : null;
}

export async function listScreens(db: Kysely<Database>, personId: string): Promise<StoredScreen[]> {
  const rows = await db
    .selectFrom('screens')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('taken_at')
    .execute();
  return rows.map(screenFromRow);
}

/** The columns a stored screen is read from (person-history.ts reads them too). */
export const SCREEN_COLUMNS = ['id', 'taken_at', 'answers', 'result'] as const;

export function screenFromRow(row: Pick<Database['screens'], (typeof SCREEN_COLUMNS)[number]>): StoredScreen {
  return {
    id: row.id,
    takenAt: row.taken_at,
    answers: fromJson(SCREEN_ANSWERS, row.answers, `screens.answers (${row.id})`),
    result: fromJson(SCREEN_RESULT, row.result, `screens.result (${row.id})`),
  };
}
