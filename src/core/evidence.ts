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
export function plainStrength(
  level: EvidenceLevel,
): 'well supported' | 'some support' | 'expert advice' | 'an idea, not proven' {
  switch (level) {
    case 'GL-A':
    case 'GL-NICE':
    case 'SR/MA':
    case 'RCT':
      return 'well supported';
    case 'GL-B':
    case 'COH':
    case 'LAB':
      return 'some support';
    case 'CONS':
    case 'EO':
      return 'expert advice';
    case 'HYP':
      return 'an idea, not proven';
  }
}

/**
 * What each label means, in plain words, for the References page: what kind of study stands behind a claim and
 * how far it can be trusted (DOMAIN.md's evidence labels; reading age ~12).
 */
export const EVIDENCE_EXPLAINED: Record<EvidenceLevel, string> = {
  'GL-A': 'A clinical guideline, written by experts who weighed all the studies, recommends it strongly (grade A).',
  'GL-B': 'A clinical guideline recommends it, with less certainty (grade B).',
  'GL-NICE': 'The UK’s National Institute for Health and Care Excellence (NICE) recommends it in its guidance.',
  'SR/MA': 'A review that gathered all the good studies on the question and, often, pooled their results.',
  RCT: 'A trial in which people were put into groups by chance, some given the treatment and some not: the fairest test of whether something works.',
  COH: 'A study that followed or measured groups of people. It can show that two things go together, not that one causes the other.',
  LAB: 'A laboratory study, often in healthy people: it shows how the body behaves, not whether a treatment helps people in pain.',
  CONS: 'Experts agreed on it together, for example in a framework for clinicians.',
  EO: 'Expert opinion, a textbook or a common convention: sensible, but not tested in a trial.',
  HYP: 'An idea that has not been shown in studies. Footing says so wherever it uses one.',
};

/** A claim shown to a user, with where it comes from. */
export interface Claim {
  text: string;
  evidence: EvidenceLevel;
  /** DOMAIN.md reference numbers, e.g. ["5"] or ["14a"]. */
  refs: string[];
}
