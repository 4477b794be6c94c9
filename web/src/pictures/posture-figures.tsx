/**
 * The whole-body positions beside the close-ups, seen from the side and facing right: sitting on a chair,
 * standing with a hand on a counter or wall, standing on one foot with fingertips on a counter, each with the ball
 * under one foot where the exercise uses it. These are what change from stage to stage (sitting -> standing ->
 * single-leg, DOMAIN.md §4 4.6). Drawn for Footing as simple stick figures with round joints.
 */
import type { PostureId } from './picture-catalogue.js';
import { BALL, BALL_LINE, FLOOR_LINE, Head, Limb, PROP } from './drawing-parts.js';

const FLOOR_Y = 124;

function Ball({ x }: { x: number }) {
  return <circle cx={x} cy={FLOOR_Y - 5} r={5} fill={BALL} stroke={BALL_LINE} strokeWidth={1} />;
}

function Chair() {
  return (
    <path d="M18 36 V72 H52 M22 72 V124 M50 72 V124" fill="none" stroke={PROP} strokeWidth={4} strokeLinecap="round" />
  );
}

function Counter() {
  return <path d="M74 62 H100 M80 62 V124" fill="none" stroke={PROP} strokeWidth={5} strokeLinecap="round" />;
}

type Pt = [number, number];

/** A body position: what the person leans on, the far and near legs (hip, knee, ankle, toes), a ball under the
 * near foot, and the trunk and near arm (shoulder, elbow, hand on the thigh or the counter). */
interface Figure {
  prop: 'chair' | 'counter';
  farLeg: Pt[];
  nearLeg: Pt[];
  ballX?: number;
  trunk: Pt[];
  arm: Pt[];
  head: Pt;
}

const SEATED: Pick<Figure, 'prop' | 'trunk' | 'arm' | 'head'> = {
  prop: 'chair',
  trunk: [
    [34, 66],
    [33, 30],
  ],
  arm: [
    [33, 34],
    [46, 52],
    [58, 60],
  ],
  head: [35, 18],
};
const UPRIGHT: Pick<Figure, 'prop' | 'trunk' | 'arm' | 'head'> = {
  prop: 'counter',
  trunk: [
    [40, 66],
    [40, 30],
  ],
  arm: [
    [40, 34],
    [56, 48],
    [74, 58],
  ],
  head: [41, 18],
};
const STANDING_LEG: Pt[] = [
  [40, 66],
  [42, 94],
  [42, 118],
  [54, 120],
];

const FIGURES: Record<PostureId, Figure> = {
  sitting: {
    ...SEATED,
    farLeg: [
      [34, 66],
      [66, 66],
      [68, 114],
      [80, 118],
    ],
    nearLeg: [
      [36, 66],
      [64, 66],
      [66, 114],
      [78, 118],
    ],
  },
  'sitting-ball': {
    ...SEATED,
    farLeg: [
      [34, 66],
      [62, 66],
      [62, 114],
      [74, 118],
    ],
    nearLeg: [
      [36, 66],
      [66, 64],
      [74, 106],
      [86, 108],
    ],
    ballX: 82,
  },
  'standing-counter': {
    ...UPRIGHT,
    farLeg: [
      [40, 66],
      [38, 94],
      [36, 118],
      [48, 120],
    ],
    nearLeg: STANDING_LEG,
  },
  'standing-ball': {
    ...UPRIGHT,
    farLeg: [
      [40, 66],
      [36, 94],
      [32, 118],
      [44, 120],
    ],
    nearLeg: [
      [40, 66],
      [46, 92],
      [50, 110],
      [62, 111],
    ],
    ballX: 58,
  },
  // The free foot is off the floor, knee bent behind; the fingertips rest on the counter.
  'single-leg-counter': {
    ...UPRIGHT,
    farLeg: [
      [40, 66],
      [42, 92],
      [26, 104],
      [22, 98],
    ],
    nearLeg: STANDING_LEG,
    arm: [
      [40, 34],
      [56, 50],
      [74, 60],
    ],
  },
};

export function PostureFigure({ posture }: { posture: PostureId }) {
  const f = FIGURES[posture];
  return (
    <svg viewBox="0 0 100 130" className="pic-svg" aria-hidden="true" focusable="false">
      <line x1={4} x2={96} y1={FLOOR_Y} y2={FLOOR_Y} stroke={FLOOR_LINE} strokeWidth={2} />
      {f.prop === 'chair' ? <Chair /> : <Counter />}
      <Limb points={f.farLeg} light />
      {f.ballX !== undefined && <Ball x={f.ballX} />}
      <Limb points={f.trunk} />
      <Limb points={f.nearLeg} />
      <Limb points={f.arm} />
      <Head x={f.head[0]} y={f.head[1]} />
    </svg>
  );
}
