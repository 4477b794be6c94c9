/**
 * An outcome finding's words in Spanish (issue 14 item 8), sentence for sentence with OUTCOME_FINDING_EN
 * (src/core/outcome-finding.ts): the same scores with a decimal comma, the same change rules (the catalogue's
 * Spanish, outcome-texts.ts), the same strength. The questionnaires keep their published names; the official band
 * labels follow the Spanish versions' usual wording (ODI: mínima, moderada, intensa, discapacidad, máxima).
 */
import type { OutcomeFindingWords } from '../outcome-finding-words.js';
import { OUTCOME_TEXTS_ES } from './outcome-texts.js';
import { outcomeProblemIn } from './outcome-problem-texts.js';

const NUMBER = new Intl.NumberFormat('es-ES', { maximumFractionDigits: 1 });
const num = (n: number) => NUMBER.format(Math.round(n * 10) / 10);
const PAIN_SITE = { back: 'espalda', neck: 'cuello', foot: 'pie' } as const;
const BAND_NAME: Record<string, string> = {
  'odi:minimal': 'mínima',
  'odi:moderate': 'moderada',
  'odi:severe': 'intensa',
  'odi:crippled': 'discapacidad',
  'odi:bed-bound': 'máxima',
  'ndi:none': 'ninguna',
  'ndi:mild': 'leve',
  'ndi:moderate': 'moderada',
  'ndi:severe': 'grave',
  'ndi:complete': 'completa',
  'start-back:low': 'riesgo bajo',
  'start-back:medium': 'riesgo medio',
  'start-back:high': 'riesgo alto',
};

export const OUTCOME_FINDING_ES: OutcomeFindingWords = {
  num,
  notScoredValue: 'sin puntuar',
  notScored: (problems) =>
    `Este formulario no se pudo puntuar: ${problems.map((p) => outcomeProblemIn(p, 'es')).join(' ')}`,
  describe: (measure, score, painSite) => {
    const n = num(score);
    switch (measure) {
      case 'nprs':
        return { value: `${n}/10`, said: `Tu dolor de ${PAIN_SITE[painSite ?? 'back']} es de ${n} sobre 10.` };
      case 'psfs':
        return {
          value: `${n}/10 (media)`,
          said: `Tus actividades tienen una puntuación media de ${n} sobre 10, donde 10 significa tan bien como antes.`,
        };
      case 'odi':
        return { value: `${n} %`, said: `La puntuación de tu cuestionario de espalda (ODI) es ${n} sobre 100.` };
      case 'ndi':
        return {
          value: `${n}/50 bruta (${num(score * 2)} %)`,
          said: `La puntuación de tu cuestionario de cuello (NDI) es ${n} sobre 50.`,
        };
      case 'faam-adl':
        return {
          value: `${n} %`,
          said: `Tu puntuación de pie y tobillo para la vida diaria (FAAM) es ${n} %, donde 100 % significa ningún problema.`,
        };
      case 'faam-sports':
        return {
          value: `${n} %`,
          said: `Tu puntuación de pie y tobillo para el deporte (FAAM) es ${n} %, donde 100 % significa ningún problema.`,
        };
      case 'start-back':
        return { value: `${n}/9`, said: `Tu cuestionario de cribado de espalda (STarT Back) sumó ${n} sobre 9.` };
    }
  },
  bandName: (key) => BAND_NAME[key] ?? key.slice(key.indexOf(':') + 1),
  bandWords: {
    'odi:minimal': 'la franja más baja («mínima»)',
    'odi:moderate': 'la franja «moderada»',
    'odi:severe': 'la franja «intensa»',
    'odi:crippled': 'la segunda franja más alta',
    'odi:bed-bound': 'la franja más alta',
    'ndi:none': 'la franja más baja («ninguna»)',
    'ndi:mild': 'la franja «leve»',
    'ndi:moderate': 'la franja «moderada»',
    'ndi:severe': 'la franja «grave»',
    'ndi:complete': 'la franja más alta',
    'start-back:low': 'el grupo de «riesgo bajo»',
    'start-back:medium': 'el grupo de «riesgo medio»',
    'start-back:high': 'el grupo de «riesgo alto»',
  },
  inBand: (said, words) => `${said} Está en ${words}.`,
  before: (baseline) => `Antes era ${baseline}.`,
  change: {
    improved: 'Es una mejora real.',
    'no-meaningful-change': 'Ese cambio todavía es demasiado pequeño para contar como un cambio real.',
    worse: 'Es un cambio real a peor. Vale la pena enseñárselo a tu profesional.',
  },
  startBackAdvice: 'Esto ayuda a elegir el tipo de atención que te conviene. Vale la pena hablarlo con tu profesional.',
  worthShowing: 'Vale la pena enseñárselo a tu profesional.',
  rules: (measure) => OUTCOME_TEXTS_ES[measure],
  bandReference: {
    odi: 'Franjas 0-20 mínima, 21-40 moderada, 41-60 intensa, 61-80 discapacidad, 81-100 en cama o exagerando.',
    ndi: 'Franjas de Vernon (bruta): 0-4 ninguna, 5-14 leve, 15-24 moderada, 25-34 grave, >34 completa.',
    'start-back': 'Total <=3 riesgo bajo; total >=4 y psicosocial <=3 riesgo medio; psicosocial >=4 riesgo alto.',
  },
  noBandReference: 'Sin franja de referencia: léelo como un cambio a lo largo del tiempo.',
  noBand: 'Esta puntuación dice más cuando se compara con las siguientes.',
};
