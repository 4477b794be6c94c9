/**
 * The clinician's patient list (GET /api/patients): search, sort and pages over the figures the writes keep
 * (src/store/repos/patient-list.ts), each line worked out for the date asked by the pure core
 * (src/core/patient-list-figures.ts, src/core/patient-attention.ts).
 *
 * Name, latest check-in, latest session and stage are orders the database gives, so the common request (a page of
 * names) reads only that page's rows. "Needs attention" and adherence depend on the date asked: for those, and for
 * the attention filter, each row keeps its judgement for one date (migration 0022); the rows not judged for the date
 * asked (a new day, or a write since) are judged here from their kept figures and stored, and the database sorts,
 * filters and pages on the kept judgement, ties in name order. Only when a write lands between the two is every
 * matching patient judged and sorted here, as before.
 */
import type { Kysely } from 'kysely';
import {
  attentionKey,
  covers,
  judgeLine,
  listLine,
  readKept,
  readStored,
  type FigureReader,
  type LineJudgement,
  type ListFigures,
  type ListLineFigures,
} from '../core/patient-list-figures.js';
import type { Database } from '../store/schema.js';
import {
  judgedPage,
  listFiguresAsOf,
  patientJudgementRows,
  patientPage,
  patientRows,
  storeJudgements,
  storedListFigures,
  unjudgedRows,
  type JudgementRow,
  type ListOwner,
  type PatientRow,
  type StoredSortKey,
} from '../store/repos/patient-list.js';
import { unreadFromPatients } from '../store/repos/messages.js';
import { getProgram } from '../store/repos/program.js';
import { SESSIONS_PER_WEEK } from '../core/clinical-constants.js';
import { currentPeriods } from './monitoring-service.js';
import type { MonitoringPeriod } from '../core/remote-monitoring.js';

/** The longest page: a clinician's screen, not an export. */
export const MAX_PAGE_SIZE = 200;

export const PATIENT_SORTS = ['name', 'lastCheckin', 'lastSession', 'stage', 'attention', 'adherence7'] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];
export type SortOrder = 'asc' | 'desc';
/** Each sort's order when none is asked: names A to Z and stages up; the latest dates, the most reasons to look
 * and the lowest adherence first. */
export const DEFAULT_ORDER: Record<PatientSort, SortOrder> = {
  name: 'asc',
  stage: 'asc',
  lastCheckin: 'desc',
  lastSession: 'desc',
  attention: 'desc',
  adherence7: 'asc',
};
const STORED_SORTS: ReadonlySet<PatientSort> = new Set<StoredSortKey>(['name', 'lastCheckin', 'lastSession', 'stage']);

export interface PatientListRequest {
  /** The clinician's today. */
  date: string;
  /** Part of the name or email, any case. */
  q?: string | undefined;
  sort: PatientSort;
  order?: SortOrder | undefined;
  /** From 1. */
  page: number;
  pageSize: number;
  /** Only the patients who need attention. */
  attentionOnly: boolean;
}

export interface PatientLine extends ListLineFigures {
  personId: string;
  displayName: string;
  email: string | null;
  linkedAt: string | null;
  linkId: string;
  /** The current remote-monitoring period (src/core/remote-monitoring.ts); null before the program starts. */
  monitoring: MonitoringPeriod | null;
  /** Messages from this patient to the clinician whose list it is that they have not opened yet (0 when none). */
  unreadMessages: number;
}

