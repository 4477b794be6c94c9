/**
 * BlazePose behind the PoseEstimator interface: a PoseTracker (pose-tracker.ts: the ONNX Runtime one in
 * blazepose-tracker.ts, or pose-detection's tfjs pipeline as the baseline) driven over a video's frames, with the
 * region of interest, the follow-back and the mapping to source pixels. Shared by the Node and browser runtimes:
 * no Node or DOM API, no tfjs.
 */
import type { KeypointSeries, PoseFrame, PosePerson } from '../gait/keypoints.js';
import { filledFrame, type EstimateOptions, type Frame, type PoseEstimator, type RegionOfInterest } from './frame.js';
import type { PoseTracker } from './pose-tracker.js';
import { checkRoi, cropFrame } from './roi.js';

/** Thrown inside estimate() for a user-caused problem; runtimes turn it into a PoseError value. */
export class PoseInputError extends Error {
  constructor(readonly error: import('./frame.js').PoseError) {
    super(error.message);
  }
}

/** Default EstimateOptions.backfill: half a second at 30 fps. */
export const DEFAULT_BACKFILL = 15;

/** Drives `tracker` over videos. `model` names model, variant and runtime. */
export function blazePoseEstimator(tracker: PoseTracker, model: string): PoseEstimator {
  return {
    model,
    dispose: () => tracker.dispose(),
    async estimate(frames: AsyncIterable<Frame>, options: EstimateOptions): Promise<KeypointSeries> {
      const { source, roi, onProgress } = options;
      if (roi) {
        const bad = checkRoi(roi, source.width, source.height);
        if (bad) throw new PoseInputError(bad);
      }
      // The tracker smooths landmarks over time and re-uses the previous frame's landmarks as the next region to
      // look in (ROI tracking); both belong to one video, so its state is reset between videos.
      tracker.reset();
      const out: PoseFrame[] = [];
      const estimateOne = async (input: Frame, time: number): Promise<PosePerson[]> => {
        const person = await tracker.estimate(input, time);
        return person ? [person] : [];
      };
      const backfill = Math.max(0, options.backfill ?? DEFAULT_BACKFILL);
      // Frames before anyone was found, kept (bytes copied: decoders may reuse buffers) for the backward pass.
      let recent: Array<{ input: Frame; time: number; at: number; offset: { x: number; y: number }; scale: number }> =
        [];
      let seen = false;
      for await (const frame of frames) {
        // Where the frame sits in the source picture: source = region origin + frame pixel * scale.
        const region = frame.region ?? { x: 0, y: 0, width: source.width, height: source.height };
        const scale = region.width / frame.width;
        let input = frame;
        let offset = { x: region.x / scale, y: region.y / scale }; // in frame pixels
        if (roi && !sameRect(roi, region)) {
          const r = scaledRoi(
            { ...roi, x: roi.x - region.x, y: roi.y - region.y },
            1 / scale,
            frame.width,
            frame.height,
          );
          input = cropFrame(frame, r);
          offset = { x: offset.x + r.x, y: offset.y + r.y };
        }
        let poses = await estimateOne(input, frame.time);
        if (!seen && poses.length && recent.length) {
          // Follow the person back: from this first detection, the frames before it in reverse order, with
          // timestamps mirrored about this frame's so that the tracker's smoothing still sees time move forwards.
          tracker.reset();
          await estimateOne(input, frame.time);
          for (let i = recent.length - 1; i >= 0; i--) {
            const r = recent[i]!;
            const back = await estimateOne(r.input, 2 * frame.time - r.time);
            if (!back.length) break;
            out[r.at]!.people = back.map((p) => toPerson(p, r.offset, r.scale));
          }
          // Before this frame nobody was found, so the tracker had reset itself: resetting again and
          // estimating this frame once more gives the forward pass exactly the state it had without the detour.
          tracker.reset();
          poses = await estimateOne(input, frame.time);
        }
        if (poses.length) {
          seen = true;
          recent = [];
        } else if (!seen && backfill > 0) {
          const whole = filledFrame(input); // the detector looked at all of it already
          recent.push({
            input: { ...whole, data: whole.data.slice() },
            time: frame.time,
            at: out.length,
            offset,
            scale,
          });
          if (recent.length > backfill) recent.shift();
        }
        out.push({ index: frame.index, time: frame.time, people: poses.map((p) => toPerson(p, offset, scale)) });
        onProgress?.({ done: out.length, total: source.frameCount });
      }
      return { model, width: source.width, height: source.height, fps: source.fps, frames: out };
    },
  };
}

function sameRect(a: RegionOfInterest, b: RegionOfInterest): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** Maps a region of interest from source pixels to frame pixels (frames may be downscaled), clamped to the frame. */
function scaledRoi(roi: RegionOfInterest, k: number, w: number, h: number): RegionOfInterest {
  const x = Math.min(w - 1, Math.max(0, Math.round(roi.x * k)));
  const y = Math.min(h - 1, Math.max(0, Math.round(roi.y * k)));
  return {
    x,
    y,
    width: Math.min(w - x, Math.round(roi.width * k)),
    height: Math.min(h - y, Math.round(roi.height * k)),
  };
}

/** A tracked person from frame pixels (of the frame handed to the tracker) into source-video pixels. */
function toPerson(person: PosePerson, offset: { x: number; y: number }, scale: number): PosePerson {
  // World landmarks are already in metres, hip-centred; cropping and scaling do not change them.
  return {
    ...person,
    image: person.image.map((k) => ({
      x: (k.x + offset.x) * scale,
      y: (k.y + offset.y) * scale,
      visibility: k.visibility,
    })),
  };
}
