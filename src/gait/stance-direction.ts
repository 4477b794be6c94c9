/**
 * Walking forward or backward when the pelvis does not travel (a treadmill, or a camera that follows the walker),
 * side view. Pure.
 *
 * Overground, backward-steps.ts compares the pelvis's travel with the way the walker faces; in place the pelvis
 * stays put, so a treadmill walker going backward (retro walking, used in knee rehabilitation) was timed as a
 * forward walker. What holds in place: the foot on the ground moves relative to the pelvis against the way of
 * walking (the belt, or the body passing over it, carries it back), so walking forward it moves away from where the
 * walker faces and walking backward toward it. The foot on the ground is the lower of the two heels in the picture.
 * The way the walker faces comes from the face and the feet (view-detection.ts facingSign / facingPerSample).
 */
import { LANDMARK_INDEX } from './keypoints.js';
import type { CleanTrack, Trajectory } from './trajectory-cleaning.js';
import { facingPerSample, pelvis, torsoLength, type ViewEstimate } from './view-detection.js';

export interface StanceDirection {
  /** At least two thirds of the samples show the lower foot moving the way the walker faces. */
  backward: boolean;
  /** Samples whose lower foot moved against the way the walker faces (forward walking) and with it (backward). */
  forwardVotes: number;
  backwardVotes: number;
}

/**
 * Per sample (central difference over its neighbours), the lower heel's velocity relative to the pelvis along the
 * way the walker faces: each sample votes forward (the foot moves back) or backward. Two thirds must agree, as
 * for the gait's mode from the pelvis (gait-mode.ts): in double support and at the moment the feet change over,
 * the lower heel may be the one about to leave, so a minority of votes goes the other way in any walk (on the real
 * side walks made in place, 13-20 %; a run's flight phase, 19-32 %, docs/gait-signals.md).
 */
export function stanceDirection(track: CleanTrack, view: ViewEstimate): StanceDirection {
  const none = { backward: false, forwardVotes: 0, backwardVotes: 0 };
  if (view.view !== 'side') return none;
  const constant = view.direction === 'left-to-right' ? 1 : view.direction === 'right-to-left' ? -1 : 0;
  const facing = view.turns ? facingPerSample(track) : null;
  const hips = pelvis(track);
  const torso = torsoLength(track);
  const time = track.time;
  const heels = [LANDMARK_INDEX.left_heel, LANDMARK_INDEX.right_heel].map((i) => track.landmarks[i] as Trajectory);
  let forwardVotes = 0;
  let backwardVotes = 0;
  for (let i = 1; i + 1 < time.length; i++) {
    const sign = facing ? (facing[i] as number) : constant;
    const [l, r] = heels as [Trajectory, Trajectory];
    if (sign === 0 || !Number.isFinite(l.y[i] as number) || !Number.isFinite(r.y[i] as number)) continue;
    const heel = (l.y[i] as number) > (r.y[i] as number) ? l : r; // image y grows downward: the lower heel
    const rel = (k: number): number => ((heel.x[k] as number) - (hips.x[k] as number)) / (torso[k] as number);
    const v = (sign * (rel(i + 1) - rel(i - 1))) / ((time[i + 1] as number) - (time[i - 1] as number));
    if (!Number.isFinite(v) || v === 0) continue;
    if (v < 0) forwardVotes++;
    else backwardVotes++;
  }
  const n = forwardVotes + backwardVotes;
  return { backward: n > 0 && backwardVotes >= (2 * n) / 3, forwardVotes, backwardVotes };
}
