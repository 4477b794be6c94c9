/**
 * Turns a stored screening result into findings: one per side measured, plus a side-to-side finding where both
 * sides were measured. Thresholds come from screening-constants.ts (DOMAIN.md §5). Where DOMAIN.md gives no
 * reference (a side difference for most tests, the knee and hip observations), the finding says so with the status
 * `not-interpretable` instead of guessing. Sentences for the person avoid diagnosis words ("consistent with",
 * "worth showing your clinician").
 */
import type { EvidenceLevel } from './evidence.js';
import type { Finding, FindingSide, FindingStatus } from './findings.js';
import {
  FPI_HIGHLY_PRONATED_MIN, FPI_NORMAL_MIN, FPI_PRONATED_MIN, FPI_SUPINATED_MIN, HEEL_RAISE_INCLINE_DEG,
  HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS, HEEL_RAISE_MEDIAN_MEN, HEEL_RAISE_MEDIAN_WOMEN, HEEL_RAISE_METRONOME_BPM,
  LUNGE_DEGREES_PER_CM, LUNGE_MDC_ONE_LEG_CM, LUNGE_MDC_SIDE_TO_SIDE_CM, LUNGE_RESTRICTED_BELOW_CM,
  LUNGE_TYPICAL_FROM_CM, NAVICULAR_DROP_BRODY_ABOVE_MM, NAVICULAR_DROP_HIGH_ABOVE_MM, NAVICULAR_DROP_LOW_BELOW_MM,
  NAVICULAR_DROP_TYPICAL_MAX_MM, NAVICULAR_DROP_TYPICAL_MIN_MM, SINGLE_LEG_STANCE_AGE_GROUP_FROM,
  SINGLE_LEG_STANCE_EYES_CLOSED_NORM_S, SINGLE_LEG_STANCE_EYES_OPEN_NORM_S,
} from './screening-constants.js';
import {
  OBSERVATION_WORDS, SCREENING_NAME, SCREENING_SEGMENT, type Observation, type ScreeningResult, type ScreeningTestId, type ScreeningValues,
} from './screening-schemas.js';

/** What the interpretation may use about the person. Both are optional; a norm that needs one says so if missing. */
export interface ScreeningContext {
  age?: number;
  sex?: 'male' | 'female' | 'other';
}

type Side = 'left' | 'right';
const SIDES: readonly Side[] = ['left', 'right'];
const WORTH_SHOWING = 'Worth showing your clinician.';

/** A number as people write it: at most one decimal, no trailing ".0". */
export function formatNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}
/** A signed FPI total, "+4", "0", "-3". */
function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
/** |a - b| rounded to 0.01 so that 3.6 - 2.1 compares as 1.5, not 1.4999999. */
function sideDifference(a: number, b: number): number {
  return Math.round(Math.abs(a - b) * 100) / 100;
}

/** The parts every finding of one result shares. */
interface Base {
  source: ScreeningTestId;
  segment: Finding['segment'];
  recordedAt: string;
  recordedBy: string;
}
function baseOf(result: ScreeningResult): Base {
  return { source: result.testId, segment: SCREENING_SEGMENT[result.testId], recordedAt: result.recordedAt, recordedBy: result.recordedBy };
}
function make(base: Base, f: { side: FindingSide; label?: string; value: string; reference: string; status: FindingStatus; plain: string; evidence: EvidenceLevel; refs: string[] }): Finding {
  return {
    source: base.source, segment: base.segment, side: f.side, label: f.label ?? SCREENING_NAME[base.source],
    value: f.value, reference: f.reference, status: f.status, plain: f.plain, evidence: f.evidence, refs: f.refs,
    recordedAt: base.recordedAt, recordedBy: base.recordedBy,
  };
}
/** The sides present in a per-side value, in order left, right. */
function present<T>(v: { left?: T | null; right?: T | null }): [Side, T][] {
  const out: [Side, T][] = [];
  for (const s of SIDES) {
    const x = v[s];
    if (x !== null && x !== undefined) out.push([s, x]);
  }
  return out;
}

