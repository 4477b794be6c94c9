/**
 * The picture of a walk in the clinician's report when the analysis was saved with stills (src/gait/gait-stills.ts:
 * the key moments of one stride per foot, pictured on the device with the skeleton and the angles drawn on them).
 * The report shows one: the initial contact (heel strike) nearest the middle heel strike of the clip, the moment
 * the stick figure stands for too (skeleton-still.ts); without an initial contact, the first still in time. Pure: the
 * use case loads the chosen picture's bytes and hands them in as JPEG (src/services/report-service.ts).
 */
import type { GaitStillInfo } from '../../gait/gait-stills.js';
import type { ReportBlock } from './report-document.js';
import { middleHeelStrike } from './skeleton-still.js';
import { reportEnglish, reportText, type ReportText, type StillMaker } from './report-words.js';

export type { StillMaker } from './report-words.js';

/** The index (in the analysis's list) of the still the report shows, or null when there is none. */
export function representativeStill(
  stills: readonly Pick<GaitStillInfo, 'event' | 'time'>[],
  events: unknown,
): number | null {
  if (!stills.length) return null;
  const strike = middleHeelStrike(events);
  const contacts = stills.map((s, i) => ({ s, i })).filter(({ s }) => s.event === 'initial_contact');
  if (contacts.length) {
    const t = strike?.time ?? contacts[0]!.s.time;
    return contacts.reduce((best, c) => (Math.abs(c.s.time - t) < Math.abs(best.s.time - t) ? c : best)).i;
  }
  return stills.map((s, i) => ({ s, i })).reduce((best, c) => (c.s.time < best.s.time ? c : best)).i;
}

/** A still's caption by id: which moment, which frame, which video, who pictured it, and the angles written on it. */
export function stillText(
  s: Pick<GaitStillInfo, 'event' | 'side' | 'time' | 'frame' | 'angles'>,
  video: string,
  madeOn: StillMaker = 'device',
): ReportText<'caption.still'> {
  return reportText('caption.still', {
    side: s.side,
    event: s.event,
    video,
    time: s.time,
    frame: s.frame,
    madeOn,
    angles: { hip: s.angles.hip_deg, knee: s.angles.knee_deg, ankle: s.angles.ankle_deg },
  });
}

/** The caption of a still in English (the PDF's). */
export function stillCaption(
  s: Pick<GaitStillInfo, 'event' | 'side' | 'time' | 'frame' | 'angles'>,
  video: string,
  madeOn: StillMaker = 'device',
): string {
  return reportEnglish(stillText(s, video, madeOn));
}

/** The report's block for a still whose picture is `jpeg` (base64). */
export function stillPicture(
  s: Pick<GaitStillInfo, 'event' | 'side' | 'time' | 'frame' | 'angles' | 'width' | 'height'>,
  video: string,
  jpeg: string,
  madeOn: StillMaker = 'device',
): Extract<ReportBlock, { kind: 'picture' }> {
  const text = stillText(s, video, madeOn);
  return { kind: 'picture', caption: reportEnglish(text), width: s.width, height: s.height, jpeg, text };
}
