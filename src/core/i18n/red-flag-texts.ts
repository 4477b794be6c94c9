/**
 * The safety check in Spanish (issue 14 item 8): the red-flag and precaution questions, what each flag raises
 * suspicion of, and how soon to get care, beside src/core/red-flags.ts (English, the source). The wording keeps the
 * English's meaning and urgency: a flag raises suspicion, never names a diagnosis. red-flag-texts.test.ts checks that
 * every question has its Spanish.
 */
import type { Language } from '../language.js';
import {
  PRECAUTION_QUESTIONS,
  RED_FLAG_QUESTIONS,
  URGENCY_ADVICE,
  type PrecautionQuestion,
  type RedFlagQuestion,
  type ScreenResult,
  type Urgency,
} from '../red-flags.js';

export const URGENCY_ADVICE_ES: Record<Urgency, string> = {
  emergency:
    'Busca atención de urgencia ahora: ve a un servicio de urgencias o llama a tu número local de emergencias.',
  same_day: 'Ve a un médico hoy (urgencias o tu médico de cabecera, hoy mismo).',
  within_1_working_day:
    'Haz que te vea un especialista en pie o tu médico en un plazo de un día laborable. Si te encuentras mal o se extiende rápido, busca atención de urgencia ahora.',
  urgent: 'Pide una cita urgente con un médico (en unos pocos días).',
  routine: 'Pide una cita con tu médico o tu profesional en las próximas semanas.',
};

const SPINE_NERVES = 'presión sobre los nervios de la parte baja de la columna';
const SERIOUS_CAUSE = 'una causa grave que un médico debería descartar';

/** Each red flag's question and concern, by its id. */
export const RED_FLAG_TEXTS_ES: Record<string, { text: string; concern: string }> = {
  'ce-bladder': {
    text: 'Desde que empezó tu dolor de espalda, ¿has tenido nuevos problemas para orinar, o se te ha escapado la orina sin querer?',
    concern: SPINE_NERVES,
  },
  'ce-bowel': { text: '¿Has tenido nuevos problemas para controlar las deposiciones?', concern: SPINE_NERVES },
  'ce-saddle': {
    text: '¿Tienes adormecimiento u hormigueo alrededor de las nalgas, los genitales o la cara interna de los muslos (la zona que tocaría un sillín)?',
    concern: SPINE_NERVES,
  },
  'ce-sexual': {
    text: '¿Has notado nuevos problemas con la función sexual desde que empezó el dolor de espalda?',
    concern: SPINE_NERVES,
  },
  'ce-both-legs': {
    text: '¿Notas las dos piernas débiles o adormecidas, mucho o cada día más, o tu forma de caminar se ha vuelto inestable de repente?',
    concern: SPINE_NERVES,
  },
  'neuro-worsening': {
    text: '¿Está empeorando la debilidad o el adormecimiento de una pierna o un pie, o un pie golpea el suelo o se arrastra al caminar?',
    concern: 'un nervio que está cada vez más comprimido',
  },
  'cancer-history': { text: '¿Has tenido cáncer, y este dolor empezó después?', concern: SERIOUS_CAUSE },
  'weight-loss': { text: '¿Has perdido peso recientemente sin intentarlo?', concern: SERIOUS_CAUSE },
  'night-pain': { text: '¿El dolor está ahí toda la noche y ninguna postura lo alivia?', concern: SERIOUS_CAUSE },
  fever: {
    text: '¿Tienes fiebre, escalofríos o temblores, o te sientes mal en general además del dolor?',
    concern: 'una infección',
  },
  'infection-risk': {
    text: '¿Tienes las defensas bajas (por ejemplo, por medicamentos), te inyectas drogas, o has tenido hace poco una infección grave o una herida profunda?',
    concern: 'una infección',
  },
  trauma: {
    text: '¿Empezó este dolor después de una caída, un accidente o una lesión, o tras solo un golpe pequeño si tienes los huesos frágiles (osteoporosis) o tomas corticoides en pastillas desde hace tiempo?',
    concern: 'un hueso roto',
  },
  inflammatory: {
    text: '¿Empezó tu dolor de espalda antes de los 45 años, con rigidez de más de 30 minutos cada mañana que mejora al moverte?',
    concern: 'una enfermedad inflamatoria de las articulaciones',
  },
  'neck-arterial': {
    text: 'Junto con tu dolor de cuello o un dolor de cabeza repentino, intenso o distinto, ¿tienes mareo, visión doble, dificultad para hablar o tragar, caídas repentinas, náuseas, movimientos involuntarios de los ojos o adormecimiento de la cara?',
    concern: 'un problema en los vasos sanguíneos del cuello',
  },
  'neck-myelopathy': {
    text: '¿Se han vuelto torpes tus manos (abrocharte botones o escribir a mano te cuesta más), caminas de forma inestable, o tienes hormigueo en los dos brazos?',
    concern: 'presión sobre la médula espinal en el cuello',
  },
  'neck-trauma': {
    text: '¿Empezó tu dolor de cuello después de una lesión, como una caída o un accidente de coche?',
    concern: 'una lesión de los huesos del cuello',
  },
  'diabetic-foot': {
    text: '¿Tienes diabetes o los pies adormecidos y, ahora mismo, una herida o úlcera, un enrojecimiento que se extiende, o un pie rojo, caliente e hinchado?',
    concern: 'un problema activo de pie diabético',
  },
  dvt: {
    text: '¿Tienes una pantorrilla hinchada, caliente y dolorida al tocarla, sobre todo después de una operación, un viaje largo o un tiempo en cama?',
    concern: 'un coágulo de sangre en la pierna',
  },
  ottawa: {
    text: 'Tras una torcedura o una lesión reciente, ¿no puedes dar 4 pasos con ese pie, o te duele al presionar los salientes de hueso del tobillo o la parte media del pie?',
    concern: 'un hueso roto en el tobillo o el pie',
  },
  'stress-fracture': {
    text: '¿Tienes un dolor agudo en un punto de un hueso del pie que empeora al caminar, después de aumentar mucho tu actividad?',
    concern: 'una fractura por estrés',
  },
  'hot-joint': {
    text: '¿Hay una articulación del pie o del tobillo roja, caliente e hinchada?',
    concern: 'una infección o una inflamación en una articulación',
  },
};

