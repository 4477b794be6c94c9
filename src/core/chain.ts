/**
 * The chain explanation: from the feet up, link by link, what was measured, how it compares with its reference,
 * what that may mean for the next link, and how strong that claim is (DOMAIN.md §0 and §1). Missing data is said to
 * be missing. The foot-to-neck chain as a whole is a hypothesis (DOMAIN.md §1 1.12); the text never says
 * "diagnosis" and never presents an association as a cause.
 */
import type { EvidenceLevel } from './evidence.js';
import { plainStrength } from './evidence.js';
import { CHAIN_SEGMENTS, FINDING_STATUS_WORDS, type ChainSegment, type Finding } from './findings.js';
import type { BodyRegion } from './pain.js';
import { painAreaLabel } from './pain-areas.js';
import { OUTCOME_MEASURE_IDS } from './outcome-scoring.js';
import type { Language } from './language.js';
import { CHAIN_DISCLAIMER_ES, CHAIN_LINE_ES, LINK_MEANING_ES, STATUS_WORDS_ES } from './i18n/chain-texts.js';

/** What the literature says about one link, in DOMAIN.md's words and grades. */
interface LinkClaim {
  from: ChainSegment;
  to: ChainSegment;
  /** For the person: what a finding at `from` may mean for `to`. */
  plain: string;
  /** For the clinician: the studies and their limits. */
  clinician: string;
  evidence: EvidenceLevel;
  refs: string[];
  /** What would feed this link (screening tests, questionnaires, the pain map, a gait video), suggested when nothing did. */
  measureWith: string[];
}

const LINK_CLAIMS: readonly LinkClaim[] = [
  {
    from: 'foot',
    to: 'ankle',
    evidence: 'LAB',
    refs: ['8', '13'],
    plain:
      'When the foot rolls in more, the shin tends to turn inward. A stiff ankle (little forward bend) is a known risk factor for heel pain.',
    clinician:
      'Induced hyperpronation (10-20° wedges, standing, healthy n=35) increased internal shank rotation [8] (LAB). Limited ankle dorsiflexion is a plantar heel pain risk factor [13] (GL-B, 2014). Static arch posture was not associated with LBP; dynamic function was [1].',
    measureWith: ['navicular-drop', 'foot-posture-index', 'windlass', 'heel-raise'],
  },
  {
    from: 'ankle',
    to: 'knee',
    evidence: 'LAB',
    refs: ['8'],
    plain: 'In lab studies, making the foot roll in turned the lower leg and knee inward a little.',
    clinician:
      'Internal shank rotation with induced pronation [8] (LAB, standing, healthy). No validated home threshold for single-leg-squat valgus (EO).',
    measureWith: ['weight-bearing-lunge', 'single-leg-stance'],
  },
  {
    from: 'knee',
    to: 'hip',
    evidence: 'LAB',
    refs: ['8'],
    plain: 'In the same lab studies, the hip turned inward too.',
    clinician:
      'Induced hyperpronation increased internal hip rotation [8] (LAB). Knee flexion norms in gait: IC 0-5°, loading peak 15-20°, swing peak 60-70° [26] (EO).',
    measureWith: ['single-leg-squat-valgus', 'gait-video'],
  },
  {
    from: 'hip',
    to: 'pelvis',
    evidence: 'LAB',
    refs: ['10', '19b'],
    plain:
      'When both feet were made to roll in during walking, the pelvis dipped more on the other side. Adding hip strengthening to foot exercises helped the arch more than foot exercises alone in one trial.',
    clinician:
      'Bilateral induced pronation increased contralateral pelvic drop in loading response (healthy n=20) [10] (LAB). Foot + gluteus medius exercise beat foot exercise alone for navicular drop and AHI in flatfoot (n=52) [19b] (RCT).',
    measureWith: ['trendelenburg', 'single-leg-stance', 'gait-video'],
  },
  {
    from: 'pelvis',
    to: 'sacrum',
    evidence: 'LAB',
    refs: ['8', '9'],
    plain:
      'Studies disagree here: one found the pelvis tipped forward when the feet rolled in; another found no link between the heel angle and the pelvis or the curve of the low back.',
    clinician:
      'Anterior pelvic tilt with induced hyperpronation [8] (LAB) versus no relationship of rearfoot eversion/inversion with pelvic tilt (r=0.3) or lordosis (r=0.05) [9] (LAB, RCT design): leg rotation, not foot pronation, tilted the pelvis.',
    measureWith: ['trendelenburg', 'gait-video'],
  },
  {
    from: 'sacrum',
    to: 'spine',
    evidence: 'COH',
    refs: ['1', '2', '3', '4', '12'],
    plain:
      'One large study linked the way the foot moves in walking with low back pain, in women only; it cannot show which causes which. Insoles have not clearly been shown to treat or prevent back pain.',
    clinician:
      'Pronated foot function (CoP excursion) associated with LBP in women only, OR 1.51 (1.10-2.07), cross-sectional [1] (COH); static posture null. Insoles: meta-analyses null for treatment and prevention [2][3]; custom orthoses moderate evidence in chronic LBP [4]. People with LBP walk slower with shorter strides, without different spine/pelvis range [12]: a consequence of pain, not shown as a cause.',
    measureWith: ['odi', 'pain-map', 'gait-video'],
  },
  {
    from: 'spine',
    to: 'neck',
    evidence: 'HYP',
    refs: [],
    plain:
      'That the feet affect neck pain through the spine is an idea that has not been tested. Walking is still good general activity for people with neck pain.',
    clinician:
      'Foot → neck pain was not evaluated in the sources Footing draws on: a hypothesis. No walking trial for neck pain was found.',
    measureWith: ['ndi', 'pain-map'],
  },
];

