/**
 * Rounds a keypoint series before it is saved: image positions to 0.1 px, world positions to 1 mm, visibility
 * to 0.001. Far below the model's own error, and it keeps the stored JSON about a third of its raw size.
 * Not-a-number coordinates (missing landmarks) become null in JSON either way. Shared by the browser's save and
 * the server's video job, so both store analyses of the same shape and size. Pure.
 */
import type { KeypointSeries } from './keypoints.js';

const r = (v: number, d: number) => (Number.isFinite(v) ? Math.round(v * d) / d : v);

export function compactKeypoints(s: KeypointSeries): KeypointSeries {
  return {
    ...s,
    frames: s.frames.map((f) => ({
      index: f.index,
      time: r(f.time, 1e6),
      people: f.people.map((p) => ({
        score: r(p.score, 1e3),
        image: p.image.map((k) => ({ x: r(k.x, 10), y: r(k.y, 10), visibility: r(k.visibility, 1e3) })),
        world: p.world
          ? p.world.map((k) => ({ x: r(k.x, 1e3), y: r(k.y, 1e3), z: r(k.z, 1e3), visibility: r(k.visibility, 1e3) }))
          : null,
      })),
    })),
  };
}
