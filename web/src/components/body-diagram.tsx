/**
 * The pain map's body diagram: one large outline at a time, front or back (a switch above it), so each area is a
 * big target on a phone. Every area is a button (Tab to it, Enter or Space marks or unmarks it) named with its side
 * and, once marked, its intensity; a marked area shows its 0-10 number, not only a colour. Below, each mark has
 * its own 0-10 choice. Sides are the person's own: on the front view their right side is on the viewer's left.
 */
import { useState, type KeyboardEvent } from 'react';
import type { BodyMark } from '../api/types.js';
import type { BodyRegion } from '../api/assessment-types.js';
import { NPRS_MAX, NPRS_MIN } from '../../../src/core/clinical-constants.js';
import { PAIN_TYPES } from '../../../src/core/pain.js';
import { painAreaLabel } from '../../../src/core/pain-areas.js';

const SCORES = Array.from({ length: NPRS_MAX - NPRS_MIN + 1 }, (_, i) => NPRS_MIN + i);

type Side = BodyMark['side'];
type View = BodyMark['view'];
interface Spot { region: BodyRegion; side: Side; cx: number; cy: number; rx: number; ry: number }

/** "Left heel (back)": the region and side in words (src/core/pain-areas.ts). */
export const regionLabel = painAreaLabel;

// A 200 x 440 outline. Targets are at least 34 x 30 units: about 44 x 38 px at the size the phone shows them.
const pair = (region: BodyRegion, dx: number, cy: number, rx: number, ry: number, leftOnViewerLeft: boolean): Spot[] => [
  { region, side: leftOnViewerLeft ? 'left' : 'right', cx: 100 - dx, cy, rx, ry },
  { region, side: leftOnViewerLeft ? 'right' : 'left', cx: 100 + dx, cy, rx, ry },
];
const SPOTS: Record<View, Spot[]> = {
  front: [
    { region: 'neck', side: 'centre', cx: 100, cy: 62, rx: 18, ry: 14 },
    ...pair('shoulder', 40, 92, 18, 17, false),
    ...pair('hip', 30, 184, 17, 16, false),
    { region: 'pelvis', side: 'centre', cx: 100, cy: 214, rx: 19, ry: 14 },
    ...pair('knee', 20, 288, 17, 18, false),
    ...pair('ankle', 20, 376, 17, 15, false),
  ],
  back: [
    { region: 'neck', side: 'centre', cx: 100, cy: 62, rx: 18, ry: 14 },
    ...pair('shoulder', 40, 92, 18, 17, true),
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
      <path d="M56 82 L38 172 L32 234 L44 236 L54 178 L70 116 Z" />
      <path d="M144 82 L162 172 L168 234 L156 236 L146 178 L130 116 Z" />
      <path d="M62 196 L138 196 L128 300 L122 388 L102 388 L104 300 L100 222 L96 300 L98 388 L78 388 L72 300 Z" />
      {view === 'back'
        ? <g className="soles"><ellipse cx="76" cy="418" rx="13" ry="17" /><ellipse cx="124" cy="418" rx="13" ry="17" /></g>
        : <><path d="M78 388 L98 388 L96 400 L70 402 Z" /><path d="M122 388 L102 388 L104 400 L130 402 Z" /></>}
    </g>
  );
}

const same = (m: BodyMark, s: Spot, view: View) => m.region === s.region && m.side === s.side && m.view === view;

export function BodyDiagram({ marks, onChange, defaultIntensity }: { marks: BodyMark[]; onChange: (m: BodyMark[]) => void; defaultIntensity: number }) {
  const [view, setView] = useState<View>('front');
  const toggle = (s: Spot) => {
    if (marks.some((m) => same(m, s, view))) onChange(marks.filter((m) => !same(m, s, view)));
    else onChange([...marks, { region: s.region, side: s.side, view, intensity: defaultIntensity }]);
  };
  const onKey = (e: KeyboardEvent, s: Spot) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(s); }
  };
  const counts = { front: marks.filter((m) => m.view === 'front').length, back: marks.filter((m) => m.view === 'back').length };
  return (
    <div className="body-diagram">
      <div className="view-switch" role="group" aria-label="Which side of the body">
        {(['front', 'back'] as const).map((v) => (
          <button key={v} type="button" className={view === v ? 'on' : ''} aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'front' ? 'Front' : 'Back'}{counts[v] ? ` (${counts[v]} marked)` : ''}
          </button>
        ))}
      </div>
      <figure>
        <svg viewBox="0 0 200 440" role="group" aria-label={`Body, ${view} view. Choose an area to mark it.`}>
          <Outline view={view} />
          {SPOTS[view].map((s) => {
            const mark = marks.find((m) => same(m, s, view));
            const label = `${regionLabel({ region: s.region, side: s.side, view })}${mark ? `, marked ${mark.intensity} out of 10` : ''}`;
            return (
              <g key={`${view}-${s.region}-${s.side}`} className={`area${mark ? ' marked' : ''}`} style={mark ? { ['--pain' as string]: String(mark.intensity / 10) } : undefined}
                role="button" tabIndex={0} aria-pressed={!!mark} aria-label={label} data-area={`${view}:${s.region}:${s.side}`}
                onClick={() => toggle(s)} onKeyDown={(e) => onKey(e, s)}>
                <title>{label}</title>
                <ellipse cx={s.cx} cy={s.cy} rx={s.rx} ry={s.ry} />
                {mark && <text x={s.cx} y={s.cy} dy="0.35em" textAnchor="middle" aria-hidden="true">{mark.intensity}</text>}
              </g>
            );
          })}
        </svg>
        <figcaption>{view === 'front' ? 'Front: your right side is on the left of the picture.' : 'Back: your left side is on the left of the picture. The soles of the feet are at the bottom.'}</figcaption>
      </figure>
      {marks.length > 0 && (
        <ul className="marks">
          {marks.map((m) => {
            const id = `pm-${m.view}-${m.region}-${m.side}`;
            const name = regionLabel(m);
            return (
              <li key={id}>
                <label htmlFor={id}>{name}</label>
                <select id={id} value={m.intensity} onChange={(e) => onChange(marks.map((x) => (x === m ? { ...x, intensity: Number(e.target.value) } : x)))}>
                  {SCORES.map((i) => <option key={i} value={i}>{i} / {NPRS_MAX}</option>)}
                </select>
                <select id={`${id}-type`} aria-label={`What the pain in ${name} feels like`} value={m.type ?? ''} onChange={(e) => onChange(marks.map((x) => (x === m ? { ...x, type: (e.target.value || undefined) as BodyMark['type'] } : x)))}>
                  <option value="">Kind of pain (optional)</option>
                  {PAIN_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                </select>
                <button type="button" className="link-button" onClick={() => onChange(marks.filter((x) => x !== m))} aria-label={`Remove ${name}`}>Remove</button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
