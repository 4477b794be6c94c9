/**
 * The text report of `footing analyze`: the video, whom it followed, the gait events, each metric with its
 * confidence and typical range (cited by author and year), the filming warnings, and a References block with the
 * full reference of each range's source.
 */
import { rangeWithSources, refIdsIn, referencesBlock } from '../core/citations.js';
import type { MetricJson } from '../gait/analysis-json.js';
import type { VideoAnalysisJson } from '../services/analyze-video.js';

/** One line per metric: name, value, confidence and typical range; why not, for one that could not be measured. */
export function metricLines(metrics: Record<string, MetricJson>): string[] {
  const lines = ['Metric'.padEnd(36) + 'Value'.padEnd(12) + 'Confidence'.padEnd(12) + 'Typical'];
  for (const [name, m] of Object.entries(metrics)) {
    lines.push(
      m.value === null
        ? `${name.padEnd(36)}${'not measurable'.padEnd(12)} ${m.reason ?? ''}`.trimEnd()
        : `${name.padEnd(36)}${String(m.value).padEnd(12)}${m.confidence.toFixed(2).padEnd(12)}${m.reference ? rangeWithSources(m.reference) : ''}`.trimEnd(),
    );
  }
  return lines;
}

export function formatReport(j: VideoAnalysisJson): string {
  const setting =
    j.setting === 'in-place'
      ? `, in place (treadmill)${j.treadmill_kmh !== undefined ? ` at ${j.treadmill_kmh} km/h` : ''}`
      : j.setting === 'overground'
        ? ', overground'
        : '';
  const mode = j.mode === 'run' ? ', running' : j.mode === 'walk' ? ', walking' : '';
  const lines = [`${j.video}: ${j.frames} frames at ${j.fps} fps, ${j.view} view (${j.direction})${setting}${mode}`];
  // DOMAIN.md §2c gives walking norms only: say so when none apply, so an empty column is not read as "typical".
  if (j.mode === 'run')
    lines.push('Running: no typical ranges are shown (the reference values Footing uses are for walking).');
  const p = j.person;
  const roi = p.roi ? `${p.roi.x},${p.roi.y},${p.roi.width},${p.roi.height}` : 'the whole picture';
  lines.push(
    p.method === 'roi'
      ? `Region (given): ${roi}`
      : p.method === 'none'
        ? 'Nobody was seen walking across the picture in the first pass; the whole picture was analysed.'
        : `Person ${p.chosen} ${p.method === 'auto' ? '(chosen automatically: walks the most, through the picture or stepping in place, or stays in it longest when no steps are seen)' : '(--person)'}; region ${roi}; pose model run on frames ${p.frames_analysed?.first ?? '?'}-${p.frames_analysed?.last ?? '?'}`,
  );
  if (p.candidates.length > 1) {
    lines.push(
      `People found: ${p.candidates.map((c) => `${c.id} (seen on ${c.boxes.length} sampled frames from ${c.boxes[0]?.time.toFixed(1) ?? '?'} s, moved ${c.travel_px} px)`).join('; ')}. Use --person N to follow another.`,
    );
  }
  lines.push('');
  for (const side of ['left', 'right'] as const) {
    lines.push(
      `${side.padEnd(5)} heel strikes: ${j.events[side].heel_strike.map((t) => t.toFixed(2)).join(' ') || '-'}`,
    );
    lines.push(`${side.padEnd(5)} toe offs:     ${j.events[side].toe_off.map((t) => t.toFixed(2)).join(' ') || '-'}`);
  }
  lines.push('', ...metricLines(j.metrics));
  if (j.warnings.length) {
    lines.push('', 'Warnings:');
    for (const w of j.warnings) lines.push(`- ${w.message} ${w.advice}`);
  }
  if (j.tracks.length > 1)
    lines.push(
      '',
      `Person tracks: ${j.tracks.map((t) => `${t.id} (${t.frames} frames from frame ${t.firstFrame})`).join(', ')}; analysed ${j.track_id}. Use --track N for another.`,
    );
  const cited = referencesBlock(
    Object.values(j.metrics).flatMap((m) => (m.value !== null && m.reference ? refIdsIn(m.reference.source) : [])),
  );
  if (cited.length) lines.push('', ...cited);
  return `${lines.join('\n')}\n`;
}
