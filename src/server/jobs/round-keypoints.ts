/**
 * Rounds a keypoint series before it is saved, exactly as the web app does before its own save
 * (web/src/gait/compact-keypoints.ts), so an analysis saved by the server job has the same shape and size as one
 * saved from the browser: image positions to 0.1 px, world positions to 1 mm, visibility to 0.001 (far below the
 * model's own error; the stored JSON is about a third of its raw size). The server cannot import web code, hence
 * this twin; both could move to src/gait, which is pure.
 */
import type { KeypointSeries } from '../../gait/keypoints.js';

const r = (v: number, d: number) => (Number.isFinite(v) ? Math.round(v * d) / d : v);

export function roundKeypoints(s: KeypointSeries): KeypointSeries {
  return {
    ...s,
    frames: s.frames.map((f) => ({
      index: f.index, time: r(f.time, 1e6),
      people: f.people.map((p) => ({
        score: r(p.score, 1e3),
        image: p.image.map((k) => ({ x: r(k.x, 10), y: r(k.y, 10), visibility: r(k.visibility, 1e3) })),
        world: p.world ? p.world.map((k) => ({ x: r(k.x, 1e3), y: r(k.y, 1e3), z: r(k.z, 1e3), visibility: r(k.visibility, 1e3) })) : null,
      })),
    })),
  };
}
