/**
 * Marks on the body map while a person makes them: a tapped area has no strength until the person chooses one
 * (nothing is filled in for them, issue 17: areas silently got 5/10), and a form sends its marks only once each
 * has its strength, or says which area still needs one. And where the latest saved areas came from, in words.
 */
import { painAreaLabel, type PainAreas } from '../../../src/core/pain-areas.js';
import type { BodyMark } from '../api/types.js';
import { shortDate } from '../lib/local-time.js';

/** A mark being made: `intensity` stays null until the person chooses 0-10. */
export type DraftMark = Omit<BodyMark, 'intensity'> & { intensity: number | null };

/** The id of a mark's strength choice (the form moves focus there when it is missing). */
export function markFieldId(m: Pick<BodyMark, 'view' | 'region' | 'side'>): string {
  return `pm-${m.view}-${m.region}-${m.side}`;
}

/** The marks ready to send, or the first area whose strength is not chosen yet, with what to say about it. */
export function finishMarks(marks: readonly DraftMark[]): { marks: BodyMark[]; problem: null } | { marks: null; problem: { id: string; message: string } } {
  const unrated = marks.find((m) => m.intensity === null);
  if (unrated) {
    const left = marks.filter((m) => m.intensity === null).length;
    return {
      marks: null,
      problem: {
        id: markFieldId(unrated),
        message: `Choose how strong the pain is in ${painAreaLabel(unrated)}, from 0 to 10${left > 1 ? ` (${left} areas still need it)` : ''}, or remove the area.`,
      },
    };
  }
  return { marks: marks.map((m) => ({ ...m, intensity: m.intensity! })), problem: null };
}

const FROM: Record<PainAreas['source'], string> = { checkin: 'your daily check-in', 'pain-map': 'the pain map' };

/** "From your daily check-in on Sat 6 Dec." / "From the pain map on Fri 5 Dec, recorded by Sam Okafor." */
export function painAreasSource(p: Pick<PainAreas, 'source' | 'recordedAt' | 'recordedBy'>): string {
  const by = p.recordedBy === 'me' ? '' : `, recorded by ${p.recordedBy}`;
  return `From ${FROM[p.source]} on ${shortDate(p.recordedAt)}${by}.`;
}
