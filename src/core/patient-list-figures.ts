/**
 * The clinician's patient list, one patient's line: the figures kept for it (table patient_list_figures, migration
 * 0012) and the line worked out from them for the date asked. Pure.
 *
 * The kept figures are small, so a clinic's list reads 10,000 of them at once: the latest check-in, the latest
 * session, the done sessions' dates of the 35 days up to the latest done session, the daily check-ins' highest
 * scores of the 14 days up to the latest daily check-in, the program's pain baseline and the latest restart. Every
 * write that changes them recomputes the whole row from the base tables (src/store/repos/patient-list.ts,
 * refreshListFigures): nothing is added or subtracted, so a row cannot drift. Time-dependent figures (adherence
 * over 7 and 28 days, the last 7 days' pain, "no check-in for 7 days") are worked out at read time for the date
 * asked. The windows end at the latest data, not at the day they were written, so they stay right as days pass;
 * they answer any date from 7 days before their end onwards (covers()). For an earlier date the store computes the
 * same figures from the base tables with the windows ending at that date (figuresFrom with `asOf`).
 */
import { addDays, daysBetween } from './dates.js';
import { attentionReasons, painTrend, type PainTrend } from './patient-attention.js';
import { isDoneSession, painBaseline, recentDailyPainMean, windowAdherence, type CheckinContext, type SessionStatus } from './program-engine.js';

/** Longest time-dependent window: adherence over 28 days (the list's 4-week figure). */
const LONGEST_WINDOW_DAYS = 28;
/** Days before a window's end that a date asked about may be and still be answered from the kept figures. */
export const KEPT_SLACK_DAYS = 7;
/** Done sessions kept: the 28-day adherence window plus the slack. */
export const SESSION_DAYS_KEPT = LONGEST_WINDOW_DAYS + KEPT_SLACK_DAYS;
/** Daily check-ins kept: the 7 days of the recent pain mean plus the slack. */
export const DAILY_PAIN_DAYS_KEPT = 7 + KEPT_SLACK_DAYS;

export interface ListFigures {
  /** The latest check-in of any kind (latest date, then time): its date, time and highest score. */
  lastCheckin: { date: string; at: string; maxPain: number } | null;
  /** The latest session's date, done in full or not. */
  lastSessionDate: string | null;
  /** Distinct dates of done sessions within the SESSION_DAYS_KEPT days up to `end`, ascending. */
  doneSessions: { end: string; dates: string[] } | null;
  /** Daily check-ins' highest scores within the DAILY_PAIN_DAYS_KEPT days up to `end`, by date then score. */
  dailyPain: { end: string; entries: { date: string; maxPain: number }[] } | null;
  /** The program's first-week daily pain (painBaseline); null without a program or a daily check-in. */
  painBaseline: number | null;
  /** The latest restart of the program after a safety stop. */
  resumedOn: string | null;
}

/** What the figures are computed from: all of a person's rows, or any subset holding the rows that matter. */
export interface FiguresSource {
  program: { startedOn: string } | null;
  checkins: readonly { id: string; at: string; date: string; context: CheckinContext; maxPain: number }[];
  sessions: readonly { date: string; status: SessionStatus }[];
  /** Dates of the program's 'resume' events. */
  resumeDates: readonly string[];
}

const maxOf = (xs: readonly string[]): string | null => xs.reduce<string | null>((m, x) => (m === null || x > m ? x : m), null);

/**
 * The figures of one person. Without `asOf` the windows end at the latest done session and the latest daily
 * check-in (what is kept); with it they end at that date (the exact answer for a date the kept windows do not
 * cover). The latest check-in and session are the latest recorded either way.
 */
