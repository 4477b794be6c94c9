/**
 * Drawing a BlazePose skeleton over the video: which landmarks to join, and a canvas painter that maps source-video
 * pixels onto the displayed video box (object-fit: contain leaves bars on two sides).
 */
import { LANDMARK_INDEX, type LandmarkName, type PoseFrame } from '../../../src/gait/keypoints.js';
import { SIDE_COLOURS } from '../../../src/gait/still-overlay.js';

const EDGES: [LandmarkName, LandmarkName][] = [
  ['left_shoulder', 'right_shoulder'],
  ['left_hip', 'right_hip'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_foot_index'],
  ['left_ankle', 'left_foot_index'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_foot_index'],
  ['right_ankle', 'right_foot_index'],
  ['left_ear', 'nose'],
  ['right_ear', 'nose'],
];

/** Left side orange, right side blue (colour-blind safe pair), midline white: one home with the server's stills. */
export { SIDE_COLOURS };

function colourOf(a: LandmarkName, b: LandmarkName): string {
  if (a.startsWith('left') && b.startsWith('left')) return SIDE_COLOURS.left;
  if (a.startsWith('right') && b.startsWith('right')) return SIDE_COLOURS.right;
  return SIDE_COLOURS.mid;
}

/** Index of the frame whose time is closest to `t` (frames sorted by time). */
export function frameAt(frames: readonly PoseFrame[], t: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid]!.time < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(frames[lo - 1]!.time - t) <= Math.abs(frames[lo]!.time - t)) return lo - 1;
  return lo;
}

/**
 * Paints one frame's first person. `box` is the canvas size in CSS pixels, `source` the video's pixel size.
 * Landmarks below `minVisibility` are left out rather than drawn where the model guessed.
 */
export function drawSkeleton(
  ctx: CanvasRenderingContext2D,
  frame: PoseFrame | undefined,
  source: { width: number; height: number },
  box: { width: number; height: number },
  minVisibility = 0.5,
): void {
  ctx.clearRect(0, 0, box.width, box.height);
  const person = frame?.people[0];
  if (!person) return;
  const k = Math.min(box.width / source.width, box.height / source.height);
  const ox = (box.width - source.width * k) / 2;
  const oy = (box.height - source.height * k) / 2;
  const at = (name: LandmarkName) => {
    const p = person.image[LANDMARK_INDEX[name]];
    return p && p.visibility >= minVisibility && Number.isFinite(p.x) ? { x: ox + p.x * k, y: oy + p.y * k } : null;
  };
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  for (const [a, b] of EDGES) {
    const pa = at(a);
    const pb = at(b);
    if (!pa || !pb) continue;
    ctx.strokeStyle = 'rgba(0,0,0,0.6)';
    ctx.lineWidth = 5;
    ctx.beginPath();
    ctx.moveTo(pa.x, pa.y);
    ctx.lineTo(pb.x, pb.y);
    ctx.stroke();
    ctx.strokeStyle = colourOf(a, b);
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(pa.x, pa.y);
    ctx.lineTo(pb.x, pb.y);
    ctx.stroke();
  }
}
