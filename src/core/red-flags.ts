/**
 * The safety screen, asked before any program and again later. Questions are Footing's own plain-language
 * paraphrase of the red flags in DOMAIN.md §6 (NICE NG59, IFOMPT 2020/2023, NICE NG19, Ottawa rules). A red flag
 * raises suspicion; it never diagnoses. Any positive red flag stops the program and says how soon to get care.
 */
import type { EvidenceLevel } from './evidence.js';

/** How soon to get care, most urgent first. */
export const URGENCIES = ['emergency', 'same_day', 'within_1_working_day', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_ADVICE: Record<Urgency, string> = {
  emergency: 'Get emergency care now: go to an emergency department or call your local emergency number.',
  same_day: 'See a doctor today (urgent care or your GP today).',
  within_1_working_day:
    'Get seen by a foot specialist or your doctor within one working day. If you feel unwell or it is spreading fast, get emergency care now.',
  urgent: 'Book an urgent appointment with a doctor (within a few days).',
  routine: 'Book an appointment with your doctor or clinician in the coming weeks.',
};

export type ScreenArea = 'back' | 'neck' | 'foot' | 'general';

export interface RedFlagQuestion {
  id: string;
  area: ScreenArea;
  /** Footing's own wording, plain language. */
  text: string;
  /** The pattern this flag raises suspicion of, in plain words (never shown as a diagnosis). */
  concern: string;
  urgency: Urgency;
  evidence: EvidenceLevel;
  refs: string[];
}

/**
 * Precautions: not red flags, but they change what is safe in the plan (DOMAIN.md §3 3.15 and §6 foot: no ball
 * rolling, no barefoot drills and no pain-guided loading without clinician clearance in diabetes or neuropathy).
 */
export interface PrecautionQuestion {
  id: string;
  text: string;
  /** Exercises this precaution removes from the plan until a clinician clears them. */
  excludes: ExerciseExclusion[];
  reason: string;
  refs: string[];
}
/** The exercises a precaution can take out of the plan (the stored screen result names them). */
export const EXERCISE_EXCLUSIONS = ['ball-roll', 'toe-drills'] as const;
export type ExerciseExclusion = (typeof EXERCISE_EXCLUSIONS)[number];

export const RED_FLAG_QUESTIONS: readonly RedFlagQuestion[] = [
  // Back: cauda equina, DOMAIN.md §6 [33][34]; ask explicitly, people rarely volunteer these.
  {
    id: 'ce-bladder',
    area: 'back',
    text: 'Since your back pain started, have you had new trouble passing urine, or leaked urine without meaning to?',
    concern: 'pressure on the nerves at the bottom of the spine',
    urgency: 'emergency',
    evidence: 'GL-NICE',
    refs: ['33', '34'],
  },
  {
    id: 'ce-bowel',
    area: 'back',
    text: 'Have you had new trouble controlling your bowels?',
    concern: 'pressure on the nerves at the bottom of the spine',
    urgency: 'emergency',
    evidence: 'GL-NICE',
    refs: ['33', '34'],
  },
  {
    id: 'ce-saddle',
    area: 'back',
    text: 'Is there numbness or tingling around your bottom, genitals or inner thighs (the area that would touch a saddle)?',
    concern: 'pressure on the nerves at the bottom of the spine',
    urgency: 'emergency',
    evidence: 'GL-NICE',
    refs: ['33', '34'],
  },
  {
    id: 'ce-sexual',
    area: 'back',
    text: 'Have you noticed new problems with sexual function since the back pain began?',
    concern: 'pressure on the nerves at the bottom of the spine',
    urgency: 'emergency',
    evidence: 'GL-NICE',
    refs: ['33', '34'],
  },
  {
    id: 'ce-both-legs',
    area: 'back',
    text: 'Do both legs feel weak or numb, badly or more each day, or has your walking suddenly become unsteady?',
    concern: 'pressure on the nerves at the bottom of the spine',
    urgency: 'emergency',
    evidence: 'GL-NICE',
    refs: ['33', '34'],
  },
  // Progressive neurological deficit.
  {
    id: 'neuro-worsening',
    area: 'back',
    text: 'Is weakness or numbness in one leg or foot getting worse, or does a foot slap down or drag when you walk?',
    concern: 'a nerve that is getting more squeezed',
    urgency: 'urgent',
    evidence: 'CONS',
    refs: ['33', '34'],
  },
  // Malignancy: single flags are weak alone; these are the ones NICE/IFOMPT ask to escalate. DOMAIN.md §6 [34].
  {
    id: 'cancer-history',
    area: 'general',
    text: 'Have you had cancer, and did this pain start since then?',
    concern: 'a serious cause that a doctor should rule out',
    urgency: 'urgent',
    evidence: 'CONS',
    refs: ['33', '34'],
  },
  {
    id: 'weight-loss',
    area: 'general',
    text: 'Have you lost weight recently without trying?',
    concern: 'a serious cause that a doctor should rule out',
    urgency: 'urgent',
    evidence: 'CONS',
    refs: ['33', '34'],
  },
  {
    id: 'night-pain',
    area: 'general',
    text: 'Is the pain there all night, and no position eases it?',
    concern: 'a serious cause that a doctor should rule out',
    urgency: 'urgent',
    evidence: 'CONS',
    refs: ['33', '34'],
  },
  // Infection.
  {
    id: 'fever',
    area: 'general',
    text: 'Do you have a fever, chills or shaking, or feel generally unwell along with the pain?',
    concern: 'an infection',
    urgency: 'same_day',
    evidence: 'CONS',
    refs: ['33', '34'],
  },
  {
    id: 'infection-risk',
    area: 'general',
    text: 'Do you have a weakened immune system (for example from medicines), inject drugs, or have you had a recent serious infection or a deep wound?',
    concern: 'an infection',
    urgency: 'urgent',
    evidence: 'CONS',
    refs: ['33', '34'],
  },
  // Fracture.
  {
    id: 'trauma',
    area: 'general',
    text: 'Did this pain start after a fall, accident or injury, or after only a small knock if you have thin bones (osteoporosis) or take steroid tablets long-term?',
    concern: 'a broken bone',
    urgency: 'urgent',
    evidence: 'CONS',
    refs: ['33', '34'],
  },
  // Inflammatory back pain: routine referral. DOMAIN.md §6 [33].
  {
    id: 'inflammatory',
    area: 'back',
    text: 'Did your back pain start before age 45, with stiffness for more than 30 minutes each morning that gets better when you move?',
    concern: 'an inflammatory joint condition',
    urgency: 'routine',
    evidence: 'GL-NICE',
    refs: ['33'],
  },
  // Neck: cervical arteries (IFOMPT 2023) and myelopathy (Cook cluster proxies). DOMAIN.md §6 [36][37].
  {
    id: 'neck-arterial',
    area: 'neck',
    text: 'With your neck pain or a sudden, severe or new kind of headache, do you have dizziness, double vision, trouble speaking or swallowing, sudden falls, feeling sick, jumpy eyes, or numbness in your face?',
    concern: 'a problem with the blood vessels in the neck',
    urgency: 'emergency',
    evidence: 'CONS',
    refs: ['36'],
  },
  {
    id: 'neck-myelopathy',
    area: 'neck',
    text: 'Have your hands become clumsy (buttons or handwriting got harder), is your walking unsteady, or do you have pins and needles in both arms?',
    concern: 'pressure on the spinal cord in the neck',
    urgency: 'urgent',
    evidence: 'COH',
    refs: ['37'],
  },
  {
    id: 'neck-trauma',
    area: 'neck',
    text: 'Did your neck pain start after an injury such as a fall or a car accident?',
    concern: 'an injury to the neck bones',
    urgency: 'same_day',
    evidence: 'CONS',
    refs: ['36'],
  },
  // Foot. DOMAIN.md §6 foot-specific [38][38a][48].
  {
    id: 'diabetic-foot',
    area: 'foot',
    text: 'Do you have diabetes or numb feet, and right now a wound or ulcer, spreading redness, or a red, warm, swollen foot?',
    concern: 'an active diabetic foot problem',
    urgency: 'within_1_working_day',
    evidence: 'GL-NICE',
    refs: ['38', '38a'],
  },
  {
    id: 'dvt',
    area: 'foot',
    text: 'Is one calf swollen, warm and tender, especially after an operation, a long journey, or time in bed?',
    concern: 'a blood clot in the leg',
    urgency: 'same_day',
    evidence: 'EO',
    refs: [],
  },
  {
    id: 'ottawa',
    area: 'foot',
    text: 'After a recent twist or injury, can you not take 4 steps on that foot, or does pressing the bony bumps of the ankle or the middle of the foot hurt?',
    concern: 'a broken bone in the ankle or foot',
    urgency: 'same_day',
    evidence: 'COH',
    refs: ['48', '48a', '48c'],
  },
  {
    id: 'stress-fracture',
    area: 'foot',
    text: 'Is there sharp pain in one spot of a foot bone that gets worse as you walk, after a big jump in activity?',
    concern: 'a stress fracture',
    urgency: 'urgent',
    evidence: 'EO',
    refs: [],
  },
  {
    id: 'hot-joint',
    area: 'foot',
    text: 'Is a joint in your foot or ankle red, hot and swollen?',
    concern: 'an infection or inflammation in a joint',
    urgency: 'same_day',
    evidence: 'EO',
    refs: [],
  },
];

export const PRECAUTION_QUESTIONS: readonly PrecautionQuestion[] = [
  {
    id: 'diabetes-neuropathy',
    text: 'Do you have diabetes, or reduced feeling in your feet?',
    excludes: ['ball-roll', 'toe-drills'],
    reason:
      'With diabetes or reduced feeling in the feet, ball rolling and barefoot drills need a clinician’s go-ahead first.',
    refs: ['38'],
  },
  {
    id: 'blood-thinners',
    text: 'Do you take blood thinners and bruise easily?',
    excludes: ['ball-roll'],
    reason: 'Ball rolling can bruise when you take blood thinners.',
    refs: [],
  },
  {
    id: 'sole-wound',
    text: 'Do you have an open wound or sore on the sole of a foot?',
    excludes: ['ball-roll', 'toe-drills'],
    reason: 'Let the wound heal before rolling or barefoot drills.',
    refs: [],
  },
];

export type ScreenAnswers = Record<string, boolean>;

export interface TriggeredFlag {
  id: string;
  concern: string;
  urgency: Urgency;
}

export type ScreenResult =
  | { status: 'clear'; exclusions: ExerciseExclusion[]; precautions: string[] }
  | {
      status: 'stop';
      urgency: Urgency;
      advice: string;
      flags: TriggeredFlag[];
      exclusions: ExerciseExclusion[];
      precautions: string[];
    };

/** A screen that cannot be scored, with the question it is about. */
export interface ScreenProblem {
  code: 'unanswered' | 'unknown_question';
  field: string;
  message: string;
}

/**
 * Scores a safety screen. Every red-flag question must be answered (a missing answer is not a "no"): the result is
 * either problems naming each field, or a result. Any "yes" to a red flag gives `stop` with the most urgent advice.
 */
export function evaluateScreen(
  answers: ScreenAnswers,
  clearedExclusions: readonly ExerciseExclusion[] = [],
): { problems: ScreenProblem[]; result: ScreenResult | null } {
  const known = new Set([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => q.id));
  const problems: ScreenProblem[] = [];
  for (const id of Object.keys(answers)) {
    if (!known.has(id))
      problems.push({
        code: 'unknown_question',
        field: id,
        message: `"${id}" is not a question of the safety screen.`,
      });
  }
  for (const q of [...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS]) {
    if (typeof answers[q.id] !== 'boolean')
      problems.push({ code: 'unanswered', field: q.id, message: `Please answer: ${q.text}` });
  }
  if (problems.length) return { problems, result: null };

  const exclusions = new Set<ExerciseExclusion>();
  const precautions: string[] = [];
  for (const p of PRECAUTION_QUESTIONS) {
    if (answers[p.id]) {
      precautions.push(p.reason);
      for (const e of p.excludes) if (!clearedExclusions.includes(e)) exclusions.add(e);
    }
  }
  const flags = RED_FLAG_QUESTIONS.filter((q) => answers[q.id]).map((q) => ({
    id: q.id,
    concern: q.concern,
    urgency: q.urgency,
  }));
  if (flags.length === 0) return { problems, result: { status: 'clear', exclusions: [...exclusions], precautions } };
  const urgency = mostUrgent(flags.map((f) => f.urgency));
  return {
    problems,
    result: {
      status: 'stop',
      urgency,
      advice: URGENCY_ADVICE[urgency],
      flags,
      exclusions: [...exclusions],
      precautions,
    },
  };
}

/** The most urgent of several urgencies. */
export function mostUrgent(urgencies: readonly Urgency[]): Urgency {
  let best: Urgency = 'routine';
  for (const u of urgencies) if (URGENCIES.indexOf(u) < URGENCIES.indexOf(best)) best = u;
  return best;
}
