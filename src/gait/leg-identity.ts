/**
 * Which leg is which in a side view, from the walk itself rather than from the pose model's labels.
 *
 * Seen from the side, the legs overlap and a pose model often labels them by position rather than by identity: on
 * a real side-view clip (test/fixtures/gait-clips/overground-walk-side-a.mp4) BlazePose called the front foot
 * "left" through most crossings, so each label landed once per step and the clip read 169 steps/min instead of
 * about 106. Frame-by-frame swap repair (trajectory-cleaning.ts) cannot see this: the labels never jump, they
 * bounce off each other where the feet pass.
 *
 * What does not depend on the labels: whichever foot is furthest ahead of the pelvis peaks at every initial
 * contact (Zeni 2008's heel maximum, taken over both feet), and consecutive contacts belong to alternate feet
 * (walking and running alike). So the contacts are found on the front-foot signal, numbered, and between two
 * crossings (where the feet pass) the front foot belongs to that step's foot. Each sample's two leg chains are
 * then put under the identity they belong to, and every later step (events, angles) reads them as usual.
 *
 * Which identity is the left leg: the pose model's labels, when they agree with the alternation almost
 * everywhere; otherwise geometry: with the camera above the floor, the foot further from the camera stands higher
 * in the picture (its ground contact is nearer the horizon), and the near side is the walker's left when they face
 * image left. When neither is clear the result says so, and left and right may be the wrong way round. A walk with
 * a turn in the picture, or a long stretch where the feet are not seen, is sorted out part by part (a contact missed
 * at the turn would otherwise shift the count and swap a whole pass). Pure.
 */
import { forwardSignal, peakTimes } from './keypoint-events.js';
import { LANDMARKS } from './keypoints.js';
import { mean } from './stats.js';
import type { CleanTrack, Trajectory } from './trajectory-cleaning.js';
import { facingPerSample, pelvis, torsoLength, type ViewEstimate } from './view-detection.js';

/** How the left leg was told from the right. */
export type SideAttribution = 'labels' | 'near-far' | 'unknown';

export interface LegSorting {
  /** The track with the two leg chains put under the legs they belong to. */
  track: CleanTrack;
  /** Samples whose leg labels were exchanged. */
  exchangedSamples: number;
  sides: SideAttribution;
}

/** The parts of a leg that move with the foot; the hips stay (side by side in a side view, they hardly differ). */
const LEG_CHAIN = ['knee', 'ankle', 'heel', 'foot_index'] as const;

/**
 * Where the two heels are within this (torso lengths, about 4 cm) of each other the order of the feet is not
 * read: the feet are passing and the model's jitter decides which is ahead. The last clear order carries over.
 */
const SAME_PLACE = 0.08;

/**
 * Up to this share of samples may disagree with the alternation and the model's labels still count as its
 * labels (noise at crossings, a contact missed at an edge). A model labelling by position disagrees on about half.
 */
const LABELS_AGREE = 0.2;

/**
 * The far foot must stand this much higher (torso lengths) than the near one, and three standard errors clear of
 * zero, to tell them apart. A phone at hip height 3-5 m away sees a 10-15 cm step width as 0.05-0.1 torso lengths.
 */
const NEAR_FAR_MIN = 0.02;

/** Index of the sample nearest to time t. */
function nearestSample(time: readonly number[], t: number): number {
  let best = 0;
  for (let i = 1; i < time.length; i++)
    if (Math.abs((time[i] as number) - t) < Math.abs((time[best] as number) - t)) best = i;
  return best;
}

/**
 * A run of samples with no front-foot signal longer than this (s) splits the walk into parts sorted out on their
 * own (a step may hide inside a shorter gap; a longer one, or a turn, can break the alternation's count).
 */
const SPLIT_GAP_S = 0.25;

