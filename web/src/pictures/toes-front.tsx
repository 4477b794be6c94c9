/**
 * The pinky-toe lift's close-up: a right foot seen from the front at floor level, so the little toe can be seen
 * to leave the floor while the big toe stays pressed on it. Drawn for Footing. The lifted toe is moved by a CSS
 * animation in the guided session (pictures.css, --lift) or drawn in one pose for a still.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToePose } from './picture-catalogue.js';
import { Arrow, FLOOR, FLOOR_LINE, INK, LIFT_BLUE, SKIN, SKIN_LINE } from './drawing-parts.js';

const FLOOR_Y = 100;
/** How far the little toe rises when lifted, in drawing units (a clear but not exaggerated lift). */
export const TOE_LIFT = 16;

// Little toe first (on the viewer's left for a right foot seen from the front), big toe last. The toes are drawn
// large: they are what the picture is about.
const TOES = [
  { x: 28, w: 22, h: 20 },
  { x: 52, w: 24, h: 23 },
  { x: 78, w: 26, h: 26 },
  { x: 106, w: 28, h: 29 },
  { x: 136, w: 40, h: 34 },
] as const;

/** A toe standing on the floor; `below` is how far it reaches under the floor line (hidden there, except on the
 * little toe, which is drawn over the floor so that it can lift: its rounded pad shows). */
function Toe({ x, w, h, below = 8 }: { x: number; w: number; h: number; below?: number }) {
  const top = FLOOR_Y - h;
  return (
    <g>
      <rect x={x} y={top} width={w} height={h + below} rx={w * 0.45} fill={SKIN} stroke={SKIN_LINE} strokeWidth={1.6} />
      <rect
        x={x + w * 0.22}
        y={top + 3}
        width={w * 0.56}
        height={h * 0.36}
        rx={w * 0.2}
        fill="#f7e6da"
        stroke={SKIN_LINE}
        strokeWidth={0.8}
      />
    </g>
  );
}

export interface ToesFrontProps {
  pose: ToePose;
  /** In the guided session: the class that animates the little toe (pictures.css) instead of a fixed pose. */
  liftClass?: string | undefined;
  /** Which arrow to show at the little toe while it moves: up while lifting, down while lowering. */
  littleArrow?: 'up' | 'down' | null;
  /** Name the two toes in the drawing: only where it is drawn large enough to read (the guided session). */
  labels?: boolean;
}

function Label({ x, y, anchor, children }: { x: number; y: number; anchor: 'start' | 'end'; children: string }) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      fontSize={12}
      fontWeight={600}
      fill={INK}
      stroke="#fff"
      strokeWidth={3}
      paintOrder="stroke"
    >
      {children}
    </text>
  );
}

export function ToesFront({ pose, liftClass, littleArrow, labels = false }: ToesFrontProps) {
  const { t } = useTranslation('pictures');
  const lifted = pose === 'little-toe-up';
  const arrow = littleArrow === undefined ? (lifted ? 'up' : null) : littleArrow;
  const little = TOES[0];
  const cx = little.x + little.w / 2;
  // A still draws the pose with a transform; an animated one leaves it to the class (and --lift).
  const still = liftClass ? undefined : lifted ? `translate(0 ${-TOE_LIFT})` : undefined;
  const style = { '--lift': `${-TOE_LIFT}px` } as CSSProperties;
  return (
    <svg viewBox="0 0 200 116" className="pic-svg" aria-hidden="true" focusable="false" style={style}>
      {/* The bottom of the shin and the top of the foot, widening from the ankle to the toes. */}
      <path
        d="M66 0 H128 C132 20 150 36 168 50 C178 58 180 70 180 96 H24 C24 72 28 56 40 46 C52 36 62 20 66 0 Z"
        fill={SKIN}
        stroke={SKIN_LINE}
        strokeWidth={1.6}
      />
      <path d="M130 12 q10 6 8 16" fill="none" stroke={SKIN_LINE} strokeWidth={1.2} />
      <path d="M64 16 q-8 6 -6 15" fill="none" stroke={SKIN_LINE} strokeWidth={1.2} />
      {TOES.slice(1).map((t) => (
        <Toe key={t.x} {...t} />
      ))}
      {/* The floor covers the toes' undersides; the lifted toe shows its pad and a gap above its shadow. */}
      <rect x={0} y={FLOOR_Y} width={200} height={16} fill={FLOOR} />
      <line x1={0} x2={200} y1={FLOOR_Y} y2={FLOOR_Y} stroke={FLOOR_LINE} strokeWidth={1.5} />
      <ellipse cx={cx} cy={FLOOR_Y + 2} rx={little.w / 2 - 4} ry={2} fill="#b9c3bf" />
      <g className={liftClass} transform={still}>
        <Toe {...little} below={1} />
      </g>
      {/* The big toe presses into the floor the whole time. */}
      <Arrow x={156} from={28} to={62} color={INK} width={5} />
      <path d="M138 106 h36 M144 112 h24" stroke={INK} strokeWidth={2.5} strokeLinecap="round" />
      {arrow === 'up' && <Arrow x={12} from={96} to={58} color={LIFT_BLUE} width={5} />}
      {arrow === 'down' && <Arrow x={12} from={58} to={96} color={LIFT_BLUE} width={5} />}
      {labels && (
        <>
          <Label x={198} y={14} anchor="end">
            {t('labels.bigToe')}
          </Label>
          <Label x={2} y={46} anchor="start">
            {t('labels.littleToe')}
          </Label>
        </>
      )}
    </svg>
  );
}
