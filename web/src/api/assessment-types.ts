/**
 * Response shapes of the assessment API (issue 6), taken from the server's own types (type-only imports from
 * src/server/api-types.ts and the pure core), so a change on the server shows up here as a type error.
 */
import type { ChainExplanation, ProgramReview } from '../../../src/server/api-types.js';
import type { ScreeningTestInfo } from '../../../src/core/screening-tests.js';
import type { OutcomeMeasureId, OutcomeMeasureInfo, OutcomeScore } from '../../../src/core/outcome-measures.js';
import type { PainAreas } from '../../../src/core/pain-areas.js';

export type {
  Assessment,
  OutcomeSummary,
  PainMap,
  ScreeningRecord,
  OutcomeRecord,
  ChainExplanation,
  ChainLink,
  ProgramReview,
} from '../../../src/server/api-types.js';
export type { Finding, FindingStatus, ChainSegment } from '../../../src/core/findings.js';
export type { ScreeningTestId } from '../../../src/core/screening-tests.js';
export type { OutcomeMeasureId, OutcomeMeasureInfo, ResponderStatus } from '../../../src/core/outcome-measures.js';
export type { BodyRegion } from '../../../src/core/pain.js';
export type { PainAreas } from '../../../src/core/pain-areas.js';

/** A screening test as the catalogue sends it. Its zod schema does not survive JSON, so it is left out here. */
export type ScreeningTestEntry = Omit<ScreeningTestInfo, 'input'> & {
  input: Omit<ScreeningTestInfo['input'], 'schema'>;
};

/** GET /api/assessment/catalogue */
export interface AssessmentCatalogue {
  screeningTests: ScreeningTestEntry[];
  outcomeMeasures: Record<OutcomeMeasureId, OutcomeMeasureInfo>;
}

/** GET /api/explain */
export interface ExplainResponse {
  explanation: ChainExplanation;
  decision: ProgramReview | null;
  painAreas: PainAreas | null;
}

/** POST /api/assessment/outcomes (201) */
export interface OutcomeSaved {
  record: { id: string; measureId: string; score: number | null; recordedAt: string; recordedBy: string };
  score: OutcomeScore<string>;
}
