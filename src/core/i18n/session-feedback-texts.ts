/**
 * The end of a session in Spanish (issue 14 item 8), sentence for sentence with SESSION_FEEDBACK_EN in
 * src/core/session-feedback.ts: same figures, same strength (the rule was tested in Achilles tendon pain; for feet and
 * back it is expert advice).
 */
/**
 * The words of the end of a session in one language, as sentences that take the figures: SESSION_FEEDBACK_EN
 * (session-feedback.ts) and the Spanish below, so a missing sentence fails tsc.
 */
export interface SessionFeedbackWords {
  saved: string;
  savedOnly: string;
  safe: (highest: number) => string;
  acceptable: (highest: number) => string;
  acceptableNotSettled: string;
  highTitle: (limit: number) => string;
  high: (highest: number, limit: number) => string;
  highPlan: string;
  highSettle: string;
  safetyPrompt: string;
  claim: (limit: number) => string;
}

export const SESSION_FEEDBACK_ES: SessionFeedbackWords = {
  saved: 'Bien hecho. Tu sesión está guardada.',
  savedOnly: 'Tu sesión está guardada.',
  safe: (h) => `Un dolor de ${h} sobre 10 después del ejercicio está en el rango seguro.`,
  acceptable: (h) =>
    `Un dolor de ${h} sobre 10 es aceptable durante el ejercicio, con tal de que se calme antes de mañana por la mañana.`,
  acceptableNotSettled:
    'Si para entonces no se ha calmado, es una señal para reducir la carga: dilo en el registro de mañana y el plan lo tendrá en cuenta.',
  highTitle: (limit) => `Tu dolor pasa de ${limit} sobre 10: baja el ritmo`,
  high: (h, limit) =>
    `Un dolor de ${h} sobre 10 pasa del límite de ${limit} para el ejercicio. Deja estos ejercicios por hoy y no sigas a pesar del dolor.`,
  highPlan: 'Tu plan tiene en cuenta este dolor desde hoy.',
  highSettle:
    'El dolor después del ejercicio debería calmarse antes de la mañana siguiente. Si no se calma, o sigue empeorando, contacta con tu profesional.',
  safetyPrompt:
    'Si algo nuevo te preocupa, como adormecimiento, debilidad o un cambio en el control de la orina o las deposiciones, vuelve a responder ahora las preguntas de seguridad.',
  claim: (limit) =>
    `Un dolor de hasta ${limit} sobre 10 durante el ejercicio es aceptable si se calma antes de la mañana siguiente; por encima de ${limit}, reduce la carga. Esta regla se probó en personas con dolor del tendón de Aquiles; usarla para los pies y la espalda es un consejo de expertos.`,
};
