/**
 * The clinician's patient list in the store: the figures kept per person (table patient_list_figures, migration
 * 0012, src/core/patient-list-figures.ts) and the list's query.
 *
 * refreshListFigures is the one function every write of check-ins, sessions or the program calls, in the write's
 * own transaction (insertCheckin, saveSession, upsertProgram, restoreBackup; deleting a person deletes the row):
 * it recomputes the person's whole row from the base tables with a few bounded queries (the latest dates through
 * the (person_id, date) indexes, then only the rows of the kept windows and of the program's first week).
 */
import {
  sql,
  SqliteAdapter,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  type Transaction,
} from 'kysely';
import { addDays } from '../../core/dates.js';
import { maxPain } from '../../core/pain.js';
import {
  DAILY_PAIN_DAYS_KEPT,
  encodeFigures,
  figuresFrom,
  SESSION_DAYS_KEPT,
  type FiguresSource,
  type ListFigures,
  type ListProgram,
  type StoredFigures,
} from '../../core/patient-list-figures.js';
import { DONE_SESSION_STATUS } from '../../core/program-engine.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** People per statement: each brings a few OR-ed conditions, well under both databases' parameter limits. */
const CHUNK = 200;
function chunked<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Runs `fn` in the caller's transaction, or in a new one. */
export async function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}

/**
 * Recomputes and stores the list figures of these people (one, or thousands: the migration and the bench seed call
 * it with everyone). Call it inside the transaction of the write that changed their check-ins, sessions or program.
 */
export async function refreshListFigures(
  trx: Transaction<Database>,
  personIds: string | readonly string[],
): Promise<void> {
  const ids = [...new Set(typeof personIds === 'string' ? [personIds] : personIds)];
  const now = new Date().toISOString();
  for (const chunk of chunked(ids)) {
    // Claim the rows before reading: a concurrent refresh of the same person waits here until this transaction
    // ends, and then reads the rows this one wrote (PostgreSQL's read committed takes a new snapshot at each
    // statement; SQLite has one writer at a time), so the refresh that commits last has seen every write.
    // The claim also raises the row's version and clears its judgement: the list judges it again for its date, and
    // a judgement worked out from the figures before this refresh is not stored over them (storeJudgements).
    await trx
      .insertInto('patient_list_figures')
      .values(chunk.map((id) => ({ person_id: id, updated_at: now })))
      .onConflict((oc) =>
        oc
          .column('person_id')
          .doUpdateSet({ updated_at: now, judged_on: null, version: sql<number>`patient_list_figures.version + 1` }),
      )
      .execute();
    const sources = await readSources(trx, chunk);
    const rows = chunk.map((id) => toColumns(id, encodeFigures(figuresFrom(sources.get(id)!)), now));
    await trx
      .insertInto('patient_list_figures')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('person_id')
          .doUpdateSet((eb) => Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])) as never),
      )
      .execute();
  }
}

/**
 * The exact figures for `date`, from the base tables, with the windows ending at that date: for a date before what
 * the kept figures cover (covers()). Not stored.
 */
export async function listFiguresAsOf(
  db: Db,
  personIds: readonly string[],
  date: string,
): Promise<Map<string, ListFigures>> {
  const sources = new Map<string, FiguresSource>();
  for (const chunk of chunked(personIds)) for (const [id, s] of await readSources(db, chunk, date)) sources.set(id, s);
  return new Map([...sources].map(([id, s]) => [id, figuresFrom(s, date)]));
}

/**
 * What the figures of these people need from the base tables (figuresFrom gives the same figures from it as from
 * all their rows): the latest dates first, then the rows on them and in the windows that end at them (or at
 * `asOf`), and the daily check-ins of the program's first week (or of the first day with one, painBaseline's
 * fallback).
 */