/** A link's name, "from-to" (as the diagram and the cards name it). */
export type LinkKey = `${ChainSegment}-${ChainSegment}`;
const keyOf = (claim: { from: ChainSegment; to: ChainSegment }): LinkKey => `${claim.from}-${claim.to}`;

/**
 * Where a symptom measure goes: questionnaires (DOMAIN.md §7) and marked pain say how much pain or disability there
 * is in one region, so each feeds the one link whose claim is about that region, not the link that happens to start
 * there. Low back (the spine segment: ODI [40] and STarT Back [45] are low-back measures; the lower and middle back
 * on the map): sacrum → spine, the link about foot function and low back pain [1]. Neck (NDI [42]; neck and
 * shoulder on the map): spine → neck. Foot (FAAM [44], foot and ankle): foot → ankle. Elsewhere (knee, hip,
 * pelvis pain) the link that starts at that segment. NPRS and PSFS follow the pain site they were given for
 * (their finding's segment).
 */
export const SYMPTOM_LINK: Record<ChainSegment, LinkKey> = {
  foot: 'foot-ankle',
  ankle: 'ankle-knee',
  knee: 'knee-hip',
  hip: 'hip-pelvis',
  pelvis: 'pelvis-sacrum',
  sacrum: 'sacrum-spine',
  spine: 'sacrum-spine',
  neck: 'spine-neck',
};

/**
 * The link a finding feeds (and may colour). A questionnaire's by SYMPTOM_LINK; any other measurement (a screening
 * test, a gait metric) measures a body part, and feeds the link that starts at it (its `from`). Null when no link
 * starts there.
 */
export function linkOfFinding(f: Pick<Finding, 'source' | 'segment'>): LinkKey | null {
  if ((OUTCOME_MEASURE_IDS as readonly string[]).includes(f.source)) return SYMPTOM_LINK[f.segment];
  const claim = LINK_CLAIMS.find((c) => c.from === f.segment);
  return claim ? keyOf(claim) : null;
}

/**
 * Which chain segment a body-map region belongs to. The arms and hands belong to none: pain there is listed with the
 * person's pain areas, but the foot-to-neck chain says nothing about it.
 */
export const REGION_SEGMENT: Record<BodyRegion, ChainSegment | null> = {
  'foot-sole': 'foot',
  heel: 'foot',
  ankle: 'ankle',
  knee: 'knee',
  hip: 'hip',
  pelvis: 'pelvis',
  'low-back': 'spine',
  'mid-back': 'spine',
  neck: 'neck',
  shoulder: 'neck',
  'upper-arm': null,
  forearm: null,
  hand: null,
};

/** The link a marked region's pain belongs to (SYMPTOM_LINK of its segment), or null for the arms and hands. */
function symptomLinkOf(region: BodyRegion): LinkKey | null {
  const segment = REGION_SEGMENT[region];
  return segment === null ? null : SYMPTOM_LINK[segment];
}

export interface PainMark {
  region: BodyRegion;
  side: string;
  intensity: number;
}

/**
 * A link's state from the findings at its lower end: outside the usual range, within it, both (mixed: some in
 * range, some not), only at the edge of it (borderline), measured but with no agreed range to judge by (unrated:
 * e.g. a measure DOMAIN.md gives no reference for), or not measured.
 */
export type LinkStatus = 'notable' | 'typical' | 'mixed' | 'borderline' | 'unrated' | 'missing';

