/**
 * The detected steps on a timeline: one row per foot, heel strikes as filled triangles and toe offs as open
 * circles, a line for the playing position. Clicking the timeline moves the video there. The same events are
 * listed as text in a table below it.
 */
import type { MouseEvent } from 'react';
import type { GaitAnalysisJson } from '../../../src/gait/analysis-json.js';
import { SIDE_COLOURS } from './skeleton.js';

export interface StepTimelineProps {
  events: GaitAnalysisJson['events'];
  duration: number;
  now: number;
  onSeek: (t: number) => void;
}

// Drawn in a 400-unit-wide box: on a phone (about 360 px wide) text stays near its set size.
const W = 400; const ROW = 36; const PAD = 46; const AXIS = 18;

export function StepTimeline({ events, duration, now, onSeek }: StepTimelineProps) {
  const x = (t: number) => PAD + (Math.max(0, Math.min(duration, t)) / Math.max(duration, 1e-6)) * (W - PAD - 10);
  const rows = [['left', events.left], ['right', events.right]] as const;
  const h = rows.length * ROW + AXIS;
  const click = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const sx = ((e.clientX - r.left) / r.width) * W;
    onSeek(((sx - PAD) / (W - PAD - 10)) * duration);
  };
  const step = duration > 16 ? 4 : duration > 8 ? 2 : 1;
  const ticks = Array.from({ length: Math.floor(duration / step) + 1 }, (_, i) => i * step);
  const count = (s: 'left' | 'right') => `${events[s].heel_strike.length} heel strikes and ${events[s].toe_off.length} toe offs`;
  return (
    <figure className="gait-timeline">
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-label={`Steps over time. Left foot: ${count('left')}. Right foot: ${count('right')}.`} onClick={click}>
        {rows.map(([side, ev], r) => {
          const y = r * ROW + ROW / 2;
          return (
            <g key={side}>
              <text x={2} y={y + 5} fontSize={13} fill="currentColor">{side === 'left' ? 'Left' : 'Right'}</text>
              <line x1={PAD} x2={W - 10} y1={y} y2={y} stroke="#c9d1cd" strokeWidth={1.5} />
              {ev.heel_strike.map((t) => <path key={`hs${t}`} d={`M${x(t) - 6},${y - 12} L${x(t) + 6},${y - 12} L${x(t)},${y} Z`} fill={SIDE_COLOURS[side]} stroke="#17201d" strokeWidth={1}><title>{`${side} heel strike ${t.toFixed(2)} s`}</title></path>)}
              {ev.toe_off.map((t) => <circle key={`to${t}`} cx={x(t)} cy={y + 7} r={4.5} fill="#fff" stroke={SIDE_COLOURS[side]} strokeWidth={2.5}><title>{`${side} toe off ${t.toFixed(2)} s`}</title></circle>)}
            </g>
          );
        })}
        {ticks.map((t) => <text key={t} x={x(t)} y={h - 4} fontSize={12} textAnchor="middle" fill="currentColor">{t} s</text>)}
        <line x1={x(now)} x2={x(now)} y1={0} y2={h - AXIS} stroke="#a3121b" strokeWidth={2} />
      </svg>
      <figcaption className="small muted">▼ heel strike (foot lands) · ○ toe off (foot leaves the ground). Tap the timeline to jump there in the video.</figcaption>
    </figure>
  );
}

/** The same events as a table (seconds from the start of the video). */
export function EventTable({ events }: { events: GaitAnalysisJson['events'] }) {
  const fmt = (xs: number[]) => (xs.length ? xs.map((t) => t.toFixed(2)).join(', ') : '—');
  return (
    <table className="gait-events">
      <caption>Detected events (seconds)</caption>
      <thead><tr><th scope="col">Foot</th><th scope="col">Heel strikes</th><th scope="col">Toe offs</th></tr></thead>
      <tbody>
        <tr><th scope="row">Left</th><td>{fmt(events.left.heel_strike)}</td><td>{fmt(events.left.toe_off)}</td></tr>
        <tr><th scope="row">Right</th><td>{fmt(events.right.heel_strike)}</td><td>{fmt(events.right.toe_off)}</td></tr>
      </tbody>
    </table>
  );
}