/** Each precaution's question and why it changes the plan, by its id. */
export const PRECAUTION_TEXTS_ES: Record<string, { text: string; reason: string }> = {
  'diabetes-neuropathy': {
    text: '¿Tienes diabetes, o menos sensibilidad en los pies?',
    reason:
      'Con diabetes o menos sensibilidad en los pies, rodar la pelota y los ejercicios descalzo necesitan antes el visto bueno de un profesional.',
  },
  'blood-thinners': {
    text: '¿Tomas anticoagulantes y te salen moratones con facilidad?',
    reason: 'Rodar la pelota puede causar moratones si tomas anticoagulantes.',
  },
  'sole-wound': {
    text: '¿Tienes una herida abierta o una llaga en la planta de un pie?',
    reason: 'Deja que la herida se cure antes de rodar la pelota o hacer ejercicios descalzo.',
  },
};

export function redFlagQuestionsIn(language: Language): readonly RedFlagQuestion[] {
  if (language === 'en') return RED_FLAG_QUESTIONS;
  return RED_FLAG_QUESTIONS.map((q) => ({ ...q, ...(RED_FLAG_TEXTS_ES[q.id] ?? {}) }));
}

export function precautionQuestionsIn(language: Language): readonly PrecautionQuestion[] {
  if (language === 'en') return PRECAUTION_QUESTIONS;
  return PRECAUTION_QUESTIONS.map((q) => ({ ...q, ...(PRECAUTION_TEXTS_ES[q.id] ?? {}) }));
}

export function urgencyAdviceIn(language: Language): Record<Urgency, string> {
  return language === 'en' ? URGENCY_ADVICE : URGENCY_ADVICE_ES;
}

/** A flag's concern in `language`, by its question id (the English one when the id is unknown). */
export function concernIn(flag: { id: string; concern: string }, language: Language): string {
  return language === 'en' ? flag.concern : (RED_FLAG_TEXTS_ES[flag.id]?.concern ?? flag.concern);
}

/**
 * A stored screen result with its words in `language`. The result keeps the English it was scored with (advice,
 * concerns, precaution reasons); the advice follows from its urgency, a concern from its flag's id, and a precaution
 * reason from the precaution whose English reason it is (a reason in an older wording stays as stored).
 */
export function screenResultIn(result: ScreenResult, language: Language): ScreenResult {
  if (language === 'en') return result;
  const precautions = result.precautions.map((p) => {
    const q = PRECAUTION_QUESTIONS.find((x) => x.reason === p);
    return q ? (PRECAUTION_TEXTS_ES[q.id]?.reason ?? p) : p;
  });
  if (result.status === 'clear') return { ...result, precautions };
  return {
    ...result,
    precautions,
    advice: URGENCY_ADVICE_ES[result.urgency],
    flags: result.flags.map((f) => ({ ...f, concern: concernIn(f, language) })),
  };
}
