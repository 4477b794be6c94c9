/**
 * The ball roll's close-up: a right foot seen from the inside with the ball under its sole, heel on the left. The
 * ball stays where it is on the floor and the foot moves over it, as it does when you roll: under the heel, the
 * arch, then the ball of the foot. Drawn for Footing. In the guided session a CSS animation moves the foot
 * (pictures.css, --heel-x and friends); a still draws one spot.
 */
import type { CSSProperties } from 'react';
import type { BallSpot } from './picture-catalogue.js';
import { Arrow, BALL, BALL_LINE, FLOOR, FLOOR_LINE, INK, SKIN, SKIN_LINE } from './drawing-parts.js';

const FLOOR_Y = 110;
const BALL_R = 12;
const BALL_X = 120;

/**
 * Where the foot sits for each spot: x moves the foot so the spot is over the ball; y lowers it a little at the
 * arch, which is higher than the heel and the ball of the foot, so the sole keeps touching the ball.
 */
export const FOOT_AT: Record<BallSpot, { x: number; y: number }> = {
  heel: { x: BALL_X - 17, y: 0 },
  arch: { x: BALL_X - 56, y: 4 },
  forefoot: { x: BALL_X - 98, y: 0 },
};

// The foot in its own coordinates: heel at the left, toes at the right, sole at y = 86 under the heel and the
// ball of the foot (the top of the ball), higher under the arch.
/** From the back of the heel to the tip of the toes, in the foot's own coordinates. */
const FOOT_WIDTH = 136;
const FOOT =
  'M24 0 H48 L50 44 C58 52 74 58 94 64 C110 69 122 72 130 76 C135 79 134 85 128 86 L110 86 C102 86 98 86 92 86 C80 86 68 81 56 81 C44 81 36 86 26 87 C13 88 5 82 6 71 C7 61 15 52 22 44 Z';

export interface SoleOnBallProps {
  spot: BallSpot;
  /** How much weight the text asks for: a gentle press sitting, a little more standing. */
  weight: 'gentle' | 'more';
  /** In the guided session: the class that moves the foot instead of a fixed spot (the ball then turns as well). */
  rollClass?: string | undefined;
}

export function SoleOnBall({ spot, weight, rollClass }: SoleOnBallProps) {
  const at = FOOT_AT[spot];
  const vars = {
    '--heel-x': `${FOOT_AT.heel.x}px`,
    '--arch-x': `${FOOT_AT.arch.x}px`,
    '--arch-y': `${FOOT_AT.arch.y}px`,
    '--fore-x': `${FOOT_AT.forefoot.x}px`,
  } as CSSProperties;
  const still = rollClass ? undefined : `translate(${at.x} ${at.y})`;
  // A still is framed on the foot, so the three small frames of a card show the sole and the ball larger; the
  // moving one keeps the whole path in view.
  const viewBox = rollClass ? '0 0 240 124' : `${at.x - 4} 0 ${FOOT_WIDTH + 8} 124`;
  const ballY = FLOOR_Y - BALL_R;
  return (
    <svg viewBox={viewBox} className="pic-svg" aria-hidden="true" focusable="false" style={vars}>
      <rect x={0} y={FLOOR_Y} width={260} height={14} fill={FLOOR} />
      <line x1={0} x2={260} y1={FLOOR_Y} y2={FLOOR_Y} stroke={FLOOR_LINE} strokeWidth={1.5} />
      <g
        className={rollClass ? 'pic-turn-ball' : undefined}
        style={{ transformOrigin: `${BALL_X}px ${ballY}px` }} /* i18n-ignore: a CSS transform origin */
      >
        <circle cx={BALL_X} cy={ballY} r={BALL_R} fill={BALL} stroke={BALL_LINE} strokeWidth={1.5} />
        <path
          d={`M${BALL_X - 8} ${ballY - 6} q8 6 16 0 M${BALL_X - 8} ${ballY + 6} q8 -6 16 0`}
          fill="none"
          stroke={BALL_LINE}
          strokeWidth={1.2}
        />
      </g>
      <g className={rollClass} transform={still}>
        <path d={FOOT} fill={SKIN} stroke={SKIN_LINE} strokeWidth={1.6} />
        <path d="M110 74 q6 -2 10 2 M118 72 q5 -1 8 3" fill="none" stroke={SKIN_LINE} strokeWidth={1} />
        {/* Pressing down: a thin arrow for "gently", a thicker one for "a little more weight". */}
        <Arrow x={37} from={8} to={34} color={INK} width={weight === 'more' ? 6 : 3} />
      </g>
    </svg>
  );
}