export interface ChainLink {
  from: ChainSegment;
  to: ChainSegment;
  status: LinkStatus;
  /** One line: what was found at `from` (or that nothing was measured). */
  finding: string;
  /** The findings that feed this link (linkOfFinding): measured at `from`, or a questionnaire about its region. */
  measured: Finding[];
  /** Where the person marked pain that belongs to this link (SYMPTOM_LINK). */
  pain: PainMark[];
  /** What it may mean for the next link, for the person. */
  meaning: string;
  /** The same with figures and references, for the clinician. */
  clinician: string;
  evidence: EvidenceLevel;
  strength: ReturnType<typeof plainStrength>;
  refs: string[];
  /** Suggested measurements when data is missing. */
  missing: string[];
}

export interface ChainExplanation {
  links: ChainLink[];
  /** Findings that are not about one link (e.g. walking volume, gait speed). */
  wholeBody: Finding[];
  /** Segments where the person marked pain, from the top of the chain down. */
  painSegments: ChainSegment[];
  disclaimer: string;
}

export const CHAIN_DISCLAIMER =
  'This explains your measurements next to what studies have found. It is not a diagnosis. The idea that the feet affect the whole chain up to the neck is partly supported at the lower links and a hypothesis at the top; a clinician can tell you what applies to you.';

/**
 * Builds the explanation, its own words in `language` (English by default); the findings come already written in it
 * (interpretScreening and the other sources take the language). Pure: same input, same output. `findings` may come from screening tests, outcome
 * measures, gait and walking; findings whose segment is not one of the chain's go to `wholeBody`.
 */
export function explainChain(
  input: { findings: readonly Finding[]; pain: readonly PainMark[]; wholeBody?: readonly Finding[] },
  language: Language = 'en',
): ChainExplanation {
  const es = language === 'es';
  const links: ChainLink[] = LINK_CLAIMS.map((claim) => {
    const measured = input.findings.filter((f) => linkOfFinding(f) === keyOf(claim));
    const pain = input.pain.filter((p) => symptomLinkOf(p.region) === keyOf(claim) && p.intensity > 0);
    const notable = measured.filter((f) => f.status === 'notable');
    const typical = measured.filter((f) => f.status === 'typical');
    // Mixed only when findings really disagree; a lone finding with no range is not "some in range, some not".
    const status: LinkStatus =
      measured.length === 0
        ? 'missing'
        : notable.length && typical.length
          ? 'mixed'
          : notable.length
            ? 'notable'
            : typical.length
              ? 'typical'
              : measured.some((f) => f.status === 'borderline')
                ? 'borderline'
                : 'unrated';
    const painText = pain.length
      ? ` ${es ? CHAIN_LINE_ES.painMarked : 'Pain marked here'}: ${pain.map((p) => `${painAreaLabel(p, language)} ${p.intensity}/10`).join(', ')}.`
      : '';
    const side = (f: Finding) =>
      f.side === 'none' || f.side === 'both' ? '' : ` (${es ? CHAIN_LINE_ES.side[f.side] : f.side})`;
    const finding =
      measured.length === 0
        ? `${es ? CHAIN_LINE_ES.nothingMeasured : 'Nothing measured for this link yet.'}${painText}`
        : `${measured.map((f) => `${f.label}${side(f)}: ${f.value} — ${es ? STATUS_WORDS_ES[f.status] : FINDING_STATUS_WORDS[f.status]}${f.measuredFrom ? ` (${f.measuredFrom})` : ''}`).join('; ')}.${painText}`;
    return {
      from: claim.from,
      to: claim.to,
      status,
      finding,
      measured,
      pain,
      meaning: es ? LINK_MEANING_ES[keyOf(claim) as keyof typeof LINK_MEANING_ES] : claim.plain,
      clinician: claim.clinician,
      evidence: claim.evidence,
      strength: plainStrength(claim.evidence),
      refs: claim.refs,
      missing: measured.length === 0 ? claim.measureWith : [],
    };
  });
  const painSegments = [
    ...new Set(input.pain.filter((p) => p.intensity > 0).flatMap((p) => REGION_SEGMENT[p.region] ?? [])),
  ].sort((a, b) => CHAIN_SEGMENTS.indexOf(b) - CHAIN_SEGMENTS.indexOf(a));
  return {
    links,
    wholeBody: [...(input.wholeBody ?? [])],
    painSegments,
    disclaimer: es ? CHAIN_DISCLAIMER_ES : CHAIN_DISCLAIMER,
  };
}
