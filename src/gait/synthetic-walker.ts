/**
 * A synthetic but realistic walker, for tests and demos of the keypoint pipeline (no model, no video). Pure.
 *
 * Model (3D, metres; X = walking direction, Y = up, Z = the walker's right):
 * - The pelvis moves at constant speed v = step length × cadence / 60, bobbing ±1.5 cm (highest at mid-stance)
 *   when walking, ±4 cm (lowest at mid-stance) when running (stance under 50 %), and tilting in the frontal plane (the swing-side hip drops by `pelvicDropDeg` during each stance).
 * - Each foot follows a prescribed contact schedule: heel strike of the left foot at phase 0, right at half a
 *   stride (or at `rightStepFraction` of it: an uneven walker); stance lasts `stancePercent` of the stride. In stance the foot is fixed on the ground (the heel rises
 *   about the toe in the last 30% of stance); in swing it moves forward with a trapezoidal velocity profile
 *   (short 8% ramps, so it quickly outpaces the pelvis as a real foot does) and lifts by up to 12 cm.
 * - Knees come from two-link inverse kinematics (thigh = shank = 0.245 × height, Winter's anthropometric
 *   proportions), bending forward; if the ankle is out of reach the leg is straight.
 * - The trunk is upright; shoulders 0.288 × height above the hips, arms hang still, the head sits above.
 * A pinhole camera (side, front or back) projects the points to pixels; Gaussian pixel noise and optional frame
 * time jitter (variable frame rate) are added from a seeded generator, so every series is reproducible.
 * The true event times are returned with the series: they are the schedule, not the output of any detector.
 */
import type { GaitEvents } from './gait-events.js';
import {
  LANDMARKS,
  LANDMARK_INDEX,
  type KeypointSeries,
  type LandmarkName,
  type PosePerson,
  type PoseFrame,
  type WorldPoint,
} from './keypoints.js';

export interface WalkerOptions {
  fps?: number;
  duration?: number;
  startTime?: number;
  cadence?: number;
  stancePercent?: number;
  stepLength?: number;
  heightM?: number;
  /** Camera placement: looking at the walker's left or right side, or from the front or back. */
  view?: 'side-left' | 'side-right' | 'front' | 'back';
  cameraDistance?: number;
  /** Height of the camera above the floor, metres (default 1, about hip height). */
  cameraHeight?: number;
  width?: number;
  imageHeight?: number;
  focalPx?: number;
  noisePx?: number;
  /** Uniform jitter of frame times, ± this fraction of the frame period. */
  timeJitter?: number;
  pelvicDropDeg?: number;
  /** Foot progression angle (toe out positive), degrees. */
  toeOutDeg?: number;
  includeWorld?: boolean;
  /** Adds a second person standing and swaying at this image x fraction (a distractor). */
  distractorAt?: number;
  /**
   * On a treadmill: the belt carries the stance foot backwards at the walking speed, so the pelvis stays in place
   * (the whole body is shifted back by the distance walked) while the feet move exactly as overground relative
   * to it. The camera stays where it is.
   */
  treadmill?: boolean;
  /**
   * Share of each stride taken by the right step (from the left foot's contact to the right foot's): 0.5 walks
   * evenly (default); an uneven walker's is further from it (0.42: right steps of 0.42 and left steps of 0.58 of
   * the stride). Stance and swing of each foot are unchanged.
   */
  rightStepFraction?: number;
  seed?: number;
}

export interface WalkerTruth {
  events: GaitEvents;
  speed: number;
  /** World positions (metres) of a landmark at time t, for independent checks in tests. */
  pointAt: (name: LandmarkName, t: number) => [number, number, number];
}

type Vec = [number, number, number];
const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scale = (a: Vec, k: number): Vec => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const norm = (a: Vec): number => Math.sqrt(dot(a, a));

/** Seeded PRNG (mulberry32) and a Gaussian via Box-Muller (also for jitter added to real keypoints in tests). */
export function seededRandom(seed: number): { uniform: () => number; gauss: () => number } {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = (): number => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  return { uniform, gauss };
}

