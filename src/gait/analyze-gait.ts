/**
 * analyzeGait: the whole keypoint pipeline in one pure call, safe to run on the device (browser) or in Node.
 * series → validate → track people and pick the walker → clean trajectories → camera view → events (Zeni 2008)
 * → quality checks → metrics with confidence. Problems never throw: they come back as warnings.
 */
import { angleCurves, keyFrames, type AngleCurves, type KeyFrame } from './angle-curves.js';
import type { GaitEvents } from './gait-events.js';
import type { KeypointSeries } from './keypoints.js';
import { dropBackwardEvents } from './backward-steps.js';
import { trimEdgeEvents } from './edge-events.js';
import { checkEventConsistency, modeFromCadence } from './event-consistency.js';
import { detectMode, modeFromPelvis, type GaitMode } from './gait-mode.js';
import { detectKeypointEvents, runningContacts, runningToeOffs } from './keypoint-events.js';
import { sortOutLegs } from './leg-identity.js';
import { stanceDirection } from './stance-direction.js';
import { computeMetrics, type GaitMetrics, type GaitScale } from './keypoint-metrics.js';
import { notMeasurable } from './metric.js';
import { buildTracks, selectTrack } from './person-tracking.js';
import {
  durationWarning,
  MIN_FPS,
  qualityFigures,
  qualityWarnings,
  strideWarning,
  validateSeries,
  type GaitWarning,
  type QualityFigures,
} from './quality-checks.js';
import { temporalParameters } from './temporal-parameters.js';
import { cleanTrack, type CleaningOptions } from './trajectory-cleaning.js';
import {
  detectView,
  estimateForStatedView,
  pelvis,
  torsoLength,
  UNKNOWN_VIEW,
  type ViewEstimate,
} from './view-detection.js';
import { median } from './stats.js';

export interface AnalyzeGaitOptions extends CleaningOptions {
  /** Analyse this track instead of the automatically chosen walker (ids are listed in GaitAnalysis.tracks). */
  trackId?: number;
  /** Needed for walking speed and step length. */
  scale?: GaitScale;
  /** The camera view as the person filmed it; 'auto' (default) detects it. A stated view is used, and a
   * disagreement with the detected one is reported as a warning. */
  view?: 'side' | 'front' | 'back' | 'auto';
  /**
   * Treadmill belt speed in km/h (as the treadmill shows it). With the walker in place it gives speed and step
   * length; without it those are not measurable.
   */
  treadmillKmh?: number;
  /**
   * What the pictures showed (src/pose/scene-checks.ts, from the walker scan): a moving camera (panning or
   * following the walker) and too little light. Absent when no scan ran.
   */
  scene?: { cameraMoving: boolean; dark: boolean };
  /**
   * The walker scan saw a second person walking about as much as the one it followed (src/pose/walker-choice.ts):
   * how the reader knows each of them and how they choose the other, in the words of where the result is read
   * (`footing analyze`: the scan's numbers and --person; the gait screen: its "Person N" list), made by
   * src/services/analyze-video.ts. The pose pass sees only the followed person's region, so the tracks below cannot
   * show the other one.
   */
  otherWalker?: { followed: string; other: string; choose: string };
}

/** The belt speeds a treadmill offers (km/h); anything outside is a typing error, refused with a message. */
export const TREADMILL_KMH_RANGE = { min: 0.5, max: 30 };

export interface GaitAnalysis {
  /** The analysed track, or null when nobody was found. */
  trackId: number | null;
  /** Every track found, for a "this is not me" picker. */
  tracks: Array<{ id: number; frames: number; firstFrame: number; score: number }>;
  view: ViewEstimate;
  /** Walk or run (gait-mode.ts), 'unknown' when the events did not say. */
  mode: GaitMode;
  /** The belt speed used, km/h, when the user gave one. */
  treadmillKmh?: number;
  events: GaitEvents;
  /** How events were found ('zeni-image-x' side view, 'zeni-world-z' front/back with depth), or null. */
  eventMethod: 'zeni-image-x' | 'zeni-world-z' | null;
  metrics: GaitMetrics;
  quality: QualityFigures | null;
  warnings: GaitWarning[];
  /** Hip, knee and ankle angles over the gait cycle per side (side view; angle-curves.ts). */
  curves: AngleCurves;
  /** Initial contact, mid stance and toe off of one stride per foot, with the points and angles (for stills). */
  keyFrames: KeyFrame[];
}

