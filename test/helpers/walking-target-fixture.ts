/**
 * The walking target of a person with no walking recorded yet (the week of 1-7 Jan 2024): provisional, the gentle
 * start of 10 minutes a day (WALKING_START_MINUTES), no steps. The plan, session and picture tests need a target
 * but do not test it (src/core/walking-target.test.ts does).
 */
import type { WalkingTarget } from '../../src/core/walking-target.js';

export const NEW_PERSON_WALKING: WalkingTarget = {
  steps: null,
  minutes: 10,
  provisional: true,
  baselineSteps: null,
  baselineMinutes: null,
  basis: '',
  basisText: {
    id: 'walking-basis.provisional',
    params: { from: '2024-01-01', to: '2024-01-07', days: 7, withData: 0, needDays: 3, startMinutes: 10 },
  },
  window: { from: '2024-01-01', to: '2024-01-07', daysWithData: 0 },
  clinician: null,
};
