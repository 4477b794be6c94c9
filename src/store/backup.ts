/**
 * Backup of all of one person's data as one JSON document (`footing export --format json`), and its restore
 * (`footing import-backup`). A restore validates the whole file first and then writes in one transaction, so an
 * invalid or interrupted restore changes nothing. Restoring the same file twice adds nothing (ids are kept).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema.js';
import { sampleTimes } from '../core/walking-chunk.js';
import { WalkingOverride } from '../core/walking-override.js';
import { WALKING_KINDS, type WalkingSample } from '../core/walking.js';
import { REMINDER_DAYS, ReminderSettingsInput } from '../core/reminder-record.js';
import { DoseOverridesRecord, PROGRAM_STATUSES } from '../core/program-record.js';
import { PROGRAM_EVENT_ACTIONS, PROGRAM_EVENT_ACTORS, PROGRAM_EVENT_REASONS } from '../core/program-event-record.js';
import { MESSAGE_MAX_CHARS, MESSAGE_RECORD_VERSION, MESSAGE_SENDERS } from '../core/message-record.js';
import { MONITORING_MINUTES_VERSION, MonitoringMinutesInput } from '../core/monitoring-minutes-record.js';
import { CHECKIN_CONTEXTS } from '../core/checkin-record.js';
import { nprs } from '../core/record-fields.js';
import {
  checkWith,
  says,
  saying,
  textOfIssue,
  type BackupJson,
  type ValidationText,
} from '../core/validation-words.js';
import { GaitStillsRecordSchema } from '../gait/gait-stills.js';
import { StoredGaitAnalysisJson } from '../gait/gait-analysis-record.js';
import { addWalkingSamples, listWalkingChunkRows, recomputeDays } from './repos/walking.js';
import { refreshListFigures } from './repos/patient-list.js';

export const BACKUP_FORMAT = 'footing-backup';
export const BACKUP_VERSION = 1;

const text = z.string();
const nullableText = z.string().nullable();
const int = z.number().int();
/** Whether `t` is JSON text that its record's validator accepts (a bad one would break the person's Today once restored). */
const isJsonOf = (schema: z.ZodType, t: string) => {
  try {
    return schema.safeParse(JSON.parse(t)).success;
  } catch {
    return false;
  }
};
/** JSON text that its record's validator accepts, or null. */
const jsonOf = (schema: z.ZodType, what: BackupJson) =>
  nullableText.refine((t) => t === null || isJsonOf(schema, t), says('backup.json-of', { what }));

