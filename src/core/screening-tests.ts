/**
 * The screening tests of DOMAIN.md §5, as a typed catalogue: what each looks at, Footing's own plain-language
 * instructions for measuring at home and in the clinic, the input it stores (a zod schema per test), how reliable it
 * is, and its evidence. Instructions are Footing's wording; no test manual is reproduced (the FPI-6 manual is
 * © A. Redmond, DOMAIN.md §5 [29b], so Footing stores only the total from the official form).
 *
 * `interpretScreening` (screening-interpret.ts) turns a stored result into findings; it is re-exported here.
 */
import type { z } from 'zod';
import type { EvidenceLevel } from './evidence.js';
import type { ChainSegment } from './findings.js';
import {
  HEEL_RAISE_INCLINE_DEG,
  HEEL_RAISE_METRONOME_BPM,
  SINGLE_LEG_STANCE_MAX_S,
  SINGLE_LEG_STANCE_TRIALS,
} from './screening-constants.js';
import {
  SCREENING_NAME,
  SCREENING_SEGMENT,
  SCREENING_TEST_IDS,
  footPostureIndexValues,
  heelRaiseValues,
  navicularDropValues,
  singleLegStanceValues,
  squatValgusValues,
  trendelenburgValues,
  weightBearingLungeValues,
  windlassValues,
  type ScreeningTestId,
} from './screening-schemas.js';

export {
  interpretScreening,
  fpiBand,
  stanceAgeGroup,
  formatNumber,
  type ScreeningContext,
} from './screening-interpret.js';
export {
  SCREENING_TEST_IDS,
  SCREENING_SEGMENT,
  SCREENING_NAME,
  screeningResultSchema,
  parseScreeningResult,
  type ScreeningTestId,
  type ScreeningResult,
  type ScreeningValues,
  type ScreeningProblem,
} from './screening-schemas.js';

/** How to do a test: what you need, the steps, and how to stay safe. */
export interface MeasureHow {
  need: string[];
  steps: string[];
  safety: string[];
  /** A caveat worth reading before starting. */
  note?: string;
}

export interface ScreeningTestInfo {
  id: ScreeningTestId;
  name: string;
  segment: ChainSegment;
  /** What the test looks at, in plain words. */
  purpose: string;
  /** Home instructions, or why the test is not one to do at home. */
  home: MeasureHow | { notAtHome: string };
  clinic: MeasureHow;
  input: {
    /** Validates the `values` of a stored result of this test. */
    schema: z.ZodType;
    unit: string;
    perSide: boolean;
    /** The accepted values, in words. */
    range: string;
  };
  reliability: string;
  evidence: EvidenceLevel;
  /** Numbers DOMAIN.md marks as UNVERIFIED, said out loud. */
  unverified?: string;
  licence?: string;
  refs: string[];
}

const STOP_IF_PAIN = 'Stop if you feel sharp pain, and do not push through it.';
const HOLD_ON = 'Stand next to a kitchen counter or in a corner so you can catch yourself.';

function entry(id: ScreeningTestId, rest: Omit<ScreeningTestInfo, 'id' | 'name' | 'segment'>): ScreeningTestInfo {
  return { id, name: SCREENING_NAME[id], segment: SCREENING_SEGMENT[id], ...rest };
}

