/**
 * Two videos, one report: the gait analyses a person saved on the same day (a side video and a front or back
 * video of one visit) are read together, and each metric is taken from the video that measures it best (the
 * highest confidence; a view that cannot measure a metric reports it as not measurable, so side-view knee angles
 * come from the side video and pelvic drop from the front or back video). Every finding says which video it came
 * from. Pure: takes the saved analyses' portable JSON (structurally typed, as gait-findings.ts does).
 */
import type { Finding } from './findings.js';
import { gaitFindings, type GaitAnalysisInput } from './gait-findings.js';

export interface SavedGait {
  id: string;
  /** ISO 8601 date-time with the recorder's offset (the local date is its first ten characters). */
  recordedAt: string;
  recordedBy: string;
  sourceName: string | null;
  analysis: GaitAnalysisInput;
}

/**
 * The analyses of the latest visit: those recorded on the same local date as the latest one (a clinic films the
 * side and the front within minutes; another day is another visit, and the body may have changed). Oldest first.
 */
export function latestGaitSession(all: readonly SavedGait[]): SavedGait[] {
  if (all.length === 0) return [];
  const latest = [...all].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt)).at(-1)!;
  const day = latest.recordedAt.slice(0, 10);
  return all.filter((g) => g.recordedAt.slice(0, 10) === day).sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
}

/** "side-view video walk.mp4" (or "front-view video" when the name is unknown). */
export function videoLabel(g: SavedGait): string {
  const view = ['side', 'front', 'back'].includes(g.analysis.view) ? `${g.analysis.view}-view` : 'gait';
  return `${view} video${g.sourceName ? ` ${g.sourceName}` : ''}`;
}

/**
 * Findings of one visit: for each metric, the finding from the analysis whose metric has the highest confidence
 * (the later video on a tie). A metric kept apart by side (value null, both sides given) counts with confidence
 * 0, so a video that measured it as one number wins.
 */
export function sessionGaitFindings(session: readonly SavedGait[]): { chain: Finding[]; wholeBody: Finding[] } {
  const best = new Map<string, { finding: Finding; chain: boolean; confidence: number }>();
  for (const g of session) {
    const f = gaitFindings(g.analysis, { recordedAt: g.recordedAt, recordedBy: g.recordedBy });
    const from = session.length > 1 ? videoLabel(g) : undefined;
    for (const [list, chain] of [[f.chain, true], [f.wholeBody, false]] as const) {
      for (const finding of list) {
        const key = finding.source.slice('gait:'.length);
        const m = g.analysis.metrics[key];
        const confidence = m && m.value !== null ? m.confidence : 0;
        const seen = best.get(finding.source);
        if (!seen || confidence >= seen.confidence) {
          best.set(finding.source, { finding: from ? { ...finding, measuredFrom: from } : finding, chain, confidence });
        }
      }
    }
  }
  const all = [...best.values()];
  return { chain: all.filter((b) => b.chain).map((b) => b.finding), wholeBody: all.filter((b) => !b.chain).map((b) => b.finding) };
}
