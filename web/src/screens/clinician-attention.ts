/**
 * The patient list's line for one patient (GET /api/patients) and the "needs attention" rule: a red flag (the
 * program stopped after a safety answer), no check-in in the last 7 days, or fewer than half of the prescribed
 * sessions done in the last 7 days.
 */
import { addDays } from '../../../src/core/dates.js';

export interface Adherence { done: number; prescribed: number; fraction: number }

export interface PatientLine {
  personId: string;
  displayName: string;
  linkedAt: string | null;
  program: { stage: number; status: string; stageStartedOn: string } | null;
  redFlag: boolean;
  adherence7: Adherence | null;
  adherence28: Adherence | null;
  lastCheckin: { date: string; maxPain: number | null } | null;
  lastSessionDate: string | null;
}

/** The reasons this patient needs attention today (empty when none). */
export function attentionReasons(p: PatientLine, today: string): string[] {
  const out: string[] = [];
  if (p.redFlag) out.push('red flag: program stopped after a safety answer');
  if (!p.lastCheckin || p.lastCheckin.date < addDays(today, -6)) out.push('no check-in for 7 days');
  if (p.adherence7 && p.adherence7.fraction < 0.5) out.push('adherence under 50% this week');
  return out;
}
