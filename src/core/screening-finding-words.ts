/**
 * The words of a screening finding (screening-interpret.ts) in English, the source: labels, values, references and
 * the plain sentences, as functions of the figures they show. The Spanish is SCREENING_FINDING_ES
 * (i18n/screening-finding-texts.ts), of the same type, so a sentence missing there fails tsc. The thresholds are
 * DOMAIN.md §5's (screening-constants.ts); a sentence never says more than its reference does ("consistent with",
 * "worth showing your clinician", never a diagnosis).
 */
import {
  FPI_NORMAL_MIN,
  FPI_PRONATED_MIN,
  HEEL_RAISE_INCLINE_DEG,
  HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS as LOA,
  HEEL_RAISE_MEDIAN_MEN as MEN,
  HEEL_RAISE_MEDIAN_WOMEN as WOMEN,
  HEEL_RAISE_METRONOME_BPM,
  LUNGE_DEGREES_PER_CM,
  LUNGE_MDC_ONE_LEG_CM,
  LUNGE_MDC_SIDE_TO_SIDE_CM as MDC2,
  LUNGE_RESTRICTED_BELOW_CM as STIFF,
  LUNGE_TYPICAL_FROM_CM as USUAL,
  NAVICULAR_DROP_BRODY_ABOVE_MM,
  NAVICULAR_DROP_HIGH_ABOVE_MM,
  NAVICULAR_DROP_LOW_BELOW_MM,
  NAVICULAR_DROP_TYPICAL_MAX_MM as ND_MAX,
  NAVICULAR_DROP_TYPICAL_MIN_MM as ND_MIN,
} from './screening-constants.js';
import { OBSERVATION_WORDS, SCREENING_NAME, type Observation, type ScreeningTestId } from './screening-schemas.js';

export type Side = 'left' | 'right';
export type FpiBand = 'highly supinated' | 'supinated' | 'normal' | 'pronated' | 'highly pronated';
export type StanceCondition = 'eyesOpen' | 'eyesClosed';
/** The observation tests: what the person did and what was looked for. */
export type ObservationTest = 'single-leg-squat-valgus' | 'trendelenburg';

/** Every word of a screening finding in one language. `n` is a figure as that language writes it (num). */
export interface ScreeningFindingWords {
  /** A figure as people write it: at most one decimal, no trailing zero, the language's decimal mark. */
  num: (n: number) => string;
  testName: (id: ScreeningTestId) => string;
  worthShowing: string;
  difference: {
    label: (label: string) => string;
    reference: string;
    /** The value: the difference with its unit, and which side has the larger number. */
    value: (d: string, more: string) => string;
    plain: (said: string) => string;
  };
  navicular: {
    reference: string;
    said: (side: Side, mm: string) => string;
    more: string;
    low: string;
    usual: string;
    edge: string;
    value: (mm: string) => string;
    unit: string;
    largerSide: (side: Side) => string;
    differenceSaid: (more: Side, other: Side, d: string) => string;
  };
  fpi: {
    reference: string;
    olderAdults: string;
    said: (side: Side, total: string) => string;
    band: Record<FpiBand, string>;
    bandPlain: Record<FpiBand, string>;
    normal: (bandPlain: string) => string;
    outside: (band: string, bandPlain: string) => string;
    value: (total: string, band: string) => string;
    unit: string;
    largerSide: (side: Side) => string;
    differenceSaid: (more: Side, other: Side, d: string) => string;
  };
  lunge: {
    reference: string;
    said: (side: Side, cm: string) => string;
    stiff: string;
    edge: string;
    usual: string;
    value: (cm: string, deg: string) => string;
    differenceReference: string;
    lessNotable: (less: Side, d: string) => string;
    lessEdge: (less: Side, d: string) => string;
    same: (d: string) => string;
    differenceValue: (d: string) => string;
  };
  stance: {
    label: (condition: StanceCondition) => string;
    said: (side: Side, s: string, condition: StanceCondition) => string;
    value: (s: string) => string;
    /** An age group's average in the list of every group, "18-39: ~43 s". */
    norm: (group: string, s: string) => string;
    allGroupsReference: (norms: string) => string;
    needsAge: string;
    adultsOnly: string;
    groupReference: (group: string, s: string, condition: StanceCondition) => string;
    atOrAbove: (s: string) => string;
    below: (s: string) => string;
    unit: string;
    largerSide: (side: Side) => string;
    differenceSaid: (more: Side, other: Side, d: string) => string;
  };
  heelRaise: {
    reference: string;
    said: (side: Side, n: string) => string;
    value: (n: string, flatFloor: boolean) => string;
    flatFloor: string;
    atOrAbove: (who: 'male' | 'female' | 'adults', median: string) => string;
    below: (who: 'male' | 'female' | 'adults', median: string) => string;
    needsSex: string;
    differenceReference: string;
    differenceValue: (d: string) => string;
    fewer: (fewer: Side, d: string) => string;
    same: (d: string) => string;
  };
  windlass: {
    reference: string;
    value: Record<'positive' | 'negative', string>;
    positive: (side: Side) => string;
    negative: (side: Side) => string;
  };
  observation: {
    reference: string;
    value: Record<Observation, string>;
    seen: (test: ObservationTest, side: Side) => string;
    notSeen: (test: ObservationTest, side: Side) => string;
    unsure: (test: ObservationTest, side: Side) => string;
  };
}