/** Sorts out the legs of a side-view track (other views are returned as they are). */
export function sortOutLegs(track: CleanTrack, view: ViewEstimate): LegSorting {
  const unchanged: LegSorting = { track, exchangedSamples: 0, sides: 'labels' };
  if (view.view !== 'side') return unchanged;
  const hl = forwardSignal(track, 'left_heel', view);
  const hr = forwardSignal(track, 'right_heel', view);
  if (!hl || !hr) return unchanged;
  const front = hl.map((l, i) => {
    const r = hr[i] as number;
    return Number.isFinite(l) && Number.isFinite(r) ? Math.max(l, r) : NaN;
  });
  // Facing image left (-1) or right (+1) per sample: one way for the whole walk unless it turns in the picture.
  const facing = view.turns
    ? facingPerSample(track)
    : track.time.map(() => (view.direction === 'left-to-right' ? 1 : view.direction === 'right-to-left' ? -1 : 0));
  const exchange: boolean[] = track.time.map(() => false);
  const verdicts: SideAttribution[] = [];
  for (const [from, to] of walkParts(track.time, front, facing)) {
    const part = sortPart({ track, hl, hr, front, from, to });
    if (!part) continue;
    // Two ways to name the identities: 0 = left (exchange where left carries 1) or 0 = right.
    const n = to - from;
    const zeroOnLeft = part.leftIsZero.filter((v) => v).length;
    const exchangeIfZeroLeft = n - zeroOnLeft;
    const exchangeIfZeroRight = zeroOnLeft;
    let zeroIsLeft = exchangeIfZeroLeft <= exchangeIfZeroRight;
    let sides: SideAttribution = 'labels';
    if (Math.min(exchangeIfZeroLeft, exchangeIfZeroRight) > LABELS_AGREE * n) {
      const near = nearIdentity(track, part.contacts, part.stanceEnds, from, part.leftIsZero);
      const faces = Math.sign(facing.slice(from, to).reduce((sum: number, f) => sum + (Number.isFinite(f) ? f : 0), 0));
      if (near === null || faces === 0) sides = 'unknown';
      else {
        sides = 'near-far';
        // Facing image left, a walker shows the camera their left side (and facing right, their right).
        zeroIsLeft = (near === 0) === faces < 0;
      }
    }
    verdicts.push(sides);
    part.leftIsZero.forEach((leftZero, k) => {
      exchange[from + k] = leftZero !== zeroIsLeft;
    });
  }
  const sides: SideAttribution = verdicts.includes('unknown')
    ? 'unknown'
    : verdicts.includes('near-far')
      ? 'near-far'
      : 'labels';
  const exchangedSamples = exchange.filter(Boolean).length;
  if (exchangedSamples === 0) return { track, exchangedSamples, sides };
  return { track: exchangeLegs(track, exchange), exchangedSamples, sides };
}

/** [from, to) sample ranges of continuous walking one way: split at long gaps in the signal and where the walker turns. */
function walkParts(
  time: readonly number[],
  front: readonly number[],
  facing: readonly number[],
): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let start = -1;
  let lastSeen = -1;
  for (let i = 0; i < front.length; i++) {
    if (!Number.isFinite(front[i] as number)) continue;
    const turned = lastSeen >= 0 && (facing[i] as number) * (facing[lastSeen] as number) < 0;
    const gap = lastSeen >= 0 && (time[i] as number) - (time[lastSeen] as number) > SPLIT_GAP_S;
    if (start < 0) start = i;
    else if (turned || gap) {
      parts.push([start, lastSeen + 1]);
      start = i;
    }
    lastSeen = i;
  }
  if (start >= 0) parts.push([start, lastSeen + 1]);
  return parts;
}

interface PartInput {
  track: CleanTrack;
  hl: readonly number[];
  hr: readonly number[];
  front: readonly number[];
  from: number;
  to: number;
}

/**
 * One part of the walk: its contacts (sample indices), where each contact's foot stops being the front foot, and
 * per sample of [from, to) whether the label "left" carries identity 0 (the foot of the part's 1st, 3rd, 5th ...
 * contact). Null when the part has fewer than 3 contacts or the feet are never clearly apart.
 */