async function readSources(db: Db, ids: readonly string[], asOf?: string): Promise<Map<string, FiguresSource>> {
  const heads = await db
    .selectFrom('people as pe')
    .leftJoin('programs as pr', 'pr.person_id', 'pe.id')
    .select((eb) => {
      const checkin = () => eb.selectFrom('checkins as c').select('c.date').whereRef('c.person_id', '=', 'pe.id');
      const session = () => eb.selectFrom('sessions as s').select('s.date').whereRef('s.person_id', '=', 'pe.id');
      return [
        'pe.id as person_id',
        'pr.started_on as started_on',
        checkin().orderBy('c.date', 'desc').limit(1).as('last_checkin_date'),
        checkin().where('c.context', '=', 'daily').orderBy('c.date', 'desc').limit(1).as('last_daily_date'),
        checkin().where('c.context', '=', 'daily').orderBy('c.date').limit(1).as('first_daily_date'),
        session().orderBy('s.date', 'desc').limit(1).as('last_session_date'),
        session().where('s.status', '=', DONE_SESSION_STATUS).orderBy('s.date', 'desc').limit(1).as('last_done_date'),
        eb
          .selectFrom('program_events as e')
          .select('e.on_date')
          .whereRef('e.person_id', '=', 'pe.id')
          .where('e.action', '=', 'resume')
          .orderBy('e.on_date', 'desc')
          .limit(1)
          .as('resumed_on'),
      ];
    })
    .where('pe.id', 'in', ids)
    .execute();

  const checkins = await db
    .selectFrom('checkins')
    .select(['id', 'person_id', 'at', 'date', 'context', 'back', 'neck', 'foot'])
    .where((eb) =>
      eb.or(
        heads.flatMap((h) => {
          const person = eb('person_id', '=', h.person_id);
          const daily = eb('context', '=', 'daily');
          const conds: Expression<SqlBool>[] = [];
          if (h.last_checkin_date) conds.push(eb.and([person, eb('date', '=', h.last_checkin_date)]));
          const end = asOf ?? h.last_daily_date;
          if (end)
            conds.push(
              eb.and([
                person,
                daily,
                eb('date', '>=', addDays(end, -(DAILY_PAIN_DAYS_KEPT - 1))),
                eb('date', '<=', end),
              ]),
            );
          if (h.started_on) {
            conds.push(
              eb.and([person, daily, eb('date', '>=', h.started_on), eb('date', '<', addDays(h.started_on, 7))]),
            );
            if (h.first_daily_date) conds.push(eb.and([person, daily, eb('date', '=', h.first_daily_date)]));
          }
          return conds;
        }),
      ),
    )
    .execute();

  const sessions = await db
    .selectFrom('sessions')
    .select(['person_id', 'date', 'status'])
    .where((eb) =>
      eb.or(
        heads.flatMap((h) => {
          const person = eb('person_id', '=', h.person_id);
          const conds: Expression<SqlBool>[] = [];
          if (h.last_session_date) conds.push(eb.and([person, eb('date', '=', h.last_session_date)]));
          const end = asOf ?? h.last_done_date;
          if (end)
            conds.push(
              eb.and([
                person,
                eb('status', '=', DONE_SESSION_STATUS),
                eb('date', '>=', addDays(end, -(SESSION_DAYS_KEPT - 1))),
                eb('date', '<=', end),
              ]),
            );
          return conds;
        }),
      ),
    )
    .execute();

  const out = new Map<
    string,
    FiguresSource & { checkins: FiguresSource['checkins'][number][]; sessions: FiguresSource['sessions'][number][] }
  >();
  for (const h of heads)
    out.set(h.person_id, {
      program: h.started_on ? { startedOn: h.started_on } : null,
      checkins: [],
      sessions: [],
      resumeDates: h.resumed_on ? [h.resumed_on] : [],
    });
  const seen = new Set<string>();
  for (const c of checkins) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.get(c.person_id)!.checkins.push({ id: c.id, at: c.at, date: c.date, context: c.context, maxPain: maxPain(c) });
  }
  for (const s of sessions) out.get(s.person_id)!.sessions.push({ date: s.date, status: s.status });
  return out;
}

const FIGURE_COLUMNS = [
  'last_checkin_date',
  'last_checkin_at',
  'last_checkin_max_pain',
  'last_session_date',
  'done_sessions_end',
  'done_sessions',
  'daily_pain_end',
  'daily_pain',
  'pain_baseline',
  'resumed_on',
  'updated_at',
] as const;

