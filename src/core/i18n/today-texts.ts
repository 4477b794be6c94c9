/**
 * Today and Progress in the person's language (issue 14 item 8). The program service works and stores in English
 * (the source language, and the words stored events keep); these turn its answer into Spanish at the edge, from the
 * same inputs: the plan is made again by todayPlan with the language (screen result, stage, walking target and the
 * clinician's doses are all in the state), the screen result, review, walking target and events are translated.
 */
import type { Language } from '../language.js';
import { todayPlan, type DoseOverrides, type TodayPlan } from '../plan.js';
import type { ScreenResult } from '../red-flags.js';
import { FIRST_STAGE } from '../stages.js';
import type { WalkingTarget } from '../walking-target.js';
import { screenResultIn } from './red-flag-texts.js';
import { eventIn, reviewIn } from './review-texts.js';
import { stageIn } from './stage-texts.js';
import { walkingTargetIn } from './walking-texts.js';

type Review = Parameters<typeof reviewIn>[0];

/** The parts of GET /api/today's answer that carry words (src/services/program-service.ts, TodayState). */
interface TodayLike {
  screen: { result: ScreenResult } | null;
  program: { stage: number; doseOverrides?: DoseOverrides | null } | null;
  plan: TodayPlan;
  decision: Review | null;
  walking: WalkingTarget;
}

export function todayStateIn<T extends TodayLike>(state: T, language: Language): T {
  if (language === 'en') return state;
  const walking = walkingTargetIn(state.walking, language);
  const plan = todayPlan({
    screen: state.screen?.result ?? null,
    stage: state.program?.stage ?? FIRST_STAGE,
    walking,
    doseOverrides: state.program?.doseOverrides ?? null,
    language,
  });
  return {
    ...state,
    screen: state.screen && { ...state.screen, result: screenResultIn(state.screen.result, language) },
    plan,
    walking,
    decision: state.decision && reviewIn(state.decision, language),
  };
}

/** The parts of GET /api/progress's answer that carry words. */
interface ProgressLike {
  stage: { number: number; name: string; goal: string } | null;
  decision: Review | null;
  events: Parameters<typeof eventIn>[0][];
  walking: WalkingTarget;
}

export function progressIn<P extends ProgressLike>(progress: P, language: Language): P {
  if (language === 'en') return progress;
  const stage =
    progress.stage && (({ number, name, goal }) => ({ number, name, goal }))(stageIn(progress.stage.number, language));
  return {
    ...progress,
    stage,
    decision: progress.decision && reviewIn(progress.decision, language),
    events: progress.events.map((e) => eventIn(e, language)),
    walking: walkingTargetIn(progress.walking, language),
  };
}
