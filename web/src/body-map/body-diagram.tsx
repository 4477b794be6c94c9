/**
 * The body map, the one the daily check-in and the pain map both use: one large outline at a time, front or back
 * (a switch above it), so each area is a big target on a phone. Every area is a button (Tab to it, Enter or Space
 * marks or unmarks it) named with its side and, once marked, its strength; a marked area shows its 0-10 number, not
 * only a colour, or "?" until its strength is chosen: nothing is chosen for the person. Below, each mark has its
 * own 0-10 choice and what the pain feels like. The arms and hands are areas too (neck pain often spreads there).
 * Sides are the person's own: on the front view their right side is on the viewer's left.
 */
import { useState, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BodyMark } from '../api/types.js';
import type { BodyRegion } from '../api/assessment-types.js';
import { NPRS_MAX, NPRS_MIN } from '../../../src/core/clinical-constants.js';
import { PAIN_TYPES } from '../../../src/core/pain.js';
import { painAreaLabel } from '../../../src/core/pain-areas.js';
import { markFieldId, type DraftMark } from './pain-marks.js';
import { currentLanguage } from '../i18n/i18n.js';

const SCORES = Array.from({ length: NPRS_MAX - NPRS_MIN + 1 }, (_, i) => NPRS_MIN + i);

type Side = BodyMark['side'];
type View = BodyMark['view'];
interface Spot {
  region: BodyRegion;
  side: Side;
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

/** "Left heel (back)" / "Talón izquierdo (detrás)": the region and side in words (src/core/pain-areas.ts), in the language on screen. */
export const regionLabel = (m: Parameters<typeof painAreaLabel>[0]): string => painAreaLabel(m, currentLanguage());

// A 240 x 440 outline (x from -20 to 220, the body centred on x = 100). Targets are at least 34 x 30 units: about
// 44 x 38 px at the size the phone shows them.
const pair = (
  region: BodyRegion,
  dx: number,
  cy: number,
  rx: number,
  ry: number,
  leftOnViewerLeft: boolean,
): Spot[] => [
  { region, side: leftOnViewerLeft ? 'left' : 'right', cx: 100 - dx, cy, rx, ry },
  { region, side: leftOnViewerLeft ? 'right' : 'left', cx: 100 + dx, cy, rx, ry },
];
/** Upper arm, forearm and hand on both sides, placed along the arms of the outline. */
const arms = (leftOnViewerLeft: boolean): Spot[] => [
  ...pair('upper-arm', 52, 136, 17, 19, leftOnViewerLeft),
  ...pair('forearm', 74, 202, 17, 21, leftOnViewerLeft),
  ...pair('hand', 85, 256, 17, 17, leftOnViewerLeft),
];
const SPOTS: Record<View, Spot[]> = {
  front: [
    { region: 'neck', side: 'centre', cx: 100, cy: 62, rx: 18, ry: 14 },
    ...pair('shoulder', 40, 92, 18, 17, false),
    ...arms(false),
    ...pair('hip', 30, 184, 17, 16, false),
    { region: 'pelvis', side: 'centre', cx: 100, cy: 214, rx: 19, ry: 14 },
    ...pair('knee', 20, 288, 17, 18, false),
    ...pair('ankle', 20, 376, 17, 15, false),
  ],
  back: [
    { region: 'neck', side: 'centre', cx: 100, cy: 62, rx: 18, ry: 14 },
    ...pair('shoulder', 40, 92, 18, 17, true),
    ...arms(true),
    { region: 'mid-back', side: 'centre', cx: 100, cy: 126, rx: 22, ry: 17 },
    { region: 'low-back', side: 'centre', cx: 100, cy: 168, rx: 24, ry: 15 },
    ...pair('hip', 22, 206, 19, 15, true),
    ...pair('knee', 20, 288, 17, 18, true),
    ...pair('heel', 20, 376, 17, 15, true),
    ...pair('foot-sole', 24, 418, 19, 15, true),
  ],
};

function Outline({ view }: { view: View }) {
  return (
    <g className="outline" aria-hidden="true">
      <circle cx="100" cy="30" r="22" />
      <rect x="89" y="48" width="22" height="24" rx="6" />
      <path d="M56 80 Q100 68 144 80 L140 200 Q100 214 60 200 Z" />
      <path d="M56 82 L28 166 L10 230 L24 236 L42 174 L70 116 Z" />
      <path d="M144 82 L172 166 L190 230 L176 236 L158 174 L130 116 Z" />
      <ellipse cx="15" cy="254" rx="11" ry="16" />
      <ellipse cx="185" cy="254" rx="11" ry="16" />
      <path d="M62 196 L138 196 L128 300 L122 388 L102 388 L104 300 L100 222 L96 300 L98 388 L78 388 L72 300 Z" />
      {view === 'back' ? (
        <g className="soles">
          <ellipse cx="76" cy="418" rx="13" ry="17" />
          <ellipse cx="124" cy="418" rx="13" ry="17" />
        </g>
      ) : (
        <>
          <path d="M78 388 L98 388 L96 400 L70 402 Z" />
          <path d="M122 388 L102 388 L104 400 L130 402 Z" />
        </>
      )}
    </g>
  );
}

const same = (m: DraftMark, s: Spot, view: View) => m.region === s.region && m.side === s.side && m.view === view;

/** How a marked area is named: with its strength, or that the strength is still to choose. */
function markedWords(m: DraftMark | undefined, t: TFunction): string {
  if (!m) return '';
  return m.intensity === null
    ? t('body-map:diagram.markedNoStrength')
    : t('body-map:diagram.marked', { intensity: m.intensity });
}

export function BodyDiagram({
  marks,
  onChange,
  problem,
}: {
  marks: DraftMark[];
  onChange: (m: DraftMark[]) => void;
  /** A mark whose strength is missing (pain-marks.ts finishMarks): shown next to its choice. */
  problem?: { id: string; message: string } | null;
}) {
  const { t } = useTranslation('body-map');
  const [view, setView] = useState<View>('front');
  const toggle = (s: Spot) => {
    if (marks.some((m) => same(m, s, view))) onChange(marks.filter((m) => !same(m, s, view)));
    else onChange([...marks, { region: s.region, side: s.side, view, intensity: null }]);
  };
  const onKey = (e: KeyboardEvent, s: Spot) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      toggle(s);
    }
  };
  const update = (m: DraftMark, change: Partial<DraftMark>) =>
    onChange(marks.map((x) => (x === m ? { ...x, ...change } : x)));
  const counts = {
    front: marks.filter((m) => m.view === 'front').length,
    back: marks.filter((m) => m.view === 'back').length,
  };
  return (
    <div className="body-diagram">
      <div className="view-switch" role="group" aria-label={t('diagram.whichSide')}>
        {(['front', 'back'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={view === v ? 'on' : ''}
            aria-pressed={view === v}
            onClick={() => setView(v)}
          >
            {v === 'front' ? t('diagram.front') : t('diagram.back')}
            {counts[v] ? ` ${t('diagram.countMarked', { count: counts[v] })}` : ''}
          </button>
        ))}
      </div>
      <figure>
        <svg
          viewBox="-20 0 240 440"
          role="group"
          aria-label={t(view === 'front' ? 'diagram.labelFront' : 'diagram.labelBack')}
        >
          <Outline view={view} />
          {SPOTS[view].map((s) => {
            const mark = marks.find((m) => same(m, s, view));
            const label = `${regionLabel({ region: s.region, side: s.side, view })}${markedWords(mark, t)}`;
            return (
              <g
                key={`${view}-${s.region}-${s.side}`}
                className={`area${mark ? ' marked' : ''}`}
                style={mark?.intensity != null ? { ['--pain' as string]: String(mark.intensity / 10) } : undefined}
                role="button"
                tabIndex={0}
                aria-pressed={!!mark}
                aria-label={label}
                data-area={`${view}:${s.region}:${s.side}`}
                onClick={() => toggle(s)}
                onKeyDown={(e) => onKey(e, s)}
              >
                <title>{label}</title>
                <ellipse cx={s.cx} cy={s.cy} rx={s.rx} ry={s.ry} />
                {mark && (
                  <text x={s.cx} y={s.cy} dy="0.35em" textAnchor="middle" aria-hidden="true">
                    {mark.intensity ?? '?'}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <figcaption>{view === 'front' ? t('diagram.captionFront') : t('diagram.captionBack')}</figcaption>
      </figure>
      {marks.length > 0 && (
        <ul className="marks">
          {marks.map((m) => {
            const id = markFieldId(m);
            const name = regionLabel(m);
            const error = problem?.id === id ? problem.message : null;
            return (
              <li key={id}>
                <label htmlFor={id}>{name}</label>
                <select
                  id={id}
                  value={m.intensity ?? ''}
                  aria-invalid={!!error}
                  aria-describedby={error ? `${id}-err` : undefined}
                  onChange={(e) => update(m, { intensity: e.target.value === '' ? null : Number(e.target.value) })}
                >
                  <option value="" disabled>
                    {t('diagram.howStrong', { max: NPRS_MAX })}
                  </option>
                  {SCORES.map((i) => (
                    <option key={i} value={i}>
                      {i} / {NPRS_MAX}
                    </option>
                  ))}
                </select>
                <select
                  id={`${id}-type`}
                  aria-label={t('diagram.feelsLike', { area: name })}
                  value={m.type ?? ''}
                  onChange={(e) => update(m, { type: (e.target.value || undefined) as BodyMark['type'] })}
                >
                  <option value="">{t('diagram.kind')}</option>
                  {PAIN_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`painTypes.${type}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange(marks.filter((x) => x !== m))}
                  aria-label={t('diagram.removeArea', { area: name })}
                >
                  {t('diagram.remove')}
                </button>
                {error && (
                  <p id={`${id}-err`} className="field-error" role="alert" style={{ gridColumn: '1 / -1' }}>
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