/**
 * A side difference for a test whose difference has no reference in DOMAIN.md: reported only when the sides differ,
 * as not interpretable, so it is said rather than guessed. `more` names the side with the larger number in the
 * test's own terms ("left arch dropped more"): a larger navicular drop is an arch that sinks more, never a "higher"
 * one, so no test says "higher" of a side unless the number it compares is a score.
 */
function unreferencedDifference(base: Base, f: { left: number; right: number; unit: string; more: (side: Side) => string; say: (more: Side, other: Side, d: string) => string; label?: string; evidence: EvidenceLevel; refs: string[] }): Finding[] {
  const d = sideDifference(f.left, f.right);
  if (d === 0) return [];
  const more: Side = f.left > f.right ? 'left' : 'right';
  const other: Side = more === 'left' ? 'right' : 'left';
  return [make(base, {
    side: 'both', label: `${f.label ?? SCREENING_NAME[base.source]}: left-right difference`,
    value: `${formatNumber(d)} ${f.unit} (${f.more(more)})`,
    reference: 'No validated cut-off for a side-to-side difference.',
    status: 'not-interpretable',
    plain: `${f.say(more, other, `${formatNumber(d)} ${f.unit}`)} There is no agreed cut-off for a difference between sides, so this is shown as it is. You can show it to your clinician.`,
    evidence: f.evidence, refs: f.refs,
  })];
}

function navicularDrop(base: Base, v: ScreeningValues<'navicular-drop'>): Finding[] {
  const refs = ['28', '28a', '28b'];
  const reference = `About ${NAVICULAR_DROP_TYPICAL_MIN_MM}-${NAVICULAR_DROP_TYPICAL_MAX_MM} mm typical; over ${NAVICULAR_DROP_HIGH_ABOVE_MM} mm commonly read as excessive pronation (Brody: over ${NAVICULAR_DROP_BRODY_ABOVE_MM} mm); under ${NAVICULAR_DROP_LOW_BELOW_MM} mm may mean a rigid foot. Low value at home: static drop explains only ~13% of drop in walking.`;
  const out = present(v).map(([side, mm]) => {
    const said = `Your ${side} arch dropped ${formatNumber(mm)} mm when you stood up.`;
    let status: FindingStatus;
    let plain: string;
    if (mm > NAVICULAR_DROP_HIGH_ABOVE_MM) {
      status = 'notable';
      plain = `${said} That is more than the usual ${NAVICULAR_DROP_TYPICAL_MIN_MM} to ${NAVICULAR_DROP_TYPICAL_MAX_MM} mm. It is consistent with a foot that rolls in a lot. ${WORTH_SHOWING}`;
    } else if (mm < NAVICULAR_DROP_LOW_BELOW_MM) {
      status = 'notable';
      plain = `${said} That is less than the usual ${NAVICULAR_DROP_TYPICAL_MIN_MM} to ${NAVICULAR_DROP_TYPICAL_MAX_MM} mm. It is consistent with a stiff foot. ${WORTH_SHOWING}`;
    } else if (mm >= NAVICULAR_DROP_TYPICAL_MIN_MM && mm <= NAVICULAR_DROP_TYPICAL_MAX_MM) {
      status = 'typical';
      plain = `${said} That is in the usual range of ${NAVICULAR_DROP_TYPICAL_MIN_MM} to ${NAVICULAR_DROP_TYPICAL_MAX_MM} mm.`;
    } else {
      status = 'borderline';
      plain = `${said} That is just outside the usual ${NAVICULAR_DROP_TYPICAL_MIN_MM} to ${NAVICULAR_DROP_TYPICAL_MAX_MM} mm, at the edge.`;
    }
    return make(base, { side, value: `${formatNumber(mm)} mm`, reference, status, plain, evidence: 'COH', refs });
  });
  if (v.left != null && v.right != null) {
    out.push(...unreferencedDifference(base, { left: v.left, right: v.right, unit: 'mm', more: (m) => `${m} arch dropped more`, say: (m, o, d) => `Your ${m} arch dropped ${d} more than your ${o} arch when you stood up.`, evidence: 'COH', refs }));
  }
  return out;
}

