/**
 * Evidence levels, as DOMAIN.md labels them. Every clinical claim the app shows carries one, so a person can see
 * what is well supported and what is a hypothesis.
 */
export const EVIDENCE_LEVELS = {
  'GL-A': 'Clinical guideline, grade A (strong)',
  'GL-B': 'Clinical guideline, grade B (moderate)',
  'GL-NICE': 'NICE recommendation',
  'SR/MA': 'Systematic review or meta-analysis',
  RCT: 'Randomised controlled trial',
  COH: 'Cohort or cross-sectional study',
  LAB: 'Laboratory study in healthy people',
  CONS: 'Expert consensus',
  EO: 'Expert opinion or convention',
  HYP: 'Hypothesis, not shown',
} as const;

export type EvidenceLevel = keyof typeof EVIDENCE_LEVELS;

/** Plain-language strength for a person (reading age ~12). */
export function plainStrength(level: EvidenceLevel): 'well supported' | 'some support' | 'expert advice' | 'an idea, not proven' {
  switch (level) {
    case 'GL-A': case 'GL-NICE': case 'SR/MA': case 'RCT': return 'well supported';
    case 'GL-B': case 'COH': case 'LAB': return 'some support';
    case 'CONS': case 'EO': return 'expert advice';
    case 'HYP': return 'an idea, not proven';
  }
}

/** A claim shown to a user, with where it comes from. */
export interface Claim {
  text: string;
  evidence: EvidenceLevel;
  /** DOMAIN.md reference numbers, e.g. ["5"] or ["14a"]. */
  refs: string[];
}
