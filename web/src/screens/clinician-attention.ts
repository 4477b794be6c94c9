/**
 * The patient list's line for one patient (GET /api/patients). Whether a patient needs attention is decided on the
 * server with the DOMAIN.md thresholds (src/server/services/clinician-service.ts): a red flag, pain meaningfully
 * worse than in the first week (the NPRS MCID), no check-in for 7 days, or sessions on under half the days.
 */
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
  /** First-week daily pain against the last 7 days', judged by the MCID. */
  painTrend: { baseline: number; recent: number; status: 'improved' | 'no-meaningful-change' | 'worse'; mcidPoints: number } | null;
  needsAttention: string[];
}

/** The reasons this patient needs attention today (empty when none). */
export function attentionReasons(p: PatientLine, _today?: string): string[] {
  return p.needsAttention ?? [];
}

/** The pain trend in words, with the MCID that makes a change real. */
export function painTrendText(t: PatientLine['painTrend']): string {
  if (!t) return 'not enough check-ins yet';
  const word = t.status === 'improved' ? 'better' : t.status === 'worse' ? 'worse' : 'no real change';
  return `${t.baseline} → ${t.recent}/10: ${word} (a real change is ${t.mcidPoints} points or 30%)`;
}
