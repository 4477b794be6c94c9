/**
 * Outcome scores in words: each measure's score on its own scale, the band in words a person can read (the
 * official label stays visible in brackets), and the responder status of a trend.
 */
import type { TFunction } from 'i18next';
import type { OutcomeMeasureId, ResponderStatus } from '../api/assessment-types.js';
import { formatNumber } from '../i18n/format.js';

const one = (n: number) => formatNumber(Math.round(n * 10) / 10);

/** "6 out of 10", "34%", "12 of 50 (24%)", "5 of 9". */
export function formatScore(measure: OutcomeMeasureId, score: number, t: TFunction): string {
  switch (measure) {
    case 'nprs':
      return t('assessment:score.outOf10', { score: one(score) });
    case 'psfs':
      return t('assessment:score.outOf10Average', { score: one(score) });
    case 'odi':
    case 'faam-adl':
    case 'faam-sports':
      return t('assessment:score.percent', { score: one(score) });
    case 'ndi':
      return t('assessment:score.ndi', { score: one(score), percent: one(score * 2) });
    case 'start-back':
      return t('assessment:score.startBack', { score: one(score) });
  }
}

/** Plain words for a band; the two highest ODI bands carry labels that read badly out of context. */
export function bandWords(measure: OutcomeMeasureId, band: string, t: TFunction): string {
  if (measure === 'odi' && band === 'crippled') return t('assessment:band.secondHighest');
  if (measure === 'odi' && band === 'bed-bound') return t('assessment:band.highest');
  if (measure === 'start-back') return t('assessment:band.riskGroup', { band });
  return t('assessment:band.named', { band });
}

/** A trend's responder status: a symbol; its words are assessment:responder.<status>. */
export const RESPONDER_SYMBOL: Record<ResponderStatus, string> = {
  improved: '✓',
  'no-meaningful-change': '=',
  worse: '!',
};
