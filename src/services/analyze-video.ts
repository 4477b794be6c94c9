/**
 * One video file → one gait analysis in Node: the pose pipeline (src/pose/estimate-walker.ts: walker scan, then
 * BlazePose in the worker pool), the pure gait analysis (src/gait) and its portable JSON. `footing analyze` and the
 * server's video-analysis job (src/server/jobs/gait-video-job.ts) both call this, so the two cannot drift apart.
 *
 * A use case (src/services/): it does no printing and holds no CLI or HTTP policy (option parsing, usage errors,
 * status codes); its errors are the located values of src/pose/frame.ts.
 */
import { analyzeGait } from '../gait/analyze-gait.js';
import { analysisToJson, type GaitAnalysisJson } from '../gait/analysis-json.js';
import type { KeypointSeries } from '../gait/keypoints.js';
import type { KeyFrame } from '../gait/angle-curves.js';
import type { VideoInput } from '../pose/ffmpeg-frames.js';
import type { RegionOfInterest, Result } from '../pose/frame.js';
import { estimateWalker, type EstimateWalkerOptions } from '../pose/estimate-walker.js';
import { direction, type Candidate } from '../pose/walker-choice.js';

/** How the person was chosen, as printed in the report and under `person` in --json. */
export interface PersonChoiceJson {
  /** 'roi' (given with --roi), 'auto' (the walker found by the first pass), 'person' (--person N), 'none'. */
  method: 'roi' | 'auto' | 'person' | 'none';
  roi: RegionOfInterest | null;
  chosen: number | null;
  /** Frames the pose model ran on (the followed person's span); the other frames count as empty. */
  frames_analysed?: { first: number; last: number };
  /** People found by the first pass, with their boxes over time (source pixels), for a "not me" picker. */
  candidates: Array<{
    id: number;
    travel_px: number;
    boxes: Array<{ frame: number; time: number; x: number; y: number; width: number; height: number; score: number }>;
  }>;
}

/** The analysis JSON with whom it followed: what `footing analyze --json` prints. */
export type VideoAnalysisJson = GaitAnalysisJson & { person: PersonChoiceJson };

/** The pose pipeline's options (range, region or person, workers, progress; frames at most MODEL_MAX_HEIGHT high) and the gait's. */
export interface AnalyzeVideoOptions extends EstimateWalkerOptions {
  /** The name reported as `video` in the JSON (the CLI: the file's base name; the server: the uploaded name). */
  name: string;
  view?: 'side' | 'front' | 'back' | 'auto';
  /** The walker's height, for walking speed and step length. */
  heightCm?: number;
  /** Treadmill belt speed, km/h: speed and step length of a walker in place. */
  treadmillKmh?: number;
  trackId?: number;
  /**
   * Where the result is read, for the words of a warning that names the scan's people: 'cli' (the default: the
   * scan's numbers, and --person N to choose another) or 'screen' (the gait screen, where the server's result is
   * shown: "Person N" as the screen's list numbers them, chosen by analysing on the device).
   */
  readOn?: 'cli' | 'screen';
}

export interface VideoAnalysis {
  json: VideoAnalysisJson;
  /** The keypoints the analysis was computed from (kept with a saved analysis so it can be re-run). */
  series: KeypointSeries;
  /** The key moments of one stride per foot, for the stills of a saved analysis (angle-curves.ts keyFrames). */
  keyFrames: KeyFrame[];
}

function candidateJson(c: Candidate): PersonChoiceJson['candidates'][number] {
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    id: c.id,
    travel_px: Math.round(c.travelPx),
    // A box around the body: MediaPipe's radius reaches just above the head (see walker-choice.ts roiFor).
    boxes: c.boxes.map((b) => ({
      frame: b.index,
      time: Math.round(b.time * 1000) / 1000,
      x: r1(b.hipX - 0.6 * b.radius),
      y: r1(b.hipY - 1.1 * b.radius),
      width: r1(1.2 * b.radius),
      height: r1(2.2 * b.radius),
      score: Math.round(b.score * 100) / 100,
    })),
  };
}

/**
 * How the reader knows the followed person and the other walker, and how they choose the other one where they read
 * the result (analyze-gait.ts `otherWalker`). The screen numbers people from 1 (web/src/gait/walker-candidates.ts)
 * and says which way each walks, so the person in the server's warning is the one in the list on the device.
 */
export function otherWalkerWords(
  followed: Candidate,
  other: Candidate,
  readOn: 'cli' | 'screen',
): { followed: string; other: string; choose: string } {
  if (readOn === 'cli')
    return {
      followed: `person ${followed.id}`,
      other: `person ${other.id}`,
      choose: `run it again with --person ${other.id}`,
    };
  const name = (c: Candidate) => `Person ${c.id + 1}, who ${direction(c)}`;
  return {
    followed: name(followed),
    other: name(other),
    choose: `analyse the video on this device instead, where you can choose Person ${other.id + 1} under "Who should Footing follow?"`,
  };
}

/** Analyses the walking in a video: a file name, or a video the caller has probed already (the CLI does, to check
 * --frames), which is then not probed again. A file that is not a readable video, or a bad option, comes back as a
 * located error value (src/pose/frame.ts PoseError), never as a throw. */
export async function analyzeVideoFile(video: VideoInput, o: AnalyzeVideoOptions): Promise<Result<VideoAnalysis>> {
  const est = await estimateWalker(video, o);
  if (!est.ok) return est;
  const { series } = est.value;
  const byId = (id: number | null) => est.value.candidates.find((c) => c.id === id);
  const followed = byId(est.value.chosen);
  const rival = byId(est.value.rival);
  const person: PersonChoiceJson = {
    method: est.value.method,
    roi: est.value.roi,
    chosen: est.value.chosen,
    frames_analysed: est.value.span,
    candidates: est.value.candidates.map(candidateJson),
  };
  const analysis = analyzeGait(series, {
    view: o.view ?? 'auto',
    ...(o.heightCm !== undefined ? { scale: { kind: 'height' as const, heightCm: o.heightCm } } : {}),
    ...(o.trackId !== undefined ? { trackId: o.trackId } : {}),
    ...(o.treadmillKmh !== undefined ? { treadmillKmh: o.treadmillKmh } : {}),
    ...(est.value.scene ? { scene: est.value.scene } : {}),
    ...(followed && rival ? { otherWalker: otherWalkerWords(followed, rival, o.readOn ?? 'cli') } : {}),
  });
  return {
    ok: true,
    value: {
      json: { ...analysisToJson(analysis, { name: o.name, fps: series.fps, frames: series.frames.length }), person },
      series,
      keyFrames: analysis.keyFrames,
    },
  };
}