const Row = {
  person: z.object({ id: text, display_name: text, birth_year: int.nullable(), created_at: text }).strict(),
  screen: z
    .object({
      id: text,
      taken_at: text,
      answers: text,
      status: z.enum(['clear', 'stop']),
      urgency: nullableText,
      result: text,
    })
    .strict(),
  program: z
    .object({
      stage: int.min(1),
      stage_started_on: text,
      started_on: text,
      status: z.enum(PROGRAM_STATUSES),
      decided_on: nullableText,
      updated_at: text,
      dose_overrides: jsonOf(DoseOverridesRecord, 'doses').default(null),
      walking_override: jsonOf(WalkingOverride, 'walking-setting').default(null),
    })
    .strict(),
  event: z
    .object({
      id: text,
      at: text,
      on_date: text,
      action: z.enum(PROGRAM_EVENT_ACTIONS),
      from_stage: int.nullable(),
      to_stage: int.nullable(),
      // Either stored form (program-event-record.ts): a version-1 array is upgraded when read, as in the table.
      reasons: text.refine((t) => isJsonOf(PROGRAM_EVENT_REASONS, t), says('backup.json-of', { what: 'reasons' })),
      actor: z.enum(PROGRAM_EVENT_ACTORS),
    })
    .strict(),
  session: z
    .object({
      id: text,
      client_id: text,
      date: text,
      started_at: text,
      completed_at: text,
      stage: int,
      status: z.enum(['completed', 'partial']),
      items: text,
    })
    .strict(),
  // Scores and context as the check-in record takes them (src/core/checkin-record.ts); new_lower_limb is the
  // stored 0/1 of a yes/no answer.
  checkin: z
    .object({
      id: text,
      at: text,
      date: text,
      context: z.enum(CHECKIN_CONTEXTS),
      session_id: nullableText,
      back: nprs.nullable(),
      neck: nprs.nullable(),
      foot: nprs.nullable(),
      regions: text,
      note: nullableText,
      heel_first_steps: nprs.nullable().default(null),
      new_lower_limb: int.min(0).max(1).nullable().default(null),
      client_id: nullableText.default(null),
    })
    .strict(),
  // id and dedupe_key: written by Footing before migration 0005 (the sample's identity is now its columns); read
  // and ignored. date is derived from start_at on restore.
  // Times must be the ISO shape Footing writes (samples are stored as instants and offsets, migration 0010), and
  // the unit the kind's (src/core/walking.ts); import_id and created_at are those of the sample's day chunk.
  walking: z
    .object({
      id: text.optional(),
      source: text,
      device: nullableText,
      start_at: text,
      end_at: text,
      date: text,
      kind: text,
      value: z.number().finite(),
      unit: text,
      dedupe_key: text.optional(),
      import_id: nullableText,
      created_at: text,
    })
    .strict()
    .superRefine((w, ctx) => {
      if (!(w.kind in WALKING_KINDS))
        ctx.addIssue({ code: 'custom', path: ['kind'], ...saying('backup.walking-kind', { kind: w.kind }) });
      else if (WALKING_KINDS[w.kind as keyof typeof WALKING_KINDS] !== w.unit)
        ctx.addIssue({
          code: 'custom',
          path: ['unit'],
          ...saying('backup.kind-unit', { kind: w.kind, unit: WALKING_KINDS[w.kind as keyof typeof WALKING_KINDS] }),
        });
      if (!sampleTimes({ start: w.start_at, end: w.start_at }))
        ctx.addIssue({ code: 'custom', path: ['start_at'], ...saying('backup.timestamp') });
      else if (!sampleTimes({ start: w.start_at, end: w.end_at }))
        ctx.addIssue({ code: 'custom', path: ['end_at'], ...saying('backup.timestamp') });
    }),
  import: z.object({ id: text, file_name: text, format: text, sha256: text, at: text, summary: text }).strict(),
  painMap: z.object({ id: text, recorded_at: text, recorded_by: text, marks: text }).strict(),
  screening: z.object({ id: text, test_id: text, values: text, recorded_at: text, recorded_by: text }).strict(),
  outcome: z
    .object({
      id: text,
      measure_id: text,
      inputs: text,
      score: z.number().nullable(),
      recorded_at: text,
      recorded_by: text,
    })
    .strict(),
  gait: z
    .object({
      id: text,
      recorded_at: text,
      recorded_by: text,
      source_name: text,
      view: text,
      // Checked by the stored analysis's one validator, as the store checks every writer's (issue 12).
      analysis: jsonOf(StoredGaitAnalysisJson, 'gait-analysis').pipe(text),
      keypoints: nullableText,
      video_kept: int,
      video_path: nullableText,
      // Backups made before migration 0019 have no stills.
      stills: jsonOf(GaitStillsRecordSchema, 'stills').default(null),
    })
    .strict(),
  // A message with the name of the clinician of its thread, so the file reads on its own (the name is not restored:
  // the account's own is used).
  message: z
    .object({
      id: text,
      version: z.literal(MESSAGE_RECORD_VERSION),
      clinician_account_id: text,
      clinician_name: text,
      sender: z.enum(MESSAGE_SENDERS),
      text: z.string().min(1).max(MESSAGE_MAX_CHARS),
      sent_at: text,
      read_at: nullableText,
    })
    .strict(),
  // Minutes a clinician logged on the record (remote monitoring), with their name so the file reads on its own (the
  // name is not restored: the account's own is used). Date, minutes and note as the API takes them.
  minutes: z
    .object({
      id: text,
      version: z.literal(MONITORING_MINUTES_VERSION),
      account_id: text,
      clinician_name: text,
      date: MonitoringMinutesInput.shape.date,
      minutes: MonitoringMinutesInput.shape.minutes,
      note: z.string().max(300).nullable(),
      logged_at: text,
    })
    .strict(),
  // The reminder's days and time only: not the calendar link's token nor the browsers' push subscriptions, which
  // belong to this server and those browsers (a restore must not bring back a link that was turned off).
  reminders: z
    .object({
      version: int,
      days: text.refine(
        (t) => jsonOf(REMINDER_DAYS, 'days').safeParse(t).success,
        says('backup.json-of', { what: 'days' }),
      ),
      time: ReminderSettingsInput.shape.time,
      time_zone: ReminderSettingsInput.shape.timeZone,
      updated_at: text,
    })
    .strict(),
};