export function figuresFrom(src: FiguresSource, asOf?: string): ListFigures {
  let last: FiguresSource['checkins'][number] | null = null;
  for (const c of src.checkins) {
    if (!last || c.date > last.date || (c.date === last.date && (c.at > last.at || (c.at === last.at && c.id > last.id)))) last = c;
  }
  const done = src.sessions.filter(isDoneSession).map((s) => s.date);
  const sessionEnd = asOf ?? maxOf(done);
  const dailies = src.checkins.filter((c) => c.context === 'daily');
  const dailyEnd = asOf ?? maxOf(dailies.map((c) => c.date));
  const inWindow = (date: string, end: string, days: number) => date <= end && date >= addDays(end, -(days - 1));
  return {
    lastCheckin: last ? { date: last.date, at: last.at, maxPain: last.maxPain } : null,
    lastSessionDate: maxOf(src.sessions.map((s) => s.date)),
    doneSessions: sessionEnd === null ? null : { end: sessionEnd, dates: [...new Set(done.filter((d) => inWindow(d, sessionEnd, SESSION_DAYS_KEPT)))].sort() },
    dailyPain: dailyEnd === null ? null : {
      end: dailyEnd,
      entries: dailies.filter((c) => inWindow(c.date, dailyEnd, DAILY_PAIN_DAYS_KEPT)).map((c) => ({ date: c.date, maxPain: c.maxPain }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.maxPain - b.maxPain)),
    },
    painBaseline: src.program ? painBaseline(dailies, src.program.startedOn) : null,
    resumedOn: maxOf(src.resumeDates),
  };
}

/** Whether the figures answer `date` exactly: every window they keep reaches back far enough for it. */
export function covers(f: ListFigures, date: string): boolean {
  const reaches = (end: string | undefined) => end === undefined || daysBetween(date, end) <= KEPT_SLACK_DAYS;
  return reaches(f.doneSessions?.end) && reaches(f.dailyPain?.end);
}

/** The program's columns the line shows (from the programs table, read with the figures). */
export interface ListProgram { stage: number; status: 'active' | 'stopped'; startedOn: string; stageStartedOn: string }

export interface Adherence { done: number; prescribed: number; fraction: number }

/** One patient's figures on the list for `date`. */
export interface ListLineFigures {
  program: { stage: number; status: 'active' | 'stopped'; stageStartedOn: string } | null;
  redFlag: boolean;
  adherence7: Adherence | null;
  adherence28: Adherence | null;
  lastCheckin: { date: string; maxPain: number } | null;
  lastSessionDate: string | null;
  painTrend: PainTrend | null;
  needsAttention: string[];
}

/** The line for `date` (which the figures must cover, or be computed for with `asOf`). */
export function listLine(f: ListFigures, program: ListProgram | null, date: string, sessionsPerWeek: number): ListLineFigures {
  const sessionDates = f.doneSessions?.dates ?? [];
  const adherence7 = program ? windowAdherence(sessionDates, date, program.startedOn, 7, sessionsPerWeek) : null;
  const trend = program ? painTrend(f.painBaseline, recentDailyPainMean(f.dailyPain?.entries ?? [], date)) : null;
  return {
    program: program ? { stage: program.stage, status: program.status, stageStartedOn: program.stageStartedOn } : null,
    redFlag: program?.status === 'stopped',
    adherence7,
    adherence28: program ? windowAdherence(sessionDates, date, program.startedOn, LONGEST_WINDOW_DAYS, sessionsPerWeek) : null,
    lastCheckin: f.lastCheckin ? { date: f.lastCheckin.date, maxPain: f.lastCheckin.maxPain } : null,
    lastSessionDate: f.lastSessionDate,
    painTrend: trend,
    needsAttention: attentionReasons({
      today: date, program: program ? { startedOn: program.startedOn, status: program.status, resumedOn: f.resumedOn } : null,
      adherence7: adherence7?.fraction ?? null, painTrend: trend?.status ?? null, lastCheckinDate: f.lastCheckin?.date ?? null,
    }),
  };
}

// ---- the stored form: a few short columns ----

