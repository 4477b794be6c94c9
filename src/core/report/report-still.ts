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

const EVENT_WORDS: Record<GaitStillInfo['event'], string> = { initial_contact: 'initial contact (heel strike)', mid_stance: 'mid stance', toe_off: 'toe off' };

/** The index (in the analysis's list) of the still the report shows, or null when there is none. */
export function representativeStill(stills: readonly Pick<GaitStillInfo, 'event' | 'time'>[], events: unknown): number | null {
  if (!stills.length) return null;
  const strike = middleHeelStrike(events);
  const contacts = stills.map((s, i) => ({ s, i })).filter(({ s }) => s.event === 'initial_contact');
  if (contacts.length) {
    const t = strike?.time ?? contacts[0]!.s.time;
    return contacts.reduce((best, c) => (Math.abs(c.s.time - t) < Math.abs(best.s.time - t) ? c : best)).i;
  }
  return stills.map((s, i) => ({ s, i })).reduce((best, c) => (c.s.time < best.s.time ? c : best)).i;
}

const angle = (name: string, v: number | null) => `${name} ${v === null ? 'not measured' : `${Math.round(v)}°`}`;

/** Where the still was pictured: on the person's device when they saved the analysis, or by the server's job. */
export type StillMaker = 'device' | 'server';
const MADE: Record<StillMaker, string> = {
  device: 'as pictured on the device when the analysis was saved',
  server: 'as pictured by the server from the video before it was deleted',
};

/** The caption of a still: which moment, which frame, which video, who pictured it, and the angles written on it. */
export function stillCaption(s: Pick<GaitStillInfo, 'event' | 'side' | 'time' | 'frame' | 'angles'>, video: string, madeOn: StillMaker = 'device'): string {
  const side = s.side === 'left' ? 'Left' : 'Right';
  return `${side} ${EVENT_WORDS[s.event]} of ${video} at ${s.time.toFixed(2)} s (frame ${s.frame}), ${MADE[madeOn]}; the angles drawn on it: ${angle('hip', s.angles.hip_deg)}, ${angle('knee', s.angles.knee_deg)}, ${angle('ankle', s.angles.ankle_deg)}`;
}

/** The report's block for a still whose picture is `jpeg` (base64). */
export function stillPicture(s: Pick<GaitStillInfo, 'event' | 'side' | 'time' | 'frame' | 'angles' | 'width' | 'height'>, video: string, jpeg: string, madeOn: StillMaker = 'device'): Extract<ReportBlock, { kind: 'picture' }> {
  return { kind: 'picture', caption: stillCaption(s, video, madeOn), width: s.width, height: s.height, jpeg };
}
