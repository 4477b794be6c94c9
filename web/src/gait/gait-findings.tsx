/**
 * The parts of a gait result that read the same wherever the analysis ran (on this device or on the server): the
 * one-line description of the video, the filming warnings with advice, the metrics against their reference ranges
 * with what those ranges mean, and the step times.
 */
import type { GaitAnalysisJson } from '../../../src/gait/analysis-json.js';
import { Link } from '../ui/common.js';
import { MetricsTable } from './metrics-table.js';
import { EventTable } from './step-timeline.js';

/** "walk.mp4: 230 frames, filmed from the side, walking right to left" */
/** "walk.mp4: 230 frames, filmed from the side, walking right to left" (or in place on a treadmill, facing left). */
export function videoSummary(json: Pick<GaitAnalysisJson, 'video' | 'frames' | 'view' | 'direction' | 'setting' | 'mode' | 'treadmill_kmh'>): string {
  const moving = json.mode === 'run' ? 'running' : 'walking';
  const view = json.view === 'unknown' ? 'camera view unclear' : `filmed from the ${json.view}`;
  const d = json.direction;
  let how = '';
  if (json.setting === 'in-place') {
    const speed = json.treadmill_kmh !== undefined ? ` at ${json.treadmill_kmh} km/h` : '';
    const facing = d === 'left-to-right' ? ', facing right' : d === 'right-to-left' ? ', facing left' : '';
    how = `, ${moving} in place (treadmill${speed})${facing}`;
  } else if (d === 'toward' || d === 'away') how = `, ${moving} ${d === 'toward' ? 'toward' : 'away from'} the camera`;
  else if (d !== 'unknown') how = `, ${moving} ${d.replace(/-/g, ' ')}`;
  return `${json.video}: ${json.frames} frames, ${view}${how}`;
}

export function GaitFindings({ json }: { json: Pick<GaitAnalysisJson, 'warnings' | 'metrics' | 'events' | 'mode'> }) {
  return (
    <>
      {json.warnings.length > 0 && (
        <div className="notice gait-warnings" role="region" aria-label="Filming warnings">
          <h2>About this video</h2>
          <ul>{json.warnings.map((w, i) => <li key={i}><strong>{w.message}</strong> {w.advice}</li>)}</ul>
          <p><Link to="/filming-guide">How to film for a good measurement</Link></p>
        </div>
      )}

      {json.mode === 'run' && <p className="notice gait-run-note">This was a <strong>run</strong>. The typical ranges Footing shows are for walking, so no range is shown next to these figures.</p>}
      <MetricsTable metrics={json.metrics} />
      <p className="small muted">Typical ranges are averages for healthy adults, for context only: they are not a diagnosis. Confidence says how sure the measurement is, from how many strides were seen and how clearly.</p>
      <details><summary>Step times</summary><EventTable events={json.events} /></details>
    </>
  );
}
