/**
 * Quality checks run before any metric: is the series well formed, is the person there and large enough, is
 * the frame rate high enough, are there enough complete strides. Each failure is a warning with a code and
 * advice on how to film again; the errors a user can cause (a malformed series) carry a location. Pure.
 */
import { LANDMARKS, LANDMARK_INDEX, type KeypointSeries } from './keypoints.js';
import type { CleanTrack } from './trajectory-cleaning.js';
import { median } from './stats.js';
import { torsoLength } from './view-detection.js';

/**
 * Below 20 frames/s an event can only be placed within ±25 ms or worse, about ±4% of a step, and phases of the
 * foot in the air (swing ≈ 0.4 s) are sampled by fewer than 8 frames: timing metrics are not reported.
 */
export const MIN_FPS = 20;
/** At 30 frames/s and above the frame rate does not limit confidence (phone default). */
export const RECOMMENDED_FPS = 30;
/**
 * The person should be at least a quarter of the picture height: BlazePose works on a 256-pixel crop, and a
 * smaller person leaves the feet only a few pixels, too few to locate heel and toe.
 */
export const MIN_BODY_HEIGHT_FRACTION = 0.25;
/** Legs and feet must be seen in at least 60% of the walker's frames (otherwise too much is filled or lost). */
export const MIN_VISIBLE_FRACTION = 0.6;
/**
 * Timing metrics need at least 2 complete strides per foot: one stride gives one value with no check against a
 * mis-timed event, and left/right comparisons need both sides. Confidence grows to 1 at 6 strides per foot, the
 * order of strides lab protocols average for spatiotemporal means.
 */
export const MIN_STRIDES_PER_SIDE = 2;
export const FULL_CONFIDENCE_STRIDES_PER_SIDE = 6;
/** Torso (shoulder to hip) ≈ 0.288 × standing height (Winter's anthropometric segment proportions). */
export const TORSO_TO_HEIGHT = 0.288;

export interface GaitWarning {
  code:
    | 'invalid-series'
    | 'no-person'
    | 'person-too-small'
    | 'person-partly-visible'
    | 'low-frame-rate'
    | 'too-few-strides'
    | 'view-unclear'
    | 'no-depth-for-front-view'
    | 'events-inconsistent'
    | 'treadmill-speed-unused'
    | 'too-short'
    | 'feet-cut-off'
    | 'two-walkers'
    | 'camera-moving'
    | 'too-dark'
    | 'sides-unknown'
    | 'walking-backward';
  severity: 'error' | 'warning';
  message: string;
  advice: string;
  /** Where in the input the problem is (for malformed series). */
  location?: { frame?: number; field?: string };
}

/** Structural validation of a series; returns error warnings with locations, empty when well formed. */
export function validateSeries(series: KeypointSeries): GaitWarning[] {
  const issues: GaitWarning[] = [];
  const advice = 'Re-run the pose analysis on the video; if it happens again, report the file.';
  if (!(series.width > 0) || !(series.height > 0)) {
    issues.push({
      code: 'invalid-series',
      severity: 'error',
      message: 'Image width and height must be positive.',
      advice,
      location: { field: 'width/height' },
    });
  }
  let prev = -Infinity;
  series.frames.forEach((f, i) => {
    if (issues.length >= 10) return;
    if (!Number.isFinite(f.time) || f.time <= prev) {
      issues.push({
        code: 'invalid-series',
        severity: 'error',
        message: `Frame time ${f.time} is not after the previous frame's time.`,
        advice,
        location: { frame: i, field: 'time' },
      });
    }
    prev = Number.isFinite(f.time) ? f.time : prev;
    f.people.forEach((p, pi) => {
      if (p.image.length !== LANDMARKS.length) {
        issues.push({
          code: 'invalid-series',
          severity: 'error',
          message: `Expected ${LANDMARKS.length} landmarks, got ${p.image.length}.`,
          advice,
          location: { frame: i, field: `people[${pi}].image` },
        });
      }
      if (p.world && p.world.length !== LANDMARKS.length) {
        issues.push({
          code: 'invalid-series',
          severity: 'error',
          message: `Expected ${LANDMARKS.length} world landmarks, got ${p.world.length}.`,
          advice,
          location: { frame: i, field: `people[${pi}].world` },
        });
      }
    });
  });
  return issues;
}

export interface QualityFigures {
  /** Frames per second actually delivered over the walker's time span. */
  effectiveFps: number;
  /** Estimated body height / image height. */
  bodyHeightFraction: number;
  /** Share of the walker's frames with hips, knees, ankles, heels and toes of both legs seen. */
  legsVisibleFraction: number;
  /** Share of the walker's frames in which a heel or toe lies at (or beyond) the picture's bottom edge. */
  feetAtEdgeFraction: number;
}

/** A foot point within this fraction of the picture height from the bottom edge is taken as cut by the edge. */
const EDGE_BAND = 0.01;
/** Feet cut off in more than this share of frames: contacts cannot be seen (the sole is the part that is cut). */
export const MAX_FEET_AT_EDGE_FRACTION = 0.2;
/**
 * Less than this many seconds of video cannot hold two strides per foot even at a brisk 120 steps/min (a stride
 * lasts ~1 s): said plainly before anything else, instead of "no person found".
 */
export const MIN_VIDEO_SECONDS = 2;

