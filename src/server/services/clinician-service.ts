/**
 * What a clinician does with a patient's program: change the stage with a reason the patient sees (a program
 * event with actor 'clinician'), and the one-line summaries of the patient list.
 */
import { sql, type Kysely } from 'kysely';
import { ADHERENCE_REPLAN_BELOW, NPRS_MCID_POINTS } from '../../core/clinical-constants.js';
import { isMeaningfulImprovement, isMeaningfulWorsening } from '../../core/pain.js';
import { DONE_SESSION_STATUS, painBaseline } from '../../core/program-engine.js';
import { addDays, daysBetween } from '../../core/dates.js';
import { DOSE_LIMITS, FIRST_STAGE, LAST_STAGE, stageByNumber } from '../../core/stages.js';
import { applyDoseOverride, type DoseOverrides } from '../../core/plan.js';
import { EXERCISES } from '../../core/exercises.js';
import type { Database } from '../../store/schema.js';
import { addProgramEvent, getProgram, upsertProgram, type Program } from '../../store/repos/program.js';
import { maxPain } from '../../store/repos/checkins.js';
import { badRequest, conflict } from '../problem.js';
import { SESSIONS_PER_WEEK } from './program-service.js';

/**
 * Sets the patient's stage and, optionally, doses (within the stage dose limits); the reason is stored in the
 * patient's program history in the clinician's words. `doses: null` clears earlier dose changes.
 */
export async function adjustStage(db: Kysely<Database>, personId: string, input: { stage: number; reason: string; clinicianName: string; doses?: DoseOverrides | null }, today: string): Promise<Program> {
  if (input.doses) {
    for (const p of stageByNumber(input.stage).prescriptions) {
      const o = input.doses[p.exercise];
      if (o && !applyDoseOverride(p.dose, o).adjusted && JSON.stringify(o) !== '{}') {
        throw badRequest(`doses.${p.exercise}: that dose is outside the limits for this exercise (roll up to ${DOSE_LIMITS.timed.secondsPerFoot} s per foot ${DOSE_LIMITS.timed.timesPerDay}x a day; holds up to ${DOSE_LIMITS.holds.holdSeconds} s, ${DOSE_LIMITS.holds.reps} reps, ${DOSE_LIMITS.holds.sets} sets)`, `doses.${p.exercise}`);
      }
    }
  }
  if (input.stage < FIRST_STAGE || input.stage > LAST_STAGE) throw badRequest(`stage must be from ${FIRST_STAGE} to ${LAST_STAGE}`, 'stage');
  return db.transaction().execute(async (trx) => {
    const prev = await getProgram(trx, personId);
    assertOpenProgram(prev);
    const action = input.stage > prev.stage ? 'progress' : input.stage < prev.stage ? 'regress' : 'hold';
    const doseOverrides = input.doses === undefined ? prev.doseOverrides ?? null : input.doses;
    const program: Program = { ...prev, stage: input.stage, stageStartedOn: input.stage === prev.stage ? prev.stageStartedOn : today, doseOverrides };
    const doseText = input.doses === undefined ? '' : input.doses === null ? ' Doses are back to the stage’s own.' : ` New doses: ${describeOverrides(input.doses)}.`;
    await upsertProgram(trx, personId, program);
    await addProgramEvent(trx, personId, {
      at: new Date().toISOString(), onDate: today, action, fromStage: prev.stage, toStage: input.stage, actor: 'clinician',
      reasons: [{ rule: 'clinician-adjustment', text: `${input.clinicianName} set your program to stage ${input.stage} (${stageByNumber(input.stage).name}): ${input.reason}${doseText}`, refs: [] }],
    });
    return program;
  });
}

/** A clinician changes only a started program that no safety answer has paused; otherwise a conflict says why. */
export function assertOpenProgram(program: Program | null): asserts program is Program {
  if (!program) throw conflict('This patient has not started the program yet (the safety questions come first).');
  if (program.status === 'stopped') throw conflict('The program is paused after a safety answer: the patient restarts it by answering the safety questions again once you have checked them.');
}

const DOSE_WORDS: Record<string, (v: number) => string> = {
  secondsPerFoot: (v) => `${v} s per foot`, timesPerDay: (v) => `${v === 1 ? 'once' : `${v} times`} a day`,
  holdSeconds: (v) => `hold ${v} s`, reps: (v) => `${v} reps`, sets: (v) => `${v} sets`, restSeconds: (v) => `rest ${v} s`,
};

