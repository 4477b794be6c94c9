/**
 * Plain-language names and units for the metric keys of the portable analysis JSON (src/gait/analysis-json.ts),
 * and the text of a reference range. Only wording lives here: values, ranges and sources come from the JSON.
 */
import { refIdsIn } from '../../../src/core/citations.js';
import type { MetricJson } from '../../../src/gait/analysis-json.js';

export const METRIC_LABELS: Record<string, { label: string; unit: string; digits: number }> = {
  cadence_spm: { label: 'Cadence', unit: 'steps/min', digits: 0 },
  step_time_s: { label: 'Step time', unit: 's', digits: 2 },
  stride_time_s: { label: 'Stride time', unit: 's', digits: 2 },
  stance_pct: { label: 'Stance', unit: '% of stride', digits: 0 },
  swing_pct: { label: 'Swing', unit: '% of stride', digits: 0 },
  double_support_pct: { label: 'Double support', unit: '% of stride', digits: 0 },
  step_time_symmetry_ratio: { label: 'Step time symmetry (larger/smaller side)', unit: '', digits: 2 },
  stance_time_symmetry_ratio: { label: 'Stance time symmetry', unit: '', digits: 2 },
  swing_time_symmetry_ratio: { label: 'Swing time symmetry', unit: '', digits: 2 },
  knee_flexion_initial_contact_deg: { label: 'Knee bend at heel strike', unit: '°', digits: 0 },
  knee_flexion_peak_swing_deg: { label: 'Peak knee bend in swing', unit: '°', digits: 0 },
  pelvic_drop_deg: { label: 'Pelvic drop', unit: '°', digits: 0 },
  trunk_lean_deg: { label: 'Trunk lean to the side', unit: '°', digits: 0 },
  foot_progression_angle_deg: { label: 'Foot angle (toe out)', unit: '°', digits: 0 },
  walking_speed_mps: { label: 'Walking speed', unit: 'm/s', digits: 2 },
  step_length_m: { label: 'Step length', unit: 'm', digits: 2 },
  contact_time_s: { label: 'Foot contact time', unit: 's', digits: 2 },
  flight_time_s: { label: 'Flight time (both feet off the ground)', unit: 's', digits: 2 },
  knee_flexion_peak_stance_deg: { label: 'Knee bend as the leg takes the weight', unit: '°', digits: 0 },
  trunk_forward_lean_deg: { label: 'Trunk forward lean', unit: '°', digits: 0 },
  knee_frontal_projection_deg: { label: 'Knee alignment from the front (towards the midline +)', unit: '°', digits: 0 },
  step_width_m: { label: 'Step width', unit: 'm', digits: 2 },
};

/** "1.05 s" or "not measurable". */
export function formatValue(key: string, m: MetricJson): string {
  if (m.value === null) return 'not measurable';
  const l = METRIC_LABELS[key];
  const v = m.value.toFixed(l?.digits ?? 2);
  return l?.unit ? `${v} ${l.unit}`.replace(' °', '°') : v;
}

/** The typical range, "100–120 steps/min", or an empty string; its sources come from `referenceIds`. */
export function formatReference(m: MetricJson): string {
  const r = m.reference;
  return r ? `${r.min}–${r.max} ${r.unit}` : '';
}

/** The reference numbers behind a metric's typical range, read from its source ("DOMAIN.md §2c [25]": ["25"]). */
export function referenceIds(m: MetricJson): string[] {
  return m.reference ? refIdsIn(m.reference.source) : [];
}

/** Where the value sits against its reference range, in words (never a diagnosis). */
export function againstReference(m: MetricJson): 'below' | 'within' | 'above' | null {
  if (m.value === null || !m.reference) return null;
  return m.value < m.reference.min ? 'below' : m.value > m.reference.max ? 'above' : 'within';
}
