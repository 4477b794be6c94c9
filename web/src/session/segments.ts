/**
 * A guided session as a flat list of timed segments (get ready, work, relax between reps, rest between sets,
 * change feet), built from today's plan items, and the tally of what was done. Pure: no DOM, no timers, so it is
 * tested in Node (segments.test.ts).
 */
import type { TFunction } from 'i18next';
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

// The words come from the session namespace (session:segments.*): `t` is the screen's, so they follow its language.
function timedSegments(index: number, item: PlanItem, dose: TimedDose, t: TFunction): Segment[] {
  const out: Segment[] = [];
  (['left', 'right'] as const).forEach((foot, f) => {
    const footWord = t(`session:segments.foot.${foot}`);
    const lead = f === 0 ? `${item.name}. ` : `${t('session:segments.changeFeet')}. `;
    out.push({
      item: index,
      kind: f === 0 ? 'ready' : 'switch',
      seconds: READY_SECONDS,
      title: f === 0 ? t('session:segments.getReady') : t('session:segments.changeFeet'),
      detail: t('session:segments.ballUnder', { foot: footWord }),
      cue: lead + t('session:segments.ballUnderCue', { foot: footWord }),
      foot,
    });
    out.push({
      item: index,
      kind: 'work',
      seconds: dose.secondsPerFoot,
      title: t(`session:segments.footTitle.${foot}`),
      detail: t('session:segments.roll'),
      cue: t('session:segments.rollCue', { foot: footWord }),
      foot,
    });
  });
  return out;
}

function holdSegments(index: number, item: PlanItem, dose: HoldDose, t: TFunction): Segment[] {
  const out: Segment[] = [];
  const feet: ('left' | 'right' | undefined)[] = dose.perFoot ? ['left', 'right'] : [undefined];
  feet.forEach((foot, f) => {
    const footWord = foot ? t(`session:segments.foot.${foot}`) : '';
    const lead = f === 0 ? `${item.name}. ` : `${t('session:segments.changeFeet')}. `;
    out.push({
      item: index,
      kind: f === 0 ? 'ready' : 'switch',
      seconds: READY_SECONDS,
      title: f === 0 ? t('session:segments.getReady') : t('session:segments.changeFeet'),
      detail: foot ? t('session:segments.nameOnFoot', { name: item.name, foot: footWord }) : item.name,
      cue:
        lead + (foot ? t('session:segments.getReadyOnFoot', { foot: footWord }) : `${t('session:segments.getReady')}.`),
      ...(foot ? { foot } : {}),
    });
    for (let set = 1; set <= dose.sets; set++) {
      for (let rep = 1; rep <= dose.reps; rep++) {
        const where = foot
          ? t('session:segments.setOfFoot', { set, sets: dose.sets, foot: footWord })
          : t('session:segments.setOf', { set, sets: dose.sets });
        out.push({
          item: index,
          kind: 'work',
          seconds: dose.holdSeconds,
          title: t('session:segments.liftAndHold'),
          detail: where,
          cue: rep === 1 ? t('session:segments.liftFirstCue') : t('session:segments.liftCue'),
          set,
          rep,
          ...(foot ? { foot } : {}),
        });
        if (rep < dose.reps)
          out.push({
            item: index,
            kind: 'relax',
            seconds: RELAX_SECONDS,
            title: t('session:segments.lower'),
            detail: where,
            cue: t('session:segments.lowerCue'),
            set,
            rep,
            ...(foot ? { foot } : {}),
          });
      }
      if (set < dose.sets) {
        out.push({
          item: index,
          kind: 'rest',
          seconds: dose.restSeconds,
          title: t('session:segments.rest'),
          detail: t('session:segments.setDone', { set, sets: dose.sets, next: set + 1 }),
          cue: t('session:segments.restCue', { set }),
          set,
          ...(foot ? { foot } : {}),
        });
      }
    }
  });
  return out;
}

/** The segments of a session, in order, with their words in the language of `t`. */
export function buildSegments(items: readonly PlanItem[], t: TFunction): Segment[] {
  return items.flatMap((item, i) => {
    if (item.dose.kind === 'timed') return timedSegments(i, item, item.dose, t);
    if (item.dose.kind === 'holds') return holdSegments(i, item, item.dose, t);
    return [];
  });
}

/** What happened to one segment: done in full, partly (seconds done before a skip), or not at all. */
export interface SegmentOutcome {
  done: boolean;
  seconds: number;
}

/**
 * The session's items for POST /api/sessions from the plan and the outcome of each segment. An exercise counts as
 * completed when every one of its work segments was done in full; a set counts when all its reps were held.
 */
export function tallyItems(
  items: readonly PlanItem[],
  segments: readonly Segment[],
  outcomes: readonly (SegmentOutcome | undefined)[],
): SessionItem[] {
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
      exercise: item.exercise,
      position: item.position,
      completed: work.length > 0 && work.every(({ o }) => o?.done),
      setsDone,
      repsDone,
      secondsDone,
    };
  });
}
