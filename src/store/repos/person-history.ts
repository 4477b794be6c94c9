/**
 * What today's plan reads of a person, in one statement: the latest safety screen, the program, the birth year, every
 * check-in's signals, every session's day and status, every program event, every outcome score, and the walking days
 * of a date range. GET /api/today runs each time the app opens; read as eight queries (one round trip, one send to
 * PostgreSQL and one result to parse each), most of its CPU went on the queries rather than on the plan. Each table
 * is read here by the same columns, filter and order as its repository's own read, and turned into a record by that
 * repository's mapper, so the two reads cannot drift apart.
 *
 * A table's rows come back as one JSON array of arrays, in the repository's order: json_agg(... ORDER BY ...) on
 * PostgreSQL, json_group_array(... ORDER BY ...) on SQLite (3.44 or later). Both write a float with every digit it
 * needs to come back as the same double, so the figures are those a plain read gives.
 */
import { CompiledQuery, PostgresAdapter, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { preparedStatement } from '../pg-prepared-statements.js';
import type { CheckinSignals } from './checkins.js';
import { CHECKIN_SIGNAL_COLUMNS, checkinSignalsFromRow } from './checkins.js';
import { OUTCOME_SCORE_COLUMNS, outcomeScoreFromRow, type OutcomeRecord } from './assessments.js';
import {
  PROGRAM_COLUMNS,
  PROGRAM_EVENT_COLUMNS,
  programEventFromRow,
  programFromRow,
  type Program,
  type ProgramEvent,
} from './program.js';
import { SCREEN_COLUMNS, screenFromRow, type StoredScreen } from './screens.js';
import { SESSION_DAY_COLUMNS, type Session } from './sessions.js';
import { WALKING_DAY_COLUMNS, walkingDayFromRow } from './walking.js';
import type { DailyWalking } from '../../core/walking-day-record.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanHistory {
  /** The latest safety screen (listScreens's last). */
  screen: StoredScreen | null;
  program: Program | null;
  birthYear: number | null;
  /** As listCheckinSignals, listSessionDays, listProgramEvents and listOutcomeScores give them. */
  checkins: CheckinSignals[];
  sessionDays: Pick<Session, 'date' | 'status'>[];
  events: ProgramEvent[];
  outcomeScores: OutcomeRecord[];
  /** As dailyWalking gives them for the range asked for. */
  walkingDays: DailyWalking[];
}

/** One stored row, from its JSON array of column values. */
function rowOf<C extends string>(columns: readonly C[], values: unknown): Record<C, never> {
  const row = {} as Record<C, never>;
  const list = values as never[];
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = list[i]!;
  return row;
}

/** Stand-ins for the statement's values, swapped for the real ones at each read (the statement is built once). */
const PERSON = Symbol('person');
const FROM = Symbol('from');
const TO = Symbol('to');
type Row = Record<'screen' | 'program' | 'checkins' | 'sessions' | 'events' | 'outcomes' | 'walking', unknown> & {
  birth_year: number | null;
};
/** The statement's SQL, per dialect (true: PostgreSQL), built on first use: building it is a good part of a read's CPU. */
const statements = new Map<boolean, { sql: string; parameters: readonly unknown[] }>();

export async function readPlanHistory(
  db: Db,
  personId: string,
  walking: { from: string; to: string },
): Promise<PlanHistory> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let statement = statements.get(pg);
  if (!statement) statements.set(pg, (statement = statementFor(db, pg)));
  const values = new Map<unknown, unknown>([
    [PERSON, personId],
    [FROM, walking.from],
    [TO, walking.to],
  ]);
  const result = await db.executeQuery<Row>(
    CompiledQuery.raw(
      statement.sql,
      statement.parameters.map((p) => (values.has(p) ? values.get(p) : p)),
    ),
  );
  const r = result.rows[0]!;
  // PostgreSQL's driver parses json values itself; SQLite gives them as text.
  const json = (v: unknown): unknown[] | null =>
    typeof v === 'string' ? (JSON.parse(v) as unknown[]) : (v as unknown[] | null);
  const rows = (v: unknown) => json(v) ?? [];
  const screen = json(r.screen);
  const program = json(r.program);
  return {
    screen: screen ? screenFromRow(rowOf(SCREEN_COLUMNS, screen)) : null,
    program: program ? programFromRow(rowOf(PROGRAM_COLUMNS, program), personId) : null,
    birthYear: r.birth_year === null || r.birth_year === undefined ? null : Number(r.birth_year),
    checkins: rows(r.checkins).map((v) => checkinSignalsFromRow(rowOf(CHECKIN_SIGNAL_COLUMNS, v))),
    sessionDays: rows(r.sessions).map((v) => rowOf(SESSION_DAY_COLUMNS, v)),
    events: rows(r.events).map((v) => programEventFromRow(rowOf(PROGRAM_EVENT_COLUMNS, v))),
    outcomeScores: rows(r.outcomes).map((v) => outcomeScoreFromRow(rowOf(OUTCOME_SCORE_COLUMNS, v))),
    walkingDays: rows(r.walking).map((v) => walkingDayFromRow(rowOf(WALKING_DAY_COLUMNS, v))),
  };
}

/** The one statement, with PERSON, FROM and TO where the person's id and the walking range go. */
function statementFor(db: Db, pg: boolean): { sql: string; parameters: readonly unknown[] } {
  // Identifiers come from the column lists above (constants), never from a request: raw SQL is safe for them.
  const array = (columns: readonly string[]) =>
    sql.raw(`${pg ? 'json_build_array' : 'json_array'}(${columns.map((c) => `"${c}"`).join(', ')})`);
  const one = (table: string, columns: readonly string[], orderBy = '') =>
    sql`(SELECT ${array(columns)} FROM ${sql.table(table)} WHERE person_id = ${PERSON}${sql.raw(orderBy ? ` ORDER BY ${orderBy} LIMIT 1` : '')})`;
  const all = (table: string, columns: readonly string[], orderBy: string, where: RawBuilder<unknown> = sql``) => {
    const aggregate = pg
      ? sql`coalesce(json_agg(${array(columns)} ORDER BY ${sql.raw(orderBy)}), '[]')`
      : sql`json_group_array(${array(columns)} ORDER BY ${sql.raw(orderBy)})`;
    return sql`(SELECT ${aggregate} FROM ${sql.table(table)} WHERE person_id = ${PERSON}${where})`;
  };
  const compiled = sql<Row>`SELECT
    ${one('screens', SCREEN_COLUMNS, '"taken_at" DESC, "id" DESC')} AS screen,
    ${one('programs', PROGRAM_COLUMNS)} AS program,
    (SELECT birth_year FROM people WHERE id = ${PERSON}) AS birth_year,
    ${all('checkins', CHECKIN_SIGNAL_COLUMNS, '"at", "id"')} AS checkins,
    ${all('sessions', SESSION_DAY_COLUMNS, '"started_at", "id"')} AS sessions,
    ${all('program_events', PROGRAM_EVENT_COLUMNS, '"at", "id"')} AS events,
    ${all('outcome_scores', OUTCOME_SCORE_COLUMNS, '"recorded_at", "id"')} AS outcomes,
    ${all('walking_days', WALKING_DAY_COLUMNS, '"date"', sql` AND "date" >= ${FROM} AND "date" <= ${TO}`)} AS walking`.compile(
    db,
  );
  // Run on every GET /api/today: PostgreSQL plans it once per connection (src/store/pg-prepared-statements.ts).
  return { sql: preparedStatement(compiled.sql), parameters: compiled.parameters };
}
