/**
 * What each exercise picture shows and says, per exercise and position (the positions the exercise library in
 * src/core/exercises.ts gives steps for, and the stages in src/core/stages.ts use). Pure data, no React, so
 * exercise-pictures.test.ts checks in Node that every exercise and progression has one.
 *
 * The words are keys of the pictures namespace (web/src/i18n/locales/<language>/pictures.json): the picture
 * translates them in the person's language; exercise-pictures.test.ts checks each exists in every language.
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

/** `caption` is a catalogue key (pictures namespace). */
export interface Frame<P extends string> {
  pose: P;
  caption: string;
}

interface PictureBase {
  exercise: ExerciseId;
  position: Position;
  /** The accessible name of the picture (a catalogue key, as are description and postureText). */
  title: string;
  /** What to do, in words: the picture's accessible description and its visible caption. */
  description: string;
  posture: PostureId | null;
  /** The posture in a few words, shown beside its drawing. */
  postureText: string;
}

/** The toes seen from the front (the pinky-toe lift): where the lift of one toe and not the other shows. */
export interface ToesPicture extends PictureBase {
  view: 'toes-front';
  start: Frame<ToePose>;
  via: Frame<ToePose>[];
  end: Frame<ToePose>;
}
/** The sole on the ball seen from the side (the ball roll), with how much weight goes onto the ball. */
export interface SolePicture extends PictureBase {
  view: 'sole-side';
  weight: 'gentle' | 'more';
  start: Frame<BallSpot>;
  via: Frame<BallSpot>[];
  end: Frame<BallSpot>;
}
/** The whole body from the side (the walk). */
export interface StridePicture extends PictureBase {
  view: 'stride-side';
  start: Frame<StridePose>;
  via: Frame<StridePose>[];
  end: Frame<StridePose>;
}

export type ExercisePictureSpec = ToesPicture | SolePicture | StridePicture;

const TOE_FRAMES = {
  start: { pose: 'toes-down', caption: 'frames.toesDown' },
  via: [],
  end: { pose: 'little-toe-up', caption: 'frames.littleToeUp' },
} satisfies Pick<ToesPicture, 'start' | 'via' | 'end'>;

// The steps say "from the heel to the ball of the foot": the arch is on the way, so it is a frame of its own.
const ROLL_FRAMES = {
  start: { pose: 'heel', caption: 'frames.heel' },
  via: [{ pose: 'arch', caption: 'frames.arch' }],
  end: { pose: 'forefoot', caption: 'frames.forefoot' },
} satisfies Pick<SolePicture, 'start' | 'via' | 'end'>;

// The close-up's own words (pictures:toeLift, pictures:roll) are shared by the descriptions through $t(…) in the catalogue.
/** The keys of a picture's words: pictures:<id>.title, .description, .posture. */
const words = (id: string) => ({
  title: `${id}.title`,
  description: `${id}.description`,
  postureText: `${id}.posture`,
});

export const PICTURES: readonly ExercisePictureSpec[] = [
  {
    exercise: 'walk',
    position: 'walking',
    view: 'stride-side',
    posture: null,
    ...words('walk'),
    start: { pose: 'left-forward', caption: 'frames.oneStep' },
    via: [],
    end: { pose: 'right-forward', caption: 'frames.nextStep' },
  },
  {
    exercise: 'ball-roll',
    position: 'sitting',
    view: 'sole-side',
    weight: 'gentle',
    posture: 'sitting-ball',
    ...words('ballRollSitting'),
    ...ROLL_FRAMES,
  },
  {
    exercise: 'ball-roll',
    position: 'standing',
    view: 'sole-side',
    weight: 'more',
    posture: 'standing-ball',
    ...words('ballRollStanding'),
    ...ROLL_FRAMES,
  },
  {
    exercise: 'pinky-toe-lift',
    position: 'sitting',
    view: 'toes-front',
    posture: 'sitting',
    ...words('toeLiftSitting'),
    ...TOE_FRAMES,
  },
  {
    exercise: 'pinky-toe-lift',
    position: 'standing',
    view: 'toes-front',
    posture: 'standing-counter',
    ...words('toeLiftStanding'),
    ...TOE_FRAMES,
  },
  {
    exercise: 'pinky-toe-lift',
    position: 'single-leg',
    view: 'toes-front',
    posture: 'single-leg-counter',
    ...words('toeLiftSingleLeg'),
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
