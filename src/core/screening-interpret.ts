/**
 * Turns a stored screening result into findings: one per side measured, plus a side-to-side finding where both
 * sides were measured. Thresholds come from screening-constants.ts (DOMAIN.md §5). Where DOMAIN.md gives no
 * reference (a side difference for most tests, the knee and hip observations), the finding says so with the status
 * `not-interpretable` instead of guessing. Sentences for the person avoid diagnosis words ("consistent with",
 * "worth showing your clinician").
 */
import type { EvidenceLevel } from './evidence.js';
import type { Finding, FindingSide, FindingStatus } from './findings.js';
import type { Language } from './language.js';
import {
  FPI_HIGHLY_PRONATED_MIN,
  FPI_NORMAL_MIN,
  FPI_PRONATED_MIN,
  FPI_SUPINATED_MIN,
  HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS,
  HEEL_RAISE_MEDIAN_MEN,
  HEEL_RAISE_MEDIAN_WOMEN,
  LUNGE_DEGREES_PER_CM,
  LUNGE_MDC_ONE_LEG_CM,
  LUNGE_MDC_SIDE_TO_SIDE_CM,
  LUNGE_RESTRICTED_BELOW_CM,
  LUNGE_TYPICAL_FROM_CM,
  NAVICULAR_DROP_HIGH_ABOVE_MM,
  NAVICULAR_DROP_LOW_BELOW_MM,
  NAVICULAR_DROP_TYPICAL_MAX_MM,
  NAVICULAR_DROP_TYPICAL_MIN_MM,
  SINGLE_LEG_STANCE_AGE_GROUP_FROM,
  SINGLE_LEG_STANCE_EYES_CLOSED_NORM_S,
  SINGLE_LEG_STANCE_EYES_OPEN_NORM_S,
} from './screening-constants.js';
import {
  SCREENING_SEGMENT,
  type Observation,
  type ScreeningResult,
  type ScreeningTestId,
  type ScreeningValues,
} from './screening-schemas.js';
import {
  SCREENING_FINDING_EN,
  type FpiBand,
  type ObservationTest,
  type ScreeningFindingWords,
  type Side,
} from './screening-finding-words.js';
import { SCREENING_FINDING_ES } from './i18n/screening-finding-texts.js';

/** What the interpretation may use about the person. Both are optional; a norm that needs one says so if missing. */
export interface ScreeningContext {
  age?: number;
  sex?: 'male' | 'female' | 'other';
}

const SIDES: readonly Side[] = ['left', 'right'];
const WORDS: Record<Language, ScreeningFindingWords> = { en: SCREENING_FINDING_EN, es: SCREENING_FINDING_ES };

/** A number as people write it: at most one decimal, no trailing ".0". */
export function formatNumber(n: number): string {
  return SCREENING_FINDING_EN.num(n);
}
/** A signed FPI total, "+4", "0", "-3". */
function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
/** |a - b| rounded to 0.01 so that 3.6 - 2.1 compares as 1.5, not 1.4999999. */
function sideDifference(a: number, b: number): number {
  return Math.round(Math.abs(a - b) * 100) / 100;
}

