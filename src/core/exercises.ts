/**
 * The exercise library, as data. Each exercise has plain instructions, why it matters for the chain (with the
 * strength of that claim, DOMAIN.md §0), and what to do if it hurts. Doses live in the stages (src/core/stages.ts).
 */
import type { Claim } from './evidence.js';
import type { ExerciseExclusion } from './red-flags.js';

export type ExerciseId = 'walk' | 'ball-roll' | 'pinky-toe-lift';
export type Position = 'sitting' | 'standing' | 'single-leg' | 'walking';

export interface Exercise {
  id: ExerciseId;
  name: string;
  /** Short line for lists. */
  summary: string;
  equipment: string[];
  /** Steps as shown (and spoken) during a guided session, by position. */
  steps: Partial<Record<Position, string[]>>;
  why: Claim[];
  ifItHurts: string[];
  /** A precaution that removes it from the plan (see PRECAUTION_QUESTIONS). */
  exclusion: ExerciseExclusion | null;
}

export const EXERCISES: Record<ExerciseId, Exercise> = {
  walk: {
    id: 'walk',
    name: 'Daily walk',
    summary: 'Walk at a comfortable pace, building up a little each week.',
    equipment: ['Comfortable shoes'],
    steps: {
      walking: [
        'Walk at a pace where you can still talk.',
        'Split it into shorter walks if that is easier: two 10-minute walks count the same as one of 20.',
        'Log your minutes or steps afterwards, or let your phone or watch count them.',
      ],
    },
    why: [
      {
        text: 'In a large trial, people who had recovered from low back pain and followed a walking programme went much longer before their pain came back.',
        evidence: 'RCT',
        refs: ['5'],
      },
      {
        text: 'People with ongoing back pain tend to walk slower with shorter steps; this is a result of pain, not proven to be its cause.',
        evidence: 'SR/MA',
        refs: ['12'],
      },
    ],
    ifItHurts: [
      'Some pain while walking is okay if it stays at 5/10 or less and has settled by the next morning.',
      'If pain goes above 5/10, slow down or shorten the walk; the plan will hold or lower your target.',
      'New pain in the foot, knee or hip while you build up: note it in your check-in so the plan can adjust.',
    ],
    exclusion: null,
  },
  'ball-roll': {
    id: 'ball-roll',
    name: 'Ball roll under the sole',
    summary: 'Roll a lacrosse ball slowly under each foot, heel to toes.',
    equipment: ['Lacrosse ball (a tennis ball is softer)'],
    steps: {
      sitting: [
        'Sit on a chair with the ball under one foot.',
        'Roll slowly from the heel to the ball of the foot and back, pressing gently.',
        'Pause on tender spots for a few breaths. Keep it to a discomfort of 5 out of 10 or less.',
        'Avoid rolling over bony bumps. Then change feet.',
      ],
      standing: [
        'Stand holding a wall or chair, ball under one foot.',
        'Lean a little more weight onto the ball than when sitting, still no more than 5 out of 10 discomfort.',
        'Roll heel to toes and back, then change feet.',
      ],
    },
    why: [
      {
        text: 'Rolling the sole gave a short-term gain in how far people could reach towards their toes in small trials.',
        evidence: 'RCT',
        refs: ['15', '15a'],
      },
      {
        text: 'Hands-on treatment of the heel and sole by a clinician is recommended for heel pain; rolling it yourself has barely been studied.',
        evidence: 'GL-A',
        refs: ['14', '14a'],
      },
      {
        text: 'Ideas about “fascial chains” or “breaking adhesions” are not proven; the gain is probably your nerves relaxing.',
        evidence: 'HYP',
        refs: ['14a'],
      },
    ],
    ifItHurts: [
      'Press more lightly or sit down to take weight off the ball.',
      'Stop if you feel sharp pain on one spot of a bone, or if pain lingers afterwards, and tell your clinician.',
    ],
    exclusion: 'ball-roll',
  },
  'pinky-toe-lift': {
    id: 'pinky-toe-lift',
    name: 'Pinky-toe lift',
    summary: 'Lift your little toe while your big toe stays pressed on the floor.',
    equipment: ['Bare feet'],
    steps: {
      sitting: [
        'Sit with both bare feet flat on the floor.',
        'Press your big toe down into the floor.',
        'Keep it down and lift your little toe (the other small toes may lift too). Hold.',
        'Lower slowly. Keep your heel and the ball of your foot on the floor the whole time.',
      ],
      standing: [
        'Stand with your feet hip-width apart, holding a counter if you need to.',
        'Press your big toe down and lift your little toe. Hold without rolling onto the outside of your foot.',
        'Lower slowly.',
      ],
      'single-leg': [
        'Stand on one foot next to a counter, fingertips on it for safety.',
        'Press your big toe down and lift your little toe. Hold while keeping your balance.',
        'Lower slowly. Then the other foot.',
      ],
    },
    why: [
      {
        text: 'Training the small muscles of the foot gave small gains in arch measures and balance in reviews of studies.',
        evidence: 'SR/MA',
        refs: ['19', '19a'],
      },
      {
        text: 'That this particular drill builds the arch and the outside of the ankle has not been tested; treat it as a control skill.',
        evidence: 'HYP',
        refs: [],
      },
    ],
    ifItHurts: [
      'Cramp in the sole is common at first: stop, massage it, and do fewer reps.',
      'If it hurts, go back to doing it sitting down.',
    ],
    exclusion: 'toe-drills',
  },
};