type FpiBand = 'highly supinated' | 'supinated' | 'normal' | 'pronated' | 'highly pronated';
/** FPI-6 band of a total, DOMAIN.md §5 [29]. */
export function fpiBand(total: number): FpiBand {
  if (total >= FPI_HIGHLY_PRONATED_MIN) return 'highly pronated';
  if (total >= FPI_PRONATED_MIN) return 'pronated';
  if (total >= FPI_NORMAL_MIN) return 'normal';
  if (total >= FPI_SUPINATED_MIN) return 'supinated';
  return 'highly supinated';
}
const FPI_PLAIN: Record<FpiBand, string> = {
  'highly supinated': 'the foot sits rolled out a lot, with a high-arched look',
  supinated: 'the foot sits a little rolled out, with a higher-arched look',
  normal: 'the usual range',
  pronated: 'the foot sits rolled in, with a flatter look',
  'highly pronated': 'the foot sits rolled in a lot, with a flat look',
};

function footPostureIndex(base: Base, v: ScreeningValues<'foot-posture-index'>, ctx: ScreeningContext): Finding[] {
  const refs = ['29', '29a', '29b'];
  const reference = '-12..-5 highly supinated, -4..-1 supinated, 0..+5 normal, +6..+9 pronated, +10..+12 highly pronated; normative mean +4. Higher in children and older adults.';
  const ageNote = ctx.age !== undefined && ctx.age >= 60 ? ' Scores tend to be a little higher in older adults.' : '';
  const out = present(v).map(([side, total]) => {
    const band = fpiBand(total);
    const said = `Your ${side} foot scored ${signed(total)} on the Foot Posture Index.`;
    const plain = band === 'normal'
      ? `${said} That is in ${FPI_PLAIN[band]} (0 to +5).${ageNote}`
      : `${said} That is in the "${band}" group: ${FPI_PLAIN[band]}.${ageNote} ${WORTH_SHOWING}`;
    return make(base, { side, value: `${signed(total)} (${band})`, reference, status: band === 'normal' ? 'typical' : 'notable', plain, evidence: 'COH', refs });
  });
  if (v.left != null && v.right != null) {
    out.push(...unreferencedDifference(base, { left: v.left, right: v.right, unit: 'points', more: (m) => `${m} foot scored higher`, say: (m, o, d) => `Your ${m} foot scored ${d} higher than your ${o} foot.`, evidence: 'COH', refs }));
  }
  return out;
}

