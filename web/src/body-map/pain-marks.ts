/**
 * Marks on the body map while a person makes them: a tapped area has no strength until the person chooses one
 * (nothing is filled in for them, issue 17: areas silently got 5/10), and a form sends its marks only once each
 * has its strength, or says which area still needs one. And where the latest saved areas came from, in words.
 */
import { painAreaLabel, type PainAreas } from '../../../src/core/pain-areas.js';
import type { BodyMark } from '../api/types.js';
import type { TFunction } from 'i18next';
import { shortDate } from '../lib/local-time.js';
import { currentLanguage, i18n } from '../i18n/i18n.js';

// The words follow the language on screen; a caller (or a test) may pass its own t.
const currentT: TFunction = ((...args: Parameters<TFunction>) => i18n.t(...args)) as TFunction;

/** A mark being made: `intensity` stays null until the person chooses 0-10. */
export type DraftMark = Omit<BodyMark, 'intensity'> & { intensity: number | null };

/** The id of a mark's strength choice (the form moves focus there when it is missing). */
export function markFieldId(m: Pick<BodyMark, 'view' | 'region' | 'side'>): string {
  return `pm-${m.view}-${m.region}-${m.side}`;
}

/** The marks ready to send, or the first area whose strength is not chosen yet, with what to say about it. */
export function finishMarks(
  marks: readonly DraftMark[],
  t: TFunction = currentT,
): { marks: BodyMark[]; problem: null } | { marks: null; problem: { id: string; message: string } } {
  const unrated = marks.find((m) => m.intensity === null);
  if (unrated) {
    const left = marks.filter((m) => m.intensity === null).length;
    return {
      marks: null,
      problem: {
        id: markFieldId(unrated),
        message:
          left > 1
            ? t('body-map:marks.chooseStrengthMany', { area: painAreaLabel(unrated, currentLanguage()), left })
            : t('body-map:marks.chooseStrength', { area: painAreaLabel(unrated, currentLanguage()) }),
      },
    };
  }
  return { marks: marks.map((m) => ({ ...m, intensity: m.intensity! })), problem: null };
}

/** "From your daily check-in on Sat 6 Dec." / "From the pain map on Fri 5 Dec, recorded by Sam Okafor." */
export function painAreasSource(
  p: Pick<PainAreas, 'source' | 'recordedAt' | 'recordedBy'>,
  t: TFunction = currentT,
): string {
  const from = p.source === 'checkin' ? 'checkin' : 'painMap';
  const values = { date: shortDate(p.recordedAt), by: p.recordedBy };
  return p.recordedBy === 'me' ? t(`body-map:source.${from}`, values) : t(`body-map:source.${from}By`, values);
}
