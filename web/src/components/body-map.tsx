/**
 * A simple body map: a front and a back outline where areas can be tapped (or focused and pressed with Enter or
 * Space) to mark where it hurts, each mark with its own 0-10 intensity. Sides are the person's own: on the front
 * view their right side is on the viewer's left.
 */
import type { KeyboardEvent } from 'react';
import type { BodyMark } from '../api/types.js';
import type { BodyRegion } from '../../../src/core/pain.js';

type Side = BodyMark['side'];
type View = 'front' | 'back';
interface Spot { region: BodyRegion; side: Side; cx: number; cy: number; rx: number; ry: number }

const NAMES: Record<BodyRegion, string> = {
  'foot-sole': 'sole of the foot', heel: 'heel', ankle: 'ankle', knee: 'knee', hip: 'hip', pelvis: 'pelvis and groin',
  'low-back': 'lower back', 'mid-back': 'middle of the back', neck: 'neck', shoulder: 'shoulder',
};

// Coordinates on a 200 x 400 outline. Front: person's right = viewer's left (x < 100). Back: person's left = viewer's left.
const pair = (region: BodyRegion, x: number, cy: number, rx: number, ry: number, leftOnViewerLeft: boolean): Spot[] => [
  { region, side: leftOnViewerLeft ? 'left' : 'right', cx: 100 - x, cy, rx, ry },
  { region, side: leftOnViewerLeft ? 'right' : 'left', cx: 100 + x, cy, rx, ry },
];
const SPOTS: Record<View, Spot[]> = {
  front: [
    { region: 'neck', side: 'centre', cx: 100, cy: 62, rx: 12, ry: 8 },
    ...pair('shoulder', 38, 86, 14, 11, false),
    ...pair('hip', 34, 178, 11, 12, false),
    { region: 'pelvis', side: 'centre', cx: 100, cy: 198, rx: 14, ry: 10 },
    ...pair('knee', 20, 268, 11, 13, false),
    ...pair('ankle', 20, 346, 9, 8, false),
  ],
  back: [
    { region: 'neck', side: 'centre', cx: 100, cy: 62, rx: 12, ry: 8 },
    ...pair('shoulder', 38, 86, 14, 11, true),
    { region: 'mid-back', side: 'centre', cx: 100, cy: 114, rx: 18, ry: 14 },
    { region: 'low-back', side: 'centre', cx: 100, cy: 154, rx: 20, ry: 11 },
    ...pair('hip', 20, 200, 15, 12, true),
    ...pair('knee', 20, 268, 11, 13, true),
    ...pair('heel', 20, 350, 9, 7, true),
    ...pair('foot-sole', 20, 382, 10, 8, true),
  ],
};

/** The outline: head, trunk, arms and legs as plain shapes. */
function Outline() {
  return (
    <g className="outline" aria-hidden="true">
      <circle cx="100" cy="30" r="22" />
      <rect x="88" y="50" width="24" height="20" rx="6" />
      <path d="M58 76 Q100 66 142 76 L136 196 Q100 206 64 196 Z" />
      <path d="M58 78 L40 170 L34 226 L46 228 L56 174 L70 112 Z" />
      <path d="M142 78 L160 170 L166 226 L154 228 L144 174 L130 112 Z" />
      <path d="M66 190 L134 190 L128 300 L122 362 L102 362 L104 300 L100 214 L96 300 L98 362 L78 362 L72 300 Z" />
    </g>
  );
}

export function markLabel(m: Pick<BodyMark, 'region' | 'side' | 'view'>): string {
  const side = m.side === 'centre' || m.side === 'both' ? '' : `${m.side} `;
  return `${side}${NAMES[m.region]} (${m.view})`.replace(/^./, (c) => c.toUpperCase());
}

const same = (a: BodyMark, s: Spot, view: View) => a.region === s.region && a.side === s.side && a.view === view;

export function BodyMap({ marks, onChange, defaultIntensity }: { marks: BodyMark[]; onChange: (m: BodyMark[]) => void; defaultIntensity: number }) {
  const toggle = (s: Spot, view: View) => {
    if (marks.some((m) => same(m, s, view))) onChange(marks.filter((m) => !same(m, s, view)));
    else onChange([...marks, { region: s.region, side: s.side, view, intensity: defaultIntensity }]);
  };
  const onKey = (e: KeyboardEvent, s: Spot, view: View) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(s, view); }
  };
  return (
    <div className="body-map">
      <div className="body-views">
        {(['front', 'back'] as const).map((view) => (
          <figure key={view}>
            <svg viewBox="0 0 200 400" role="group" aria-label={`Body, ${view} view`}>
              <Outline />
              {SPOTS[view].map((s) => {
                const mark = marks.find((m) => same(m, s, view));
                const label = markLabel({ region: s.region, side: s.side, view });
                return (
                  <ellipse key={`${s.region}-${s.side}`} className={`spot${mark ? ' marked' : ''}`} cx={s.cx} cy={s.cy} rx={s.rx + 4} ry={s.ry + 4}
                    role="button" tabIndex={0} aria-pressed={!!mark} aria-label={label} data-region={`${view}:${s.region}:${s.side}`}
                    onClick={() => toggle(s, view)} onKeyDown={(e) => onKey(e, s, view)}>
                    <title>{label}</title>
                  </ellipse>
                );
              })}
            </svg>
            <figcaption>{view === 'front' ? 'Front (your right is on the left)' : 'Back (your left is on the left)'}</figcaption>
          </figure>
        ))}
      </div>
      {marks.length > 0 && (
        <ul className="marks">
          {marks.map((m) => {
            const id = `mark-${m.view}-${m.region}-${m.side}`;
            return (
              <li key={id}>
                <label htmlFor={id}>{markLabel(m)}</label>
                <select id={id} aria-label={`How strong: ${markLabel(m)}`} value={m.intensity} onChange={(e) => onChange(marks.map((x) => (x === m ? { ...x, intensity: Number(e.target.value) } : x)))}>
                  {Array.from({ length: 11 }, (_, i) => <option key={i} value={i}>{i} / 10</option>)}
                </select>
                <button type="button" className="link-button" onClick={() => onChange(marks.filter((x) => x !== m))} aria-label={`Remove ${markLabel(m)}`}>Remove</button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