/** The parts every finding of one result shares, and the words of the language it is written in. */
interface Base {
  source: ScreeningTestId;
  segment: Finding['segment'];
  recordedAt: string;
  recordedBy: string;
  w: ScreeningFindingWords;
}
function baseOf(result: ScreeningResult, language: Language): Base {
  return {
    source: result.testId,
    segment: SCREENING_SEGMENT[result.testId],
    recordedAt: result.recordedAt,
    recordedBy: result.recordedBy,
    w: WORDS[language],
  };
}
/** A finding of this test: the caller gives what it measured and says; the test, link and recording come from base. */
function make(
  base: Base,
  f: Omit<Finding, 'source' | 'segment' | 'label' | 'recordedAt' | 'recordedBy' | 'measuredFrom'> & { label?: string },
): Finding {
  return {
    ...f,
    source: base.source,
    segment: base.segment,
    label: f.label ?? base.w.testName(base.source),
    recordedAt: base.recordedAt,
    recordedBy: base.recordedBy,
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
/** Sentences joined with one space. */
const join = (...parts: string[]) => parts.join(' ');

/**
 * A side difference for a test whose difference has no reference in DOMAIN.md: reported only when the sides differ,
 * as not interpretable, so it is said rather than guessed. `more` names the side with the larger number in the
 * test's own terms ("left arch dropped more"): a larger navicular drop is an arch that sinks more, never a "higher"
 * one, so no test says "higher" of a side unless the number it compares is a score.
 */
function unreferencedDifference(
  base: Base,
  values: { left?: number | null | undefined; right?: number | null | undefined },
  w: {
    unit: string;
    largerSide: (side: Side) => string;
    differenceSaid: (more: Side, other: Side, d: string) => string;
  },
  refs: string[],
  label?: string,
): Finding[] {
  // A difference needs both sides; it has no published reference, so it is only said, never judged.
  if (values.left == null || values.right == null) return [];
  const d = sideDifference(values.left, values.right);
  if (d === 0) return [];
  const more: Side = values.left > values.right ? 'left' : 'right';
  const other: Side = more === 'left' ? 'right' : 'left';
  const amount = `${base.w.num(d)} ${w.unit}`;
  return [
    make(base, {
      side: 'both',
      label: base.w.difference.label(label ?? base.w.testName(base.source)),
      value: base.w.difference.value(amount, w.largerSide(more)),
      reference: base.w.difference.reference,
      status: 'not-interpretable',
      plain: base.w.difference.plain(w.differenceSaid(more, other, amount)),
      evidence: 'COH',
      refs,
    }),
  ];
}

function navicularDrop(base: Base, v: ScreeningValues<'navicular-drop'>): Finding[] {
  const refs = ['28', '28a', '28b'];
  const w = base.w.navicular;
  const out = present(v).map(([side, mm]) => {
    const said = w.said(side, base.w.num(mm));
    let status: FindingStatus;
    let plain: string;
    if (mm > NAVICULAR_DROP_HIGH_ABOVE_MM) {
      status = 'notable';
      plain = join(said, w.more, base.w.worthShowing);
    } else if (mm < NAVICULAR_DROP_LOW_BELOW_MM) {
      status = 'notable';
      plain = join(said, w.low, base.w.worthShowing);
    } else if (mm >= NAVICULAR_DROP_TYPICAL_MIN_MM && mm <= NAVICULAR_DROP_TYPICAL_MAX_MM) {
      status = 'typical';
      plain = join(said, w.usual);
    } else {
      status = 'borderline';
      plain = join(said, w.edge);
    }
    return make(base, {
      side,
      value: w.value(base.w.num(mm)),
      reference: w.reference,
      status,
      plain,
      evidence: 'COH',
      refs,
    });
  });
  out.push(...unreferencedDifference(base, v, w, refs));
  return out;
}

/** FPI-6 band of a total, DOMAIN.md §5 [29]. */
export function fpiBand(total: number): FpiBand {
  if (total >= FPI_HIGHLY_PRONATED_MIN) return 'highly pronated';
  if (total >= FPI_PRONATED_MIN) return 'pronated';
  if (total >= FPI_NORMAL_MIN) return 'normal';
  if (total >= FPI_SUPINATED_MIN) return 'supinated';
  return 'highly supinated';
}

function footPostureIndex(base: Base, v: ScreeningValues<'foot-posture-index'>, ctx: ScreeningContext): Finding[] {
  const refs = ['29', '29a', '29b'];
  const w = base.w.fpi;
  const ageNote = ctx.age !== undefined && ctx.age >= 60 ? w.olderAdults : '';
  const out = present(v).map(([side, total]) => {
    const band = fpiBand(total);
    const said = w.said(side, signed(total));
    const plain =
      band === 'normal'
        ? `${said} ${w.normal(w.bandPlain[band])}${ageNote}`
        : `${said} ${w.outside(w.band[band], w.bandPlain[band])}${ageNote} ${base.w.worthShowing}`;
    return make(base, {
      side,
      value: w.value(signed(total), w.band[band]),
      reference: w.reference,
      status: band === 'normal' ? 'typical' : 'notable',
      plain,
      evidence: 'COH',
      refs,
    });
  });
  out.push(...unreferencedDifference(base, v, w, refs));
  return out;
}

function weightBearingLunge(base: Base, v: ScreeningValues<'weight-bearing-lunge'>): Finding[] {
  const refs = ['30', '30a'];
  const w = base.w.lunge;
  const out = present(v).map(([side, cm]) => {
    const deg = Math.round(cm * LUNGE_DEGREES_PER_CM);
    const said = w.said(side, base.w.num(cm));
    let status: FindingStatus;
    let plain: string;
    if (cm < LUNGE_RESTRICTED_BELOW_CM) {
      status = 'notable';
      plain = join(said, w.stiff, base.w.worthShowing);
    } else if (cm < LUNGE_TYPICAL_FROM_CM) {
      status = 'borderline';
      plain = join(said, w.edge);
    } else {
      status = 'typical';
      plain = join(said, w.usual);
    }
    return make(base, {
      side,
      value: w.value(base.w.num(cm), String(deg)),
      reference: w.reference,
      status,
      plain,
      evidence: 'EO',
      refs,
    });
  });
  if (v.left != null && v.right != null) {
    const d = sideDifference(v.left, v.right);
    const less: Side = v.left < v.right ? 'left' : 'right';
    const ds = base.w.num(d);
    let status: FindingStatus;
    let plain: string;
    // Under the one-leg MDC the sides are the same as far as a tape can tell; between the one-leg and the
    // side-to-side MDC a difference may be real but is within the error of comparing two measurements.
    if (d >= LUNGE_MDC_SIDE_TO_SIDE_CM) {
      status = 'notable';
      plain = join(w.lessNotable(less, ds), base.w.worthShowing);
    } else if (d >= LUNGE_MDC_ONE_LEG_CM) {
      status = 'borderline';
      plain = w.lessEdge(less, ds);
    } else {
      status = 'typical';
      plain = w.same(ds);
    }
    out.push(
      make(base, {
        side: 'both',
        label: base.w.difference.label(base.w.testName(base.source)),
        value: w.differenceValue(ds),
        reference: w.differenceReference,
        status,
        plain,
        evidence: 'SR/MA',
        refs: ['30'],
      }),
    );
  }
  return out;
}

/** Index of the single-leg stance age group for an age in years, or -1 below 18 (no norms). DOMAIN.md §5 [31]. */
export function stanceAgeGroup(age: number): number {
  let group = -1;
  SINGLE_LEG_STANCE_AGE_GROUP_FROM.forEach((from, i) => {
    if (age >= from) group = i;
  });
  return group;
}
function ageGroupLabel(i: number): string {
  const from = SINGLE_LEG_STANCE_AGE_GROUP_FROM[i]!;
  const next = SINGLE_LEG_STANCE_AGE_GROUP_FROM[i + 1];
  return next === undefined ? `${from}+` : `${from}-${next - 1}`;
}

function singleLegStance(base: Base, v: ScreeningValues<'single-leg-stance'>, ctx: ScreeningContext): Finding[] {
  const refs = ['31', '31a'];
  const w = base.w.stance;
  const out: Finding[] = [];
  const conditions = [
    { key: 'eyesOpen', norms: SINGLE_LEG_STANCE_EYES_OPEN_NORM_S, values: v.eyesOpen },
    { key: 'eyesClosed', norms: SINGLE_LEG_STANCE_EYES_CLOSED_NORM_S, values: v.eyesClosed },
  ] as const;
  const group = ctx.age === undefined || !Number.isFinite(ctx.age) ? null : stanceAgeGroup(ctx.age);
  for (const c of conditions) {
    if (!c.values) continue;
    const label = w.label(c.key);
    const allNorms = c.norms.map((n, i) => w.norm(ageGroupLabel(i), base.w.num(n))).join(', ');
    for (const [side, s] of present(c.values)) {
      const said = w.said(side, base.w.num(s), c.key);
      const value = w.value(base.w.num(s));
      if (group === null || group < 0) {
        out.push(
          make(base, {
            side,
            label,
            value,
            reference: w.allGroupsReference(allNorms),
            status: 'not-interpretable',
            plain: join(said, group === null ? w.needsAge : w.adultsOnly),
            evidence: 'COH',
            refs,
          }),
        );
        continue;
      }
      const norm = base.w.num(c.norms[group]!);
      const typical = s >= c.norms[group]!;
      out.push(
        make(base, {
          side,
          label,
          value,
          reference: w.groupReference(ageGroupLabel(group), norm, c.key),
          status: typical ? 'typical' : 'borderline',
          plain: typical ? join(said, w.atOrAbove(norm)) : join(said, w.below(norm), base.w.worthShowing),
          evidence: 'COH',
          refs,
        }),
      );
    }
    out.push(...unreferencedDifference(base, c.values, w, refs, label));
  }
  return out;
}

function heelRaise(base: Base, v: ScreeningValues<'heel-raise'>, ctx: ScreeningContext): Finding[] {
  const refs = ['32', '32a'];
  const w = base.w.heelRaise;
  const median = ctx.sex === 'male' ? HEEL_RAISE_MEDIAN_MEN : ctx.sex === 'female' ? HEEL_RAISE_MEDIAN_WOMEN : null;
  const who = ctx.sex === 'male' || ctx.sex === 'female' ? ctx.sex : 'adults';
  const reference = w.reference;
  const out = present({ left: v.left, right: v.right }).map(([side, n]) => {
    const said = w.said(side, base.w.num(n));
    const value = w.value(base.w.num(n), v.protocol === 'flat-floor');
    if (v.protocol === 'flat-floor') {
      return make(base, {
        side,
        value,
        reference,
        status: 'not-interpretable',
        evidence: 'COH',
        refs,
        plain: join(said, w.flatFloor),
      });
    }
    // Without a sex the two medians bracket the answer: at or above both is typical, below both is below either
    // median, and in between depends on which median applies.
    const high = median ?? HEEL_RAISE_MEDIAN_MEN;
    const low = median ?? HEEL_RAISE_MEDIAN_WOMEN;
    if (n >= high) {
      return make(base, {
        side,
        value,
        reference,
        status: 'typical',
        evidence: 'COH',
        refs,
        plain: join(said, w.atOrAbove(who, String(high))),
      });
    }
    if (n < low) {
      return make(base, {
        side,
        value,
        reference,
        status: 'borderline',
        evidence: 'COH',
        refs,
        plain: join(said, w.below(who, String(low)), base.w.worthShowing),
      });
    }
    return make(base, {
      side,
      value,
      reference,
      status: 'not-interpretable',
      evidence: 'COH',
      refs,
      plain: join(said, w.needsSex),
    });
  });
  if (v.left != null && v.right != null) {
    const d = Math.abs(v.left - v.right);
    const fewer: Side = v.left < v.right ? 'left' : 'right';
    const beyond = d > HEEL_RAISE_LIMITS_OF_AGREEMENT_REPS;
    out.push(
      make(base, {
        side: 'both',
        label: base.w.difference.label(base.w.testName(base.source)),
        value: w.differenceValue(base.w.num(d)),
        reference: w.differenceReference,
        status: beyond ? 'notable' : 'typical',
        evidence: 'EO',
        refs: ['32'],
        plain: beyond ? join(w.fewer(fewer, base.w.num(d)), base.w.worthShowing) : w.same(base.w.num(d)),
      }),
    );
  }
  return out;
}

function windlass(base: Base, v: ScreeningValues<'windlass'>): Finding[] {
  const refs = ['17', '17a'];
  const w = base.w.windlass;
  return present(v).map(([side, r]) =>
    r === 'positive'
      ? make(base, {
          side,
          value: w.value.positive,
          reference: w.reference,
          status: 'notable',
          evidence: 'COH',
          refs,
          plain: join(w.positive(side), base.w.worthShowing),
        })
      : make(base, {
          side,
          value: w.value.negative,
          reference: w.reference,
          status: 'typical',
          evidence: 'COH',
          refs,
          plain: w.negative(side),
        }),
  );
}

function observation(
  base: Base & { source: ObservationTest },
  v: { left?: Observation | null; right?: Observation | null },
): Finding[] {
  const w = base.w.observation;
  return present(v).map(([side, o]) => {
    const plain =
      o === 'seen'
        ? join(w.seen(base.source, side), base.w.worthShowing)
        : o === 'not-seen'
          ? w.notSeen(base.source, side)
          : w.unsure(base.source, side);
    return make(base, {
      side,
      value: w.value[o],
      reference: w.reference,
      status: 'not-interpretable',
      plain,
      evidence: 'EO',
      refs: [],
    });
  });
}

/**
 * Turns one stored screening result into findings for the chain explanation: one per side measured (per condition
 * for single-leg stance) and a left-right finding where both sides were measured, written in `language` (labels,
 * values, references and sentences; the figures the same). Never throws for a result that passed
 * `screeningResultSchema`. Every finding carries the segment of the test (SCREENING_SEGMENT).
 */
export function interpretScreening(
  result: ScreeningResult,
  context: ScreeningContext = {},
  language: Language = 'en',
): Finding[] {
  const base = baseOf(result, language);
  switch (result.testId) {
    case 'navicular-drop':
      return navicularDrop(base, result.values);
    case 'foot-posture-index':
      return footPostureIndex(base, result.values, context);
    case 'weight-bearing-lunge':
      return weightBearingLunge(base, result.values);
    case 'single-leg-stance':
      return singleLegStance(base, result.values, context);
    case 'heel-raise':
      return heelRaise(base, result.values, context);
    case 'windlass':
      return windlass(base, result.values);
    case 'single-leg-squat-valgus':
      return observation({ ...base, source: result.testId }, result.values);
    case 'trendelenburg':
      return observation({ ...base, source: result.testId }, result.values);
  }
}
