/**
 * Drops the contacts at the start and end of a clip that cannot be real steps, before any time is computed.
 *
 * Where the walker enters or leaves the picture, or the pose model is still settling, a model often labels both
 * legs at one foot for a few frames: the same contact then appears under both feet a few frames apart, or one foot
 * lands twice in a row. In the middle of a clip the consistency check (event-consistency.ts) refuses such events;
 * at the edges it lets a few through, and they still enter the timing (one such pair on a real slow walk put 132
 * steps/min into the first stride of a walk at about 117).
 *
 * The rule uses only what every gait obeys, whatever the person or camera: contacts alternate between the feet,
 * and no step is shorter than half the typical step (SHORTEST_STEP_FRACTION, the same bound the consistency check
 * uses). From each end of the clip, a contact is dropped while it and the next two do not make two such steps.
 * Trimming is limited to the slips the consistency check allows anyway (slipAllowance): a clip that needs more is
 * left as it is, for the check to judge as a whole. Each foot then keeps at most one toe off before its first
 * kept contact (the end of the stance the clip opened in: a foot leaves the ground once per swing) and one after
 * its last. Pure.
 */
import type { FootEvents, GaitEvents, Side } from './gait-events.js';
import { SHORTEST_STEP_FRACTION, slipAllowance } from './event-consistency.js';
import { median } from './stats.js';

export interface EdgeTrim {
  events: GaitEvents;
  /** Contacts dropped at the start and at the end. */
  dropped: { start: number; end: number };
}

interface Contact {
  t: number;
  side: Side;
}

/** Whether contacts a, b, c make two real steps: alternate feet and neither step shorter than the bound. */
function twoSteps(a: Contact, b: Contact, c: Contact, shortest: number): boolean {
  return a.side !== b.side && b.side !== c.side && b.t - a.t >= shortest && c.t - b.t >= shortest;
}

/** Number of contacts to drop from the start of `cs` (in time order) before three make two real steps. */
function leadingBad(cs: readonly Contact[], shortest: number): number {
  for (let i = 0; i + 2 < cs.length; i++) if (twoSteps(cs[i]!, cs[i + 1]!, cs[i + 2]!, shortest)) return i;
  return cs.length;
}

/** A foot's toe offs without the extras outside its kept contacts: the last before the first, the first after the last. */
function keepToeOffs(toeOffs: readonly number[], first: number, last: number): number[] {
  const before = toeOffs.filter((t) => t < first);
  const after = toeOffs.filter((t) => t > last);
  const inside = toeOffs.filter((t) => t >= first && t <= last);
  return [...before.slice(-1), ...inside, ...after.slice(0, 1)];
}

export function trimEdgeEvents(events: GaitEvents): EdgeTrim {
  const contacts: Contact[] = [
    ...events.left.heelStrike.map((t) => ({ t, side: 'left' as const })),
    ...events.right.heelStrike.map((t) => ({ t, side: 'right' as const })),
  ].sort((a, b) => a.t - b.t);
  const unchanged: EdgeTrim = { events, dropped: { start: 0, end: 0 } };
  // The typical step: the median time between contacts of alternate feet (one label's slip does not move it).
  const steps: number[] = [];
  for (let i = 1; i < contacts.length; i++)
    if (contacts[i]!.side !== contacts[i - 1]!.side) steps.push(contacts[i]!.t - contacts[i - 1]!.t);
  if (contacts.length < 3 || steps.length === 0) return unchanged;
  const shortest = SHORTEST_STEP_FRACTION * median(steps);
  const start = leadingBad(contacts, shortest);
  const end = leadingBad(
    [...contacts].reverse().map((c) => ({ ...c, t: -c.t })),
    shortest,
  );
  const allowed = slipAllowance(contacts.length);
  if ((start === 0 && end === 0) || start > allowed || end > allowed || start + end + 3 > contacts.length)
    return unchanged;
  const kept = contacts.slice(start, contacts.length - end);
  const foot = (side: Side): FootEvents => {
    const ics = kept.filter((c) => c.side === side).map((c) => c.t);
    const f = events[side];
    if (ics.length === 0)
      return { heelStrike: [], toeOff: keepToeOffs(f.toeOff, kept[0]!.t, kept[kept.length - 1]!.t) };
    return { heelStrike: ics, toeOff: keepToeOffs(f.toeOff, ics[0]!, ics[ics.length - 1]!) };
  };
  return { events: { left: foot('left'), right: foot('right') }, dropped: { start, end } };
}