export interface PatientPage {
  patients: PatientLine[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of the clinician's list, with the number of patients matching the search and filter. */
export async function patientList(
  db: Kysely<Database>,
  owner: ListOwner,
  req: PatientListRequest,
  onPage?: (personIds: readonly string[]) => Promise<void>,
): Promise<PatientPage> {
  const order = req.order ?? DEFAULT_ORDER[req.sort];
  const offset = (req.page - 1) * req.pageSize;
  // The page's lines are read while onPage (the route's audit entries) runs: on PostgreSQL two connections, so the
  // answer waits for the longer of the two rather than their sum.
  const page = async (personIds: readonly string[], total: number) => {
    const [patients] = await Promise.all([
      (async () => linesOf(db, owner, await patientRows(db, owner, personIds), req.date))(),
      onPage?.(personIds),
    ]);
    return { patients, total, page: req.page, pageSize: req.pageSize };
  };
  const stored = STORED_SORTS.has(req.sort);
  if (stored && !req.attentionOnly) {
    const { personIds, total } = await patientPage(db, owner, {
      q: req.q,
      sort: req.sort as StoredSortKey,
      order,
      limit: req.pageSize,
      offset,
    });
    return page(personIds, total);
  }
  // The orders and the filter that depend on the date: the database sorts, filters and pages on the judgement kept
  // for it. The page's statement also counts the matching rows not judged for the date, so the common case (every
  // row judged: the same day's second request on) is one statement; otherwise those rows are judged and kept (the
  // day's first request, or after a write), and the page is read again.
  const pageAsked = {
    q: req.q,
    sort: req.sort,
    order,
    attentionOnly: req.attentionOnly,
    date: req.date,
    limit: req.pageSize,
    offset,
  };
  let judgedRows = await judgedPage(db, owner, pageAsked);
  if (!judgedRows) {
    await judgeUnjudged(db, owner, req.q, req.date);
    judgedRows = await judgedPage(db, owner, pageAsked);
  }
  if (judgedRows) return page(judgedRows.personIds, judgedRows.total);
  // A write refreshed a matching row in between: every matching patient's judgement (in the order asked if the
  // database gives it, else by name), then the filter and the order worked out from them, then the page's lines.
  const rows = await patientJudgementRows(db, owner, {
    q: req.q,
    sort: stored ? (req.sort as StoredSortKey) : 'name',
    order: stored ? order : 'asc',
  });
  const readers = await readersFor(db, rows, req.date);
  let judged = rows.map((r, i) => ({
    personId: r.personId,
    judgement: judgeLine(readers[i]!, r.program, req.date, SESSIONS_PER_WEEK),
  }));
  if (req.attentionOnly) judged = judged.filter((j) => j.judgement.needsAttention.length > 0);
  if (!stored) {
    const compare = COMPARE[req.sort as 'attention' | 'adherence7'](order);
    judged.sort((a, b) => compare(a.judgement, b.judgement)); // stable: ties stay in name order
  }
  const shown = judged.slice(offset, offset + req.pageSize).map((j) => j.personId);
  return page(shown, judged.length);
}

/** Judges, for `date`, the patients on the list (matching `q`) whose kept row is not judged for it, and keeps that. */
async function judgeUnjudged(
  db: Kysely<Database>,
  owner: ListOwner,
  q: string | undefined,
  date: string,
): Promise<void> {
  const rows = await unjudgedRows(db, owner, q, date);
  if (!rows.length) return;
  const readers = await readersFor(db, rows, date);
  await storeJudgements(
    db,
    date,
    rows.map((r, i) => {
      const j = judgeLine(readers[i]!, r.program, date, SESSIONS_PER_WEEK);
      return {
        personId: r.personId,
        version: r.version,
        attentionKey: attentionKey(j),
        attentionReasons: j.needsAttention.length,
        adherence7: j.adherence7?.fraction ?? null,
      };
    }),
  );
}

/** One patient's line on this clinician's list, or null when they are not on it. */
export async function patientLineOf(
  db: Kysely<Database>,
  owner: ListOwner,
  personId: string,
  date: string,
): Promise<PatientLine | null> {
  return (await linesOf(db, owner, await patientRows(db, owner, [personId]), date))[0] ?? null;
}

/** One person's list figures for `date`, whoever's list (tests, and checks of the kept figures). */
export async function listLineFor(db: Kysely<Database>, personId: string, date: string): Promise<ListLineFigures> {
  const p = await getProgram(db, personId);
  const figures = (await storedListFigures(db, [personId])).get(personId) ?? null;
  const row = {
    personId,
    program: p && { stage: p.stage, status: p.status, startedOn: p.startedOn, stageStartedOn: p.stageStartedOn },
    figures,
  };
  return (await figureLines(db, [row], date))[0]!;
}

async function linesOf(
  db: Kysely<Database>,
  owner: ListOwner,
  rows: readonly PatientRow[],
  date: string,
): Promise<PatientLine[]> {
  // Three reads that need only the rows, side by side (on PostgreSQL, each on its own connection).
  const [figures, monitoring, unread] = await Promise.all([
    figureLines(db, rows, date),
    currentPeriods(db, rows, date),
    unreadFromPatients(
      db,
      owner.clinicianAccountId,
      rows.map((r) => r.personId),
    ),
  ]);
  return rows.map((r, i) => ({
    personId: r.personId,
    displayName: r.displayName,
    email: r.email,
    linkedAt: r.linkedAt,
    linkId: r.linkId,
    ...figures[i]!,
    monitoring: monitoring[i] ?? null,
    unreadMessages: unread.get(r.personId) ?? 0,
  }));
}

/** The lines for `date` (see readersFor). */
async function figureLines(
  db: Kysely<Database>,
  rows: readonly Pick<PatientRow, 'personId' | 'program' | 'figures'>[],
  date: string,
): Promise<ListLineFigures[]> {
  const readers = await readersFor(db, rows, date);
  return rows.map((r, i) => listLine(readers[i]!, r.program, date, SESSIONS_PER_WEEK));
}

/**
 * What each patient's figures for `date` are read from: the kept row, read in place, or for a row that does not
 * cover the date (a date more than a week before the patient's latest data) or is missing, the figures computed
 * from the base tables.
 */
async function readersFor(
  db: Kysely<Database>,
  rows: readonly Pick<JudgementRow, 'personId' | 'figures'>[],
  date: string,
): Promise<FigureReader[]> {
  const kept = rows.map((r) => (r.figures ? readStored(r.figures, `patient_list_figures of ${r.personId}`) : null));
  const stale = rows.filter((r, i) => !kept[i] || !covers(kept[i]!, date)).map((r) => r.personId);
  const exact = stale.length ? await listFiguresAsOf(db, stale, date) : new Map<string, ListFigures>();
  return rows.map((r, i) => {
    const computed = exact.get(r.personId);
    return computed ? readKept(computed) : kept[i]!;
  });
}

/** Orders worked out from the lines; no value (no program) last whichever the direction. */
const COMPARE: Record<
  'attention' | 'adherence7',
  (order: SortOrder) => (a: LineJudgement, b: LineJudgement) => number
> = {
  attention: (order) => (a, b) =>
    order === 'asc' ? attentionKey(a) - attentionKey(b) : attentionKey(b) - attentionKey(a),
  adherence7: (order) => (a, b) => {
    const x = a.adherence7?.fraction ?? null;
    const y = b.adherence7?.fraction ?? null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return order === 'asc' ? x - y : y - x;
  },
};