// Keyed by id so the compiler checks that every test has an entry.
const DETAILS: Record<ScreeningTestId, Omit<ScreeningTestInfo, 'id' | 'name' | 'segment'>> = {
  'navicular-drop': {
    purpose: 'How much the arch of your foot sinks when you go from sitting to standing.',
    home: {
      need: ['A helper', 'A washable pen', 'A stiff card (like an index card) and a ruler with millimetres'],
      steps: [
        'Sit with your bare foot flat on the floor and your knee bent at a right angle.',
        'Your helper finds the bony bump on the inner side of your foot, in front of the ankle bone, and marks it with the pen.',
        'With your foot relaxed but flat, your helper stands the card next to the foot and marks the height of the dot on it.',
        'Stand up with your weight on both feet, relaxed.',
        'Your helper marks the new height of the dot on the same card.',
        'Measure the gap between the two marks in millimetres. That is the drop. Do the other foot the same way.',
      ],
      safety: ['Hold on to something steady as you stand up.'],
      note: 'This is hard to measure well at home, and the result says little about how your foot moves when you walk. A clinician can measure it more reliably.',
    },
    clinic: {
      need: ['Navicular marker', 'Card or ruler (mm)'],
      steps: [
        'Mark the navicular tuberosity with the subject seated, subtalar joint in neutral, foot flat and unloaded.',
        'Record navicular height; then record it again in relaxed bilateral stance.',
        'Drop = seated height minus standing height, in mm, per foot.',
      ],
      safety: ['Support balance on standing.'],
    },
    input: { schema: navicularDropValues, unit: 'mm', perSide: true, range: '0-30 mm per foot' },
    reliability:
      'Intra-rater ICC 0.61-0.79, inter-rater 0.46-0.83; static drop explains only ~13% of dynamic drop; agreement across sessions only fair (weighted kappa 0.40). Low value at home.',
    evidence: 'COH',
    refs: ['28', '28a', '28b'],
  },
  'foot-posture-index': {
    purpose:
      'How your feet sit when you stand relaxed: rolled in, rolled out, or in between. Scored by a trained person.',
    home: {
      notAtHome:
        'This test needs a trained observer and the official form. Ask your clinician to do it, and enter the total score from their form.',
    },
    clinic: {
      need: ['The official FPI-6 form and user guide (© A. Redmond; obtain from the author, University of Leeds)'],
      steps: [
        'Score the FPI-6 for each foot following the official user guide.',
        'Enter only the total for each foot (-12 to +12) in Footing.',
      ],
      safety: ['The person stands relaxed on both feet; let them hold on if unsteady.'],
      note: 'Footing does not reproduce the six items or the manual: they are copyrighted.',
    },
    input: {
      schema: footPostureIndexValues,
      unit: 'points',
      perSide: true,
      range: 'whole numbers from -12 to +12 per foot',
    },
    reliability:
      'Session-to-session weighted kappa 0.92; needs a trained observer; a photo-based version is unvalidated.',
    evidence: 'COH',
    licence:
      'FPI-6 manual © Anthony Redmond 1998, all rights reserved; terms for use in an app not found. Only the total score is stored.',
    refs: ['29', '29a', '29b'],
  },
  'weight-bearing-lunge': {
    purpose: 'How far your ankle can bend forward with your heel on the floor.',
    home: {
      need: ['A wall', 'A tape measure', 'A strip of tape or a pen mark on the floor'],
      steps: [
        'Lay the tape measure on the floor at a right angle to the wall, with 0 at the wall.',
        'Stand barefoot facing the wall and put one foot on the tape, big toe pointing at the wall.',
        'Keep that heel on the floor and bend the knee forward until it touches the wall.',
        'If the knee reaches the wall easily, move the foot back a little. If the heel lifts, move it closer.',
        'Find the furthest place where the knee just touches the wall with the heel still down.',
        'Read the distance from the wall to the tip of your big toe in centimetres. Try 3 times and keep the biggest.',
        'Do the other foot the same way.',
      ],
      safety: [
        'Put your hands on the wall for balance.',
        STOP_IF_PAIN,
        'Skip this test if you have hurt your ankle in the last few weeks.',
      ],
    },
    clinic: {
      need: ['Tape measure fixed to the floor perpendicular to the wall'],
      steps: [
        'Knee-to-wall lunge, heel down, foot aligned with the tape; progress the foot away from the wall.',
        'Record the maximum toe-to-wall distance (cm) with knee contact and heel down; best of 3 per side.',
        'Optional: 1 cm is about 3.6 degrees; an inclinometer on the tibia gives the angle directly.',
      ],
      safety: ['Hands on the wall.'],
    },
    input: { schema: weightBearingLungeValues, unit: 'cm', perSide: true, range: '0-25 cm per side' },
    reliability:
      'ICC 0.80-0.99 (systematic review); MDC about 1.0 cm for one leg, 1.5 cm side to side. Very suitable for home use with a tape measure.',
    evidence: 'SR/MA',
    refs: ['30', '30a'],
  },
  'single-leg-stance': {
    purpose: 'How long you can balance on one leg, with your eyes open and then closed.',
    home: {
      need: ['A timer (a phone is fine)', 'A helper, needed for eyes closed', 'A clear, flat floor next to a counter'],
      steps: [
        'Stand barefoot next to the counter and cross your arms over your chest.',
        'Lift one foot off the floor without letting it touch the other leg. Start the timer.',
        'Stop the timer when the lifted foot touches down or the other leg, your arms uncross, the standing foot moves, or you reach 45 seconds.',
        `Do it ${SINGLE_LEG_STANCE_TRIALS} times on each leg and keep the best time (at most ${SINGLE_LEG_STANCE_MAX_S} seconds).`,
        'If eyes open felt steady, do the same with your eyes closed, with your helper standing right beside you.',
      ],
      safety: [
        HOLD_ON,
        'Only close your eyes with a helper next to you.',
        'Skip eyes closed if you feel dizzy or have fallen in the last year.',
      ],
    },
    clinic: {
      need: ['Stopwatch'],
      steps: [
        'Barefoot, arms crossed, unipedal stance; time to foot touch-down, arm uncrossing, stance-foot shift or 45 s.',
        `Best of ${SINGLE_LEG_STANCE_TRIALS} trials per leg, eyes open, then eyes closed.`,
      ],
      safety: ['Guard the patient, especially eyes closed.'],
    },
    input: {
      schema: singleLegStanceValues,
      unit: 's',
      perSide: true,
      range: `0-${SINGLE_LEG_STANCE_MAX_S} s per side, eyes open and/or eyes closed`,
    },
    reliability:
      'Inter-rater ICC (best of 3) 0.994 eyes open, 0.998 eyes closed; barefoot, arms crossed, max 45 s is the most reliable variant (ICC 0.83-0.998).',
    evidence: 'COH',
    unverified:
      "The per-age-group averages (eyes open ~43/40/37/27/15/6 s, eyes closed ~9/7/5/2.5/2/1 s) are UNVERIFIED: taken from the paper's table from memory, not re-checked.",
    refs: ['31', '31a'],
  },
  'heel-raise': {
    purpose: 'How many times you can rise onto the ball of one foot: calf strength and endurance.',
    home: {
      need: [
        'A wall to touch with your fingertips',
        'A metronome app set to 60 beats a minute',
        'A slope of about 10 degrees if you have one (a wedge or a ramp)',
      ],
      steps: [
        'Stand on one bare foot (on the slope if you have one, heel lower than toes), fingertips on the wall for balance only.',
        'With the beat, rise as high as you can on the ball of the foot, then lower your heel: up on one beat, down on the next.',
        'Keep your knee straight. Count each full rise.',
        'Stop when you cannot keep up with the beat or cannot rise as high any more. Write down the count.',
        'Rest, then do the other leg. Say whether you used a slope or a flat floor.',
      ],
      safety: [STOP_IF_PAIN, 'Skip this test if you have had a calf or Achilles injury recently.'],
      note: `The usual numbers come from a ${HEEL_RAISE_INCLINE_DEG} degree slope with a ${HEEL_RAISE_METRONOME_BPM} bpm beat. On a flat floor, compare your two legs with each other.`,
    },
    clinic: {
      need: [`${HEEL_RAISE_INCLINE_DEG} degree incline board`, `Metronome at ${HEEL_RAISE_METRONOME_BPM} bpm`],
      steps: [
        'Single-leg heel raise on the incline, knee extended, fingertip support on the wall.',
        'One rise per beat pair to maximal height; stop at fatigue, loss of height or loss of rhythm.',
        'Record repetitions per side.',
      ],
      safety: ['Fingertip support only.'],
    },
    input: {
      schema: heelRaiseValues,
      unit: 'repetitions',
      perSide: true,
      range: 'whole numbers 0-100 per side, with the protocol (incline and metronome, or flat floor)',
    },
    reliability: 'ICC about 1.0; limits of agreement about +-6 repetitions.',
    evidence: 'COH',
    refs: ['32', '32a'],
  },
  windlass: {
    purpose: 'Whether lifting your big toe brings back your heel or arch pain.',
    home: {
      need: ['A helper'],
      steps: [
        'Stand with your weight on both feet, holding on to a counter.',
        'Your helper slowly lifts your big toe upward, as far as it goes without forcing, and holds it for a few seconds.',
        'Notice whether your usual heel or arch pain comes back. Then do the other foot.',
      ],
      safety: [STOP_IF_PAIN, 'If you have diabetes or numb feet, let a clinician do this test.'],
      note: 'A "yes" tells more than a "no": many people with heel pain do not feel it in this test.',
    },
    clinic: {
      need: [],
      steps: [
        'Weight-bearing: passively extend the first metatarsophalangeal joint to end range or symptom reproduction.',
        "Positive if the patient's familiar heel or arch pain is reproduced.",
      ],
      safety: ['Stop at symptom reproduction.'],
      note: 'Specificity 100%, sensitivity about 32% weight-bearing (13.6% non-weight-bearing). The test also strains the plantar nerves, so it is not selective.',
    },
    input: {
      schema: windlassValues,
      unit: 'positive/negative',
      perSide: true,
      range: 'yes (the pain came back) or no, per foot',
    },
    reliability:
      'No reliability figures in the sources Footing draws on. Diagnostic accuracy: specificity 100%, sensitivity 32%.',
    evidence: 'COH',
    refs: ['17', '17a'],
  },
  'single-leg-squat-valgus': {
    purpose: 'Whether your knee moves inward when you squat on one leg.',
    home: {
      need: ['A phone to film from the front, propped at knee height', 'A chair behind you'],
      steps: [
        'Stand on one leg in front of the chair, arms crossed or hands on hips.',
        'Bend slowly down as if to sit, about halfway, and come back up. Do it 5 times.',
        'Watch the video: does the knee move inward, toward the other leg?',
        'Do the other leg. Choose Seen, Not seen or Not sure for each.',
      ],
      safety: ['Keep the chair behind you and a counter within reach.', STOP_IF_PAIN],
    },
    clinic: {
      need: [],
      steps: ['Observe single-leg squat from the front; rate medial knee collapse as seen, not seen or not sure.'],
      safety: ['Guard balance.'],
      note: 'No validated numeric threshold; an observation to report.',
    },
    input: {
      schema: squatValgusValues,
      unit: 'observation',
      perSide: true,
      range: 'seen, not seen or not sure, per leg',
    },
    reliability: 'Only fair to moderate reliability (UNVERIFIED).',
    evidence: 'EO',
    unverified: 'The reliability figure is UNVERIFIED: not re-checked against its source.',
    refs: [],
  },
  trendelenburg: {
    purpose: 'Whether your hip drops on the other side when you stand on one leg.',
    home: {
      need: ['A helper behind you, or a phone filming your back'],
      steps: [
        'Stand on one leg for about 30 seconds, with a hand on the counter for balance if you need it.',
        'Your helper watches the top of your hips: does the side of the lifted leg drop down?',
        'Do the other leg. Choose Seen, Not seen or Not sure for each standing leg.',
      ],
      safety: [HOLD_ON],
    },
    clinic: {
      need: [],
      steps: [
        'Observe the pelvis from behind in single-leg stance; record contralateral pelvic drop per stance leg as seen, not seen or not sure.',
      ],
      safety: ['Guard balance.'],
      note: 'No validated numeric threshold; an observation to report.',
    },
    input: {
      schema: trendelenburgValues,
      unit: 'observation',
      perSide: true,
      range: 'seen, not seen or not sure, per standing leg',
    },
    reliability: 'Only fair to moderate reliability (UNVERIFIED).',
    evidence: 'EO',
    unverified: 'The reliability figure is UNVERIFIED: not re-checked against its source.',
    refs: [],
  },
};

/** The catalogue, in the order of DOMAIN.md §5. */
export const SCREENING_TESTS: readonly ScreeningTestInfo[] = SCREENING_TEST_IDS.map((id) => entry(id, DETAILS[id]));

/** The catalogue entry for a test id. */
export function screeningTest(id: ScreeningTestId): ScreeningTestInfo {
  return entry(id, DETAILS[id]);
}