export const Backup = z
  .object({
    format: z.literal(BACKUP_FORMAT, says('backup.format', { format: BACKUP_FORMAT })),
    version: z.literal(BACKUP_VERSION, says('backup.version', { version: BACKUP_VERSION })),
    exportedAt: text,
    person: Row.person,
    program: Row.program.nullable(),
    screens: z.array(Row.screen),
    programEvents: z.array(Row.event),
    sessions: z.array(Row.session),
    checkins: z.array(Row.checkin),
    imports: z.array(Row.import),
    walkingSamples: z.array(Row.walking),
    painMaps: z.array(Row.painMap).default([]),
    screeningResults: z.array(Row.screening).default([]),
    outcomeScores: z.array(Row.outcome).default([]),
    gaitAnalyses: z.array(Row.gait).default([]),
    reminders: Row.reminders.nullable().default(null),
    // Backups made before messages were kept in them have none.
    messages: z.array(Row.message).default([]),
    // Likewise the minutes clinicians logged (remote monitoring).
    monitoringMinutes: z.array(Row.minutes).default([]),
  })
  .strict();
export type Backup = z.infer<typeof Backup>;

const strip = <T extends { person_id: string }>(r: T): Omit<T, 'person_id'> => {
  const { person_id: _p, ...rest } = r;
  return rest;
};

export async function exportBackup(db: Kysely<Database>, personId: string): Promise<Backup> {
  const person = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
  const program = await db.selectFrom('programs').selectAll().where('person_id', '=', personId).executeTakeFirst();
  const by = <T extends keyof Database>(t: T) =>
    db
      .selectFrom(t as 'screens')
      .selectAll()
      .where('person_id', '=', personId);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    person: {
      id: person.id,
      display_name: person.display_name,
      birth_year: person.birth_year,
      created_at: person.created_at,
    },
    program: program ? strip(program) : null,
    screens: (await by('screens').orderBy('taken_at').execute()).map(strip),
    programEvents: (
      await db.selectFrom('program_events').selectAll().where('person_id', '=', personId).orderBy('at').execute()
    ).map(strip),
    sessions: (
      await db.selectFrom('sessions').selectAll().where('person_id', '=', personId).orderBy('started_at').execute()
    ).map(strip),
    checkins: (
      await db.selectFrom('checkins').selectAll().where('person_id', '=', personId).orderBy('at').execute()
    ).map(strip),
    imports: (await db.selectFrom('imports').selectAll().where('person_id', '=', personId).orderBy('at').execute()).map(
      strip,
    ),
    walkingSamples: await listWalkingChunkRows(db, personId),
    painMaps: (
      await db.selectFrom('pain_maps').selectAll().where('person_id', '=', personId).orderBy('recorded_at').execute()
    ).map(strip),
    screeningResults: (
      await db
        .selectFrom('screening_results')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('recorded_at')
        .execute()
    ).map(strip),
    outcomeScores: (
      await db
        .selectFrom('outcome_scores')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('recorded_at')
        .execute()
    ).map((r) => ({ ...strip(r), score: r.score === null ? null : Number(r.score) })),
    gaitAnalyses: (
      await db
        .selectFrom('gait_analyses')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('recorded_at')
        .execute()
    ).map((r) => ({ ...strip(r), video_kept: Number(r.video_kept) })),
    reminders:
      (await db
        .selectFrom('reminder_settings')
        .select(['version', 'days', 'time', 'time_zone', 'updated_at'])
        .where('person_id', '=', personId)
        .executeTakeFirst()) ?? null,
    // Every thread, whether or not the care link is still active: they are the person's messages.
    messages: (await db
      .selectFrom('messages')
      .innerJoin('accounts', 'accounts.id', 'messages.clinician_account_id')
      .select([
        'messages.id',
        'messages.version',
        'messages.clinician_account_id',
        'accounts.display_name as clinician_name',
        'messages.sender',
        'messages.text',
        'messages.sent_at',
        'messages.read_at',
      ])
      .where('messages.person_id', '=', personId)
      .orderBy('messages.sent_at')
      .orderBy('messages.id')
      .execute()) as Backup['messages'],
    monitoringMinutes: (
      await db
        .selectFrom('monitoring_minutes')
        .innerJoin('accounts', 'accounts.id', 'monitoring_minutes.account_id')
        .select([
          'monitoring_minutes.id',
          'monitoring_minutes.version',
          'monitoring_minutes.account_id',
          'accounts.display_name as clinician_name',
          'monitoring_minutes.date',
          'monitoring_minutes.minutes',
          'monitoring_minutes.note',
          'monitoring_minutes.logged_at',
        ])
        .where('monitoring_minutes.person_id', '=', personId)
        .orderBy('monitoring_minutes.date')
        .orderBy('monitoring_minutes.logged_at')
        .orderBy('monitoring_minutes.id')
        .execute()
    ).map((m) => ({ ...m, minutes: Number(m.minutes) })) as Backup['monitoringMinutes'],
  };
}

