/**
 * The whole Node pose pipeline for one video, as `footing analyze` runs it: unless a region is given, the quick
 * walker scan (find-walker.ts) picks whom to follow (or the caller picks another candidate), then the pose pass
 * runs in the worker pool on that person's region and frame span, and the series is padded back to the whole range.
 */
import type { KeypointSeries } from '../gait/keypoints.js';
import { probed, type VideoInput } from './ffmpeg-frames.js';
import { findWalker } from './find-walker.js';
import type { PoseError, PoseProgress, RegionOfInterest, Result } from './frame.js';
import { estimateVideo } from './parallel-estimate.js';
import type { PoseRunOptions } from './pose-run-options.js';
import { padFrames } from './segment-plan.js';
import { frameSpan, roiForCandidate, type Candidate } from './walker-choice.js';
import type { SceneChecks } from './scene-checks.js';
import { createPosePool } from './worker-pool.js';

/** `roi`: follow whoever is inside it and skip the scan; `maxHeight` is the pose pass's (the scan keeps its own). */
export interface EstimateWalkerOptions extends PoseRunOptions {
  /** Follow this candidate of the scan instead of the automatically chosen walker. */
  personId?: number;
  onScanProgress?: (p: PoseProgress) => void;
}

export interface EstimateWalkerResult {
  series: KeypointSeries;
  /** 'roi' (given), 'auto' (the walker), 'person' (personId), 'none' (nobody crossed: whole picture). */
  method: 'roi' | 'auto' | 'person' | 'none';
  roi: RegionOfInterest | null;
  chosen: number | null;
  candidates: Candidate[];
  /** Frames the pose model ran on; frames outside it are in the series with nobody in them. */
  span: { first: number; last: number };
  scanMs: number;
  poseMs: number;
  /** Camera motion and light from the scan; null when a region was given (no scan ran). */
  scene: SceneChecks | null;
  /** A second person walking about as much as the one followed automatically (walker-choice.ts), or null. */
  rival: number | null;
}

/** Runs scan (when needed) and pose pass. A bad file, region or person id comes back as a located error value. */
export async function estimateWalker(
  input: VideoInput,
  o: EstimateWalkerOptions = {},
): Promise<Result<EstimateWalkerResult>> {
  const pool = o.pool ?? createPosePool(o.workers);
  // Its own pool starts its workers now, beside the probe: the scan uses every worker, the pose pass one.
  if (!o.pool) pool.warm(o.roi ? 1 : pool.size);
  try {
    const opened = await probed(input);
    if (!opened.ok) return opened;
    const video = opened.value;
    const { file, times } = video;
    const { width, height } = video.source;
    const range = { first: Math.max(0, o.first ?? 0), last: Math.min(times.length - 1, o.last ?? times.length - 1) };
    let method: EstimateWalkerResult['method'] = 'roi';
    let roi = o.roi ?? null;
    let chosen: number | null = null;
    let candidates: Candidate[] = [];
    let span = range;
    let scene: SceneChecks | null = null;
    let rival: number | null = null;
    const t0 = performance.now();
    if (!o.roi) {
      const found = await findWalker(video, { ...range, pool, onProgress: o.onScanProgress });
      if (!found.ok) return found;
      candidates = found.value.candidates;
      scene = found.value.scene;
      const pick =
        o.personId !== undefined
          ? candidates.find((c) => c.id === o.personId)
          : candidates.find((c) => c.id === found.value.chosen);
      if (o.personId !== undefined && !pick) {
        const error: PoseError = {
          code: 'no-such-person',
          message: `There is no person ${o.personId}: the first pass found ${candidates.length ? `people ${candidates.map((c) => c.id).join(', ')}` : 'nobody'}.`,
          location: { file, field: 'person' },
        };
        return { ok: false, error };
      }
      if (pick) {
        method = o.personId !== undefined ? 'person' : 'auto';
        roi = o.personId !== undefined ? roiForCandidate(pick, width, height) : found.value.roi;
        chosen = pick.id;
        span = frameSpan(pick, found.value.every, range);
        // A person the user named is their choice; a close automatic one is said.
        if (method === 'auto') rival = found.value.rival;
      } else {
        method = 'none';
      }
    }
    const scanMs = performance.now() - t0;
    // One tracking pass over the span, as the page runs it (web/src/gait/estimate-in-browser.ts): a second segment
    // starts its own detection after warm-up frames, and the tracker then follows another region than one pass would
    // (on the 3 s pan the legs came out mixed up in two segments, a walk with one stride per foot in one), so Node
    // and the page gave two answers. The scan above still uses every worker (its frames are independent).
    const est = await estimateVideo(video, {
      maxHeight: o.maxHeight,
      roi: roi ?? undefined,
      ...span,
      pool,
      workers: 1,
      onProgress: o.onProgress,
    });
    if (!est.ok) return est;
    const series = { ...est.value.series, frames: padFrames(est.value.series.frames, times, range.first, range.last) };
    return {
      ok: true,
      value: { series, method, roi, chosen, candidates, span, scanMs, poseMs: est.value.wallMs, scene, rival },
    };
  } finally {
    if (!o.pool) await pool.close();
  }
}
