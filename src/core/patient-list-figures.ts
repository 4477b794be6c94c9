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
import { adherenceIn, isDoneSession, painBaseline, recentPainMeanIn, type SessionStatus } from './program-engine.js';
import type { CheckinContext } from './checkin-record.js';

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

const maxOf = (xs: readonly string[]): string | null =>
  xs.reduce<string | null>((m, x) => (m === null || x > m ? x : m), null);

/**
 * The figures of one person. Without `asOf` the windows end at the latest done session and the latest daily
 * check-in (what is kept); with it they end at that date (the exact answer for a date the kept windows do not
 * cover). The latest check-in and session are the latest recorded either way.
 */
export function figuresFrom(src: FiguresSource, asOf?: string): ListFigures {
  let last: FiguresSource['checkins'][number] | null = null;
  for (const c of src.checkins) {
    if (
      !last ||
      c.date > last.date ||
      (c.date === last.date && (c.at > last.at || (c.at === last.at && c.id > last.id)))
    )
      last = c;
  }
  const done = src.sessions.filter(isDoneSession).map((s) => s.date);
  const sessionEnd = asOf ?? maxOf(done);
  const dailies = src.checkins.filter((c) => c.context === 'daily');
  const dailyEnd = asOf ?? maxOf(dailies.map((c) => c.date));
  const inWindow = (date: string, end: string, days: number) => date <= end && date >= addDays(end, -(days - 1));
  return {
    lastCheckin: last ? { date: last.date, at: last.at, maxPain: last.maxPain } : null,
    lastSessionDate: maxOf(src.sessions.map((s) => s.date)),
    doneSessions:
      sessionEnd === null
        ? null
        : {
            end: sessionEnd,
            dates: [...new Set(done.filter((d) => inWindow(d, sessionEnd, SESSION_DAYS_KEPT)))].sort(),
          },
    dailyPain:
      dailyEnd === null
        ? null
        : {
            end: dailyEnd,
            entries: dailies
              .filter((c) => inWindow(c.date, dailyEnd, DAILY_PAIN_DAYS_KEPT))
              .map((c) => ({ date: c.date, maxPain: c.maxPain }))
              .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.maxPain - b.maxPain)),
          },
    painBaseline: src.program ? painBaseline(dailies, src.program.startedOn) : null,
    resumedOn: maxOf(src.resumeDates),
  };
}

/**
 * The figures as a line reads them, however they are held: in memory (readKept) or as stored, read in place
 * (readStored: a clinic's list reads thousands of rows per request, so nothing is unpacked into dates).
 */
export interface FigureReader {
  lastCheckin: { date: string; maxPain: number } | null;
  lastSessionDate: string | null;
  painBaseline: number | null;
  resumedOn: string | null;
  /** Where the kept windows end (null: nothing to keep). */
  sessionsEnd: string | null;
  dailyEnd: string | null;
  /** Days with a done session from `from` to `to`. */
  doneDays(from: string, to: string): number;
  /** The daily check-ins' highest scores from `from` to `to`: their sum and count. */
  dailyPain(from: string, to: string): { sum: number; count: number };
}

export function readKept(f: ListFigures): FigureReader {
  return new KeptReader(f);
}

/** Reads stored figures in place; a damaged column is named when it is read. */
export function readStored(s: StoredFigures, where: string): FigureReader {
  return new StoredReader(s, where);
}

class KeptReader implements FigureReader {
  readonly lastCheckin;
  readonly lastSessionDate;
  readonly painBaseline;
  readonly resumedOn;
  readonly sessionsEnd;
  readonly dailyEnd;
  constructor(private readonly f: ListFigures) {
    this.lastCheckin = f.lastCheckin;
    this.lastSessionDate = f.lastSessionDate;
    this.painBaseline = f.painBaseline;
    this.resumedOn = f.resumedOn;
    this.sessionsEnd = f.doneSessions?.end ?? null;
    this.dailyEnd = f.dailyPain?.end ?? null;
  }

  doneDays(from: string, to: string): number {
    return (this.f.doneSessions?.dates ?? []).filter((d) => d >= from && d <= to).length;
  }

  dailyPain(from: string, to: string): { sum: number; count: number } {
    let sum = 0;
    let count = 0;
    for (const e of this.f.dailyPain?.entries ?? [])
      if (e.date >= from && e.date <= to) {
        sum += e.maxPain;
        count++;
      }
    return { sum, count };
  }
}

/** A class, not closures: a clinic's list makes one per patient per request. */
class StoredReader implements FigureReader {
  readonly lastCheckin;
  readonly lastSessionDate;
  readonly painBaseline;
  readonly resumedOn;
  readonly sessionsEnd;
  readonly dailyEnd;
  constructor(
    private readonly s: StoredFigures,
    private readonly where: string,
  ) {
    this.lastCheckin =
      s.lastCheckinDate !== null ? { date: s.lastCheckinDate, maxPain: s.lastCheckinMaxPain ?? 0 } : null;
    this.lastSessionDate = s.lastSessionDate;
    this.painBaseline = s.painBaseline;
    this.resumedOn = s.resumedOn;
    this.sessionsEnd = s.doneSessionsEnd;
    this.dailyEnd = s.dailyPainEnd;
  }

