/**
 * Hip, knee and ankle angles over the gait cycle (0-100 % from one initial contact to the next of the same foot),
 * left and right, with the walking reference boxes where Footing's sources give them (the knee: DOMAIN.md §2c
 * [26]); never on a run. The geometry is src/core/report/gait-angle-chart.ts; every number shown is the stored
 * curve's own (the analysis JSON's angle_curves).
 */
import type { AngleCurvesJson, SideCurvesJson } from '../../../src/gait/analysis-json.js';
import { KNEE_CYCLE_REFERENCE } from '../../../src/gait/reference-ranges.js';
import { angleChart, curvePeak } from '../../../src/core/report/gait-angle-chart.js';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { Citations } from '../ui/citations.js';
import { SIDE_COLOURS } from './skeleton.js';

const SIDES = ['left', 'right'] as const;

type JointKey = 'hip_deg' | 'knee_deg' | 'ankle_deg';
// Each joint's words are gait:angles.joint.<hip|knee|ankle>.title/up/down in the catalogue.
const JOINTS: Array<{ key: JointKey; name: 'hip' | 'knee' | 'ankle' }> = [
  { key: 'hip_deg', name: 'hip' },
  { key: 'knee_deg', name: 'knee' },
  { key: 'ankle_deg', name: 'ankle' },
];

/** Which reference applies: walking norms for a walk (older analyses were all walks), none for a run or an unknown gait. */
export function normsFor(mode: string | undefined): 'walk' | 'run' | 'unknown' {
  return mode === undefined || mode === 'walk' ? 'walk' : mode === 'run' ? 'run' : 'unknown';
}

function sideText(name: string, s: SideCurvesJson | null, key: JointKey, t: TFunction): string {
  const c = s?.[key];
  if (!c) return t('gait:angles.notMeasured', { name });
  const peak = curvePeak(c.mean);
  const low = Math.min(...c.mean);
  return t('gait:angles.side', {
    name,
    count: c.strides,
    strides: formatNumber(c.strides),
    low: formatNumber(Math.round(low)),
    high: formatNumber(Math.round(peak.value)),
    pct: formatNumber(peak.pct),
  });
}

