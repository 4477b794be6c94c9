/**
 * What each exercise picture shows and says, per exercise and position (the positions the exercise library in
 * src/core/exercises.ts gives steps for, and the stages in src/core/stages.ts use). Pure data, no React, so
 * exercise-pictures.test.ts checks in Node that every exercise and progression has one.
 *
 * Clinical honesty: each picture draws what the steps in src/core/exercises.ts say (DOMAIN.md §3 3.15, §4 4.6-4.7)
 * and nothing more: no muscles, no claimed effect, no pressure stronger than the text asks for.
 */
import type { ExerciseId, Position } from '../../../src/core/exercises.js';

/** The whole-body position beside the close-up: what changes from one stage to the next. */
export type PostureId = 'sitting' | 'sitting-ball' | 'standing-counter' | 'standing-ball' | 'single-leg-counter';

/** A pose of the close-up, by the view it belongs to. */
export type ToePose = 'toes-down' | 'little-toe-up';
export type BallSpot = 'heel' | 'arch' | 'forefoot';
export type StridePose = 'left-forward' | 'right-forward';

export interface Frame<P extends string> { pose: P; caption: string }

interface PictureBase {
  exercise: ExerciseId;
  position: Position;
  /** The accessible name of the picture. */
  title: string;
  /** What to do, in words: the picture's accessible description and its visible caption. */
  description: string;
  posture: PostureId | null;
  /** The posture in a few words, shown beside its drawing. */
  postureText: string;
}

/** The toes seen from the front (the pinky-toe lift): where the lift of one toe and not the other shows. */
export interface ToesPicture extends PictureBase { view: 'toes-front'; start: Frame<ToePose>; via: Frame<ToePose>[]; end: Frame<ToePose> }
/** The sole on the ball seen from the side (the ball roll), with how much weight goes onto the ball. */
export interface SolePicture extends PictureBase { view: 'sole-side'; weight: 'gentle' | 'more'; start: Frame<BallSpot>; via: Frame<BallSpot>[]; end: Frame<BallSpot> }
/** The whole body from the side (the walk). */
export interface StridePicture extends PictureBase { view: 'stride-side'; start: Frame<StridePose>; via: Frame<StridePose>[]; end: Frame<StridePose> }

export type ExercisePictureSpec = ToesPicture | SolePicture | StridePicture;

const TOE_FRAMES = {
  start: { pose: 'toes-down', caption: 'Start: all toes on the floor, big toe pressing down' },
  via: [],
  end: { pose: 'little-toe-up', caption: 'End: little toe lifted, big toe still down. Hold' },
} satisfies Pick<ToesPicture, 'start' | 'via' | 'end'>;

// The steps say "from the heel to the ball of the foot": the arch is on the way, so it is a frame of its own.
const ROLL_FRAMES = {
  start: { pose: 'heel', caption: 'Start: ball under the heel' },
  via: [{ pose: 'arch', caption: 'Then: under the arch' }],
  end: { pose: 'forefoot', caption: 'End: under the ball of the foot, then back' },
} satisfies Pick<SolePicture, 'start' | 'via' | 'end'>;

const TOE_LIFT = 'Close-up of the front of the foot: the big toe presses into the floor and stays down while the little toe lifts off the floor (the other small toes may lift a little too). The heel and the ball of the foot stay on the floor. Hold, then lower slowly.';
const ROLL = 'Close-up of the foot from the side: the ball rolls slowly under the sole from the heel, over the arch, to the ball of the foot and back. Keep the discomfort at 5 out of 10 or less and avoid bony bumps. Then change feet.';

export const PICTURES: readonly ExercisePictureSpec[] = [
  {
    exercise: 'walk', position: 'walking', view: 'stride-side', posture: null, postureText: 'Walking',
    title: 'How to do the daily walk',
    description: 'A person walking upright, arms swinging, one foot in front of the other. Walk at a pace where you can still talk.',
    start: { pose: 'left-forward', caption: 'One step' },
    via: [],
    end: { pose: 'right-forward', caption: 'The next step' },
  },
  {
    exercise: 'ball-roll', position: 'sitting', view: 'sole-side', weight: 'gentle', posture: 'sitting-ball', postureText: 'Sitting on a chair, ball under one foot',
    title: 'How to do the ball roll under the sole, sitting down',
    description: `Sitting on a chair with the ball under one foot, pressing gently. ${ROLL}`,
    ...ROLL_FRAMES,
  },
  {
    exercise: 'ball-roll', position: 'standing', view: 'sole-side', weight: 'more', posture: 'standing-ball', postureText: 'Standing, holding a wall or chair, ball under one foot',
    title: 'How to do the ball roll under the sole, standing',
    description: `Standing with one hand on a wall or chair and the ball under one foot, leaning a little more weight onto it than when sitting. ${ROLL}`,
    ...ROLL_FRAMES,
  },
  {
    exercise: 'pinky-toe-lift', position: 'sitting', view: 'toes-front', posture: 'sitting', postureText: 'Sitting, both bare feet flat on the floor',
    title: 'How to do the pinky-toe lift, sitting down',
    description: `Sitting on a chair with both bare feet flat on the floor. ${TOE_LIFT}`,
    ...TOE_FRAMES,
  },
  {
    exercise: 'pinky-toe-lift', position: 'standing', view: 'toes-front', posture: 'standing-counter', postureText: 'Standing on both feet, a hand on a counter if you need it',
    title: 'How to do the pinky-toe lift, standing',
    description: `Standing with the feet hip-width apart, a hand on a counter if needed. ${TOE_LIFT} Do not roll onto the outside of the foot.`,
    ...TOE_FRAMES,
  },
  {
    exercise: 'pinky-toe-lift', position: 'single-leg', view: 'toes-front', posture: 'single-leg-counter', postureText: 'Standing on one foot, fingertips on a counter',
    title: 'How to do the pinky-toe lift, on one foot',
    description: `Standing on one foot next to a counter, fingertips on it for safety. ${TOE_LIFT} Then the other foot.`,
    ...TOE_FRAMES,
  },
];

/** The picture of an exercise in a position, or undefined when there is none (a test makes sure there always is). */
export function pictureFor(exercise: ExerciseId, position: Position): ExercisePictureSpec | undefined {
  return PICTURES.find((p) => p.exercise === exercise && p.position === position);
}

/** The frames in order: start, the ones on the way, end. */
export function framesOf(p: ExercisePictureSpec): Frame<string>[] {
  return [p.start, ...p.via, p.end];
}
