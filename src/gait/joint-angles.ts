/** 2D joint and segment angles from image points (degrees). Pure. */

export interface P2 {
  x: number;
  y: number;
}

/** Knee flexion: 180° minus the hip-knee-ankle angle (0 = straight leg). NaN if any point is missing. */
export function kneeFlexion(hip: P2, knee: P2, ankle: P2): number {
  const ax = hip.x - knee.x;
  const ay = hip.y - knee.y;
  const bx = ankle.x - knee.x;
  const by = ankle.y - knee.y;
  const cos = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
  return 180 - (Math.acos(Math.min(1, Math.max(-1, cos))) * 180) / Math.PI;
}

/**
 * Knee frontal-plane projection angle (FPPA) in a front or back view: 180° minus the hip-knee-ankle angle, signed
 * positive when the knee lies on the medial side of the hip-ankle line (towards the other leg: a valgus
 * projection) and negative when lateral. `medialSign` is +1 when the midline is towards image +x from this leg.
 */
export function kneeFrontalProjection(hip: P2, knee: P2, ankle: P2, medialSign: number): number {
  const magnitude = kneeFlexion(hip, knee, ankle);
  const along = (knee.y - hip.y) / (ankle.y - hip.y);
  const lineX = hip.x + (ankle.x - hip.x) * along;
  const offset = (knee.x - lineX) * medialSign;
  return offset >= 0 ? magnitude : -magnitude;
}

/** Angle of the line a→b below the horizontal, degrees (image y grows downwards): positive when b is lower. */
export function dropAngle(a: P2, b: P2): number {
  return (Math.atan2(b.y - a.y, Math.abs(b.x - a.x)) * 180) / Math.PI;
}

/** Lean of the line from `base` up to `top` away from the image vertical, degrees; positive towards image +x. */
export function leanFromVertical(base: P2, top: P2): number {
  return (Math.atan2(top.x - base.x, base.y - top.y) * 180) / Math.PI;
}

/** Linear interpolation of a sampled series at time t (NaN outside or next to missing samples). */
export function sampleAt(time: readonly number[], values: readonly number[], t: number): number {
  let lo = 0;
  let hi = time.length - 1;
  if (hi < 0 || t < (time[0] as number) || t > (time[hi] as number)) return NaN;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((time[mid] as number) <= t) lo = mid;
    else hi = mid;
  }
  const t0 = time[lo] as number;
  const t1 = time[hi] as number;
  const v0 = values[lo] as number;
  const v1 = values[hi] as number;
  return t1 === t0 ? v0 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}