function weightBearingLunge(base: Base, v: ScreeningValues<'weight-bearing-lunge'>): Finding[] {
  const refs = ['30', '30a'];
  const reference = `No universal cut-off; under ${LUNGE_RESTRICTED_BELOW_CM}-${LUNGE_TYPICAL_FROM_CM} cm (about ${Math.round(LUNGE_RESTRICTED_BELOW_CM * LUNGE_DEGREES_PER_CM)}-${Math.round(LUNGE_TYPICAL_FROM_CM * LUNGE_DEGREES_PER_CM)} degrees) is a common "restricted" convention. 1 cm is about ${LUNGE_DEGREES_PER_CM} degrees.`;
  const out = present(v).map(([side, cm]) => {
    const deg = Math.round(cm * LUNGE_DEGREES_PER_CM);
    const said = `Your ${side} knee reached the wall with your toes ${formatNumber(cm)} cm away.`;
    let status: FindingStatus;
    let plain: string;
    if (cm < LUNGE_RESTRICTED_BELOW_CM) {
      status = 'notable';
      plain = `${said} Under ${LUNGE_RESTRICTED_BELOW_CM} cm is often called a stiff ankle. ${WORTH_SHOWING}`;
    } else if (cm < LUNGE_TYPICAL_FROM_CM) {
      status = 'borderline';
      plain = `${said} That is at the edge (${LUNGE_RESTRICTED_BELOW_CM} to ${LUNGE_TYPICAL_FROM_CM} cm) of what is often called a stiff ankle.`;
    } else {
      status = 'typical';
      plain = `${said} That is in the usual range (${LUNGE_TYPICAL_FROM_CM} cm or more).`;
    }
    return make(base, { side, value: `${formatNumber(cm)} cm (about ${deg} degrees)`, reference, status, plain, evidence: 'EO', refs });
  });
  if (v.left != null && v.right != null) {
    const d = sideDifference(v.left, v.right);
    const less: Side = v.left < v.right ? 'left' : 'right';
    let status: FindingStatus;
    let plain: string;
    // Under the one-leg MDC the sides are the same as far as a tape can tell; between the one-leg and the
    // side-to-side MDC a difference may be real but is within the error of comparing two measurements.
    if (d >= LUNGE_MDC_SIDE_TO_SIDE_CM) {
      status = 'notable';
      plain = `Your ${less} ankle bent ${formatNumber(d)} cm less than the other. A difference of ${LUNGE_MDC_SIDE_TO_SIDE_CM} cm or more is bigger than measuring error. ${WORTH_SHOWING}`;
    } else if (d >= LUNGE_MDC_ONE_LEG_CM) {
      status = 'borderline';
      plain = `Your ${less} ankle bent ${formatNumber(d)} cm less than the other. That is at the edge of measuring error (${LUNGE_MDC_SIDE_TO_SIDE_CM} cm).`;
    } else {
      status = 'typical';
      plain = `Your two ankles bent about the same (${formatNumber(d)} cm apart). That is within measuring error.`;
    }
    out.push(make(base, {
      side: 'both', label: `${SCREENING_NAME[base.source]}: left-right difference`, value: `${formatNumber(d)} cm`,
      reference: `A difference of ${LUNGE_MDC_SIDE_TO_SIDE_CM} cm or more exceeds measurement error (MDC ${LUNGE_MDC_ONE_LEG_CM} cm one leg, ${LUNGE_MDC_SIDE_TO_SIDE_CM} cm side to side).`,
      status, plain, evidence: 'SR/MA', refs: ['30'],
    }));
  }
  return out;
}

/** Index of the single-leg stance age group for an age in years, or -1 below 18 (no norms). DOMAIN.md §5 [31]. */
export function stanceAgeGroup(age: number): number {
  let group = -1;
  SINGLE_LEG_STANCE_AGE_GROUP_FROM.forEach((from, i) => { if (age >= from) group = i; });
  return group;
}
function ageGroupLabel(i: number): string {
  const from = SINGLE_LEG_STANCE_AGE_GROUP_FROM[i]!;
  const next = SINGLE_LEG_STANCE_AGE_GROUP_FROM[i + 1];
  return next === undefined ? `${from}+` : `${from}-${next - 1}`;
}