const num = (n: number) => String(Math.round(n * 10) / 10);
const DEG_STIFF = Math.round(STIFF * LUNGE_DEGREES_PER_CM);
const DEG_USUAL = Math.round(USUAL * LUNGE_DEGREES_PER_CM);
const OBSERVED: Record<ObservationTest, { action: string; sign: string; noSign: string }> = {
  'single-leg-squat-valgus': {
    action: 'squatted',
    sign: 'the knee moved inward',
    noSign: 'the knee was not seen moving inward',
  },
  trendelenburg: {
    action: 'stood',
    sign: 'the hip on the other side dropped',
    noSign: 'the hip on the other side was not seen dropping',
  },
};
const when = (test: ObservationTest, side: Side) => `When you ${OBSERVED[test].action} on your ${side} leg,`;
const CONDITION = { eyesOpen: 'eyes open', eyesClosed: 'eyes closed' } as const;
const WHO = { male: 'men', female: 'women', adults: 'adults' } as const;

export const SCREENING_FINDING_EN: ScreeningFindingWords = {
  num,
  testName: (id) => SCREENING_NAME[id],
  worthShowing: 'Worth showing your clinician.',
  difference: {
    label: (label) => `${label}: left-right difference`,
    reference: 'No validated cut-off for a side-to-side difference.',
    value: (d, more) => `${d} (${more})`,
    plain: (said) =>
      `${said} There is no agreed cut-off for a difference between sides, so this is shown as it is. You can show it to your clinician.`,
  },
  navicular: {
    reference: `About ${ND_MIN}-${ND_MAX} mm typical; over ${NAVICULAR_DROP_HIGH_ABOVE_MM} mm commonly read as excessive pronation (Brody: over ${NAVICULAR_DROP_BRODY_ABOVE_MM} mm); under ${NAVICULAR_DROP_LOW_BELOW_MM} mm may mean a rigid foot. Low value at home: static drop explains only ~13% of drop in walking.`,
    said: (side, mm) => `Your ${side} arch dropped ${mm} mm when you stood up.`,
    more: `That is more than the usual ${ND_MIN} to ${ND_MAX} mm. It is consistent with a foot that rolls in a lot.`,
    low: `That is less than the usual ${ND_MIN} to ${ND_MAX} mm. It is consistent with a stiff foot.`,
    usual: `That is in the usual range of ${ND_MIN} to ${ND_MAX} mm.`,
    edge: `That is just outside the usual ${ND_MIN} to ${ND_MAX} mm, at the edge.`,
    value: (mm) => `${mm} mm`,
    unit: 'mm',
    largerSide: (side) => `${side} arch dropped more`,
    differenceSaid: (more, other, d) =>
      `Your ${more} arch dropped ${d} more than your ${other} arch when you stood up.`,
  },
  fpi: {
    reference:
      '-12..-5 highly supinated, -4..-1 supinated, 0..+5 normal, +6..+9 pronated, +10..+12 highly pronated; normative mean +4. Higher in children and older adults.',
    olderAdults: ' Scores tend to be a little higher in older adults.',
    said: (side, total) => `Your ${side} foot scored ${total} on the Foot Posture Index.`,
    band: {
      'highly supinated': 'highly supinated',
      supinated: 'supinated',
      normal: 'normal',
      pronated: 'pronated',
      'highly pronated': 'highly pronated',
    },
    bandPlain: {
      'highly supinated': 'the foot sits rolled out a lot, with a high-arched look',
      supinated: 'the foot sits a little rolled out, with a higher-arched look',
      normal: 'the usual range',
      pronated: 'the foot sits rolled in, with a flatter look',
      'highly pronated': 'the foot sits rolled in a lot, with a flat look',
    },
    normal: (bandPlain) => `That is in ${bandPlain} (${FPI_NORMAL_MIN} to +${FPI_PRONATED_MIN - 1}).`,
    outside: (band, bandPlain) => `That is in the "${band}" group: ${bandPlain}.`,
    value: (total, band) => `${total} (${band})`,
    unit: 'points',
    largerSide: (side) => `${side} foot scored higher`,
    differenceSaid: (more, other, d) => `Your ${more} foot scored ${d} higher than your ${other} foot.`,
  },
  lunge: {
    reference: `No universal cut-off; under ${STIFF}-${USUAL} cm (about ${DEG_STIFF}-${DEG_USUAL} degrees) is a common "restricted" convention. 1 cm is about ${LUNGE_DEGREES_PER_CM} degrees.`,
    said: (side, cm) => `Your ${side} knee reached the wall with your toes ${cm} cm away.`,
    stiff: `Under ${STIFF} cm is often called a stiff ankle.`,
    edge: `That is at the edge (${STIFF} to ${USUAL} cm) of what is often called a stiff ankle.`,
    usual: `That is in the usual range (${USUAL} cm or more).`,
    value: (cm, deg) => `${cm} cm (about ${deg} degrees)`,
    differenceReference: `A difference of ${MDC2} cm or more exceeds measurement error (MDC ${LUNGE_MDC_ONE_LEG_CM} cm one leg, ${MDC2} cm side to side).`,
    lessNotable: (less, d) =>
      `Your ${less} ankle bent ${d} cm less than the other. A difference of ${MDC2} cm or more is bigger than measuring error.`,
    lessEdge: (less, d) =>
      `Your ${less} ankle bent ${d} cm less than the other. That is at the edge of measuring error (${MDC2} cm).`,
    same: (d) => `Your two ankles bent about the same (${d} cm apart). That is within measuring error.`,
    differenceValue: (d) => `${d} cm`,
  },
  stance: {
    label: (c) => `${SCREENING_NAME['single-leg-stance']} (${CONDITION[c]})`,
    said: (side, s, c) => `You stood on your ${side} leg for ${s} seconds with your ${CONDITION[c]}.`,
    value: (s) => `${s} s (best of 3)`,
    norm: (group, s) => `${group}: ~${s} s`,
    allGroupsReference: (norms) => `Age-group averages only (${norms}; UNVERIFIED); adults 18+.`,
    needsAge: 'To compare this with others, Footing needs your age.',
    adultsOnly: 'The averages Footing has are for adults, so this is shown as it is.',
    groupReference: (group, s, c) =>
      `Average for age ${group}: about ${s} s (${CONDITION[c]}; per-group numbers UNVERIFIED). An average, not a cut-off.`,
    atOrAbove: (s) => `That is at or above the average for your age group (about ${s} seconds).`,
    below: (s) =>
      `That is below the average for your age group (about ${s} seconds). An average is not a cut-off, and these averages still need checking.`,
    unit: 'seconds',
    largerSide: (side) => `longer on the ${side} leg`,
    differenceSaid: (more, other, d) => `You stood ${d} longer on your ${more} leg than on your ${other} leg.`,
  },
  heelRaise: {
    reference: `Median ${MEN} (men) / ${WOMEN} (women) on a ${HEEL_RAISE_INCLINE_DEG} degree incline at ${HEEL_RAISE_METRONOME_BPM} bpm; declines with age; a median, not a cut-off. Compare with the other leg.`,
    said: (side, n) => `Your ${side} leg did ${n} heel raises.`,
    value: (n, flat) => `${n} reps (${flat ? 'flat floor' : 'incline, metronome'})`,
    flatFloor:
      'The usual numbers come from a test on a slope with a beat to follow, so a count on a flat floor cannot be compared with them. Your two legs can still be compared.',
    atOrAbove: (who, median) => `That is at or above the middle count for healthy ${WHO[who]} (${median}).`,
    below: (who, median) =>
      `That is below the middle count for healthy ${WHO[who]} (${median}). Half of healthy people score below the middle, and counts drop with age.`,
    needsSex: `The middle count is ${MEN} for men and ${WOMEN} for women, so comparing needs to know which applies.`,
    differenceReference: `Retest limits of agreement about +-${LOA} reps; a bigger left-right difference is read as beyond measurement error (Footing's reading, EO).`,
    differenceValue: (d) => `${d} reps`,
    fewer: (fewer, d) =>
      `Your ${fewer} leg did ${d} fewer heel raises than the other. That is more than the test usually varies (${LOA}).`,
    same: (d) =>
      `Your two legs did about the same number of heel raises (${d} apart). That is within how much the test varies.`,
  },
  windlass: {
    reference:
      'Specificity 100%, sensitivity about 32%: a positive test helps rule in plantar heel pain; a negative test does not rule it out.',
    value: { positive: 'positive', negative: 'negative' },
    positive: (side) =>
      `Lifting your ${side} big toe brought back your heel or arch pain. This is consistent with an irritated band under the foot (the plantar fascia).`,
    negative: (side) =>
      `Lifting your ${side} big toe did not bring back the pain. This does not rule anything out: the test misses about 2 in 3 people with heel pain.`,
  },
  observation: {
    reference:
      'Observation only: no validated numeric threshold; report to a clinician (reliability only fair to moderate, UNVERIFIED).',
    value: OBSERVATION_WORDS,
    seen: (test, side) =>
      `${when(test, side)} ${OBSERVED[test].sign}. There is no agreed cut-off for this, so it is an observation only.`,
    notSeen: (test, side) => `${when(test, side)} ${OBSERVED[test].noSign}. This is an observation only.`,
    unsure: (test, side) =>
      `${when(test, side)} it was hard to tell. That is fine: it is an observation only, and a clinician can look with you.`,
  },
};
