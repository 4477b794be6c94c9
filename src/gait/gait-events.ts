/** Gait events per foot, the common currency of the force-insole, accelerometer and video pipelines. Pure types. */

export type Side = 'left' | 'right';

/** Event times of one foot in seconds, each list sorted ascending. */
export interface FootEvents {
  /** Initial contact (heel strike): the foot starts to bear load. */
  heelStrike: number[];
  /** Foot off (toe off): the foot leaves the ground. */
  toeOff: number[];
}

export interface GaitEvents {
  left: FootEvents;
  right: FootEvents;
}

/** The other foot. */
export function otherSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

/** A copy of the events with every time moved by `shift` seconds (useful for aligning clocks). */
export function shiftEvents(events: GaitEvents, shift: number): GaitEvents {
  const move = (f: FootEvents): FootEvents => ({
    heelStrike: f.heelStrike.map((t) => t + shift),
    toeOff: f.toeOff.map((t) => t + shift),
  });
  return { left: move(events.left), right: move(events.right) };
}