  doneDays(from: string, to: string): number {
    const bits = this.s.doneSessions ?? '';
    if (this.sessionsEnd === null) return 0;
    if (bits.length > SESSION_DAYS_KEPT) this.bad('done_sessions', bits);
    // The days from `from` to `to` as positions counted back from the window's end.
    const last = Math.min(bits.length - 1, daysBetween(from, this.sessionsEnd));
    let n = 0;
    for (let i = Math.max(0, daysBetween(to, this.sessionsEnd)); i <= last; i++) {
      const c = bits.charCodeAt(i);
      if (c === 49) n++;
      else if (c !== 48) this.bad('done_sessions', bits);
    }
    return n;
  }

  /** "daysBeforeEnd:score,...", each number one or two digits, read by hand. */
  dailyPain(from: string, to: string): { sum: number; count: number } {
    const text = this.s.dailyPain ?? '';
    if (this.dailyEnd === null) return { sum: 0, count: 0 };
    const first = Math.max(0, daysBetween(to, this.dailyEnd));
    const last = daysBetween(from, this.dailyEnd);
    let sum = 0;
    let count = 0;
    let i = 0;
    while (i < text.length) {
      let days = 0;
      let start = i;
      for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) days = days * 10 + c - 48;
      if (i === start || i - start > 2 || days >= DAILY_PAIN_DAYS_KEPT || text.charCodeAt(i++) !== 58)
        this.bad('daily_pain', text);
      let score = 0;
      start = i;
      for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) score = score * 10 + c - 48;
      if (i === start || i - start > 2 || (i < text.length && (text.charCodeAt(i++) !== 44 || i === text.length)))
        this.bad('daily_pain', text);
      if (days >= first && days <= last) {
        sum += score;
        count++;
      }
    }
    return { sum, count };
  }

  private bad(column: string, text: string): never {
    throw new Error(`${this.where}: ${column} "${text}" is not what Footing stores there`);
  }
}

/** Whether the figures answer `date` exactly: every window they keep reaches back far enough for it. */
export function covers(f: Pick<FigureReader, 'sessionsEnd' | 'dailyEnd'>, date: string): boolean {
  const reaches = (end: string | null) => end === null || daysBetween(date, end) <= KEPT_SLACK_DAYS;
  return reaches(f.sessionsEnd) && reaches(f.dailyEnd);
}

/** The program's columns the line shows (from the programs table, read with the figures). */
export interface ListProgram {
  stage: number;
  status: 'active' | 'stopped';
  startedOn: string;
  stageStartedOn: string;
}

export interface Adherence {
  done: number;
  prescribed: number;
  fraction: number;
}

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

/** What the list sorts and filters by on `date`: the red flag, adherence this week, the pain trend, the reasons to look. */
export type LineJudgement = Pick<ListLineFigures, 'redFlag' | 'adherence7' | 'painTrend' | 'needsAttention'>;

/** "Needs attention" as one number to sort by (the list's order and the key migration 0022 keeps): a red flag
 * outranks any number of other reasons. */
export function attentionKey(l: Pick<LineJudgement, 'redFlag' | 'needsAttention'>): number {
  return (l.redFlag ? 1000 : 0) + l.needsAttention.length;
}

/** The judgement alone (the list's orders by attention and adherence need it for every patient, not the whole line). */
export function judgeLine(
  f: FigureReader,
  program: Pick<ListProgram, 'startedOn' | 'status'> | null,
  date: string,
  sessionsPerWeek: number,
): LineJudgement {
  const adherence7 = program ? adherenceIn(f, date, program.startedOn, 7, sessionsPerWeek) : null;
  const trend = program ? painTrend(f.painBaseline, recentPainMeanIn(f, date)) : null;
  return {
    redFlag: program?.status === 'stopped',
    adherence7,
    painTrend: trend,
    needsAttention: attentionReasons({
      today: date,
      program: program ? { startedOn: program.startedOn, status: program.status, resumedOn: f.resumedOn } : null,
      adherence7: adherence7?.fraction ?? null,
      painTrend: trend?.status ?? null,
      lastCheckinDate: f.lastCheckin?.date ?? null,
    }),
  };
}

/** The line for `date` (which the figures must cover, or be computed for with `asOf`). */
export function listLine(
  f: FigureReader,
  program: ListProgram | null,
  date: string,
  sessionsPerWeek: number,
): ListLineFigures {
  return {
    program: program ? { stage: program.stage, status: program.status, stageStartedOn: program.stageStartedOn } : null,
    adherence28: program ? adherenceIn(f, date, program.startedOn, LONGEST_WINDOW_DAYS, sessionsPerWeek) : null,
    lastCheckin: f.lastCheckin ? { date: f.lastCheckin.date, maxPain: f.lastCheckin.maxPain } : null,
    lastSessionDate: f.lastSessionDate,
    ...judgeLine(f, program, date, sessionsPerWeek),
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
    lastCheckinDate: f.lastCheckin?.date ?? null,
    lastCheckinAt: f.lastCheckin?.at ?? null,
    lastCheckinMaxPain: f.lastCheckin?.maxPain ?? null,
    lastSessionDate: f.lastSessionDate,
    doneSessionsEnd: f.doneSessions?.end ?? null,
    doneSessions: f.doneSessions ? bits : null,
    dailyPainEnd: f.dailyPain?.end ?? null,
    dailyPain: f.dailyPain
      ? f.dailyPain.entries.map((e) => `${daysBetween(e.date, f.dailyPain!.end)}:${e.maxPain}`).join(',')
      : null,
    painBaseline: f.painBaseline,
    resumedOn: f.resumedOn,
  };
}
