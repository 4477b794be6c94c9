/**
 * Outcome scores in words: each measure's score on its own scale, the band in words a person can read (the
 * official label stays visible in brackets), and the responder status of a trend.
 */
import type { OutcomeMeasureId, ResponderStatus } from '../api/assessment-types.js';

const one = (n: number) => String(Math.round(n * 10) / 10);

/** "6 out of 10", "34%", "12 of 50 (24%)", "5 of 9". */
export function formatScore(measure: OutcomeMeasureId, score: number): string {
  switch (measure) {
    case 'nprs': return `${one(score)} out of 10`;
    case 'psfs': return `${one(score)} out of 10 (average)`;
    case 'odi': case 'faam-adl': case 'faam-sports': return `${one(score)}%`;
    case 'ndi': return `${one(score)} of 50 (${one(score * 2)}%)`;
    case 'start-back': return `${one(score)} of 9`;
  }
}

/** Plain words for a band; the two highest ODI bands carry labels that read badly out of context. */
export function bandWords(measure: OutcomeMeasureId, band: string): string {
  if (measure === 'odi' && band === 'crippled') return 'second-highest band';
  if (measure === 'odi' && band === 'bed-bound') return 'highest band';
  if (measure === 'start-back') return `${band} risk group`;
  return `“${band}” band`;
}

export const RESPONDER_TEXT: Record<ResponderStatus, { symbol: string; words: string }> = {
  improved: { symbol: '✓', words: 'Improved' },
  'no-meaningful-change': { symbol: '=', words: 'No meaningful change' },
  worse: { symbol: '!', words: 'Worse' },
};
