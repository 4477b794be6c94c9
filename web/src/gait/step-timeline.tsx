/**
 * The detected steps on a timeline: one row per foot, heel strikes as filled triangles and toe offs as open
 * circles, a line for the playing position. Clicking the timeline moves the video there. The same events are
 * listed as text in a table below it.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
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
const W = 400;
const ROW = 36;
const PAD = 46;
const AXIS = 18;

export function StepTimeline({ events, duration, now, onSeek }: StepTimelineProps) {
  const { t } = useTranslation('gait');
  const two = (v: number) => formatNumber(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const x = (at: number) => PAD + (Math.max(0, Math.min(duration, at)) / Math.max(duration, 1e-6)) * (W - PAD - 10);
  const rows = [
    ['left', events.left],
    ['right', events.right],
  ] as const;
  const h = rows.length * ROW + AXIS;
  const click = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const sx = ((e.clientX - r.left) / r.width) * W;
    onSeek(((sx - PAD) / (W - PAD - 10)) * duration);
  };
  const step = duration > 16 ? 4 : duration > 8 ? 2 : 1;
  const ticks = Array.from({ length: Math.floor(duration / step) + 1 }, (_, i) => i * step);
  const count = (s: 'left' | 'right') =>
    t('timeline.count', {
      strikes: formatNumber(events[s].heel_strike.length),
      offs: formatNumber(events[s].toe_off.length),
    });
  return (
    <figure className="gait-timeline">
      <svg
        viewBox={`0 0 ${W} ${h}`}
        role="img"
        aria-label={t('timeline.label', { left: count('left'), right: count('right') })}
        onClick={click}
      >
        {rows.map(([side, ev], r) => {
          const y = r * ROW + ROW / 2;
          return (
            <g key={side}>
              <text x={2} y={y + 5} fontSize={13} fill="currentColor">
                {t(`stills.side.${side}`)}
              </text>
              <line x1={PAD} x2={W - 10} y1={y} y2={y} stroke="#c9d1cd" strokeWidth={1.5} />
              {ev.heel_strike.map((at) => (
                <path
                  key={`hs${at}`}
                  d={`M${x(at) - 6},${y - 12} L${x(at) + 6},${y - 12} L${x(at)},${y} Z`}
                  fill={SIDE_COLOURS[side]}
                  stroke="#17201d"
                  strokeWidth={1}
                >
                  <title>{t(`timeline.heelStrike.${side}`, { time: two(at) })}</title>
                </path>
              ))}
              {ev.toe_off.map((at) => (
                <circle
                  key={`to${at}`}
                  cx={x(at)}
                  cy={y + 7}
                  r={4.5}
                  fill="#fff"
                  stroke={SIDE_COLOURS[side]}
                  strokeWidth={2.5}
                >
                  <title>{t(`timeline.toeOff.${side}`, { time: two(at) })}</title>
                </circle>
              ))}
            </g>
          );
        })}
        {ticks.map((at) => (
          <text key={at} x={x(at)} y={h - 4} fontSize={12} textAnchor="middle" fill="currentColor">
            {t('timeline.tick', { s: formatNumber(at) })}
          </text>
        ))}
        <line x1={x(now)} x2={x(now)} y1={0} y2={h - AXIS} stroke="#a3121b" strokeWidth={2} />
      </svg>
      <figcaption className="small muted">{t('timeline.legend')}</figcaption>
    </figure>
  );
}

/** The same events as a table (seconds from the start of the video). */
export function EventTable({ events }: { events: GaitAnalysisJson['events'] }) {
  const { t } = useTranslation('gait');
  const fmt = (xs: number[]) =>
    xs.length
      ? xs
          .map((v) => formatNumber(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))
          .join(t('timeline.separator'))
      : '—';
  return (
    <table className="gait-events">
      <caption>{t('timeline.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('timeline.foot')}</th>
          <th scope="col">{t('timeline.heelStrikes')}</th>
          <th scope="col">{t('timeline.toeOffs')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('stills.side.left')}</th>
          <td>{fmt(events.left.heel_strike)}</td>
          <td>{fmt(events.left.toe_off)}</td>
        </tr>
        <tr>
          <th scope="row">{t('stills.side.right')}</th>
          <td>{fmt(events.right.heel_strike)}</td>
          <td>{fmt(events.right.toe_off)}</td>
        </tr>
      </tbody>
    </table>
  );
}
