/**
 * What a clinician does with a patient's program: change the stage with a reason the patient sees (a program
 * event with actor 'clinician'), and the one-line summaries of the patient list.
 */
import type { Kysely } from 'kysely';
import { ADHERENCE_REPLAN_BELOW, NPRS_MCID_POINTS } from '../../core/clinical-constants.js';
import { isMeaningfulImprovement, isMeaningfulWorsening } from '../../core/pain.js';
import { painBaseline } from '../../core/program-engine.js';
import { addDays, daysBetween } from '../../core/dates.js';
import { DOSE_LIMITS, FIRST_STAGE, LAST_STAGE, stageByNumber } from '../../core/stages.js';
import { applyDoseOverride, type DoseOverrides } from '../../core/plan.js';
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
        throw badRequest(`doses.${p.exercise}: that dose is outside the limits for this exercise (DOMAIN.md: roll up to ${DOSE_LIMITS.timed.secondsPerFoot} s per foot ${DOSE_LIMITS.timed.timesPerDay}x a day; holds up to ${DOSE_LIMITS.holds.holdSeconds} s, ${DOSE_LIMITS.holds.reps} reps, ${DOSE_LIMITS.holds.sets} sets)`, `doses.${p.exercise}`);
      }
    }
  }
  if (input.stage < FIRST_STAGE || input.stage > LAST_STAGE) throw badRequest(`stage must be from ${FIRST_STAGE} to ${LAST_STAGE}`, 'stage');
  return db.transaction().execute(async (trx) => {
    const prev = await getProgram(trx, personId);
    if (!prev) throw conflict('This patient has not started the program yet (the safety questions come first).');
    if (prev.status === 'stopped') throw conflict('The program is paused after a safety answer: the patient restarts it by answering the safety questions again once you have checked them.');
    const action = input.stage > prev.stage ? 'progress' : input.stage < prev.stage ? 'regress' : 'hold';
    const doseOverrides = input.doses === undefined ? prev.doseOverrides ?? null : input.doses;
    const program: Program = { ...prev, stage: input.stage, stageStartedOn: input.stage === prev.stage ? prev.stageStartedOn : today, doseOverrides };
    const doseText = input.doses === undefined ? '' : input.doses === null ? ' Doses are back to the stage’s own.' : ` Doses: ${Object.entries(input.doses).map(([ex, d]) => `${ex} ${Object.entries(d ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; ')}.`;
    await upsertProgram(trx, personId, program);
    await addProgramEvent(trx, personId, {
      at: new Date().toISOString(), onDate: today, action, fromStage: prev.stage, toStage: input.stage, actor: 'clinician',
      reasons: [{ rule: 'clinician-adjustment', text: `${input.clinicianName} set your program to stage ${input.stage} (${stageByNumber(input.stage).name}): ${input.reason}${doseText}`, refs: [] }],
    });
    return program;
  });
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
 * The list line of one patient: program stage and status (stopped = a red flag answer), adherence over the last
 * 7 and 28 days, the last check-in (date and highest pain score) and the last session date.
 */
export async function patientSummary(db: Kysely<Database>, personId: string, today: string) {
  const program = await getProgram(db, personId);
  const lastCheckin = await db.selectFrom('checkins').select(['date', 'back', 'neck', 'foot']).where('person_id', '=', personId).orderBy('at', 'desc').limit(1).executeTakeFirst();
  const sessionDates = (await db.selectFrom('sessions').select('date').where('person_id', '=', personId).where('date', '>=', addDays(today, -27)).where('date', '<=', today).execute()).map((r) => r.date);
  const lastSession = await db.selectFrom('sessions').select('date').where('person_id', '=', personId).orderBy('date', 'desc').limit(1).executeTakeFirst();
  return {
    program: program ? { stage: program.stage, status: program.status, stageStartedOn: program.stageStartedOn } : null,
    redFlag: program?.status === 'stopped',
    adherence7: program ? windowAdherence(sessionDates, today, program.startedOn, 7) : null,
    adherence28: program ? windowAdherence(sessionDates, today, program.startedOn, 28) : null,
    lastCheckin: lastCheckin ? { date: lastCheckin.date, maxPain: maxPain(lastCheckin) } : null,
    lastSessionDate: lastSession?.date ?? null,
    ...(await painTrendAndAttention(db, personId, today, program?.startedOn ?? null, program?.status === 'stopped', program ? windowAdherence(sessionDates, today, program.startedOn, 7)?.fraction ?? null : null, lastCheckin ? lastCheckin.date : null)),
  };
}

/**
 * Pain trend against the MCID (DOMAIN.md §7 [39]: 2 points or 30%): the program's first-week daily average against
 * the last 7 days'. "Needs attention": a red flag, meaningfully worse pain, no check-in for 7 days, or sessions on
 * fewer than half the days this week (DOMAIN.md §8 re-plan threshold).
 */
async function painTrendAndAttention(db: Kysely<Database>, personId: string, today: string, startedOn: string | null, redFlag: boolean, adherence7: number | null, lastCheckinDate: string | null) {
  const dailies = startedOn
    ? (await db.selectFrom('checkins').select(['date', 'context', 'back', 'neck', 'foot']).where('person_id', '=', personId).where('context', '=', 'daily')
      .where((eb) => eb.or([eb.and([eb('date', '>=', startedOn), eb('date', '<', addDays(startedOn, 7))]), eb.and([eb('date', '>', addDays(today, -7)), eb('date', '<=', today)])])).execute())
      .map((c) => ({ date: c.date, context: 'daily' as const, maxPain: maxPain(c) }))
    : [];
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
