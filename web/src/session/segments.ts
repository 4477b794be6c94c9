/**
 * A guided session as a flat list of timed segments (get ready, work, relax between reps, rest between sets,
 * change feet), built from today's plan items, and the tally of what was done. Pure: no DOM, no timers, so it is
 * tested in Node (segments.test.ts).
 */
import type { HoldDose, PlanItem, SessionItem, TimedDose } from '../api/types.js';

/** Seconds to get into position before an exercise, and between feet. A UI pacing default, not a clinical dose. */
export const READY_SECONDS = 5;
/** Seconds to lower the toe and breathe between two holds. A UI pacing default, not a clinical dose. */
export const RELAX_SECONDS = 3;

export type SegmentKind = 'ready' | 'work' | 'relax' | 'rest' | 'switch';

export interface Segment {
  /** Index of the exercise in the session's item list. */
  item: number;
  kind: SegmentKind;
  seconds: number;
  /** Large heading, e.g. "Hold" or "Left foot". */
  title: string;
  /** Smaller line, e.g. "Rep 3 of 10 · Set 1 of 2". */
  detail: string;
  /** What is spoken at the start of the segment. */
  cue: string;
  set?: number;
  rep?: number;
  foot?: 'left' | 'right';
}

/** The drills of a plan a guided session walks through (the walk is logged on its own). */
export function sessionItems(items: readonly PlanItem[]): PlanItem[] {
  return items.filter((i) => i.dose.kind !== 'walk');
}

function timedSegments(index: number, item: PlanItem, dose: TimedDose): Segment[] {
  const out: Segment[] = [];
  (['left', 'right'] as const).forEach((foot, f) => {
    out.push({
      item: index, kind: f === 0 ? 'ready' : 'switch', seconds: READY_SECONDS, title: f === 0 ? 'Get ready' : 'Change feet',
      detail: `Ball under your ${foot} foot`, cue: `${f === 0 ? item.name + '. ' : 'Change feet. '}Put the ball under your ${foot} foot.`, foot,
    });
    out.push({
      item: index, kind: 'work', seconds: dose.secondsPerFoot, title: `${foot === 'left' ? 'Left' : 'Right'} foot`,
      detail: 'Roll slowly from heel to toes and back', cue: `Roll slowly, ${foot} foot.`, foot,
    });
  });
  return out;
}

function holdSegments(index: number, item: PlanItem, dose: HoldDose): Segment[] {
  const out: Segment[] = [];
  const feet: ('left' | 'right' | undefined)[] = dose.perFoot ? ['left', 'right'] : [undefined];
  feet.forEach((foot, f) => {
    const on = foot ? ` on your ${foot} foot` : '';
    out.push({
      item: index, kind: f === 0 ? 'ready' : 'switch', seconds: READY_SECONDS, title: f === 0 ? 'Get ready' : 'Change feet',
      detail: `${item.name}${on}`, cue: `${f === 0 ? item.name + '. ' : 'Change feet. '}Get ready${on}.`, ...(foot ? { foot } : {}),
    });
    for (let set = 1; set <= dose.sets; set++) {
      for (let rep = 1; rep <= dose.reps; rep++) {
        const where = `Set ${set} of ${dose.sets}${foot ? ` · ${foot} foot` : ''}`;
        out.push({ item: index, kind: 'work', seconds: dose.holdSeconds, title: 'Lift and hold', detail: where, cue: rep === 1 ? 'Big toe down, lift your little toe. Hold.' : 'Lift.', set, rep, ...(foot ? { foot } : {}) });
        if (rep < dose.reps) out.push({ item: index, kind: 'relax', seconds: RELAX_SECONDS, title: 'Lower slowly', detail: where, cue: 'Lower.', set, rep, ...(foot ? { foot } : {}) });
      }
      if (set < dose.sets) {
        out.push({ item: index, kind: 'rest', seconds: dose.restSeconds, title: 'Rest', detail: `Set ${set} of ${dose.sets} done. Next: set ${set + 1}`, cue: `Set ${set} done. Rest.`, set, ...(foot ? { foot } : {}) });
      }
    }
  });
  return out;
}

/** The segments of a session, in order. */
export function buildSegments(items: readonly PlanItem[]): Segment[] {
  return items.flatMap((item, i) => {
    if (item.dose.kind === 'timed') return timedSegments(i, item, item.dose);
    if (item.dose.kind === 'holds') return holdSegments(i, item, item.dose);
    return [];
  });
}

/** What happened to one segment: done in full, partly (seconds done before a skip), or not at all. */
export interface SegmentOutcome { done: boolean; seconds: number }

/**
 * The session's items for POST /api/sessions from the plan and the outcome of each segment. An exercise counts as
 * completed when every one of its work segments was done in full; a set counts when all its reps were held.
 */
export function tallyItems(items: readonly PlanItem[], segments: readonly Segment[], outcomes: readonly (SegmentOutcome | undefined)[]): SessionItem[] {
  return items.map((item, i) => {
    const work = segments.map((s, k) => ({ s, o: outcomes[k] })).filter(({ s }) => s.item === i && s.kind === 'work');
    const repsDone = item.dose.kind === 'holds' ? work.filter(({ o }) => o?.done).length : 0;
    let setsDone = 0;
    if (item.dose.kind === 'holds') {
      const sets = new Map<string, boolean>();
      for (const { s, o } of work) {
        const key = `${s.foot ?? ''}:${s.set}`;
        sets.set(key, (sets.get(key) ?? true) && !!o?.done);
      }
      const full = [...sets.values()].filter(Boolean).length;
      setsDone = item.dose.perFoot ? Math.floor(full / 2) : full;
    } else if (item.dose.kind === 'timed') {
      setsDone = work.every(({ o }) => o?.done) ? 1 : 0;
    }
    const secondsDone = Math.round(work.reduce((t, { o }) => t + (o?.seconds ?? 0), 0));
    return {
      exercise: item.exercise, position: item.position, completed: work.length > 0 && work.every(({ o }) => o?.done),
      setsDone, repsDone, secondsDone,
    };
  });
}
