/**
 * Hip, knee and ankle angles over the gait cycle (0-100 % from one initial contact to the next of the same foot),
 * left and right, with the walking reference boxes where Footing's sources give them (the knee: DOMAIN.md §2c
 * [26]); never on a run. The geometry is src/core/report/gait-angle-chart.ts; every number shown is the stored
 * curve's own (the analysis JSON's angle_curves).
 */
import type { AngleCurvesJson, SideCurvesJson } from '../../../src/gait/analysis-json.js';
import { KNEE_CYCLE_REFERENCE } from '../../../src/gait/reference-ranges.js';
import { angleChart, curvePeak } from '../../../src/core/report/gait-angle-chart.js';
import { Citations } from '../ui/citations.js';
import { SIDE_COLOURS } from './skeleton.js';

type JointKey = 'hip_deg' | 'knee_deg' | 'ankle_deg';
const JOINTS: Array<{ key: JointKey; title: string; up: string; down: string }> = [
  { key: 'hip_deg', title: 'Hip', up: 'flexion (thigh forward)', down: 'extension (thigh back)' },
  { key: 'knee_deg', title: 'Knee', up: 'flexion (bent)', down: 'straight' },
  { key: 'ankle_deg', title: 'Ankle', up: 'dorsiflexion (toes up)', down: 'plantarflexion (toes down)' },
];

/** Which reference applies: walking norms for a walk (older analyses were all walks), none for a run or an unknown gait. */
export function normsFor(mode: string | undefined): 'walk' | 'run' | 'unknown' {
  return mode === undefined || mode === 'walk' ? 'walk' : mode === 'run' ? 'run' : 'unknown';
}

const KIND_TEXT = { range: 'within', peak: 'highest', lowest: 'lowest' } as const;

function sideText(name: string, s: SideCurvesJson | null, key: JointKey): string {
  const c = s?.[key];
  if (!c) return `${name}: not measured`;
  const peak = curvePeak(c.mean);
  const low = Math.min(...c.mean);
  return `${name} (${c.strides} stride${c.strides === 1 ? '' : 's'}): from ${low.toFixed(0)}° to ${peak.value.toFixed(0)}° (highest at ${peak.pct} % of the cycle)`;
}

function JointChart({ curves, joint, norms }: { curves: AngleCurvesJson; joint: (typeof JOINTS)[number]; norms: 'walk' | 'run' | 'unknown' }) {
  const left = curves.left?.[joint.key]?.mean ?? null;
  const right = curves.right?.[joint.key]?.mean ?? null;
  const reference = joint.key === 'knee_deg' && norms === 'walk' ? KNEE_CYCLE_REFERENCE : [];
  const c = angleChart({ left, right, reference, toeOffPct: { left: curves.left?.toe_off_pct ?? null, right: curves.right?.toe_off_pct ?? null } });
  const id = `gait-angle-${joint.key}`;
  const summary = `${joint.title} angle over the gait cycle. ${sideText('Left', curves.left, joint.key)}. ${sideText('Right', curves.right, joint.key)}.`;
  return (
    <figure className="gait-angle-chart" data-joint={joint.key}>
      <figcaption id={id}><strong>{joint.title}</strong> <span className="small muted">degrees; up: {joint.up}, down: {joint.down}</span></figcaption>
      <svg viewBox={`0 0 ${c.width} ${c.height}`} role="img" aria-labelledby={id} aria-describedby={`${id}-d`}>
        <desc id={`${id}-d`}>{summary}</desc>
        {c.boxes.map((b) => (
          <rect key={`${b.label}${b.fromPct}`} className={`gait-ref-box ${b.kind}`} x={b.x} y={b.y} width={b.width} height={b.height} data-kind={b.kind}>
            <title>{`Typical walking, ${b.label}: ${KIND_TEXT[b.kind]} ${b.min}–${b.max}° over ${b.fromPct}–${b.toPct} % of the cycle`}</title>
          </rect>
        ))}
        {c.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={c.plot.left} x2={c.plot.right} y1={t.y} y2={t.y} stroke={t.value === 0 ? '#4a5551' : '#c9d1cd'} strokeWidth={t.value === 0 ? 1.2 : 0.8} />
            <text x={c.plot.left - 4} y={t.y + 4} fontSize={11} textAnchor="end" fill="currentColor">{t.value}°</text>
          </g>
        ))}
        {c.xTicks.map((t) => <text key={t.pct} x={t.x} y={c.height - 6} fontSize={11} textAnchor={t.pct === 100 ? 'end' : 'middle'} fill="currentColor">{t.pct}%</text>)}
        {c.toeOff.left !== null && <line className="gait-toe-off" x1={c.toeOff.left} x2={c.toeOff.left} y1={c.plot.top} y2={c.plot.bottom} stroke={SIDE_COLOURS.left} strokeDasharray="2 3" />}
        {c.toeOff.right !== null && <line className="gait-toe-off" x1={c.toeOff.right} x2={c.toeOff.right} y1={c.plot.top} y2={c.plot.bottom} stroke={SIDE_COLOURS.right} strokeDasharray="2 3" />}
        {c.paths.left && <path className="gait-curve" data-side="left" d={c.paths.left} fill="none" stroke={SIDE_COLOURS.left} strokeWidth={2.5} />}
        {c.paths.right && <path className="gait-curve" data-side="right" d={c.paths.right} fill="none" stroke={SIDE_COLOURS.right} strokeWidth={2.5} strokeDasharray="7 4" />}
      </svg>
    </figure>
  );
}

/** The three charts, their legend and which norms apply; or why the curves could not be drawn. */
export function AngleCharts({ curves, mode }: { curves: AngleCurvesJson | undefined; mode: string | undefined }) {
  const norms = normsFor(mode);
  if (!curves) return null;
  if (!curves.left && !curves.right) {
    return (
      <div className="card gait-angles">
        <h2>Joint angles over the gait cycle</h2>
        <p>Not drawn: {curves.reason ?? 'no complete stride was found.'}</p>
      </div>
    );
  }
  return (
    <div className="card gait-angles">
      <h2>Joint angles over the gait cycle</h2>
      <p className="small">Each curve is the average of one foot's strides, from its heel strike (0 %) to its next one (100 %); the dotted line is its toe off (stance before it, swing after).
        Angles are measured in the picture, so they are only as good as a side view allows.</p>
      <p className="gait-angle-legend small">
        <span><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke={SIDE_COLOURS.left} strokeWidth="3" /></svg> Left</span>
        <span><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke={SIDE_COLOURS.right} strokeWidth="3" strokeDasharray="7 4" /></svg> Right</span>
        {norms === 'walk' && <span><svg width="18" height="12" aria-hidden="true"><rect className="gait-ref-box peak" x="1" y="1" width="16" height="10" /></svg> Typical walking</span>}
      </p>
      <p className="small gait-norms" data-norms={norms}>
        {norms === 'walk' && <>Typical walking (knee only; textbook values, expert opinion <Citations refs={['26']} />): 0–5° at heel strike, a highest 15–20° early in stance, 0–5° at its lowest in mid and late stance, a highest 60–70° in swing. Footing's sources give no hip or ankle values over the cycle, so those charts have no reference.</>}
        {norms === 'run' && <>This was a <strong>run</strong>: the reference values Footing has are for walking, so none are drawn.</>}
        {norms === 'unknown' && <>Walking or running could not be told apart, so no walking reference is drawn.</>}
      </p>
      <div className="gait-angle-grid">
        {JOINTS.map((j) => <JointChart key={j.key} curves={curves} joint={j} norms={norms} />)}
      </div>
    </div>
  );
}
