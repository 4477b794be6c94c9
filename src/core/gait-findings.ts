/**
 * Gait metrics from a video analysis as findings for the chain. Takes the portable JSON form of an analysis
 * (src/gait/analysis-json.ts; structurally typed here so the core does not import the gait folder). A metric
 * compared with its population reference is "typical" or "notable"; one with low confidence or no reference is
 * "not interpretable" and says why. DOMAIN.md §2c (norms) and §1 1.10 (slower gait with LBP is a consequence of
 * pain, not shown as a cause).
 */
import type { EvidenceLevel } from './evidence.js';
import type { ChainSegment, Finding } from './findings.js';
import type { Language } from './language.js';
import { GAIT_FINDING_EN, type GaitFindingMetric, type GaitFindingWords } from './gait-finding-words.js';
import { GAIT_FINDING_ES } from './i18n/gait-finding-texts.js';

const WORDS: Record<Language, GaitFindingWords> = { en: GAIT_FINDING_EN, es: GAIT_FINDING_ES };

export interface GaitMetricInput {
  value: number | null;
  confidence: number;
  reason?: string;
  left?: number;
  right?: number;
  reference?: { min: number; max: number; unit: string; source: string };
}

export interface GaitAnalysisInput {
  view: string;
  /** 'walk' | 'run' | 'unknown'; absent in analyses saved before running was recognised (they were walks). */
  mode?: string;
  setting?: string;
  metrics: Record<string, GaitMetricInput>;
}

/** Below this confidence a gait metric is reported but not interpreted (design choice: under a third). */
export const GAIT_MIN_CONFIDENCE_TO_INTERPRET = 0.3;

/** Where a metric sits and how strong its reference is; its words are the language's (gait-finding-words.ts). */
interface MetricMeta {
  segment: ChainSegment | 'whole-body';
  evidence: EvidenceLevel;
  refs: string[];
}

const META: Record<GaitFindingMetric, MetricMeta> = {
  cadence_spm: { segment: 'whole-body', evidence: 'COH', refs: ['25'] },
  stance_pct: { segment: 'foot', evidence: 'EO', refs: ['26'] },
  double_support_pct: { segment: 'whole-body', evidence: 'EO', refs: ['26'] },
  step_time_symmetry_ratio: { segment: 'whole-body', evidence: 'COH', refs: ['27a'] },
  knee_flexion_initial_contact_deg: { segment: 'knee', evidence: 'EO', refs: ['26'] },
  knee_flexion_peak_swing_deg: { segment: 'knee', evidence: 'EO', refs: ['26'] },
  pelvic_drop_deg: { segment: 'pelvis', evidence: 'EO', refs: ['26'] },
  trunk_lean_deg: { segment: 'spine', evidence: 'EO', refs: ['26'] },
  foot_progression_angle_deg: { segment: 'foot', evidence: 'EO', refs: ['26'] },
  walking_speed_mps: { segment: 'whole-body', evidence: 'SR/MA', refs: ['21', '21a'] },
  step_length_m: { segment: 'whole-body', evidence: 'EO', refs: ['26'] },
  // Loading-response peak ≈15–20° when walking (DOMAIN.md §2c [26], EO); a run carries no range.
  knee_flexion_peak_stance_deg: { segment: 'knee', evidence: 'EO', refs: ['26'] },
  // No reference values in DOMAIN.md for these: shown as measured, never judged.
  knee_frontal_projection_deg: { segment: 'knee', evidence: 'EO', refs: [] },
  trunk_forward_lean_deg: { segment: 'spine', evidence: 'EO', refs: [] },
  contact_time_s: { segment: 'whole-body', evidence: 'EO', refs: [] },
  flight_time_s: { segment: 'whole-body', evidence: 'EO', refs: [] },
  step_width_m: { segment: 'whole-body', evidence: 'EO', refs: [] },
};

/**
 * Turns a gait analysis into findings, written in `language` (the metric's name, unit and sentences; English by
 * default): chain findings (a chain segment) and whole-body ones.
 */
export function gaitFindings(
  a: GaitAnalysisInput,
  meta: { recordedAt: string; recordedBy: string },
  language: Language = 'en',
): { chain: Finding[]; wholeBody: Finding[] } {
  const w = WORDS[language];
  const chain: Finding[] = [];
  const wholeBody: Finding[] = [];
  for (const [key, m] of Object.entries(a.metrics)) {
    if (!Object.hasOwn(META, key)) continue;
    const info = META[key as GaitFindingMetric];
    const said = w.metric[key as GaitFindingMetric];
    const label = said.label;
    if (m.value === null) {
      // Measured on each side, but the sides disagree too much to be one number (src/gait/metric.ts bilateral).
      if (m.left === undefined || m.right === undefined) continue;
      const r = (v: number): string => `${w.num(Math.round(v * 10) / 10)} ${said.unit}`;
      (info.segment === 'whole-body' ? wholeBody : chain).push({
        source: `gait:${key}`,
        segment: info.segment === 'whole-body' ? 'foot' : info.segment,
        side: 'both',
        label,
        value: w.sides(r(m.left), r(m.right)),
        reference: w.sidesDisagreeReference,
        status: 'not-interpretable',
        plain: w.sidesDisagree(label),
        evidence: info.evidence,
        refs: info.refs,
        recordedAt: meta.recordedAt,
        recordedBy: meta.recordedBy,
      });
      continue;
    }
    const value = `${w.num(Math.round(m.value * 100) / 100)} ${said.unit}`;
    let status: Finding['status'];
    let plain: string;
    let reference: string;
    if (m.confidence < GAIT_MIN_CONFIDENCE_TO_INTERPRET) {
      status = 'not-interpretable';
      reference = m.reference ? w.range(m.reference) : w.noReference;
      plain = w.lowConfidence(label, Math.round(m.confidence * 100));
    } else if (!m.reference && a.mode === 'run') {
      // DOMAIN.md §2c gives walking norms only; a run is never compared with them.
      status = 'not-interpretable';
      reference = w.runReference;
      plain = w.run(label, value);
    } else if (!m.reference) {
      status = 'not-interpretable';
      reference = w.phoneVideoReference;
      plain = w.noValidatedReference(label, value);
    } else {
      reference = w.range(m.reference);
      const low = m.value < m.reference.min;
      const high = m.value > m.reference.max;
      status = low || high ? 'notable' : 'typical';
      plain = low ? said.plainLow : high ? said.plainHigh : w.within(label);
      if (!plain) plain = w.outside(label, value, reference);
    }
    const finding: Finding = {
      source: `gait:${key}`,
      segment: info.segment === 'whole-body' ? 'foot' : info.segment,
      side: 'none',
      label,
      value,
      reference,
      status,
      plain,
      evidence: info.evidence,
      refs: info.refs,
      recordedAt: meta.recordedAt,
      recordedBy: meta.recordedBy,
    };
    (info.segment === 'whole-body' ? wholeBody : chain).push(finding);
  }
  return { chain, wholeBody };
}