function singleLegStance(base: Base, v: ScreeningValues<'single-leg-stance'>, ctx: ScreeningContext): Finding[] {
  const refs = ['31', '31a'];
  const out: Finding[] = [];
  const conditions = [
    { key: 'eyesOpen', words: 'eyes open', norms: SINGLE_LEG_STANCE_EYES_OPEN_NORM_S, values: v.eyesOpen },
    { key: 'eyesClosed', words: 'eyes closed', norms: SINGLE_LEG_STANCE_EYES_CLOSED_NORM_S, values: v.eyesClosed },
  ] as const;
  const group = ctx.age === undefined || !Number.isFinite(ctx.age) ? null : stanceAgeGroup(ctx.age);
  for (const c of conditions) {
    if (!c.values) continue;
    const label = `${SCREENING_NAME[base.source]} (${c.words})`;
    const allNorms = c.norms.map((n, i) => `${ageGroupLabel(i)}: ~${n} s`).join(', ');
    for (const [side, s] of present(c.values)) {
      const said = `You stood on your ${side} leg for ${formatNumber(s)} seconds with your ${c.words}.`;
      const value = `${formatNumber(s)} s (best of 3)`;
      if (group === null || group < 0) {
        out.push(make(base, {
          side, label, value, reference: `Age-group averages only (${allNorms}; UNVERIFIED); adults 18+.`, status: 'not-interpretable',
          plain: group === null
            ? `${said} To compare this with others, Footing needs your age.`
            : `${said} The averages Footing has are for adults, so this is shown as it is.`,
          evidence: 'COH', refs,
        }));
        continue;
      }
      const norm = c.norms[group]!;
      const reference = `Average for age ${ageGroupLabel(group)}: about ${norm} s (${c.words}; per-group numbers UNVERIFIED). An average, not a cut-off.`;
      const typical = s >= norm;
      out.push(make(base, {
        side, label, value, reference, status: typical ? 'typical' : 'borderline',
        plain: typical
          ? `${said} That is at or above the average for your age group (about ${formatNumber(norm)} seconds).`
          : `${said} That is below the average for your age group (about ${formatNumber(norm)} seconds). An average is not a cut-off, and these averages still need checking. ${WORTH_SHOWING}`,
        evidence: 'COH', refs,
      }));
    }
    if (c.values.left != null && c.values.right != null) {
      out.push(...unreferencedDifference(base, { left: c.values.left, right: c.values.right, unit: 'seconds', more: (m) => `longer on the ${m} leg`, say: (m, o, d) => `You stood ${d} longer on your ${m} leg than on your ${o} leg.`, label, evidence: 'COH', refs }));
    }
  }
  return out;
}

function heelRaise(base: Base, v: ScreeningValues<'heel-raise'>, ctx: ScreeningContext): Finding[] {
  const refs = ['32', '32a'];
  const median = ctx.sex === 'male' ? HEEL_RAISE_MEDIAN_MEN : ctx.sex === 'female' ? HEEL_RAISE_MEDIAN_WOMEN : null;
  const who = ctx.sex === 'male' ? 'men' : ctx.sex === 'female' ? 'women' : 'adults';
  const reference = `Median ${HEEL_RAISE_MEDIAN_MEN} (men) / ${HEEL_RAISE_MEDIAN_WOMEN} (women) on a ${HEEL_RAISE_INCLINE_DEG} degree incline at ${HEEL_RAISE_METRONOME_BPM} bpm; declines with age; a median, not a cut-off. Compare with the other leg.`;
  const out = present({ left: v.left, right: v.right }).map(([side, n]) => {
    const said = `Your ${side} leg did ${n} heel raises.`;
    const value = `${n} reps (${v.protocol === 'flat-floor' ? 'flat floor' : 'incline, metronome'})`;
    if (v.protocol === 'flat-floor') {
      return make(base, {
        side, value, reference, status: 'not-interpretable', evidence: 'COH', refs,
        plain: `${said} The usual numbers come from a test on a slope with a beat to follow, so a count on a flat floor cannot be compared with them. Your two legs can still be compared.`,
      });
    }
    // Without a sex the two medians bracket the answer: at or above both is typical, below both is below either
    // median, and in between depends on which median applies.
    const high = median ?? HEEL_RAISE_MEDIAN_MEN;
    const low = median ?? HEEL_RAISE_MEDIAN_WOMEN;
    if (n >= high) {
      return make(base, { side, value, reference, status: 'typical', evidence: 'COH', refs,
        plain: `${said} That is at or above the middle count for healthy ${who} (${high}).` });
    }
    if (n < low) {
      return make(base, { side, value, reference, status: 'borderline', evidence: 'COH', refs,
        plain: `${said} That is below the middle count for healthy ${who} (${low}). Half of healthy people score below the middle, and counts drop with age. ${WORTH_SHOWING}` });
    }
    return make(base, { side, value, reference, status: 'not-interpretable', evidence: 'COH', refs,
      plain: `${said} The middle count is ${HEEL_RAISE_MEDIAN_MEN} for men and ${HEEL_RAISE_MEDIAN_WOMEN} for women, so comparing needs to know which applies.` });
  });
  if (v.left != null && v.right != null) {
    const d = Math.abs(v.left - v.right);
    const fewer: Side = v.left < v.right ? 'left' : 'right';
    const beyond = d > HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS;
    out.push(make(base, {
      side: 'both', label: `${SCREENING_NAME[base.source]}: left-right difference`, value: `${d} reps`,
      reference: `Retest limits of agreement about +-${HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS} reps; a bigger left-right difference is read as beyond measurement error (Footing's reading, EO).`,
      status: beyond ? 'notable' : 'typical', evidence: 'EO', refs: ['32'],
      plain: beyond
        ? `Your ${fewer} leg did ${d} fewer heel raises than the other. That is more than the test usually varies (${HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS}). ${WORTH_SHOWING}`
        : `Your two legs did about the same number of heel raises (${d} apart). That is within how much the test varies.`,
    }));
  }
  return out;
}

