/**
 * `footing analyze VIDEO`: pose estimation on this machine (Debian ffmpeg + BlazePose full on tfjs wasm), then
 * the gait analysis. The video never leaves the machine and is not copied anywhere.
 */
import { basename } from 'node:path';
import { analyzeGait } from '../gait/analyze-gait.js';
import { analysisToJson, type GaitAnalysisJson } from '../gait/analysis-json.js';
import { openVideo } from '../pose/ffmpeg-frames.js';
import type { RegionOfInterest } from '../pose/frame.js';
import { createNodePoseEstimator } from '../pose/node-runtime.js';
import { CliError, usageError } from './cli-error.js';
import type { Command } from './command.js';
import { progressBar } from './progress-bar.js';

/** The model sees frames at most 720 pixels high (720p-equivalent): landmarks are mapped back to source pixels. */
const MODEL_MAX_HEIGHT = 720;

function parseRoi(text: string): RegionOfInterest {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n) || n < 0)) throw usageError(`--roi must be X,Y,WIDTH,HEIGHT in video pixels (got "${text}")`);
  const [x, y, width, height] = parts as [number, number, number, number];
  return { x, y, width, height };
}

export const analyzeCommand: Command = {
  name: 'analyze', summary: 'Analyse walking in a video (on this machine)', usage: 'footing analyze VIDEO [--view side|front|auto] [--height-cm N] [--roi X,Y,W,H] [--track N] [--json]',
  options: {
    view: { type: 'string', description: 'How it was filmed: side, front, back or auto (default: auto-detect)' },
    'height-cm': { type: 'string', description: 'Your height in cm, for walking speed and step length' },
    roi: { type: 'string', description: 'Only look inside this box (video pixels X,Y,WIDTH,HEIGHT) to pick the person to follow' },
    track: { type: 'string', description: 'Analyse another person track (ids are listed in the output)' },
    json: { type: 'boolean', description: 'Print one JSON object instead of a report' },
  },
  positionals: { min: 1, name: 'VIDEO' },
  async run({ values, positionals, out }) {
    const file = positionals[0]!;
    const view = typeof values.view === 'string' ? values.view : 'auto';
    if (!['side', 'front', 'back', 'auto'].includes(view)) throw usageError(`--view must be side, front, back or auto (got "${view}")`);
    let heightCm: number | undefined;
    if (typeof values['height-cm'] === 'string') {
      heightCm = Number(values['height-cm']);
      if (!Number.isFinite(heightCm) || heightCm < 50 || heightCm > 250) throw usageError(`--height-cm must be a height from 50 to 250 cm (got "${values['height-cm']}")`);
    }
    let trackId: number | undefined;
    if (typeof values.track === 'string') {
      trackId = Number(values.track);
      if (!Number.isInteger(trackId) || trackId < 0) throw usageError(`--track must be a track id from the output (got "${values.track}")`);
    }
    const roi = typeof values.roi === 'string' ? parseRoi(values.roi) : undefined;

    const opened = await openVideo(file, { maxHeight: MODEL_MAX_HEIGHT });
    if (!opened.ok) throw new CliError(`${opened.error.location.file ?? file}: ${opened.error.message}`);
    const video = opened.value;
    const estimator = await createNodePoseEstimator();
    if (!estimator.ok) throw new CliError(estimator.error.message);
    const bar = progressBar({ label: 'Analysing', total: video.source.frameCount, unit: 'frames' });
    let series;
    try {
      series = await estimator.value.estimate(video.frames(), { source: video.source, ...(roi ? { roi } : {}), onProgress: (p) => bar.update(p.done) });
    } catch (e) {
      const err = (e as { error?: { message: string; location: { file?: string; frame?: number; field?: string } } }).error;
      if (err) throw new CliError(`${err.location.file ?? file}${err.location.frame !== undefined ? ` frame ${err.location.frame}` : ''}${err.location.field ? ` (--${err.location.field})` : ''}: ${err.message}`);
      throw e;
    } finally {
      bar.finish();
      estimator.value.dispose();
    }
    const analysis = analyzeGait(series, {
      view: view as 'side' | 'front' | 'back' | 'auto',
      ...(heightCm !== undefined ? { scale: { kind: 'height' as const, heightCm } } : {}),
      ...(trackId !== undefined ? { trackId } : {}),
    });
    const json = analysisToJson(analysis, { name: basename(file), fps: video.source.fps, frames: series.frames.length });
    out.write(values.json ? `${JSON.stringify(json)}\n` : formatReport(json));
  },
};

function formatReport(j: GaitAnalysisJson): string {
  const lines = [`${j.video}: ${j.frames} frames at ${j.fps} fps, ${j.view} view (${j.direction})`, ''];
  for (const side of ['left', 'right'] as const) {
    lines.push(`${side.padEnd(5)} heel strikes: ${j.events[side].heel_strike.map((t) => t.toFixed(2)).join(' ') || '-'}`);
    lines.push(`${side.padEnd(5)} toe offs:     ${j.events[side].toe_off.map((t) => t.toFixed(2)).join(' ') || '-'}`);
  }
  lines.push('', 'Metric'.padEnd(36) + 'Value'.padEnd(12) + 'Confidence');
  for (const [name, m] of Object.entries(j.metrics)) {
    lines.push(name.padEnd(36) + (m.value === null ? 'not measurable' : String(m.value)).padEnd(12) + (m.value === null ? ` ${m.reason ?? ''}` : m.confidence.toFixed(2)));
  }
  if (j.warnings.length) {
    lines.push('', 'Warnings:');
    for (const w of j.warnings) lines.push(`- ${w.message} ${w.advice}`);
  }
  if (j.tracks.length > 1) lines.push('', `Person tracks: ${j.tracks.map((t) => `${t.id} (${t.frames} frames from frame ${t.firstFrame})`).join(', ')}; analysed ${j.track_id}. Use --track N for another.`);
  return `${lines.join('\n')}\n`;
}