/** Swing progress 0..1 with a trapezoidal velocity profile (ramps of width r). */
function swingProgress(tau: number, r = 0.08): number {
  const c = 1 / (1 - r);
  if (tau <= 0) return 0;
  if (tau >= 1) return 1;
  if (tau < r) return (c * tau * tau) / (2 * r);
  if (tau > 1 - r) return 1 - (c * (1 - tau) ** 2) / (2 * r);
  return c * (tau - r / 2);
}

/** Builds the series and its ground truth. */
export function syntheticWalk(options: WalkerOptions = {}): { series: KeypointSeries; truth: WalkerTruth } {
  const o = {
    fps: 30,
    duration: 8,
    startTime: 0,
    cadence: 105,
    stancePercent: 60,
    stepLength: 0.6,
    heightM: 1.75,
    view: 'side-left' as const,
    cameraDistance: 5,
    cameraHeight: 1.0,
    width: 1280,
    imageHeight: 720,
    focalPx: 900,
    noisePx: 1,
    timeJitter: 0,
    pelvicDropDeg: 5,
    toeOutDeg: 0,
    includeWorld: false,
    treadmill: false,
    rightStepFraction: 0.5,
    seed: 1,
    ...options,
  };
  const H = o.heightM;
  const T = 120 / o.cadence;
  const S = (o.stancePercent / 100) * T;
  const W = T - S;
  const v = (o.stepLength * o.cadence) / 60;
  const thigh = 0.245 * H;
  const shank = 0.245 * H;
  const ankleHeight = 0.039 * H;
  const hipHeight = ankleHeight + thigh + shank - 0.03;
  const hipHalfWidth = (0.095 * H) / 1.75;
  const shoulderHalfWidth = (0.2 * H) / 1.75; // biacromial breadth about 0.4 m
  const reach = 0.45 * v * S; // heel ahead of the hip at heel strike
  const offset: Record<'left' | 'right', number> = { left: 0.3 * T, right: 0.3 * T + o.rightStepFraction * T };
  // The walk is centred on the camera: the pelvis passes x = 0 at mid-duration.
  const x0 = -v * (o.startTime + o.duration / 2);
  const pelvisX = (t: number): number => x0 + v * t;

  /** Heel, toe (foot index) and ankle of one foot at time t. */
  const foot = (side: 'left' | 'right', t: number): { heel: Vec; toe: Vec; ankle: Vec } => {
    const k = Math.floor((t - offset[side]) / T);
    const hs = offset[side] + k * T;
    const z = side === 'left' ? -hipHalfWidth : hipHalfWidth;
    const contactX = (hsTime: number): number => pelvisX(hsTime) + reach;
    const footLen = 0.15 * H;
    const maxRise = (35 * Math.PI) / 180;
    let toeX: number;
    let lift = 0;
    let rise = 0;
    if (t - hs < S) {
      toeX = contactX(hs) + footLen;
      const p = (t - hs) / S;
      if (p > 0.7) rise = ((p - 0.7) / 0.3) * maxRise; // heel rises about the planted toe in late stance
    } else {
      const tau = (t - hs - S) / W;
      const from = contactX(hs) + footLen;
      const to = contactX(hs + T) + footLen;
      toeX = from + (to - from) * swingProgress(tau);
      lift = 0.12 * Math.sin(Math.PI * Math.pow(tau, 0.75));
      rise = tau < 0.5 ? (1 - 2 * tau) * maxRise : 0;
    }
    const outward = side === 'left' ? -1 : 1; // the walker's left is −Z
    const toe: Vec = [toeX, 0.01 + lift, z + outward * footLen * Math.sin((o.toeOutDeg * Math.PI) / 180)];
    const along: Vec = [Math.cos(rise), -Math.sin(rise), 0]; // heel-to-toe direction, toe down when the heel is up
    const upFoot: Vec = [Math.sin(rise), Math.cos(rise), 0];
    const heel = sub(toe, scale(along, footLen));
    heel[2] = z; // the toe is turned out about the heel (foot progression angle)
    const ankle = add(add(heel, scale(along, 0.03 * H)), scale(upFoot, ankleHeight));
    return { heel, toe, ankle };
  };

  const body = (t: number): Record<LandmarkName, Vec> => {
    const overground = bodyOverground(t);
    if (!o.treadmill) return overground;
    // Treadmill: everything moves back by the distance walked, so the pelvis stays at x = 0.
    const back = pelvisX(t);
    const out = {} as Record<LandmarkName, Vec>;
    for (const name of LANDMARKS) {
      const p = overground[name];
      out[name] = [p[0] - back, p[1], p[2]];
    }
    return out;
  };

  function bodyOverground(t: number): Record<LandmarkName, Vec> {
    const px = pelvisX(t);
    const tMid = offset.left + S / 2;
    // Walking vaults over a stiff leg (pelvis highest at mid-stance); running compresses a spring (lowest there).
    const running = o.stancePercent < 50;
    const py = hipHeight + (running ? -0.04 : 0.015) * Math.cos((4 * Math.PI * (t - tMid)) / T);
    // Obliquity: positive raises the left hip; during left stance (phase 0..S) the right (swing) side drops.
    const obliq = ((o.pelvicDropDeg * Math.PI) / 180) * Math.sin((2 * Math.PI * (t - offset.left)) / T);
    const lHip: Vec = [px, py + hipHalfWidth * Math.sin(obliq), -hipHalfWidth];
    const rHip: Vec = [px, py - hipHalfWidth * Math.sin(obliq), hipHalfWidth];
    const out = {} as Record<LandmarkName, Vec>;
    const shoulderY = py + 0.288 * H;
    const place = (name: LandmarkName, p: Vec): void => {
      out[name] = p;
    };
    place('left_hip', lHip);
    place('right_hip', rHip);
    place('left_shoulder', [px, shoulderY, -shoulderHalfWidth]);
    place('right_shoulder', [px, shoulderY, shoulderHalfWidth]);
    for (const side of ['left', 'right'] as const) {
      const sgn = side === 'left' ? -1 : 1;
      const hip = side === 'left' ? lHip : rHip;
      const f = foot(side, t);
      const d = sub(f.ankle, hip);
      const dist = norm(d);
      let knee: Vec;
      if (dist >= thigh + shank) knee = add(hip, scale(d, thigh / (thigh + shank)));
      else {
        // Two-link IK in the sagittal (X-Y) plane; the knee bends forward (+X).
        const a = (thigh * thigh - shank * shank + dist * dist) / (2 * dist);
        const h = Math.sqrt(Math.max(0, thigh * thigh - a * a));
        const u = scale(d, 1 / dist);
        const perp: Vec = [-u[1], u[0], 0];
        const fwd = perp[0] >= 0 ? perp : scale(perp, -1);
        knee = add(add(hip, scale(u, a)), scale(fwd, h));
      }
      place(`${side}_knee`, knee);
      place(`${side}_ankle`, f.ankle);
      place(`${side}_heel`, f.heel);
      place(`${side}_foot_index`, f.toe);
      const sh = out[`${side}_shoulder`];
      place(`${side}_elbow`, add(sh, [0, -0.186 * H, 0.02 * sgn]));
      place(`${side}_wrist`, add(sh, [0, -0.332 * H, 0.03 * sgn]));
      for (const part of ['pinky', 'index', 'thumb'] as const)
        place(`${side}_${part}`, add(sh, [0.02, -0.37 * H, 0.03 * sgn]));
      place(`${side}_ear`, [px, shoulderY + 0.12 * H, 0.07 * sgn]);
      place(`${side}_eye`, [px + 0.08, shoulderY + 0.14 * H, 0.03 * sgn]);
      place(`${side}_eye_inner`, [px + 0.085, shoulderY + 0.14 * H, 0.015 * sgn]);
      place(`${side}_eye_outer`, [px + 0.075, shoulderY + 0.14 * H, 0.045 * sgn]);
    }
    place('nose', [px + 0.1, shoulderY + 0.12 * H, 0]);
    place('mouth_left', [px + 0.09, shoulderY + 0.09 * H, -0.02]);
    place('mouth_right', [px + 0.09, shoulderY + 0.09 * H, 0.02]);
    return out;
  }

  // Camera: position C, look direction L, right R = L x up, up U.
  const up: Vec = [0, 1, 0];
  const walkHalf = o.treadmill ? 0 : (v * o.duration) / 2;
  const cam = {
    'side-left': { C: [0, o.cameraHeight, -o.cameraDistance] as Vec, L: [0, 0, 1] as Vec },
    'side-right': { C: [0, o.cameraHeight, o.cameraDistance] as Vec, L: [0, 0, -1] as Vec },
    front: { C: [walkHalf + o.cameraDistance, o.cameraHeight, 0] as Vec, L: [-1, 0, 0] as Vec },
    back: { C: [-walkHalf - o.cameraDistance, o.cameraHeight, 0] as Vec, L: [1, 0, 0] as Vec },
  }[o.view];
  const R: Vec = [
    cam.L[1] * up[2] - cam.L[2] * up[1],
    cam.L[2] * up[0] - cam.L[0] * up[2],
    cam.L[0] * up[1] - cam.L[1] * up[0],
  ];
  const random = seededRandom(o.seed);
  const project = (p: Vec): { x: number; y: number; depth: number } => {
    const d = sub(p, cam.C);
    const depth = dot(d, cam.L);
    return {
      x: o.width / 2 + (o.focalPx * dot(d, R)) / depth,
      y: o.imageHeight / 2 - (o.focalPx * dot(d, up)) / depth,
      depth,
    };
  };
  const farSide = o.view === 'side-left' ? 'right' : o.view === 'side-right' ? 'left' : null;

  const frames: PoseFrame[] = [];
  const n = Math.floor(o.duration * o.fps);
  for (let i = 0; i < n; i++) {
    const t = o.startTime + i / o.fps + ((random.uniform() * 2 - 1) * o.timeJitter) / o.fps;
    const pts = body(t);
    const hipMid = scale(add(pts.left_hip, pts.right_hip), 0.5);
    const people: PosePerson[] = [];
    const hipImg = project(hipMid);
    if (hipImg.depth > 0.5 && hipImg.x >= 0 && hipImg.x <= o.width) {
      const image = LANDMARKS.map((name) => {
        const pr = project(pts[name]);
        const inside = pr.depth > 0 && pr.x >= 0 && pr.x <= o.width && pr.y >= 0 && pr.y <= o.imageHeight;
        const far = farSide !== null && name.startsWith(farSide);
        return {
          x: pr.x + random.gauss() * o.noisePx,
          y: pr.y + random.gauss() * o.noisePx,
          visibility: inside ? (far ? 0.75 : 0.95) : 0.05,
        };
      });
      const world: WorldPoint[] | null = o.includeWorld
        ? LANDMARKS.map((name) => {
            const d = sub(pts[name], hipMid);
            return { x: dot(d, R), y: -dot(d, up), z: dot(d, cam.L), visibility: 0.9 };
          })
        : null;
      people.push({ score: 0.95, image, world });
    }
    if (o.distractorAt !== undefined) {
      // A person standing still (small sway), about as large as the walker.
      const cx = o.distractorAt * o.width;
      const sway = 6 * Math.sin(2 * Math.PI * 0.7 * t);
      const personH = (o.focalPx * H) / o.cameraDistance;
      const feetY = o.imageHeight / 2 + (o.focalPx * 1.0) / o.cameraDistance;
      const image = LANDMARKS.map((name) => {
        const p = body(o.startTime)[name];
        const rel = sub(p, scale(add(body(o.startTime).left_hip, body(o.startTime).right_hip), 0.5));
        return {
          x: cx + sway + (rel[0] * personH) / H + random.gauss() * o.noisePx,
          y: feetY - (p[1] * personH) / H + random.gauss() * o.noisePx,
          visibility: 0.9,
        };
      });
      people.push({ score: 0.9, image, world: null });
    }
    frames.push({ index: i, time: t, people });
  }
  const events: GaitEvents = { left: { heelStrike: [], toeOff: [] }, right: { heelStrike: [], toeOff: [] } };
  const tEnd = o.startTime + o.duration;
  for (const side of ['left', 'right'] as const) {
    for (let k = Math.floor((o.startTime - offset[side]) / T) - 1; offset[side] + k * T < tEnd; k++) {
      const hs = offset[side] + k * T;
      if (hs >= o.startTime && hs < tEnd) events[side].heelStrike.push(hs);
      if (hs + S >= o.startTime && hs + S < tEnd) events[side].toeOff.push(hs + S);
    }
  }
  const series: KeypointSeries = {
    model: 'synthetic-walker',
    width: o.width,
    height: o.imageHeight,
    fps: o.fps,
    frames,
  };
  const pointAt = (name: LandmarkName, t: number): Vec => body(t)[name];
  void LANDMARK_INDEX;
  return { series, truth: { events, speed: v, pointAt } };
}
