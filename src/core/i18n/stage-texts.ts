/**
 * The stages' names and goals in Spanish (issue 14 item 8), beside src/core/stages.ts (English, the source). A
 * tuple of exactly one entry per stage, so adding a stage without its Spanish fails tsc.
 */
import type { Language } from '../language.js';
import { stageByNumber, type Stage } from '../stages.js';

type StageTexts = { name: string; goal: string };

export const STAGE_TEXTS_ES: readonly [StageTexts, StageTexts, StageTexts, StageTexts, StageTexts] = [
  { name: 'Inicio', goal: 'Camina cada día desde tu propio punto de partida y rueda cada planta una vez al día.' },
  { name: 'Despertar los dedos', goal: 'Añade la elevación del dedo pequeño sentado, con mantenimientos cortos.' },
  {
    name: 'Mantenimientos más largos',
    goal: 'Los mismos ejercicios, con más volumen: mantenimientos más largos, más repeticiones y más series.',
  },
  {
    name: 'De pie',
    goal: 'Haz los ejercicios de pie sobre los dos pies; la dosis baja mientras la posición se hace más difícil.',
  },
  { name: 'Un pie', goal: 'La elevación del dedo pequeño sobre un pie cada vez, para el equilibrio.' },
];

/** The stage with this number (clamped as stageByNumber does), its name and goal in `language`. */
export function stageIn(n: number, language: Language): Stage {
  const stage = stageByNumber(n);
  if (language === 'en') return stage;
  const es = STAGE_TEXTS_ES[stage.number - 1]!;
  return { ...stage, name: es.name, goal: es.goal };
}