function toColumns(personId: string, s: StoredFigures, now: string): Insertable<Database['patient_list_figures']> {
  return {
    person_id: personId,
    last_checkin_date: s.lastCheckinDate,
    last_checkin_at: s.lastCheckinAt,
    last_checkin_max_pain: s.lastCheckinMaxPain,
    last_session_date: s.lastSessionDate,
    done_sessions_end: s.doneSessionsEnd,
    done_sessions: s.doneSessions,
    daily_pain_end: s.dailyPainEnd,
    daily_pain: s.dailyPain,
    pain_baseline: s.painBaseline,
    resumed_on: s.resumedOn,
    updated_at: now,
  };
}

/** The stored figures of these people, by person (for tests and checks: the list reads them with its own query). */
export async function storedListFigures(db: Db, personIds: readonly string[]): Promise<Map<string, StoredFigures>> {
  const out = new Map<string, StoredFigures>();
  for (const chunk of chunked(personIds)) {
    const rows = await db
      .selectFrom('patient_list_figures as f')
      .selectAll()
      .where('f.person_id', 'in', chunk)
      .execute();
    for (const r of rows) out.set(r.person_id, fromColumns(r));
  }
  return out;
}

type StoredColumn = Exclude<(typeof FIGURE_COLUMNS)[number], 'updated_at'>;

/** The stored figures from their columns; a column not selected reads as null. */
function fromColumns(r: { [K in StoredColumn]?: Database['patient_list_figures'][K] | null }): StoredFigures {
  return {
    lastCheckinDate: r.last_checkin_date ?? null,
    lastCheckinAt: r.last_checkin_at ?? null,
    lastCheckinMaxPain: r.last_checkin_max_pain ?? null,
    lastSessionDate: r.last_session_date ?? null,
    doneSessionsEnd: r.done_sessions_end ?? null,
    doneSessions: r.done_sessions ?? null,
    dailyPainEnd: r.daily_pain_end ?? null,
    dailyPain: r.daily_pain ?? null,
    painBaseline: r.pain_baseline == null ? null : Number(r.pain_baseline),
    resumedOn: r.resumed_on ?? null,
  };
}

// ---- the list ----

/** Whose list: a clinician (or admin) of a clinic. */
export interface ListOwner {
  clinicianAccountId: string;
  clinicId: string;
}
/** The orders the database gives from the kept figures alone. */
export type StoredSortKey = 'name' | 'lastCheckin' | 'lastSession' | 'stage';
/** The orders that depend on the date asked: the database gives them from the judgement kept for one date. */
export type JudgedSortKey = 'attention' | 'adherence7';

export interface PatientRow {
  personId: string;
  displayName: string;
  email: string | null;
  linkedAt: string | null;
  linkId: string;
  program: ListProgram | null;
  /** Null only for a person no write has touched since migration 0012 filled the table: no data to show. */
  figures: StoredFigures | null;
}

const isSqlite = (db: Db) => db.getExecutor().adapter instanceof SqliteAdapter;
/** lower() that folds every letter: SQLite's own folds ASCII only, so the store gives it unicode_lower (db.ts). */
const folded = (db: Db, column: string): RawBuilder<string> =>
  sql<string>`${sql.raw(isSqlite(db) ? 'unicode_lower' : 'lower')}(${sql.ref(column)})`;

/** This clinician's links that give access now: accepted, not revoked, in their clinic. */
function activeLinks(db: Db, owner: ListOwner) {
  return db
    .selectFrom('care_links as cl')
    .where('cl.clinician_account_id', '=', owner.clinicianAccountId)
    .where('cl.clinic_id', '=', owner.clinicId)
    .where('cl.accepted_at', 'is not', null)
    .where('cl.revoked_at', 'is', null);
}

/**
 * The patients this clinician may see now, matching `q` if given: each person once, even if they accepted two of
 * this clinician's invitations.
 */