const LEG_POINTS = ['hip', 'knee', 'ankle', 'heel', 'foot_index'] as const;

/** Figures for the checks. */
export function qualityFigures(series: KeypointSeries, track: CleanTrack): QualityFigures {
  // Mean rate over the walker's time span: frames the phone dropped lower it (a median would hide them).
  const span = (track.time[track.time.length - 1] ?? 0) - (track.time[0] ?? 0);
  const effectiveFps = track.time.length > 1 && span > 0 ? (track.time.length - 1) / span : series.fps;
  const torso = median(torsoLength(track).filter(Number.isFinite));
  const bodyHeightFraction = torso / TORSO_TO_HEIGHT / series.height;
  const idx = LEG_POINTS.flatMap((p) => [LANDMARK_INDEX[`left_${p}`], LANDMARK_INDEX[`right_${p}`]]);
  const seen = track.time.filter((_, i) =>
    idx.every((li) => (track.landmarks[li] as { observed: boolean[] }).observed[i]),
  ).length;
  const feet = (['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'] as const).map(
    (n) => track.landmarks[LANDMARK_INDEX[n]] as { y: number[] },
  );
  const bottom = series.height * (1 - EDGE_BAND);
  const atEdge = track.time.filter((_, i) => feet.some((f) => (f.y[i] as number) >= bottom)).length;
  return {
    effectiveFps,
    bodyHeightFraction: Number.isFinite(bodyHeightFraction) ? bodyHeightFraction : 0,
    legsVisibleFraction: track.time.length ? seen / track.time.length : 0,
    feetAtEdgeFraction: track.time.length ? atEdge / track.time.length : 0,
  };
}

/** Warnings for figures below the limits above. */
export function qualityWarnings(q: QualityFigures): GaitWarning[] {
  const out: GaitWarning[] = [];
  if (q.effectiveFps < MIN_FPS) {
    out.push({
      code: 'low-frame-rate',
      severity: 'error',
      message: `The video has about ${q.effectiveFps.toFixed(0)} frames per second; at least ${MIN_FPS} are needed to time steps.`,
      advice: `Record at ${RECOMMENDED_FPS} or 60 frames per second (camera settings), in good light so the phone does not lower the frame rate.`,
    });
  } else if (q.effectiveFps < RECOMMENDED_FPS - 2) {
    out.push({
      code: 'low-frame-rate',
      severity: 'warning',
      message: `The video has about ${q.effectiveFps.toFixed(0)} frames per second; timing is less precise below ${RECOMMENDED_FPS}.`,
      advice: `Record at ${RECOMMENDED_FPS} or 60 frames per second, in good light.`,
    });
  }
  if (q.bodyHeightFraction < MIN_BODY_HEIGHT_FRACTION) {
    out.push({
      code: 'person-too-small',
      severity: 'warning',
      message: 'The person is small in the picture, so feet are located less precisely.',
      advice:
        'Place the phone closer (about 3–4 m away) so the whole body fills at least a third of the picture height, head to feet in view.',
    });
  }
  if (q.feetAtEdgeFraction > MAX_FEET_AT_EDGE_FRACTION) {
    out.push({
      code: 'feet-cut-off',
      severity: 'warning',
      message: `The feet touch the bottom edge of the picture in ${Math.round(100 * q.feetAtEdgeFraction)} % of the frames, so the moments they land and leave the ground cannot be seen well.`,
      advice: 'Tilt the phone down or step back so there is a little floor below the feet the whole time.',
    });
  }
  if (q.legsVisibleFraction < MIN_VISIBLE_FRACTION) {
    out.push({
      code: 'person-partly-visible',
      severity: 'warning',
      message: 'Legs or feet are hidden or out of the picture in many frames.',
      advice:
        'Keep the feet in the picture the whole time: hold the phone at hip height, avoid objects between camera and walker, wear clothes that do not cover the ankles.',
    });
  }
  return out;
}

/** Warning when there are too few complete strides for timing metrics. */
export function strideWarning(strides: { left: number; right: number }): GaitWarning | null {
  if (strides.left >= MIN_STRIDES_PER_SIDE && strides.right >= MIN_STRIDES_PER_SIDE) return null;
  return {
    code: 'too-few-strides',
    severity: 'error',
    message: `Only ${strides.left} left and ${strides.right} right complete strides were found; at least ${MIN_STRIDES_PER_SIDE} per foot are needed.`,
    advice:
      'Walk at your usual pace for at least 8 steps inside the picture: start walking before you enter it and stop after you leave it. From the side, stand the phone 3–4 m from the walking line.',
  };
}

/** The video itself is too short for any gait measure (checked before looking for people). */
export function durationWarning(series: KeypointSeries): GaitWarning | null {
  const n = series.frames.length;
  const seconds =
    n > 1
      ? series.frames[n - 1]!.time - series.frames[0]!.time + 1 / Math.max(1, series.fps)
      : n / Math.max(1, series.fps);
  if (seconds >= MIN_VIDEO_SECONDS) return null;
  return {
    code: 'too-short',
    severity: 'error',
    message: `The video is only ${n} frame${n === 1 ? '' : 's'} (${seconds.toFixed(1)} s) long; at least ${MIN_VIDEO_SECONDS} s of walking are needed, and 10–20 s give reliable figures.`,
    advice: 'Record 10–20 seconds of walking at your usual pace (at least 8 steps), the whole body in the picture.',
  };
}