function JointChart({
  curves,
  joint,
  norms,
}: {
  curves: AngleCurvesJson;
  joint: (typeof JOINTS)[number];
  norms: 'walk' | 'run' | 'unknown';
}) {
  const { t } = useTranslation('gait');
  const title = t(`angles.joint.${joint.name}.title`);
  const left = curves.left?.[joint.key]?.mean ?? null;
  const right = curves.right?.[joint.key]?.mean ?? null;
  const reference = joint.key === 'knee_deg' && norms === 'walk' ? KNEE_CYCLE_REFERENCE : [];
  const c = angleChart({
    left,
    right,
    reference,
    toeOffPct: { left: curves.left?.toe_off_pct ?? null, right: curves.right?.toe_off_pct ?? null },
  });
  const id = `gait-angle-${joint.key}`;
  const summary = t('angles.summary', {
    title,
    left: sideText(t('stills.side.left'), curves.left, joint.key, t),
    right: sideText(t('stills.side.right'), curves.right, joint.key, t),
  });
  return (
    <figure className="gait-angle-chart" data-joint={joint.key}>
      <figcaption id={id}>
        <strong>{title}</strong>{' '}
        <span className="small muted">
          {t('angles.axis', { up: t(`angles.joint.${joint.name}.up`), down: t(`angles.joint.${joint.name}.down`) })}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${c.width} ${c.height}`} role="img" aria-labelledby={id} aria-describedby={`${id}-d`}>
        <desc id={`${id}-d`}>{summary}</desc>
        {c.boxes.map((b) => (
          <rect
            key={`${b.label}${b.fromPct}`}
            className={`gait-ref-box ${b.kind}`}
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            data-kind={b.kind}
          >
            <title>
              {t('angles.box', {
                label: b.label,
                kind: t(`angles.kind.${b.kind}`),
                min: formatNumber(b.min),
                max: formatNumber(b.max),
                from: formatNumber(b.fromPct),
                to: formatNumber(b.toPct),
              })}
            </title>
          </rect>
        ))}
        {c.yTicks.map((t) => (
          <g key={t.value}>
            <line
              x1={c.plot.left}
              x2={c.plot.right}
              y1={t.y}
              y2={t.y}
              stroke={t.value === 0 ? '#4a5551' : '#c9d1cd'}
              strokeWidth={t.value === 0 ? 1.2 : 0.8}
            />
            <text x={c.plot.left - 4} y={t.y + 4} fontSize={11} textAnchor="end" fill="currentColor">
              {t.value}°
            </text>
          </g>
        ))}
        {c.xTicks.map((t) => (
          <text
            key={t.pct}
            x={t.x}
            y={c.height - 6}
            fontSize={11}
            textAnchor={t.pct === 100 ? 'end' : 'middle'}
            fill="currentColor"
          >
            {t.pct}%
          </text>
        ))}
        {SIDES.map((side) => {
          const x = c.toeOff[side];
          return (
            x !== null && (
              <line
                key={side}
                className="gait-toe-off"
                x1={x}
                x2={x}
                y1={c.plot.top}
                y2={c.plot.bottom}
                stroke={SIDE_COLOURS[side]}
                strokeDasharray="2 3"
              />
            )
          );
        })}
        {c.paths.left && (
          <path
            className="gait-curve"
            data-side="left"
            d={c.paths.left}
            fill="none"
            stroke={SIDE_COLOURS.left}
            strokeWidth={2.5}
          />
        )}
        {c.paths.right && (
          <path
            className="gait-curve"
            data-side="right"
            d={c.paths.right}
            fill="none"
            stroke={SIDE_COLOURS.right}
            strokeWidth={2.5}
            strokeDasharray="7 4"
          />
        )}
      </svg>
    </figure>
  );
}

/** The three charts, their legend and which norms apply; or why the curves could not be drawn. */
export function AngleCharts({ curves, mode }: { curves: AngleCurvesJson | undefined; mode: string | undefined }) {
  const { t } = useTranslation('gait');
  const norms = normsFor(mode);
  if (!curves) return null;
  if (!curves.left && !curves.right) {
    return (
      <div className="card gait-angles">
        <h2>{t('angles.title')}</h2>
        <p>{t('angles.notDrawn', { reason: curves.reason ?? t('angles.noStride') })}</p>
      </div>
    );
  }
  return (
    <div className="card gait-angles">
      <h2>{t('angles.title')}</h2>
      <p className="small">{t('angles.lead')}</p>
      <p className="gait-angle-legend small">
        <span>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" stroke={SIDE_COLOURS.left} strokeWidth="3" />
          </svg>{' '}
          {t('stills.side.left')}
        </span>
        <span>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" stroke={SIDE_COLOURS.right} strokeWidth="3" strokeDasharray="7 4" />
          </svg>{' '}
          {t('stills.side.right')}
        </span>
        {norms === 'walk' && (
          <span>
            <svg width="18" height="12" aria-hidden="true">
              <rect className="gait-ref-box peak" x="1" y="1" width="16" height="10" />
            </svg>{' '}
            {t('angles.typical')}
          </span>
        )}
      </p>
      <p className="small gait-norms" data-norms={norms}>
        {norms === 'walk' && (
          <Trans t={t} i18nKey="angles.normsWalk" components={{ refs: <Citations refs={['26']} /> }} />
        )}
        {norms === 'run' && <Trans t={t} i18nKey="angles.normsRun" components={{ strong: <strong /> }} />}
        {norms === 'unknown' && t('angles.normsUnknown')}
      </p>
      <div className="gait-angle-grid">
        {JOINTS.map((j) => (
          <JointChart key={j.key} curves={curves} joint={j} norms={norms} />
        ))}
      </div>
    </div>
  );
}