/** The figures as stored, one field per column (src/store/repos/patient-list.ts maps the column names). */
export interface StoredFigures {
  lastCheckinDate: string | null;
  lastCheckinAt: string | null;
  lastCheckinMaxPain: number | null;
  lastSessionDate: string | null;
  /** The done sessions' window end, and its days as '1' (a done session) or '0', the end first ('1', '101', ...). */
  doneSessionsEnd: string | null;
  doneSessions: string | null;
  /** The daily pain window's end, and its entries as "daysBeforeEnd:score", comma-separated ('0:4,2:5'). */
  dailyPainEnd: string | null;
  dailyPain: string | null;
  painBaseline: number | null;
  resumedOn: string | null;
}

export function encodeFigures(f: ListFigures): StoredFigures {
  let bits = '';
  if (f.doneSessions) {
    const { end } = f.doneSessions;
    const set = new Set(f.doneSessions.dates.map((d) => daysBetween(d, end)));
    const width = set.size ? Math.max(...set) + 1 : 0;
    for (let i = 0; i < width; i++) bits += set.has(i) ? '1' : '0';
  }
  return {
    lastCheckinDate: f.lastCheckin?.date ?? null, lastCheckinAt: f.lastCheckin?.at ?? null, lastCheckinMaxPain: f.lastCheckin?.maxPain ?? null,
    lastSessionDate: f.lastSessionDate,
    doneSessionsEnd: f.doneSessions?.end ?? null, doneSessions: f.doneSessions ? bits : null,
    dailyPainEnd: f.dailyPain?.end ?? null,
    dailyPain: f.dailyPain ? f.dailyPain.entries.map((e) => `${daysBetween(e.date, f.dailyPain!.end)}:${e.maxPain}`).join(',') : null,
    painBaseline: f.painBaseline, resumedOn: f.resumedOn,
  };
}

const BITS = new RegExp(`^[01]{0,${SESSION_DAYS_KEPT}}$`);
const PAIN = /^(?:\d{1,2}:\d{1,2}(?:,\d{1,2}:\d{1,2})*)?$/;

/**
 * Reads stored figures back. Many rows share a window end (most patients' latest data is from the last day or
 * two), so the dates before each end are worked out once per decoder: make one per request.
 */
export function figuresDecoder(): (s: StoredFigures, where: string) => ListFigures {
  const daysBefore = new Map<string, string[]>();
  const dayBefore = (end: string, n: number) => {
    let list = daysBefore.get(end);
    if (!list) daysBefore.set(end, (list = Array.from({ length: SESSION_DAYS_KEPT }, (_, i) => addDays(end, -i))));
    return list[n]!;
  };
  return (s, where) => {
    if (s.doneSessions !== null && !BITS.test(s.doneSessions)) throw new Error(`${where}: done_sessions "${s.doneSessions}" is not a day map`);
    if (s.dailyPain !== null && !PAIN.test(s.dailyPain)) throw new Error(`${where}: daily_pain "${s.dailyPain}" is not a list of day:score`);
    const dates: string[] = [];
    if (s.doneSessions !== null && s.doneSessionsEnd !== null) {
      for (let i = s.doneSessions.length - 1; i >= 0; i--) if (s.doneSessions[i] === '1') dates.push(dayBefore(s.doneSessionsEnd, i));
    }
    return {
      lastCheckin: s.lastCheckinDate !== null && s.lastCheckinAt !== null ? { date: s.lastCheckinDate, at: s.lastCheckinAt, maxPain: s.lastCheckinMaxPain ?? 0 } : null,
      lastSessionDate: s.lastSessionDate,
      doneSessions: s.doneSessionsEnd !== null ? { end: s.doneSessionsEnd, dates } : null,
      dailyPain: s.dailyPainEnd !== null ? {
        end: s.dailyPainEnd,
        entries: (s.dailyPain ?? '').split(',').filter(Boolean).map((e) => {
          const [n, p] = e.split(':');
          return { date: dayBefore(s.dailyPainEnd!, Number(n)), maxPain: Number(p) };
        }),
      } : null,
      painBaseline: s.painBaseline, resumedOn: s.resumedOn,
    };
  };
}
