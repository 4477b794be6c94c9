/**
 * Footing's own code system for the gait metrics of a video analysis. DOMAIN.md §9 finds no LOINC code for
 * cadence, step length or stride length and advises a local CodeSystem; its gait-speed, walking-asymmetry and
 * double-support codes do not fit a single-clip video measurement (test-specific, Apple's definition, or
 * unverified), so every gait metric is coded here. The codes are the metric names of the analysis JSON
 * (src/gait/analysis-json.ts); the export publishes this code system as a resource in the bundle.
 */

export const GAIT_METRICS_SYSTEM = 'https://footing.example/fhir/CodeSystem/gait-metrics';
export const GAIT_METRICS_VERSION = '1';

export interface GaitMetricConcept {
  code: string;
  display: string;
  definition: string;
}

/** Every metric an analysis can hold, with its meaning (a test checks this list against src/gait). */
export const GAIT_METRIC_CONCEPTS: readonly GaitMetricConcept[] = [
  { code: 'cadence_spm', display: 'Cadence', definition: 'Steps per minute over the analysed walking.' },
  {
    code: 'step_time_s',
    display: 'Step time',
    definition: "Mean time from one foot's initial contact to the other foot's, in seconds.",
  },
  {
    code: 'stride_time_s',
    display: 'Stride time',
    definition: 'Mean time between two initial contacts of the same foot, in seconds.',
  },
  { code: 'stance_pct', display: 'Stance phase', definition: 'Stance as a percentage of the gait cycle.' },
  { code: 'swing_pct', display: 'Swing phase', definition: 'Swing as a percentage of the gait cycle.' },
  {
    code: 'double_support_pct',
    display: 'Double support',
    definition:
      'Time with both feet on the ground as a percentage of the gait cycle (measured on video; not LOINC 112434-6).',
  },
  {
    code: 'step_time_symmetry_ratio',
    display: 'Step time symmetry ratio',
    definition: "Ratio of the two sides' mean step times (1 is symmetric).",
  },
  {
    code: 'stance_time_symmetry_ratio',
    display: 'Stance time symmetry ratio',
    definition: "Ratio of the two sides' mean stance times (1 is symmetric).",
  },
  {
    code: 'swing_time_symmetry_ratio',
    display: 'Swing time symmetry ratio',
    definition: "Ratio of the two sides' mean swing times (1 is symmetric).",
  },
  {
    code: 'knee_flexion_initial_contact_deg',
    display: 'Knee flexion at initial contact',
    definition: 'Knee flexion angle at heel strike, in degrees.',
  },
  {
    code: 'knee_flexion_peak_swing_deg',
    display: 'Peak knee flexion in swing',
    definition: 'Largest knee flexion angle during swing, in degrees.',
  },
  {
    code: 'pelvic_drop_deg',
    display: 'Pelvic drop',
    definition: 'Contralateral pelvic drop in single-leg stance (frontal view), in degrees.',
  },
  {
    code: 'trunk_lean_deg',
    display: 'Trunk lateral lean',
    definition: 'Sideways lean of the trunk in stance (frontal view), in degrees.',
  },
  {
    code: 'foot_progression_angle_deg',
    display: 'Foot progression angle',
    definition: 'Angle of the foot to the line of walking, in degrees.',
  },
  {
    code: 'walking_speed_mps',
    display: 'Walking speed',
    definition:
      'Speed over the analysed walking, in metres per second (a phone-video measurement, not the 4-metre walk test).',
  },
  {
    code: 'step_length_m',
    display: 'Step length',
    definition: "Mean distance from one foot's contact to the other's, in metres.",
  },
  {
    code: 'contact_time_s',
    display: 'Ground contact time',
    definition: 'Mean time a foot is on the ground in running, in seconds.',
  },
  {
    code: 'flight_time_s',
    display: 'Flight time',
    definition: 'Mean time with neither foot on the ground in running, in seconds.',
  },
  {
    code: 'knee_flexion_peak_stance_deg',
    display: 'Peak knee flexion in stance',
    definition: 'Largest knee flexion angle during stance, in degrees.',
  },
  {
    code: 'trunk_forward_lean_deg',
    display: 'Trunk forward lean',
    definition: 'Forward lean of the trunk (side view), in degrees.',
  },
  {
    code: 'knee_frontal_projection_deg',
    display: 'Knee frontal plane projection angle',
    definition: 'Inward (valgus) angle of the knee seen from the front in stance, in degrees.',
  },
  {
    code: 'step_width_m',
    display: 'Step width',
    definition: 'Mean side-to-side distance between the feet at contact, in metres.',
  },
];

/** UCUM unit of a metric, from the unit its name ends with (the naming rule of src/gait/gait-analysis-record.ts). */
const UCUM_BY_SUFFIX: ReadonlyArray<{ suffix: string; code: string; unit: string }> = [
  { suffix: '_spm', code: '/min', unit: 'steps/min' },
  { suffix: '_pct', code: '%', unit: '%' },
  { suffix: '_ratio', code: '1', unit: 'ratio' },
  { suffix: '_deg', code: 'deg', unit: 'degrees' },
  { suffix: '_mps', code: 'm/s', unit: 'm/s' },
  { suffix: '_s', code: 's', unit: 's' },
  { suffix: '_m', code: 'm', unit: 'm' },
];

export function gaitMetricUnit(code: string): { code: string; unit: string } | null {
  return UCUM_BY_SUFFIX.find((u) => code.endsWith(u.suffix)) ?? null;
}

/** The CodeSystem resource, published in every bundle that holds gait observations. */
export function gaitMetricsCodeSystem(): Record<string, unknown> & { resourceType: 'CodeSystem'; id: string } {
  return {
    resourceType: 'CodeSystem',
    id: 'gait-metrics', // the canonical URL's last part, so the URL is also its RESTful address
    url: GAIT_METRICS_SYSTEM,
    version: GAIT_METRICS_VERSION,
    name: 'FootingGaitMetrics',
    title: 'Footing gait metrics',
    status: 'active',
    experimental: false,
    publisher: 'Footing',
    description:
      "Gait metrics measured by Footing from a phone video of walking or running. No LOINC code was found for cadence, step length or stride length; the LOINC codes found for the others describe other measurements (a timed walk test, a phone's own walking metrics).",
    caseSensitive: true,
    content: 'complete',
    count: GAIT_METRIC_CONCEPTS.length,
    concept: GAIT_METRIC_CONCEPTS.map((c) => ({ code: c.code, display: c.display, definition: c.definition })),
  };
}