function windlass(base: Base, v: ScreeningValues<'windlass'>): Finding[] {
  const refs = ['17', '17a'];
  const reference = 'Specificity 100%, sensitivity about 32%: a positive test helps rule in plantar heel pain; a negative test does not rule it out.';
  return present(v).map(([side, r]) => r === 'positive'
    ? make(base, { side, value: 'positive', reference, status: 'notable', evidence: 'COH', refs,
      plain: `Lifting your ${side} big toe brought back your heel or arch pain. This is consistent with an irritated band under the foot (the plantar fascia). ${WORTH_SHOWING}` })
    : make(base, { side, value: 'negative', reference, status: 'typical', evidence: 'COH', refs,
      plain: `Lifting your ${side} big toe did not bring back the pain. This does not rule anything out: the test misses about 2 in 3 people with heel pain.` }));
}

function observation(base: Base, v: { left?: Observation | null; right?: Observation | null }, words: { action: string; sign: string; noSign: string }): Finding[] {
  const reference = 'Observation only: no validated numeric threshold; report to a clinician (reliability only fair to moderate, UNVERIFIED).';
  return present(v).map(([side, o]) => {
    const when = `When you ${words.action} on your ${side} leg,`;
    const plain = o === 'seen'
      ? `${when} ${words.sign}. There is no agreed cut-off for this, so it is an observation only. ${WORTH_SHOWING}`
      : o === 'not-seen'
        ? `${when} ${words.noSign}. This is an observation only.`
        : `${when} it was hard to tell. That is fine: it is an observation only, and a clinician can look with you.`;
    return make(base, { side, value: OBSERVATION_WORDS[o], reference, status: 'not-interpretable', plain, evidence: 'EO', refs: [] });
  });
}

/**
 * Turns one stored screening result into findings for the chain explanation: one per side measured (per condition
 * for single-leg stance) and a left-right finding where both sides were measured. Never throws for a result that
 * passed `screeningResultSchema`. Every finding carries the segment of the test (SCREENING_SEGMENT).
 */
export function interpretScreening(result: ScreeningResult, context: ScreeningContext = {}): Finding[] {
  const base = baseOf(result);
  switch (result.testId) {
    case 'navicular-drop': return navicularDrop(base, result.values);
    case 'foot-posture-index': return footPostureIndex(base, result.values, context);
    case 'weight-bearing-lunge': return weightBearingLunge(base, result.values);
    case 'single-leg-stance': return singleLegStance(base, result.values, context);
    case 'heel-raise': return heelRaise(base, result.values, context);
    case 'windlass': return windlass(base, result.values);
    case 'single-leg-squat-valgus': return observation(base, result.values, { action: 'squatted', sign: 'the knee moved inward', noSign: 'the knee was not seen moving inward' });
    case 'trendelenburg': return observation(base, result.values, { action: 'stood', sign: 'the hip on the other side dropped', noSign: 'the hip on the other side was not seen dropping' });
  }
}
