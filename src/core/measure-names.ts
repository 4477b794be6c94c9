/**
 * What a chain link's "measure with" ids (LINK_CLAIMS' measureWith in chain.ts) and its status read as, in words:
 * `footing explain` prints these instead of the ids and stored values (the web app links each id to its screen).
 */
import type { LinkStatus } from './chain.js';
import { OUTCOME_MEASURES, type OutcomeMeasureId } from './outcome-measures.js';
import { SCREENING_TESTS } from './screening-tests.js';

const OTHER: Record<string, string> = {
  'pain-map': 'your pain map',
  'gait-video': 'a video of your walking (footing analyze or the Gait screen)',
};

/** A test, questionnaire or other measure by its name ("Navicular drop", "Neck Disability Index (NDI)"). */
export function measureName(id: string): string {
  return (
    SCREENING_TESTS.find((t) => t.id === id)?.name ?? OUTCOME_MEASURES[id as OutcomeMeasureId]?.name ?? OTHER[id] ?? id
  );
}

/** A link's status in words, as the Chain screen's legend says it. */
export const LINK_STATUS_WORDS: Record<LinkStatus, string> = {
  notable: 'something outside the usual range',
  typical: 'in the usual range',
  mixed: 'mixed: some in range, some not',
  borderline: 'at the edge of the usual range',
  unrated: 'measured: no agreed range to compare with',
  missing: 'not measured yet',
};
