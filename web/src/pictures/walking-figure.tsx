/**
 * The daily walk: a person walking upright, seen from the side and facing right, at one step and at the next
 * (legs and arms swapped). Drawn for Footing. The far leg and arm are lighter so the two sides can be told apart.
 */
import type { StridePose } from './picture-catalogue.js';
import { FLOOR_LINE, Head, Limb } from './drawing-parts.js';

type Pt = [number, number];

// Hip at (50, 66), shoulder at (52, 30). A leg reaching forward lands on its heel; the one behind pushes off its toes.
const FRONT_LEG: Pt[] = [
  [50, 66],
  [62, 92],
  [70, 118],
  [80, 116],
];
const BACK_LEG: Pt[] = [
  [50, 66],
  [42, 94],
  [31, 112],
  [42, 121],
];
const FRONT_ARM: Pt[] = [
  [52, 34],
  [62, 50],
  [70, 58],
];
const BACK_ARM: Pt[] = [
  [52, 34],
  [44, 50],
  [38, 60],
];

export function WalkingFigure({ pose }: { pose: StridePose }) {
  // The near side is the person's left. 'left-forward': the near (left) leg is in front, the near arm swings back.
  const nearLegFront = pose === 'left-forward';
  return (
    <svg viewBox="0 0 100 130" className="pic-svg" aria-hidden="true" focusable="false">
      <line x1={4} x2={96} y1={124} y2={124} stroke={FLOOR_LINE} strokeWidth={2} />
      <Limb points={nearLegFront ? BACK_LEG : FRONT_LEG} light />
      <Limb points={nearLegFront ? FRONT_ARM : BACK_ARM} light />
      <Limb
        points={[
          [50, 66],
          [52, 30],
        ]}
      />
      <Limb points={nearLegFront ? FRONT_LEG : BACK_LEG} />
      <Limb points={nearLegFront ? BACK_ARM : FRONT_ARM} />
      <Head x={54} y={18} />
    </svg>
  );
}
