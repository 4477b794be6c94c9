/**
 * An exercise's picture: the body position beside a close-up of the foot where the movement happens. On an
 * exercise's card it shows the start and end positions side by side (and any on the way); in the guided session it
 * moves between them at the session's pace (picture-motion.ts). With `prefers-reduced-motion` the session shows the
 * positions side by side too, without motion. One accessible name and a description in words for screen readers.
 */
import { useTranslation } from 'react-i18next';
import { useId, type CSSProperties } from 'react';
import type { ExerciseId, Position } from '../../../src/core/exercises.js';
import { useMediaQuery } from '../lib/use-media-query.js';
import { framesOf, pictureFor, type ExercisePictureSpec, type Frame } from './picture-catalogue.js';
import type { PictureMotion } from './picture-motion.js';
import { PostureFigure } from './posture-figures.js';
import { SoleOnBall } from './sole-on-ball.js';
import { ToesFront } from './toes-front.js';
import { WalkingFigure } from './walking-figure.js';
import './pictures.css';

/** One position of the close-up, drawn still. */
function StillFrame({ spec, frame }: { spec: ExercisePictureSpec; frame: Frame<string> }) {
  switch (spec.view) {
    case 'toes-front':
      return <ToesFront pose={frame.pose as typeof spec.start.pose} />;
    case 'sole-side':
      return <SoleOnBall spot={frame.pose as typeof spec.start.pose} weight={spec.weight} />;
    case 'stride-side':
      return <WalkingFigure pose={frame.pose as typeof spec.start.pose} />;
  }
}

/** The close-up moving as `motion` says (or standing in its start position when it says nothing moves). */
function MovingFrame({ spec, motion }: { spec: ExercisePictureSpec; motion: PictureMotion }) {
  const cls = motion.animation ? `pic-anim-${motion.animation}` : undefined;
  switch (spec.view) {
    case 'toes-front': {
      const arrow = motion.animation === 'lift-hold' ? 'up' : motion.animation === 'lower' ? 'down' : null;
      return (
        <ToesFront
          pose={motion.animation === 'lower' ? 'little-toe-up' : 'toes-down'}
          liftClass={cls}
          littleArrow={arrow}
          labels
        />
      );
    }
    case 'sole-side':
      return <SoleOnBall spot="heel" weight={spec.weight} rollClass={cls} />;
    case 'stride-side':
      return <WalkingFigure pose={spec.start.pose} />;
  }
}

export interface ExercisePictureProps {
  exercise: ExerciseId;
  position: Position;
  /** In the guided session: how the picture moves in the current segment. Without it, the positions stand side by side. */
  motion?: PictureMotion | undefined;
  /** Changes with each segment, so the animation starts again with it. */
  motionKey?: number | undefined;
  paused?: boolean | undefined;
}

export function ExercisePicture({ exercise, position, motion, motionKey, paused = false }: ExercisePictureProps) {
  const { t } = useTranslation('pictures');
  const reduce = useMediaQuery('(prefers-reduced-motion: reduce)');
  const descId = useId();
  const spec = pictureFor(exercise, position);
  if (!spec) return null;
  const moving = motion !== undefined && !reduce;
  // The animated parts read these (pictures.css): one run's length, how many runs, and whether the session is paused.
  const timing =
    moving && motion.animation
      ? ({
          '--pic-seconds': `${motion.seconds}s`,
          '--pic-runs': String(motion.iterations),
          '--pic-state': paused ? 'paused' : 'running',
        } as CSSProperties)
      : undefined;
  return (
    <figure className={`pic pic-${spec.view}${moving ? ' pic-moving' : ' pic-still'}`} data-testid="exercise-picture">
      <div className="pic-art" role="img" aria-label={t(spec.title)} aria-describedby={descId}>
        {spec.posture && (
          <div className="pic-posture">
            <PostureFigure posture={spec.posture} />
            <p>{t(spec.postureText)}</p>
          </div>
        )}
        {moving ? (
          <div className="pic-motion" key={motionKey} style={timing} data-animation={motion.animation ?? 'none'}>
            <MovingFrame spec={spec} motion={motion} />
          </div>
        ) : (
          <ol className="pic-frames">
            {framesOf(spec).map((f) => (
              <li key={f.pose}>
                <StillFrame spec={spec} frame={f} />
                <p>{t(f.caption)}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
      {/* Read out, not shown: the card shows the steps below the picture, and in the session the timer's line says
          what to do and the controls must stay on a phone's first screen. */}
      <figcaption id={descId} className="visually-hidden">
        {t(spec.description)}
      </figcaption>
    </figure>
  );
}