/** A clinician's dose changes in the patient's words, e.g. "Pinky-toe lift: hold 8 s, 12 reps". */
export function describeOverrides(doses: DoseOverrides): string {
  return Object.entries(doses).filter(([, d]) => d && Object.keys(d).length)
    .map(([ex, d]) => `${EXERCISES[ex as keyof typeof EXERCISES]?.name ?? ex}: ${Object.entries(d!).map(([k, v]) => DOSE_WORDS[k]?.(v as number) ?? `${k} ${v}`).join(', ')}`).join('; ');
}

/** Sessions done on distinct days within the last `days` days (from the program start if later), of one a day. */
export function windowAdherence(sessionDates: readonly string[], today: string, startedOn: string, days: number) {
  const from = addDays(today, -(days - 1)) > startedOn ? addDays(today, -(days - 1)) : startedOn;
  if (from > today) return null;
  const span = daysBetween(from, today) + 1;
  const prescribed = Math.max(1, Math.round((SESSIONS_PER_WEEK * span) / 7));
  const done = new Set(sessionDates.filter((d) => d >= from && d <= today)).size;
  return { done, prescribed, fraction: Math.min(1, done / prescribed) };
}

/**
 * The list lines of several patients: program stage and status (stopped = a red flag answer), adherence over the
 * last 7 and 28 days, the last check-in (date and highest pain score), the last session date, the pain trend and
 * the reasons to look at them. Set-based: a handful of queries whatever the number of patients (a clinic lists
 * hundreds).
 */
export async function patientSummaries(db: Kysely<Database>, personIds: readonly string[], today: string) {
  const out = new Map<string, Awaited<ReturnType<typeof summaryOf>>>();
  for (let i = 0; i < personIds.length; i += 500) {
    const ids = personIds.slice(i, i + 500);
    if (ids.length === 0) continue;
    const programs = await db.selectFrom('programs').selectAll().where('person_id', 'in', ids).execute();
    // Latest check-in: the latest date per person (the (person_id, date) index answers it), then that day's rows.
    const latestDates = db.selectFrom('checkins').select((eb) => ['person_id', eb.fn.max('date').as('date')]).where('person_id', 'in', ids).groupBy('person_id').as('m');
    const lastDayRows = await db.selectFrom('checkins').innerJoin(latestDates, (j) => j.onRef('m.person_id', '=', 'checkins.person_id').onRef('m.date', '=', 'checkins.date'))
      .select(['checkins.person_id as person_id', 'checkins.date as date', 'checkins.at as at', 'checkins.id as id', 'checkins.back as back', 'checkins.neck as neck', 'checkins.foot as foot']).execute();
    const latestCheckins = [...lastDayRows].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    // Done sessions only (isDoneSession in src/core/program-engine.ts: completed in full), as the patient's own figures count them.
    const sessions = await db.selectFrom('sessions').select(['person_id', 'date']).where('person_id', 'in', ids).where('status', '=', DONE_SESSION_STATUS)
      .where('date', '>=', addDays(today, -27)).where('date', '<=', today).execute();
    const lastSessions = await db.selectFrom('sessions').select((eb) => ['person_id', eb.fn.max('date').as('date')]).where('person_id', 'in', ids).groupBy('person_id').execute();
    // Daily check-ins of the last 7 days, and of the first 7 distinct days at or after each program's start (the
    // baseline week: painBaseline keeps those inside [start, start + 7)).
    const recent = await db.selectFrom('checkins').select(['id', 'person_id', 'date', 'back', 'neck', 'foot']).where('person_id', 'in', ids).where('context', '=', 'daily')
      .where('date', '>', addDays(today, -7)).where('date', '<=', today).execute();
    const firstWeek = await db.selectFrom((eb) => eb.selectFrom('checkins').innerJoin('programs', 'programs.person_id', 'checkins.person_id')
      .select(['checkins.id as id', 'checkins.person_id as person_id', 'checkins.date as date', 'checkins.back as back', 'checkins.neck as neck', 'checkins.foot as foot',
        sql<number>`dense_rank() over (partition by checkins.person_id order by checkins.date)`.as('dr')])
      .where('checkins.person_id', 'in', ids).where('checkins.context', '=', 'daily').whereRef('checkins.date', '>=', 'programs.started_on')
      // Only the baseline weeks can matter: nothing after the latest program start + 7 days enters the ranking.
      .where('checkins.date', '<', addDays(programs.reduce((m, p) => (p.started_on > m ? p.started_on : m), '0000-01-01'), 7)).as('f'))
      .selectAll().where('dr', '<=', 7).execute();
    const by = <T extends { person_id: string }>(rows: readonly T[]) => { const m = new Map<string, T[]>(); for (const r of rows) { const l = m.get(r.person_id) ?? []; l.push(r); m.set(r.person_id, l); } return m; };
    const progBy = new Map(programs.map((p) => [p.person_id, p]));
    const lastBy = new Map(latestCheckins.map((c) => [c.person_id, c])); // ascending by time: the latest wins
    const sessBy = by(sessions);
    const lastSessBy = new Map(lastSessions.map((s) => [s.person_id, s.date as string | null]));
    const recentBy = by(recent);
    const firstBy = by(firstWeek);
    for (const id of ids) {
      out.set(id, summaryOf({
        today, program: progBy.get(id) ?? null, lastCheckin: lastBy.get(id) ?? null, sessionDates: (sessBy.get(id) ?? []).map((r) => r.date),
        lastSessionDate: lastSessBy.get(id) ?? null, dailies: [...(firstBy.get(id) ?? []), ...(recentBy.get(id) ?? [])],
      }));
    }
  }
  return out;
}