/**
 * Restores the rows that belong to a clinician account (a message thread, minutes logged) where that clinician has an
 * account on this install (restored elsewhere, as a one-person install, there is no one to hold them), each once by
 * its id. Returns how many were added; the others are counted as left out.
 */
async function addWithClinician<T extends 'messages' | 'monitoring_minutes'>(
  db: Kysely<Database>,
  table: T,
  personId: string,
  rows: readonly (Record<string, unknown> & { clinician_name: string })[],
  accountOf: (r: Record<string, unknown>) => string,
): Promise<{ added: number; leftOut: number }> {
  const wanted = [...new Set(rows.map(accountOf))];
  const known = new Set(
    wanted.length
      ? (await db.selectFrom('accounts').select('id').where('id', 'in', wanted).execute()).map((a) => a.id)
      : [],
  );
  let added = 0;
  let leftOut = 0;
  for (const { clinician_name: _name, ...r } of rows) {
    if (!known.has(accountOf(r))) {
      leftOut++;
      continue;
    }
    const res = await db
      .insertInto(table)
      .values({ ...r, person_id: personId } as never)
      .onConflict((oc) => oc.column('id' as never).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return { added, leftOut };
}

/** The messages, by the account of their thread's clinician. */
const addMessages = (db: Kysely<Database>, personId: string, rows: Backup['messages']) =>
  addWithClinician(db, 'messages', personId, rows, (r) => String(r.clinician_account_id));
/** The logged minutes likewise, by the account of the clinician who logged them. */
const addMinutes = (db: Kysely<Database>, personId: string, rows: Backup['monitoringMinutes']) =>
  addWithClinician(db, 'monitoring_minutes', personId, rows, (r) => String(r.account_id));

/** Restores walking rows, skipping those already stored (same identity); returns how many were added. Rows go
 * in groups of their import and time, oldest first (a chunk keeps the last import and time that added to it). */
async function addSamples(db: Kysely<Database>, personId: string, rows: Backup['walkingSamples']): Promise<number> {
  const groups = new Map<string, { importId: string | null; at: string; samples: WalkingSample[] }>();
  for (const w of rows) {
    const key = `${w.created_at}\u001f${w.import_id ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { importId: w.import_id, at: w.created_at, samples: [] }));
    g.samples.push({
      source: w.source,
      device: w.device,
      start: w.start_at,
      end: w.end_at,
      kind: w.kind as WalkingSample['kind'],
      value: w.value,
      unit: w.unit as WalkingSample['unit'],
    });
  }
  let n = 0;
  for (const g of [...groups.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)))
    n += await addWalkingSamples(db, personId, g.samples, g.importId, g.at);
  return n;
}

/**
 * A located problem in a backup file: the JSON path of the first bad field, its English and its message id (for the
 * reader's language); a file that is not JSON has the JSON parser's own English words instead (`json`).
 */
export interface BackupProblem {
  path: string;
  message: string;
  text: ValidationText | null;
  json?: string;
}

/** Parses a backup document; returns the first problem with its JSON path (e.g. "checkins[3].back"). */
export function parseBackup(text: string): { backup: Backup } | { problem: BackupProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const words = (e as Error).message;
    return {
      problem: {
        path: m ? `byte ${m[1]}` : '(document)',
        message: `not valid JSON: ${words}`,
        text: null,
        json: words,
      },
    };
  }
  const parsed = checkWith(Backup, raw);
  if (parsed.success) return { backup: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  return {
    problem: { path: path || '(document)', message: missing ? 'is missing' : issue.message, text: textOfIssue(issue) },
  };
}

export interface RestoreCounts {
  screens: number;
  programEvents: number;
  sessions: number;
  checkins: number;
  imports: number;
  walkingSamples: number;
  painMaps: number;
  screeningResults: number;
  outcomeScores: number;
  gaitAnalyses: number;
  messages: number;
  /** Messages with a clinician who has no account on this install: not restored (see addMessages). */
  messagesLeftOut: number;
  monitoringMinutes: number;
  /** Minutes logged by a clinician who has no account on this install: not restored (see addMinutes). */
  monitoringMinutesLeftOut: number;
}

/**
 * Restores a parsed backup into `personId` in one transaction. Records already present (same id, or the same walking
 * sample identity) are skipped, so a second restore of the same file adds nothing. The program row is taken from the
 * backup only when the person has none.
 */
export async function restoreBackup(db: Kysely<Database>, personId: string, b: Backup): Promise<RestoreCounts> {
  return db.transaction().execute(async (trx) => {
    const add = async <
      T extends
        | 'screens'
        | 'program_events'
        | 'sessions'
        | 'checkins'
        | 'imports'
        | 'pain_maps'
        | 'screening_results'
        | 'outcome_scores'
        | 'gait_analyses',
    >(
      table: T,
      rows: Record<string, unknown>[],
      conflict: string[],
    ) => {
      let n = 0;
      for (const row of rows) {
        const res = await trx
          .insertInto(table)
          .values({ ...row, person_id: personId } as never)
          .onConflict((oc) => oc.columns(conflict as never).doNothing())
          .executeTakeFirst();
        n += Number(res.numInsertedOrUpdatedRows ?? 0);
      }
      return n;
    };
    if (b.person.birth_year !== null)
      await trx
        .updateTable('people')
        .set({ birth_year: b.person.birth_year })
        .where('id', '=', personId)
        .where('birth_year', 'is', null)
        .execute();
    const hasProgram = await trx
      .selectFrom('programs')
      .select('person_id')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!hasProgram && b.program)
      await trx
        .insertInto('programs')
        .values({ ...b.program, person_id: personId })
        .execute();
    // Like the program, the reminder is taken from the backup only when the person has none here.
    if (b.reminders)
      await trx
        .insertInto('reminder_settings')
        .values({ ...b.reminders, person_id: personId, last_sent_on: null, calendar_token_hash: null })
        .onConflict((oc) => oc.column('person_id').doNothing())
        .execute();
    const counts: RestoreCounts = {
      screens: await add('screens', b.screens, ['id']),
      programEvents: await add('program_events', b.programEvents, ['id']),
      sessions: await add('sessions', b.sessions, ['id']),
      checkins: await add('checkins', b.checkins, ['id']),
      imports: await add('imports', b.imports, ['id']),
      walkingSamples: await addSamples(trx, personId, b.walkingSamples),
      painMaps: await add('pain_maps', b.painMaps, ['id']),
      screeningResults: await add('screening_results', b.screeningResults, ['id']),
      outcomeScores: await add('outcome_scores', b.outcomeScores, ['id']),
      gaitAnalyses: await add('gait_analyses', b.gaitAnalyses, ['id']),
      messages: 0,
      messagesLeftOut: 0,
      monitoringMinutes: 0,
      monitoringMinutesLeftOut: 0,
    };
    ({ added: counts.messages, leftOut: counts.messagesLeftOut } = await addMessages(trx, personId, b.messages));
    ({ added: counts.monitoringMinutes, leftOut: counts.monitoringMinutesLeftOut } = await addMinutes(
      trx,
      personId,
      b.monitoringMinutes,
    ));
    if (counts.walkingSamples > 0)
      await recomputeDays(
        trx,
        personId,
        b.walkingSamples.map((w) => w.start_at.slice(0, 10)),
      );
    await refreshListFigures(trx, personId);
    return counts;
  });
}
