/**
 * The exercise library's words in Spanish (issue 14 item 8), beside the English of src/core/exercises.ts, which
 * stays the source. Each exercise's texts are typed by ExerciseTexts, so a missing exercise or field fails tsc;
 * exercise-texts.test.ts checks that every list has as many lines as the English (a step, a claim, an advice line)
 * and that the claims keep their hedges (docs/translation.md, "Clinical wording").
 */
import { EXERCISES, type Exercise, type ExerciseId, type Position } from '../exercises.js';
import type { Language } from '../language.js';

/** The words of one exercise; `why` holds the claims' texts in the English order (evidence and refs are shared). */
export interface ExerciseTexts {
  name: string;
  summary: string;
  equipment: string[];
  steps: Partial<Record<Position, string[]>>;
  why: string[];
  ifItHurts: string[];
}

export const EXERCISE_TEXTS_ES: Record<ExerciseId, ExerciseTexts> = {
  walk: {
    name: 'Caminata diaria',
    summary: 'Camina a un ritmo cómodo y aumenta un poco cada semana.',
    equipment: ['Calzado cómodo'],
    steps: {
      walking: [
        'Camina a un ritmo al que todavía puedas hablar.',
        'Divídela en caminatas más cortas si te resulta más fácil: dos caminatas de 10 minutos cuentan lo mismo que una de 20.',
        'Anota después tus minutos o tus pasos, o deja que tu teléfono o tu reloj los cuente.',
      ],
    },
    why: [
      'En un ensayo grande, las personas que se habían recuperado de un dolor lumbar y siguieron un programa de caminatas tardaron mucho más en volver a tener dolor.',
      'Las personas con dolor de espalda persistente tienden a caminar más despacio y con pasos más cortos; esto es una consecuencia del dolor, no está probado que sea su causa.',
    ],
    ifItHurts: [
      'Algo de dolor al caminar está bien si se queda en 5/10 o menos y se ha calmado a la mañana siguiente.',
      'Si el dolor pasa de 5/10, camina más despacio o acorta la caminata; el plan mantendrá o bajará tu objetivo.',
      'Dolor nuevo en el pie, la rodilla o la cadera mientras aumentas: anótalo en tu registro para que el plan se ajuste.',
    ],
  },
  'ball-roll': {
    name: 'Rodar la pelota bajo la planta',
    summary: 'Rueda despacio una pelota de lacrosse bajo cada pie, del talón a los dedos.',
    equipment: ['Pelota de lacrosse (una pelota de tenis es más blanda)'],
    steps: {
      sitting: [
        'Siéntate en una silla con la pelota bajo un pie.',
        'Rueda despacio del talón a la parte delantera de la planta y vuelve, presionando suavemente.',
        'Detente en los puntos sensibles durante unas respiraciones. Mantén la molestia en 5 de 10 o menos.',
        'Evita rodar sobre salientes de hueso. Luego cambia de pie.',
      ],
      standing: [
        'Ponte de pie apoyándote en una pared o una silla, con la pelota bajo un pie.',
        'Carga un poco más de peso sobre la pelota que sentado, sin pasar de una molestia de 5 de 10.',
        'Rueda del talón a los dedos y vuelve; luego cambia de pie.',
      ],
    },
    why: [
      'En ensayos pequeños, rodar la planta dio una mejora a corto plazo en cuánto podían acercarse las personas a la punta de los pies.',
      'Para el dolor de talón se recomienda que un profesional trate con las manos el talón y la planta; rodarlo por tu cuenta apenas se ha estudiado.',
      'Que existan «cadenas fasciales» o que se «rompan adherencias» no está probado; la mejora probablemente se debe a que tus nervios se relajan.',
    ],
    ifItHurts: [
      'Presiona con menos fuerza o siéntate para quitar peso de la pelota.',
      'Para si notas un dolor agudo en un punto de un hueso, o si el dolor dura después, y díselo a tu profesional.',
    ],
  },
  'pinky-toe-lift': {
    name: 'Elevación del dedo pequeño',
    summary: 'Levanta el dedo pequeño mientras el dedo gordo sigue apoyado contra el suelo.',
    equipment: ['Pies descalzos'],
    steps: {
      sitting: [
        'Siéntate con los dos pies descalzos planos en el suelo.',
        'Presiona el dedo gordo contra el suelo.',
        'Mantenlo abajo y levanta el dedo pequeño (los otros dedos pequeños también pueden subir). Mantén la posición.',
        'Baja despacio. Mantén el talón y la parte delantera de la planta en el suelo todo el tiempo.',
      ],
      standing: [
        'Ponte de pie con los pies separados al ancho de las caderas, apoyándote en una encimera si lo necesitas.',
        'Presiona el dedo gordo y levanta el dedo pequeño. Mantén la posición sin apoyarte sobre el borde externo del pie.',
        'Baja despacio.',
      ],
      'single-leg': [
        'Ponte de pie sobre un pie junto a una encimera, con las yemas de los dedos apoyadas en ella por seguridad.',
        'Presiona el dedo gordo y levanta el dedo pequeño. Mantén la posición sin perder el equilibrio.',
        'Baja despacio. Luego, el otro pie.',
      ],
    },
    why: [
      'En revisiones de estudios, entrenar los músculos pequeños del pie dio pequeñas mejoras en medidas del arco y en el equilibrio.',
      'Que este ejercicio en concreto fortalezca el arco y la parte externa del tobillo no se ha probado; tómalo como un ejercicio de control.',
    ],
    ifItHurts: [
      'Al principio es frecuente un calambre en la planta: para, masajéala y haz menos repeticiones.',
      'Si duele, vuelve a hacerlo sentado.',
    ],
  },
};

/** The exercise with its words in `language` (the English record itself for English). */
export function exerciseIn(id: ExerciseId, language: Language): Exercise {
  const en = EXERCISES[id];
  if (language === 'en') return en;
  const es = EXERCISE_TEXTS_ES[id];
  return {
    ...en,
    name: es.name,
    summary: es.summary,
    equipment: es.equipment,
    steps: es.steps,
    ifItHurts: es.ifItHurts,
    why: en.why.map((c, i) => ({ ...c, text: es.why[i] ?? c.text })),
  };
}
