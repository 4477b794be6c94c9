/**
 * Plain-language names and units for the metric keys of the portable analysis JSON (src/gait/analysis-json.ts),
 * and the text of a reference range. Only wording lives here: values, ranges and sources come from the JSON.
 */
import { refIdsIn } from '../../../src/core/citations.js';
import type { MetricJson } from '../../../src/gait/analysis-json.js';
import type { TFunction } from 'i18next';
import { formatNumber } from '../i18n/format.js';

/** Each metric's unit (gait:units.<unit>) and decimals; its name is gait:metrics.<key> in the catalogue. */
export const METRIC_FORMAT: Record<string, { unit: Unit; digits: number }> = {
  cadence_spm: { unit: 'spm', digits: 0 },
  step_time_s: { unit: 's', digits: 2 },
  stride_time_s: { unit: 's', digits: 2 },
  stance_pct: { unit: 'pctStride', digits: 0 },
  swing_pct: { unit: 'pctStride', digits: 0 },
  double_support_pct: { unit: 'pctStride', digits: 0 },
  step_time_symmetry_ratio: { unit: '', digits: 2 },
  stance_time_symmetry_ratio: { unit: '', digits: 2 },
  swing_time_symmetry_ratio: { unit: '', digits: 2 },
  knee_flexion_initial_contact_deg: { unit: 'deg', digits: 0 },
  knee_flexion_peak_swing_deg: { unit: 'deg', digits: 0 },
  pelvic_drop_deg: { unit: 'deg', digits: 0 },
  trunk_lean_deg: { unit: 'deg', digits: 0 },
  foot_progression_angle_deg: { unit: 'deg', digits: 0 },
  walking_speed_mps: { unit: 'mps', digits: 2 },
  step_length_m: { unit: 'm', digits: 2 },
  contact_time_s: { unit: 's', digits: 2 },
  flight_time_s: { unit: 's', digits: 2 },
  knee_flexion_peak_stance_deg: { unit: 'deg', digits: 0 },
  trunk_forward_lean_deg: { unit: 'deg', digits: 0 },
  knee_frontal_projection_deg: { unit: 'deg', digits: 0 },
  step_width_m: { unit: 'm', digits: 2 },
};
type Unit = 'spm' | 's' | 'pctStride' | 'deg' | 'mps' | 'm' | '';

/** A metric's name in the language of `t`, or its key when the catalogue has none (a metric added later). */
export function metricLabel(key: string, t: TFunction): string {
  return t(`gait:metrics.${key}`, { defaultValue: key });
}

/** "1.05 s" or "not measurable", in the language of `t` (its decimal mark too). */
export function formatValue(key: string, m: MetricJson, t: TFunction): string {
  if (m.value === null) return t('gait:values.notMeasurable');
  const f = METRIC_FORMAT[key];
  const digits = f?.digits ?? 2;
  const v = formatNumber(m.value, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
  if (!f?.unit) return v;
  return f.unit === 'deg' ? `${v}°` : `${v} ${t(`gait:units.${f.unit}`)}`;
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