function sortPart({
  track,
  hl,
  hr,
  front,
  from,
  to,
}: PartInput): { contacts: number[]; stanceEnds: number[]; leftIsZero: boolean[] } | null {
  const time = track.time.slice(from, to);
  // Contacts come once per step, not per stride: 0.2 s apart at least (a step lasts 0.23 s at 260 steps/min, the
  // top of the running bound in event-consistency.ts). The prominence floor is the one detectKeypointEvents uses.
  const contacts = peakTimes(time, front.slice(from, to), { minEventSeparation: 0.2, minProminenceAbsolute: 0.1 }).map(
    (t) => from + nearestSample(time, t),
  );
  if (contacts.length < 3) return null;
  const apart = (i: number): number => Math.abs((hl[i] as number) - (hr[i] as number));
  // The crossing in [a, b): where the feet pass, the swinging one overtaking the planted one, which is where
  // the front foot is furthest back (the valley of the front-foot signal between two contacts). Not simply where
  // the heels are closest: a model that puts both heel labels on one foot for a while brings them together too.
  // With labels that follow the feet, the order of the two heels flips at the crossing, which places it exactly.
  const crossingIn = (a: number, b: number): { at: number; met: boolean } | null => {
    let best = -1;
    for (let i = a; i < b; i++)
      if (Number.isFinite(front[i] as number) && (best < 0 || (front[i] as number) < (front[best] as number))) best = i;
    if (best < 0) return null;
    const d = (i: number): number => (hl[i] as number) - (hr[i] as number);
    // The flip nearest the valley (the valley itself can sit a few samples early when both feet are near the
    // pelvis at once).
    let flip = -1;
    for (let j = a + 1; j < b; j++) {
      if (Math.sign(d(j - 1)) * Math.sign(d(j)) < 0 && (flip < 0 || Math.abs(j - best) < Math.abs(flip - best)))
        flip = j;
    }
    if (flip >= 0) return { at: flip, met: true };
    return { at: best, met: apart(best) < SAME_PLACE };
  };
  // Before the first contact and after the last the feet may pass once more; that counts only where they do meet
  // and are clearly apart again beyond (otherwise the part just starts or ends there). Where they meet but are
  // not seen apart again before the edge, the samples beyond are not read at all (they take the labels' meaning
  // from the nearest read sample).
  const edgeCrossing = (
    a: number,
    b: number,
    beyond: (c: number) => number[],
  ): { at: number; confirmed: boolean } | null => {
    const c = crossingIn(a, b);
    if (!c || !c.met) return null;
    return { at: c.at, confirmed: beyond(c.at).some((i) => apart(i) > 2 * SAME_PLACE) };
  };
  const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
  const first = contacts[0] as number;
  const lastContact = contacts[contacts.length - 1] as number;
  const leadMeet = edgeCrossing(from, first, (c) => range(from, c));
  const trailMeet = edgeCrossing(lastContact + 1, to, (c) => range(c + 1, to));
  const lead = leadMeet?.confirmed ? leadMeet.at : null;
  const trail = trailMeet?.confirmed ? trailMeet.at : null;
  const readFrom = leadMeet && !leadMeet.confirmed ? leadMeet.at : from;
  const readTo = trailMeet && !trailMeet.confirmed ? trailMeet.at : to - 1;
  const between: number[] = [];
  for (let k = 0; k + 1 < contacts.length; k++) {
    const c = crossingIn((contacts[k] as number) + 1, contacts[k + 1] as number);
    between.push(c ? c.at : Math.round(((contacts[k] as number) + (contacts[k + 1] as number)) / 2));
  }
  const crossings = [...(lead !== null ? [lead] : []), ...between, ...(trail !== null ? [trail] : [])];
  // Between two crossings the foot ahead is the one whose contact lies there; before the first contact's stretch
  // it is the other foot (identity 1).
  const leftIsZero: Array<boolean | undefined> = new Array(to - from);
  let passed = 0;
  for (let i = from; i < to; i++) {
    while (passed < crossings.length && i >= (crossings[passed] as number)) passed++;
    if (i < readFrom || i > readTo) continue;
    const frontIdentity = (((passed - (lead !== null ? 1 : 0)) % 2) + 2) % 2;
    const d = (hl[i] as number) - (hr[i] as number);
    if (d > SAME_PLACE) leftIsZero[i - from] = frontIdentity === 0;
    else if (d < -SAME_PLACE) leftIsZero[i - from] = frontIdentity !== 0;
  }
  // Fill the undecided samples with the nearest earlier decision (the first decision before any).
  const firstDecided = leftIsZero.find((v) => v !== undefined);
  if (firstDecided === undefined) return null;
  let last = firstDecided;
  return {
    contacts,
    stanceEnds: [...between, trail ?? to],
    leftIsZero: Array.from(leftIsZero, (v) => (v === undefined ? last : (last = v))),
  };
}

