/**
 * Two videos, one report: the gait analyses a person saved on the same day (a side video and a front or back
 * video of one visit) are read together, and each metric is taken from the video that measures it best (the
 * highest confidence; a view that cannot measure a metric reports it as not measurable, so side-view knee angles
 * come from the side video and pelvic drop from the front or back video). Every finding says which video it came
 * from. Pure: takes the saved analyses' portable JSON (structurally typed, as gait-findings.ts does).
 */
import type { Finding } from './findings.js';
import type { Language } from './language.js';
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
  return all
    .filter((g) => g.recordedAt.slice(0, 10) === day)
    .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
}

/** "side-view video walk.mp4" (or "front-view video" when the name is unknown). */
export function videoLabel(g: SavedGait, language: Language = 'en'): string {
  const name = g.sourceName ? ` ${g.sourceName}` : '';
  const known = (['side', 'front', 'back'] as const).find((v) => v === g.analysis.view);
  if (language === 'es') return `vídeo ${known ? VIEW_ES[known] : 'de la marcha'}${name}`;
  return `${known ? `${known}-view` : 'gait'} video${name}`;
}
/** The views in Spanish, as the glossary of docs/translation.md has them. */
const VIEW_ES = { side: 'de vista lateral', front: 'de vista frontal', back: 'de vista posterior' } as const;

/**
 * Findings of one visit: for each metric, the finding from the analysis whose metric has the highest confidence
 * (the later video on a tie). A metric kept apart by side (value null, both sides given) counts with confidence
 * 0, so a video that measured it as one number wins. Written in `language`.
 */
export function sessionGaitFindings(
  session: readonly SavedGait[],
  language: Language = 'en',
): { chain: Finding[]; wholeBody: Finding[] } {
  const best = new Map<string, { finding: Finding; chain: boolean; confidence: number }>();
  for (const g of session) {
    const f = gaitFindings(g.analysis, { recordedAt: g.recordedAt, recordedBy: g.recordedBy }, language);
    const from = session.length > 1 ? videoLabel(g, language) : undefined;
    for (const [list, chain] of [
      [f.chain, true],
      [f.wholeBody, false],
    ] as const) {
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
  return {
    chain: all.filter((b) => b.chain).map((b) => b.finding),
    wholeBody: all.filter((b) => !b.chain).map((b) => b.finding),
  };
}
