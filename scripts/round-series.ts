/** Rounds a keypoint series for a fixture file: 0.1 px, 3 decimals for times, scores, visibilities and metres. */
import type { KeypointSeries } from '../src/gait/keypoints.js';

const r1 = (v: number) => Math.round(v * 10) / 10;
const r3 = (v: number) => Math.round(v * 1000) / 1000;

export function roundSeries(s: KeypointSeries): KeypointSeries {
  return {
    ...s,
    frames: s.frames.map((f) => ({
      index: f.index,
      time: r3(f.time),
      people: f.people.map((p) => ({
        score: r3(p.score),
        image: p.image.map((k) => ({ x: r1(k.x), y: r1(k.y), visibility: r3(k.visibility) })),
        world: p.world?.map((k) => ({ x: r3(k.x), y: r3(k.y), z: r3(k.z), visibility: r3(k.visibility) })) ?? null,
      })),
    })),
  };
}