function linkedPatients(db: Db, owner: ListOwner, q: string | undefined) {
  let query = db.selectFrom('people as pe').where('pe.id', 'in', activeLinks(db, owner).select('cl.person_id'));
  if (q) {
    // A substring of the name or the email, any case; the pattern's own % _ \ are taken literally.
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const like = (column: string) => sql<SqlBool>`${folded(db, column)} like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        like('pe.display_name'),
        eb('pe.id', 'in', eb.selectFrom('accounts as a').select('a.person_id').where(like('a.email'))),
      ]),
    );
  }
  return query;
}

/** How many patients the list holds (matching `q`). */
export async function countPatients(db: Db, owner: ListOwner, q?: string): Promise<number> {
  const r = await linkedPatients(db, owner, q)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The list in an order the database gives (no value last, whichever the direction; ties by name, then id), with
 * each patient's program and kept figures joined (PostgreSQL and SQLite drop the joins a query does not use).
 */
function sortedPatients(
  db: Db,
  owner: ListOwner,
  q: string | undefined,
  sort: StoredSortKey | JudgedSortKey,
  dir: 'asc' | 'desc',
) {
  const name = folded(db, 'pe.display_name');
  const qb = linkedPatients(db, owner, q)
    .leftJoin('programs as pr', 'pr.person_id', 'pe.id')
    .leftJoin('patient_list_figures as f', 'f.person_id', 'pe.id');
  const keyed =
    sort === 'name'
      ? qb.orderBy(name, dir)
      : sort === 'stage'
        ? qb.orderBy('pr.stage', (ob) => ob[dir]().nullsLast())
        : sort === 'lastCheckin'
          ? qb
              .orderBy('f.last_checkin_date', (ob) => ob[dir]().nullsLast())
              .orderBy('f.last_checkin_at', (ob) => ob[dir]().nullsLast())
          : sort === 'lastSession'
            ? qb.orderBy('f.last_session_date', (ob) => ob[dir]().nullsLast())
            : sort === 'attention'
              ? qb.orderBy('f.attention_key', dir)
              : qb.orderBy('f.adherence7', (ob) => ob[dir]().nullsLast());
  return keyed.orderBy(name).orderBy('pe.id');
}

/** One page of the list in an order the database gives: the people on it, in order, and how many match. */
export async function patientPage(
  db: Db,
  owner: ListOwner,
  opts: { q?: string | undefined; sort: StoredSortKey; order: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ personIds: string[]; total: number }> {
  const rows = await sortedPatients(db, owner, opts.q, opts.sort, opts.order)
    .select((eb) => ['pe.id as person_id', eb.fn.countAll<number | string>().over().as('total')])
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  // Past the last page no row carries the count.
  const total = rows.length ? Number(rows[0]!.total) : await countPatients(db, owner, opts.q);
  return { personIds: rows.map((r) => r.person_id), total };
}

/**
 * What every matching patient's judgement (attention, adherence) is worked out from, in an order the database gives
 * (for the orders and the filter it cannot give: the judgements are sorted or filtered after). Only the columns a
 * judgement reads: a clinic's list sends thousands of these per request.
 */
export async function patientJudgementRows(
  db: Db,
  owner: ListOwner,
  opts: { q?: string | undefined; sort: StoredSortKey; order: 'asc' | 'desc' },
): Promise<JudgementRow[]> {
  const rows = await sortedPatients(db, owner, opts.q, opts.sort, opts.order)
    .select([
      'pe.id as person_id',
      'pr.status as status',
      'pr.started_on as started_on',
      'f.person_id as figures_of',
      'f.last_checkin_date',
      'f.done_sessions_end',
      'f.done_sessions',
      'f.daily_pain_end',
      'f.daily_pain',
      'f.pain_baseline',
      'f.resumed_on',
    ])
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    program: r.status !== null && r.started_on !== null ? { status: r.status, startedOn: r.started_on } : null,
    figures: r.figures_of === null ? null : fromColumns(r),
  }));
}

// ---- the judgement kept for one date (migration 0022) ----

/** A row judged for a date: what the list stores for it, and the version of the figures it was worked out from. */
export interface StoredJudgement {
  personId: string;
  version: number;
  attentionKey: number;
  attentionReasons: number;
  adherence7: number | null;
}

/**
 * The patients on the list (matching `q`) whose row is not judged for `date`, with what judging them reads and the
 * row's version; a patient with no row of figures yet gets one first (the same refresh the writes call).
 */
export async function unjudgedRows(
  db: Db,
  owner: ListOwner,
  q: string | undefined,
  date: string,
): Promise<(JudgementRow & { version: number })[]> {
  const read = () =>
    linkedPatients(db, owner, q)
      .leftJoin('programs as pr', 'pr.person_id', 'pe.id')
      .leftJoin('patient_list_figures as f', 'f.person_id', 'pe.id')
      .where((eb) => eb.or([eb('f.judged_on', 'is', null), eb('f.judged_on', '!=', date)]))
      .select([
        'pe.id as person_id',
        'pr.status as status',
        'pr.started_on as started_on',
        'f.person_id as figures_of',
        'f.version as version',
        'f.last_checkin_date',
        'f.done_sessions_end',
        'f.done_sessions',
        'f.daily_pain_end',
        'f.daily_pain',
        'f.pain_baseline',
        'f.resumed_on',
      ])
      .execute();
  let rows = await read();
  const rowless = rows.filter((r) => r.figures_of === null).map((r) => r.person_id);
  if (rowless.length) {
    await inTransaction(db, (trx) => refreshListFigures(trx, rowless));
    rows = await read();
  }
  return rows
    .filter((r) => r.figures_of !== null)
    .map((r) => ({
      personId: r.person_id,
      program: r.status !== null && r.started_on !== null ? { status: r.status, startedOn: r.started_on } : null,
      figures: fromColumns(r),
      version: r.version!,
    }));
}

/** Stores judgements for `date`, each only where the row's version is still the one it was worked out from. */
export async function storeJudgements(db: Db, date: string, judgements: readonly StoredJudgement[]): Promise<void> {
  if (!judgements.length) return;
  if (isSqlite(db)) {
    // No round trips to save on SQLite: one short statement per row, in one transaction.
    await inTransaction(db, async (trx) => {
      for (const j of judgements) {
        await trx
          .updateTable('patient_list_figures')
          .set({
            judged_on: date,
            attention_key: j.attentionKey,
            attention_reasons: j.attentionReasons,
            adherence7: j.adherence7,
          })
          .where('person_id', '=', j.personId)
          .where('version', '=', j.version)
          .execute();
      }
    });
    return;
  }
  // PostgreSQL: one statement per few thousand rows, the values as arrays.
  for (let i = 0; i < judgements.length; i += 5000) {
    const part = judgements.slice(i, i + 5000);
    await sql`UPDATE patient_list_figures AS f SET judged_on = ${date}, attention_key = v.k, attention_reasons = v.r, adherence7 = v.a
      FROM (SELECT unnest(${part.map((j) => j.personId)}::text[]) AS id, unnest(${part.map((j) => j.version)}::int[]) AS ver,
        unnest(${part.map((j) => j.attentionKey)}::int[]) AS k, unnest(${part.map((j) => j.attentionReasons)}::int[]) AS r,
        unnest(${part.map((j) => j.adherence7)}::float8[]) AS a) AS v
      WHERE f.person_id = v.id AND f.version = v.ver`.execute(db);
  }
}

/**
 * One page of the list in an order of the judgement kept for `date` (or a stored order), optionally only the
 * patients who need attention, and how many match; null when a matching row is not judged for `date` (not
 * judged yet, or refreshed by a write since: the caller judges, or works the page out itself).
 */
export async function judgedPage(
  db: Db,
  owner: ListOwner,
  opts: {
    q?: string | undefined;
    sort: StoredSortKey | JudgedSortKey;
    order: 'asc' | 'desc';
    attentionOnly: boolean;
    date: string;
    limit: number;
    offset: number;
  },
): Promise<{ personIds: string[]; total: number } | null> {
  const unjudged = (eb: ExpressionBuilder<any, any>) =>
    eb.or([eb('f.judged_on', 'is', null), eb('f.judged_on', '!=', opts.date)]);
  const matching = (qb: ReturnType<typeof sortedPatients>) =>
    opts.attentionOnly ? qb.where((eb) => eb.or([eb('f.attention_reasons', '>', 0), unjudged(eb)])) : qb;
  const rows = await matching(sortedPatients(db, owner, opts.q, opts.sort, opts.order))
    .select((eb) => [
      'pe.id as person_id',
      eb.fn.countAll<number | string>().over().as('total'),
      eb.fn
        .sum<number | string>(eb.case().when(unjudged(eb)).then(1).else(0).end())
        .over()
        .as('unjudged'),
    ])
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  if (rows.length)
    return Number(rows[0]!.unjudged) > 0
      ? null
      : { personIds: rows.map((r) => r.person_id), total: Number(rows[0]!.total) };
  // Past the last page no row carries the counts.
  const counts = await matching(sortedPatients(db, owner, opts.q, 'name', 'asc').clearOrderBy())
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.sum<number | string>(eb.case().when(unjudged(eb)).then(1).else(0).end()).as('unjudged'),
    ])
    .executeTakeFirstOrThrow();
  return Number(counts.unjudged ?? 0) > 0 ? null : { personIds: [], total: Number(counts.total) };
}

/** A patient's row as a judgement reads it (the figures' other columns are null). */
export interface JudgementRow {
  personId: string;
  program: Pick<ListProgram, 'status' | 'startedOn'> | null;
  figures: StoredFigures | null;
}

/** These patients' rows (only those on this clinician's list), in the order given. */
export async function patientRows(db: Db, owner: ListOwner, personIds: readonly string[]): Promise<PatientRow[]> {
  if (personIds.length === 0) return [];
  // Each of their active links with this clinician (usually one): the line shows the first one they accepted.
  const rows = await activeLinks(db, owner)
    .innerJoin('people as pe', 'pe.id', 'cl.person_id')
    .leftJoin('programs as pr', 'pr.person_id', 'pe.id')
    .leftJoin('patient_list_figures as f', 'f.person_id', 'pe.id')
    .leftJoin('accounts as a', 'a.person_id', 'pe.id')
    .select([
      'pe.id as person_id',
      'pe.display_name as display_name',
      'a.email as email',
      'cl.accepted_at as linked_at',
      'cl.id as link_id',
      ...FIGURE_SELECT,
    ])
    .where('pe.id', 'in', personIds)
    .orderBy('cl.accepted_at', 'desc')
    .orderBy('cl.id', 'desc')
    .execute();
  const byId = new Map(rows.map((r) => [r.person_id, r])); // the last set, the first accepted, wins
  return personIds
    .filter((id) => byId.has(id))
    .map((id) => {
      const r = byId.get(id)!;
      return {
        personId: r.person_id,
        displayName: r.display_name,
        email: r.email ?? null,
        linkedAt: r.linked_at,
        linkId: r.link_id,
        ...programAndFigures(r),
      };
    });
}

/** The program's and the kept figures' columns of a list row. */
const FIGURE_SELECT = [
  'pr.stage as stage',
  'pr.status as status',
  'pr.started_on as started_on',
  'pr.stage_started_on as stage_started_on',
  'f.person_id as figures_of',
  ...FIGURE_COLUMNS.filter((c) => c !== 'updated_at').map((c) => `f.${c}` as const),
] as const;

type FiguresRow = {
  stage: number | null;
  status: 'active' | 'stopped' | null;
  started_on: string | null;
  stage_started_on: string | null;
  figures_of: string | null;
} & { [K in StoredColumn]: Database['patient_list_figures'][K] | null };

function programAndFigures(r: FiguresRow): Pick<PatientRow, 'program' | 'figures'> {
  return {
    program:
      r.stage !== null && r.status !== null && r.started_on !== null && r.stage_started_on !== null
        ? { stage: r.stage, status: r.status, startedOn: r.started_on, stageStartedOn: r.stage_started_on }
        : null,
    figures: r.figures_of === null ? null : fromColumns(r),
  };
}
