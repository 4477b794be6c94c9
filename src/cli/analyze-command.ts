/**
 * `footing analyze VIDEO`: pose estimation on this machine (Debian ffmpeg + BlazePose full on tfjs wasm, one
 * worker thread per core), then the gait analysis. The video never leaves the machine and is not copied anywhere.
 *
 * Whom to follow: with --roi, the box given; otherwise a quick first pass finds the people in the video and picks
 * the one who walks across it (src/pose/find-walker.ts); --person N picks another of the listed candidates.
 */
import { basename } from 'node:path';
import { TREADMILL_KMH_RANGE } from '../gait/analyze-gait.js';
import type { PoseError, RegionOfInterest } from '../pose/frame.js';
import { formatReport } from './analyze-report.js';
import { CliError, usageError } from './cli-error.js';
import type { Command } from './command.js';
import { progressBar } from './progress-bar.js';

export type { PersonChoiceJson } from '../services/analyze-video.js';

function parseRoi(text: string): RegionOfInterest {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0))
    throw usageError(`--roi must be X,Y,WIDTH,HEIGHT in whole video pixels (got "${text}")`);
  const [x, y, width, height] = parts as [number, number, number, number];
  return { x, y, width, height };
}

function parseFrames(text: string): { first: number; last: number } {
  const m = /^(\d+)-(\d+)$/.exec(text.trim());
  if (!m || Number(m[1]) > Number(m[2]))
    throw usageError(`--frames must be FIRST-LAST frame numbers, e.g. 30-120 (got "${text}")`);
  return { first: Number(m[1]), last: Number(m[2]) };
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usageError(`--${name} must be a whole number from ${min} to ${max} (got "${text}")`);
  return n;
}

function located(file: string, e: PoseError): CliError {
  const l = e.location;
  return new CliError(
    `${l.file ?? file}${l.frame !== undefined ? ` frame ${l.frame}` : ''}${l.field ? ` (--${l.field})` : ''}: ${e.message}`,
  );
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Analyse walking in a video (on this machine)',
  usage:
    'footing analyze VIDEO [--view side|front|back|auto] [--height-cm N] [--treadmill-kmh N] [--roi X,Y,W,H | --person N] [--frames A-B] [--track N] [--json]',
  options: {
    view: { type: 'string', description: 'How it was filmed: side, front, back or auto (default: auto-detect)' },
    'height-cm': { type: 'string', description: 'Your height in cm, for walking speed and step length' },
    'treadmill-kmh': {
      type: 'string',
      description: 'Treadmill belt speed in km/h (filmed on a treadmill): gives speed and step length',
    },
    roi: {
      type: 'string',
      description:
        'Only look inside this box (video pixels X,Y,WIDTH,HEIGHT); default: found automatically around the walker',
    },
    person: {
      type: 'string',
      description: 'Follow another person found by the first pass (ids are listed in the output)',
    },
    frames: { type: 'string', description: 'Analyse only frames FIRST-LAST (0-based frame numbers)' },
    track: { type: 'string', description: 'Analyse another person track (ids are listed in the output)' },
    workers: {
      type: 'string',
      description: 'Worker threads for the walker scan (default: one per core); the pose model tracks in one pass',
    },
    json: { type: 'boolean', description: 'Print one JSON object instead of a report' },
  },
  positionals: { min: 1, name: 'VIDEO' },
  async run({ values, positionals, out }) {
    const file = positionals[0]!;
    const view = typeof values.view === 'string' ? values.view : 'auto';
    if (!['side', 'front', 'back', 'auto'].includes(view))
      throw usageError(`--view must be side, front, back or auto (got "${view}")`);
    let heightCm: number | undefined;
    if (typeof values['height-cm'] === 'string') {
      heightCm = Number(values['height-cm']);
      if (!Number.isFinite(heightCm) || heightCm < 50 || heightCm > 250)
        throw usageError(`--height-cm must be a height from 50 to 250 cm (got "${values['height-cm']}")`);
    }
    let treadmillKmh: number | undefined;
    if (typeof values['treadmill-kmh'] === 'string') {
      treadmillKmh = Number(values['treadmill-kmh']);
      const { min, max } = TREADMILL_KMH_RANGE;
      if (!Number.isFinite(treadmillKmh) || treadmillKmh < min || treadmillKmh > max)
        throw usageError(
          `--treadmill-kmh must be a belt speed from ${min} to ${max} km/h (got "${values['treadmill-kmh']}")`,
        );
    }
    const trackId = typeof values.track === 'string' ? wholeNumber('track', values.track, 0, 1e6) : undefined;
    const personId = typeof values.person === 'string' ? wholeNumber('person', values.person, 0, 1e6) : undefined;
    const workers = typeof values.workers === 'string' ? wholeNumber('workers', values.workers, 1, 4) : undefined;
    const range = typeof values.frames === 'string' ? parseFrames(values.frames) : undefined;
    const givenRoi = typeof values.roi === 'string' ? parseRoi(values.roi) : undefined;
    if (givenRoi && personId !== undefined) throw usageError('--roi and --person cannot be used together');

    // The pose workers start first (tsx, their modules, ONNX Runtime), beside this thread's loading and probing
    // below; they used to start after both. The scan uses every worker; with --roi only the pose pass runs, on one.
    const { createPosePool } = await import('../pose/worker-pool.js');
    const pool = createPosePool(workers);
    pool.warm(givenRoi ? 1 : pool.size);
    try {
      // Loaded here: the pose runtime is large, and every other command loads this module.
      const { probeVideo } = await import('../pose/ffmpeg-frames.js');
      const { analyzeVideoFile } = await import('../services/analyze-video.js');
      // Probed once here (to check --frames) and handed down the whole pipeline.
      const video = await probeVideo(file);
      if (!video.ok) throw located(file, video.error);
      const count = video.value.times.length;
      if (range && range.last >= count)
        throw usageError(`--frames ${range.first}-${range.last}: the video has frames 0-${count - 1}`);

      const scanBar = progressBar({ label: 'Finding the walker', total: null, unit: 'frames' });
      const bar = progressBar({ label: 'Analysing', total: null, unit: 'frames' });
      const est = await analyzeVideoFile(video.value, {
        name: basename(file),
        view: view as 'side' | 'front' | 'back' | 'auto',
        heightCm,
        treadmillKmh,
        roi: givenRoi,
        personId,
        ...range,
        workers,
        pool,
        trackId,
        onScanProgress: (p) => scanBar.update(p.done),
        onProgress: (p) => bar.update(p.done),
      });
      if (!givenRoi) scanBar.finish();
      bar.finish();
      if (!est.ok) {
        if (est.error.code === 'no-such-person') throw usageError(`--person ${personId}: ${est.error.message}`);
        throw located(file, est.error);
      }
      const { json } = est.value;
      out.write(values.json ? `${JSON.stringify(json)}\n` : formatReport(json));
    } finally {
      await pool.close();
    }
  },
};
