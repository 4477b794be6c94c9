/**
 * The still of a gait analysis for the report: one representative frame's body points as a stick figure. The
 * frame is the one nearest the middle heel strike of the analysis (a moment a clinician recognises: the heel
 * lands, the other leg pushes off); without events, the middle frame in which someone was found. Points the model
 * saw poorly (visibility under a half) are left out rather than drawn where it guessed.
 */
import { LANDMARK_INDEX, type LandmarkName, type KeypointSeries, type PoseFrame } from '../../gait/keypoints.js';
import type { ReportBlock } from './report-document.js';
import { reportEnglish, reportText, type ReportText } from './report-words.js';

/** The limbs as chains of points, each side on its own (drawn left orange, right blue, the middle grey). */
const LIMBS: readonly LandmarkName[][] = [
  [
    'left_wrist',
    'left_elbow',
    'left_shoulder',
    'left_hip',
    'left_knee',
    'left_ankle',
    'left_heel',
    'left_foot_index',
    'left_ankle',
  ],
  [
    'right_wrist',
    'right_elbow',
    'right_shoulder',
    'right_hip',
    'right_knee',
    'right_ankle',
    'right_heel',
    'right_foot_index',
    'right_ankle',
  ],
  ['left_shoulder', 'right_shoulder'],
  ['left_hip', 'right_hip'],
  ['left_ear', 'nose', 'right_ear'],
];
const MIN_VISIBILITY = 0.5;

/** A heel strike of the analysis's events: its time in the video and the foot. */
export interface HeelStrike {
  time: number;
  side: 'left' | 'right';
}

/** The middle heel strike of the clip (of both feet, in time order), or null when the analysis found none. */
export function middleHeelStrike(events: unknown): HeelStrike | null {
  const e = events as { left?: { heel_strike?: unknown }; right?: { heel_strike?: unknown } } | undefined;
  const of = (side: 'left' | 'right'): HeelStrike[] => {
    const list = e?.[side]?.heel_strike;
    return (Array.isArray(list) ? list : [])
      .filter((t): t is number => typeof t === 'number' && Number.isFinite(t))
      .map((time) => ({ time, side }));
  };
  const all = [...of('left'), ...of('right')].sort((a, b) => a.time - b.time);
  return all.length ? all[Math.floor((all.length - 1) / 2)]! : null;
}

/** The representative frame of a series: nearest the middle heel strike, else the middle frame with someone in it. */
export function representativeFrame(series: KeypointSeries, events: unknown): PoseFrame | null {
  const withPerson = series.frames.filter((f) => f.people.length > 0);
  if (!withPerson.length) return null;
  const strike = middleHeelStrike(events);
  if (strike === null) return withPerson[Math.floor((withPerson.length - 1) / 2)]!;
  return withPerson.reduce((best, f) =>
    Math.abs(f.time - strike.time) < Math.abs(best.time - strike.time) ? f : best,
  );
}

/** The stick figure's caption by id: the video, and which moment its frame shows (the event it stands for, the frame's number and time). */
export function stickFigureText(video: string, frame: Pick<PoseFrame, 'index' | 'time'>, events: unknown): ReportText {
  const strike = middleHeelStrike(events);
  return strike
    ? reportText('caption.stick-figure-strike', {
        video,
        side: strike.side,
        strikeTime: strike.time,
        frame: frame.index,
        frameTime: frame.time,
      })
    : reportText('caption.stick-figure-middle', { video, frame: frame.index, frameTime: frame.time });
}

/** The stick figure of the representative frame of `video` (its name, for the caption), or null when nobody was found clearly enough. */
export function skeletonStill(
  series: KeypointSeries,
  events: unknown,
  video: string,
): Extract<ReportBlock, { kind: 'skeleton' }> | null {
  const frame = representativeFrame(series, events);
  const person = frame?.people[0];
  if (!frame || !person) return null;
  const at = (n: LandmarkName) => {
    const p = person.image[LANDMARK_INDEX[n]];
    return p && p.visibility >= MIN_VISIBILITY && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : null;
  };
  const segments: Extract<ReportBlock, { kind: 'skeleton' }>['segments'] = [];
  for (const limb of LIMBS) {
    for (let i = 1; i < limb.length; i++) {
      const a = at(limb[i - 1]!);
      const b = at(limb[i]!);
      if (!a || !b) continue;
      const side =
        limb[i - 1]!.startsWith('left') && limb[i]!.startsWith('left')
          ? 'left'
          : limb[i - 1]!.startsWith('right') && limb[i]!.startsWith('right')
            ? 'right'
            : 'mid';
      segments.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, side });
    }
  }
  if (!segments.length) return null;
  // Cropped to the person with a margin of a sixth of their height: a walker filmed whole is small in the frame.
  const xs = segments.flatMap((g) => [g.x1, g.x2]);
  const ys = segments.flatMap((g) => [g.y1, g.y2]);
  const pad = Math.max(10, (Math.max(...ys) - Math.min(...ys)) / 6);
  const left = Math.max(0, Math.min(...xs) - pad);
  const top = Math.max(0, Math.min(...ys) - pad);
  const right = Math.min(series.width, Math.max(...xs) + pad);
  const bottom = Math.min(series.height, Math.max(...ys) + pad);
  const text = stickFigureText(video, frame, events);
  return {
    kind: 'skeleton',
    caption: reportEnglish(text),
    text,
    width: Math.max(1, right - left),
    height: Math.max(1, bottom - top),
    segments: segments.map((g) => ({ x1: g.x1 - left, y1: g.y1 - top, x2: g.x2 - left, y2: g.y2 - top, side: g.side })),
  };
}
