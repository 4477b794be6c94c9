/**
 * Colours and small pieces the exercise pictures share: the skin and its outline, the ink of the figures and
 * arrows, the props, and an arrow. Colours keep a contrast of at least 3:1 against the white card (WCAG 1.4.11
 * for the parts of a graphic that carry meaning).
 */
export const SKIN = '#e3b999';
export const SKIN_LINE = '#5a3f2e';
/** The figures' bodies and the "press down" arrows. */
export const INK = '#23403a';
/** The little toe's "lift" arrows: a second colour, so lifting and pressing are told apart at a glance. */
export const LIFT_BLUE = '#1f5fbf';
/** Chairs, counters and walls: context, so lighter. */
export const PROP = '#8f9c97';
export const BALL = '#d9651e';
export const BALL_LINE = '#7a3309';
export const FLOOR = '#dfe5e1';
export const FLOOR_LINE = '#7d8a85';

/** A vertical arrow at `x` from `from` to `to` (its head at `to`), with a white edge so it reads over skin. */
export function Arrow({
  x,
  from,
  to,
  color,
  width = 4,
}: {
  x: number;
  from: number;
  to: number;
  color: string;
  width?: number;
}) {
  const dir = to > from ? 1 : -1;
  const head = 7 + width;
  const shaftEnd = to - dir * head * 0.8;
  const points = `${x - head * 0.7},${to - dir * head} ${x + head * 0.7},${to - dir * head} ${x},${to}`;
  return (
    <g>
      <line x1={x} x2={x} y1={from} y2={shaftEnd} stroke="#fff" strokeWidth={width + 3} strokeLinecap="round" />
      <polygon points={points} fill="#fff" stroke="#fff" strokeWidth={3} strokeLinejoin="round" />
      <line x1={x} x2={x} y1={from} y2={shaftEnd} stroke={color} strokeWidth={width} strokeLinecap="round" />
      <polygon points={points} fill={color} />
    </g>
  );
}

/** The far side's limbs: lighter, so the two sides of a figure can be told apart. */
export const INK_FAR = '#6b8a83';

/** A limb or the trunk of a figure: a thick round-ended line through the points. */
export function Limb({ points, light = false }: { points: [number, number][]; light?: boolean }) {
  const d = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join(' ');
  return (
    <path
      d={d}
      fill="none"
      stroke={light ? INK_FAR : INK}
      strokeWidth={7}
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  );
}

export function Head({ x, y }: { x: number; y: number }) {
  return <circle cx={x} cy={y} r={8.5} fill={INK} />;
}
