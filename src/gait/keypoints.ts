/**
 * The keypoint series: what a pose runtime (src/pose) hands to the gait analysis (src/gait). Pure data, no I/O.
 * Landmark names and order are BlazePose's 33 landmarks (the model verified in STACK.md), which include the heel
 * and the tip of the foot that gait events and foot angles need.
 */
export const LANDMARKS = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

export type LandmarkName = (typeof LANDMARKS)[number];

/** The legs' points, hips to toes (BlazePose 23-32), left before right at each joint. */
export const LEG_LANDMARKS: readonly LandmarkName[] = LANDMARKS.slice(LANDMARKS.indexOf('left_hip'));
/** The feet's points contacts are timed from (heel, toe) and the ankle between them (BlazePose 27-32). */
export const FOOT_LANDMARKS: readonly LandmarkName[] = LANDMARKS.slice(LANDMARKS.indexOf('left_ankle'));

/** One landmark in one frame. x, y in image pixels (origin top left); visibility 0..1 from the model. */
export interface ImagePoint {
  x: number;
  y: number;
  visibility: number;
}

/** One landmark in metres, hip-centred, as BlazePose's keypoints3D gives it (y points down). */
export interface WorldPoint {
  x: number;
  y: number;
  z: number;
  visibility: number;
}

/** One detected person in one frame. Arrays are indexed like LANDMARKS. */
export interface PosePerson {
  /** The detector's score for the whole person, 0..1. */
  score: number;
  image: ImagePoint[];
  world: WorldPoint[] | null;
}

export interface PoseFrame {
  /** Frame index in decode order. */
  index: number;
  /** Presentation time in seconds from the real frame timestamps (phones record at variable frame rates). */
  time: number;
  /** Everyone the model found in this frame, best first; empty when nobody was found. */
  people: PosePerson[];
}

export interface KeypointSeries {
  /** Free text naming the model and its variant, e.g. "blazepose-full tfjs 4.22.0 wasm". */
  model: string;
  width: number;
  height: number;
  /** Nominal frame rate from the container; timing always uses PoseFrame.time. */
  fps: number;
  frames: PoseFrame[];
}

/** Index of a landmark in PosePerson.image / .world (position in LANDMARKS). */
export const LANDMARK_INDEX: Readonly<Record<LandmarkName, number>> = Object.fromEntries(
  LANDMARKS.map((name, i) => [name, i]),
) as Record<LandmarkName, number>;