/** The list line of one patient (see patientSummaries). */
export async function patientSummary(db: Kysely<Database>, personId: string, today: string) {
  return (await patientSummaries(db, [personId], today)).get(personId)!;
}

function summaryOf(d: {
  today: string;
  program: Database['programs'] | null;
  lastCheckin: { date: string; back: number | null; neck: number | null; foot: number | null } | null;
  sessionDates: string[];
  lastSessionDate: string | null;
  dailies: { id: string; date: string; back: number | null; neck: number | null; foot: number | null }[];
}) {
  const p = d.program;
  const adherence7 = p ? windowAdherence(d.sessionDates, d.today, p.started_on, 7) : null;
  return {
    program: p ? { stage: p.stage, status: p.status, stageStartedOn: p.stage_started_on } : null,
    redFlag: p?.status === 'stopped',
    adherence7,
    adherence28: p ? windowAdherence(d.sessionDates, d.today, p.started_on, 28) : null,
    lastCheckin: d.lastCheckin ? { date: d.lastCheckin.date, maxPain: maxPain(d.lastCheckin) } : null,
    lastSessionDate: d.lastSessionDate,
    ...painTrendAndAttention(d.dailies, d.today, p?.started_on ?? null, p?.status === 'stopped', adherence7?.fraction ?? null, d.lastCheckin?.date ?? null),
  };
}

/**
 * Pain trend against the MCID (DOMAIN.md §7 [39]: 2 points or 30%): the program's first-week daily average against
 * the last 7 days'. "Needs attention": a red flag, meaningfully worse pain, no check-in for 7 days, or sessions on
 * fewer than half the days this week (DOMAIN.md §8 re-plan threshold).
 */
function painTrendAndAttention(rows: readonly { id: string; date: string; back: number | null; neck: number | null; foot: number | null }[], today: string, startedOn: string | null, redFlag: boolean, adherence7: number | null, lastCheckinDate: string | null) {
  // The baseline week and the last 7 days can overlap in a young program: each check-in counts once.
  const seen = new Set<string>();
  const dailies = rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((c) => ({ date: c.date, context: 'daily' as const, maxPain: maxPain(c) }));
  const baseline = startedOn ? painBaseline(dailies, startedOn) : null;
  const recent = dailies.filter((c) => c.date > addDays(today, -7) && c.date <= today).map((c) => c.maxPain);
  const recentMean = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : null;
  const status = baseline === null || recentMean === null ? null
    : isMeaningfulImprovement(baseline, recentMean) ? 'improved' : isMeaningfulWorsening(baseline, recentMean) ? 'worse' : 'no-meaningful-change';
  const attention: string[] = [];
  if (redFlag) attention.push('red flag: program stopped after a safety answer');
  if (status === 'worse') attention.push('pain meaningfully worse');
  if (startedOn && (!lastCheckinDate || lastCheckinDate <= addDays(today, -7))) attention.push('no check-in for 7 days');
  if (adherence7 !== null && adherence7 < ADHERENCE_REPLAN_BELOW) attention.push(`adherence under ${Math.round(ADHERENCE_REPLAN_BELOW * 100)}% this week`);
  return {
    painTrend: status === null ? null : { baseline: Math.round(baseline! * 10) / 10, recent: Math.round(recentMean! * 10) / 10, status, mcidPoints: NPRS_MCID_POINTS },
    needsAttention: attention,
  };
}