/**
 * Which identity (0 or 1) is the leg nearer the camera, from how low its heel stands in the picture while it is
 * the planted front foot (from its contact to the next crossing), or null when the difference is not clear.
 */
function nearIdentity(
  track: CleanTrack,
  contacts: readonly number[],
  stanceEnds: readonly number[],
  from: number,
  leftIsZero: readonly boolean[],
): 0 | 1 | null {
  const p = pelvis(track);
  const torso = torsoLength(track);
  const heel = (side: 'left' | 'right') => track.landmarks[LANDMARKS.indexOf(`${side}_heel`)] as Trajectory;
  // The heel's mean height (torso lengths below the pelvis) while each contact's foot is the planted front foot.
  const perStep: Array<number | null> = [];
  for (let k = 0; k < contacts.length; k++) {
    const identity = k % 2;
    const to = stanceEnds[k] as number;
    const ys: number[] = [];
    for (let i = contacts[k] as number; i < to; i++) {
      const side = (leftIsZero[i - from] as boolean) === (identity === 0) ? 'left' : 'right';
      const h = heel(side);
      if (!h.observed[i]) continue;
      const y = ((h.y[i] as number) - (p.y[i] as number)) / (torso[i] as number);
      if (Number.isFinite(y)) ys.push(y);
    }
    perStep.push(ys.length ? mean(ys) : null);
  }
  // Consecutive steps compared pairwise (identity 0 minus identity 1), so that a walker drifting nearer or further
  // over the clip does not decide it.
  const pairs: number[] = [];
  for (let k = 0; k + 1 < perStep.length; k++) {
    const u = perStep[k];
    const v = perStep[k + 1];
    if (u === null || u === undefined || v === null || v === undefined) continue;
    pairs.push(k % 2 === 0 ? u - v : v - u);
  }
  if (pairs.length < 3) return null;
  const diff = mean(pairs);
  const se = Math.sqrt(pairs.reduce((s, x) => s + (x - diff) ** 2, 0) / (pairs.length - 1) / pairs.length);
  if (Math.abs(diff) < NEAR_FAR_MIN || Math.abs(diff) < 3 * se) return null;
  // Image y grows downwards: the lower heel (larger y) is the nearer foot.
  return diff > 0 ? 0 : 1;
}

/** A copy of the track with the left and right leg chains exchanged at the marked samples. */
function exchangeLegs(track: CleanTrack, exchange: readonly boolean[]): CleanTrack {
  const landmarks = track.landmarks.map((l) => ({
    ...l,
    x: [...l.x],
    y: [...l.y],
    wx: l.wx && [...l.wx],
    wy: l.wy && [...l.wy],
    wz: l.wz && [...l.wz],
    observed: [...l.observed],
  }));
  for (const part of LEG_CHAIN) {
    const a = landmarks[LANDMARKS.indexOf(`left_${part}`)] as Trajectory;
    const b = landmarks[LANDMARKS.indexOf(`right_${part}`)] as Trajectory;
    for (let i = 0; i < exchange.length; i++) {
      if (!exchange[i]) continue;
      for (const key of ['x', 'y', 'wx', 'wy', 'wz', 'observed'] as const) {
        const u = a[key];
        const v = b[key];
        if (!u || !v) continue;
        const tmp = u[i] as number | boolean;
        (u as Array<number | boolean>)[i] = v[i] as number | boolean;
        (v as Array<number | boolean>)[i] = tmp;
      }
    }
  }
  return { ...track, landmarks };
}