/**
 * Below this view confidence (which includes how far the person travelled: under two torso lengths gives low
 * values) steps are not timed, so a bystander moving in place never produces steps.
 */
export const MIN_VIEW_CONFIDENCE = 0.3;

const NO_EVENTS: GaitEvents = { left: { heelStrike: [], toeOff: [] }, right: { heelStrike: [], toeOff: [] } };

function allNotMeasurable(reason: string): GaitMetrics {
  const m = notMeasurable(reason);
  return {
    cadence: m,
    stepTime: m,
    strideTime: m,
    stancePercent: m,
    swingPercent: m,
    doubleSupportPercent: m,
    stepTimeSymmetryRatio: m,
    stanceTimeSymmetryRatio: m,
    swingTimeSymmetryRatio: m,
    kneeFlexionInitialContact: m,
    kneeFlexionPeakSwing: m,
    pelvicDrop: m,
    trunkLateralLean: m,
    footProgressionAngle: m,
    walkingSpeed: m,
    stepLength: m,
    contactTime: m,
    flightTime: m,
    kneeFlexionPeakStance: m,
    trunkForwardLean: m,
    kneeFrontalProjection: m,
    stepWidth: m,
  };
}

/** Analyses one keypoint series. */
export function analyzeGait(series: KeypointSeries, options: AnalyzeGaitOptions = {}): GaitAnalysis {
  const empty = (warnings: GaitWarning[], reason: string, tracks: GaitAnalysis['tracks'] = []): GaitAnalysis => ({
    trackId: null,
    tracks,
    view: UNKNOWN_VIEW,
    mode: 'unknown',
    events: NO_EVENTS,
    eventMethod: null,
    metrics: allNotMeasurable(reason),
    quality: null,
    warnings,
    curves: { status: 'not_measurable', reason },
    keyFrames: [],
  });
  const invalid = validateSeries(series);
  if (invalid.length) return empty(invalid, 'The keypoint series is malformed.');

  const short = durationWarning(series);
  if (short) return empty([short], 'The video is too short.');

  const tracks = buildTracks(series, { minVisibility: options.minVisibility ?? 0.5 });
  const listed = tracks.map((t) => ({
    id: t.id,
    frames: t.detections.length,
    firstFrame: t.detections[0]?.frame ?? 0,
    score: t.score,
  }));
  const track = selectTrack(tracks, options.trackId);
  if (!track || track.detections.length < 5) {
    const asked = options.trackId !== undefined && !track;
    return empty(
      [
        {
          code: 'no-person',
          severity: 'error',
          message: asked
            ? `There is no person track with id ${options.trackId}.`
            : 'No person was found walking in the video.',
          advice:
            'Film the whole body (head to feet) in good light, with the phone held still, walking across the picture, toward or away from it, or on a treadmill.',
        },
      ],
      'No person to analyse.',
      listed,
    );
  }

  const clean = cleanTrack(series, track, options);
  const detected = detectView(clean);
  let view: ViewEstimate =
    options.view && options.view !== 'auto' ? estimateForStatedView(clean, options.view) : detected;
  const cameraMoving = options.scene?.cameraMoving === true;
  // A camera that follows the walker keeps them in place in the picture, as a treadmill would: it is not one.
  if (cameraMoving && view.setting === 'in-place') view = { ...view, setting: 'overground' };
  const quality = qualityFigures(series, clean);
  const warnings = qualityWarnings(quality);
  if (cameraMoving) {
    warnings.push({
      code: 'camera-moving',
      severity: 'warning',
      message:
        'The camera moved during the video (it turned or followed the walker), so distances and speed cannot be measured from it; step timing and angles, taken relative to the body, still can.',
      advice:
        'Stand the phone still (lean it on something or use a tripod) and let the walker pass through the picture.',
    });
  }
  if (options.scene?.dark) {
    warnings.push({
      code: 'too-dark',
      severity: 'warning',
      message: 'The video is dark, so the feet are placed less precisely.',
      advice: 'Film in good light: switch the lights on or film near a window, with the light behind the phone.',
    });
  }
  // Two people walking alike: the one followed may be the wrong one, so say so and how to choose the other.
  const rival =
    options.trackId === undefined
      ? tracks.filter(
          (t) =>
            t.id !== track.id && t.detections.length >= 0.5 * track.detections.length && t.score >= 0.7 * track.score,
        )[0]
      : undefined;
  if (rival) {
    warnings.push({
      code: 'two-walkers',
      severity: 'warning',
      message: `Two people move alike in this video; Footing followed person ${track.id}, not person ${rival.id}.`,
      advice:
        'If that is the wrong person, choose the other one ("This is not me"), or film with only the person to measure walking.',
    });
  } else if (options.otherWalker) {
    const { followed, other, choose } = options.otherWalker;
    warnings.push({
      code: 'two-walkers',
      severity: 'warning',
      message: `Two people walk about as much in this video; Footing followed ${followed}, not ${other}.`,
      advice: `If that is the wrong person, ${choose}, or film with only the person to measure walking.`,
    });
  }
  if (
    options.view &&
    options.view !== 'auto' &&
    detected.view !== 'unknown' &&
    detected.view !== options.view &&
    detected.confidence >= MIN_VIEW_CONFIDENCE
  ) {
    warnings.push({
      code: 'view-unclear',
      severity: 'warning',
      message: `You said the video was filmed from the ${options.view}, but it looks like a ${detected.view} view.`,
      advice: 'Check the view setting, or film again exactly from the side or straight from the front or back.',
    });
  }
  if (view.view === 'unknown' || view.confidence < MIN_VIEW_CONFIDENCE) {
    warnings.push({
      code: 'view-unclear',
      severity: 'warning',
      message: 'The camera angle is unclear (neither clearly from the side nor from the front or back).',
      advice:
        'Film either exactly from the side (phone at right angles to the walking line) or straight from the front or back.',
    });
  }
  // Side view: the legs sorted out from the walk (contacts alternate), not from the model's labels.
  const legs = sortOutLegs(clean, view);
  if (legs.sides === 'unknown') {
    warnings.push({
      code: 'sides-unknown',
      severity: 'warning',
      message:
        'The pose model mixed up the two legs in this video, and which one is the left could not be told afterwards, so left and right values may be the wrong way round.',
      advice:
        'Film with the leg nearer the camera clearly in front of the other (phone at hip height, the whole body and the floor in the picture), or film from the front or back to compare the sides.',
    });
  }
  const analysed = legs.track;
  let detection = detectKeypointEvents(analysed, view);
  if (detection.status !== 'ok' && (view.view === 'front' || view.view === 'back')) {
    warnings.push({
      code: 'no-depth-for-front-view',
      severity: 'warning',
      message: 'From the front or back, step timing needs depth data that this pose model run did not provide.',
      advice: 'For step timing, film from the side; front or back videos are used for pelvis and trunk only.',
    });
  }
  if (detection.status === 'ok' && view.confidence < MIN_VIEW_CONFIDENCE) {
    // Someone standing, turning or moving about in place: peaks in their foot signals are not steps.
    detection = {
      status: 'not_measurable',
      reason: 'The person does not walk across, toward the camera or on a treadmill clearly enough to time steps.',
    };
  }
  if (quality.effectiveFps < MIN_FPS)
    detection = { status: 'not_measurable', reason: `Frame rate below ${MIN_FPS} frames per second.` };
  let mode: GaitMode = 'unknown';
  if (detection.status === 'ok') {
    // Contacts at the clip's edges that cannot be steps (one contact under both feet, a foot landing twice) are
    // dropped before any time is taken from them; the consistency check below still judges what is left.
    detection = { ...detection, events: trimEdgeEvents(detection.events).events };
    // Then steps taken walking backward are not timed (backward-steps.ts): Zeni's contacts assume the heel leads.
    // After the edges, whose rule judges the clip's contacts as a whole.
    if (view.view === 'side' && view.setting === 'overground' && !cameraMoving) {
      const back = dropBackwardEvents(analysed, view, detection.events);
      if (back.droppedContacts > 0) {
        warnings.push({
          code: 'walking-backward',
          severity: 'warning',
          message:
            'Part of the video shows the person walking backward (moving the other way from where they face); those steps are not timed.',
          advice: 'For step timing, film the person walking forward across the picture.',
        });
        detection = { ...detection, events: back.events };
      }
    }
    // In place (treadmill) or with a camera that follows the walker, the pelvis does not travel, so the rule above
    // cannot see walking backward: the foot on the ground moving the way the walker faces does
    // (stance-direction.ts). The contact rules find a forward walker's heel strike and toe off; walking backward
    // the toe lands first, so its steps are not timed rather than timed wrongly.
    if (
      view.view === 'side' &&
      (view.setting === 'in-place' || cameraMoving) &&
      stanceDirection(analysed, view).backward
    ) {
      warnings.push({
        code: 'walking-backward',
        severity: 'warning',
        message:
          'The person moves backward (the foot on the ground moves the way they face), so the steps are not timed: the timing finds a forward heel strike and toe off, and moving backward the toe lands first.',
        advice: 'For step timing, film the person walking or running forward; walking backward is not measured.',
      });
      detection = {
        status: 'not_measurable',
        reason: 'Walking backward: not measured (the step timing is made for walking forward, heel first).',
      };
    }
  }
  if (detection.status === 'ok') {
    let tp = temporalParameters(detection.events);
    // Walk or run from the body's mechanics first (needs no toe offs).
    const hips = pelvis(clean);
    const size = median(torsoLength(clean).filter(Number.isFinite));
    const byPelvis = modeFromPelvis(
      clean.time,
      hips.y.map((y) => -y / size),
      detection.events,
    );
    // Then the cadence where only one gait allows it, then stance and flight (toe offs, the least sure events).
    const byCadence = modeFromCadence(tp.cadence);
    mode =
      byPelvis.mode !== 'unknown'
        ? byPelvis.mode
        : byCadence !== 'unknown'
          ? byCadence
          : detectMode(tp, detection.events).mode;
    if (mode === 'run' && view.view === 'side') {
      const toeOffs = runningToeOffs(analysed, detection.events);
      const d = detection;
      const withContacts = {
        left: {
          ...toeOffs.left,
          heelStrike: runningContacts(
            analysed.time,
            d.signals.left.heel,
            d.events.left.heelStrike,
            toeOffs.left.toeOff,
          ),
        },
        right: {
          ...toeOffs.right,
          heelStrike: runningContacts(
            analysed.time,
            d.signals.right.heel,
            d.events.right.heelStrike,
            toeOffs.right.toeOff,
          ),
        },
      };
      detection = { ...detection, events: withContacts };
      tp = temporalParameters(detection.events);
    }
    // Events are checked before any time is reported from them: a wrong number is worse than none.
    const check = checkEventConsistency(detection.events, tp, mode);
    if (!check.ok) {
      const problems = check.problems.join('; ');
      warnings.push({
        code: 'events-inconsistent',
        severity: 'error',
        message: `The steps found in this video are not consistent (${problems}), so no step timing is shown.`,
        advice:
          'Film again with both legs clearly visible the whole time (nobody and nothing in front of them), at least 8 steps, the phone held still at hip height.',
      });
      detection = { status: 'not_measurable', reason: `The steps found are not consistent: ${problems}.` };
      mode = 'unknown';
    } else {
      const w = strideWarning({ left: tp.strideTimes.left.length, right: tp.strideTimes.right.length });
      if (w) warnings.push(w);
    }
  }
  const events = detection.status === 'ok' ? detection.events : NO_EVENTS;
  const treadmillKmh = options.treadmillKmh;
  if (treadmillKmh !== undefined && view.setting === 'overground') {
    warnings.push({
      code: 'treadmill-speed-unused',
      severity: 'warning',
      message:
        'You entered a treadmill speed, but the person walks through the picture, so the speed was measured from the video instead.',
      advice: 'Leave the treadmill speed empty for walks on the floor.',
    });
  }
  const metrics = computeMetrics({
    track: analysed,
    view,
    effectiveFps: quality.effectiveFps,
    mode,
    events:
      detection.status === 'ok' ? { status: 'ok', events, viaWorld: detection.method === 'zeni-world-z' } : detection,
    ...(options.scale ? { scale: options.scale } : {}),
    ...(treadmillKmh !== undefined && view.setting === 'in-place' ? { treadmillSpeed: treadmillKmh / 3.6 } : {}),
    cameraMoving,
  });
  const curveInput = {
    track: analysed,
    view,
    events: detection.status === 'ok' ? { status: 'ok' as const, events } : detection,
  };
  return {
    curves: angleCurves(curveInput),
    keyFrames: keyFrames(curveInput),
    trackId: track.id,
    tracks: listed,
    view,
    mode,
    ...(treadmillKmh !== undefined ? { treadmillKmh } : {}),
    events,
    eventMethod: detection.status === 'ok' ? detection.method : null,
    metrics,
    quality,
    warnings,
  };
}
