/**
 * The chain explanation's own words in Spanish (issue 14 item 8), beside src/core/chain.ts (English, the source):
 * what each link's studies may mean for the person, the disclaimer, and the words of a link's finding line. Typed by
 * the link's name and the finding status, so a missing one fails tsc. The strength of each claim is the English's:
 * lab studies say "in lab studies", an untested idea says "no se ha probado", the chain as a whole is a hypothesis
 * and the text is not a diagnosis. (The findings' own labels and values come from the screening tests, questionnaires
 * and gait metrics, which are not translated yet.)
 */
import type { FindingStatus } from '../findings.js';

export type ChainLinkName =
  'foot-ankle' | 'ankle-knee' | 'knee-hip' | 'hip-pelvis' | 'pelvis-sacrum' | 'sacrum-spine' | 'spine-neck';

export const LINK_MEANING_ES: Record<ChainLinkName, string> = {
  'foot-ankle':
    'Cuando el pie se va más hacia dentro, la espinilla tiende a girar hacia dentro. Un tobillo rígido (que se dobla poco hacia delante) es un factor de riesgo conocido del dolor de talón.',
  'ankle-knee':
    'En estudios de laboratorio, hacer que el pie se fuera hacia dentro giró un poco hacia dentro la parte baja de la pierna y la rodilla.',
  'knee-hip': 'En los mismos estudios de laboratorio, la cadera también giró hacia dentro.',
  'hip-pelvis':
    'Cuando se hizo que los dos pies se fueran hacia dentro al caminar, la pelvis bajó más por el otro lado. En un ensayo, añadir fortalecimiento de cadera a los ejercicios de pie ayudó al arco más que los ejercicios de pie solos.',
  'pelvis-sacrum':
    'Aquí los estudios no coinciden: uno vio que la pelvis se inclinaba hacia delante cuando los pies se iban hacia dentro; otro no encontró relación entre el ángulo del talón y la pelvis o la curva de la zona lumbar.',
  'sacrum-spine':
    'Un estudio grande relacionó la forma en que se mueve el pie al caminar con el dolor lumbar, solo en mujeres; no puede mostrar qué causa qué. No se ha demostrado con claridad que las plantillas traten o prevengan el dolor de espalda.',
  'spine-neck':
    'Que los pies influyan en el dolor de cuello a través de la columna es una idea que no se ha probado. Aun así, caminar es una buena actividad general para las personas con dolor de cuello.',
};

export const CHAIN_DISCLAIMER_ES =
  'Esto explica tus mediciones junto a lo que han encontrado los estudios. No es un diagnóstico. La idea de que los pies influyen en toda la cadena hasta el cuello tiene algo de respaldo en los eslabones de abajo y es una hipótesis en los de arriba; un profesional puede decirte qué se aplica a ti.';

export const STATUS_WORDS_ES: Record<FindingStatus, string> = {
  typical: 'dentro del rango habitual',
  notable: 'fuera del rango habitual',
  borderline: 'en el límite del rango habitual',
  'not-interpretable': 'sin una referencia validada con la que comparar',
};

/** The words around a link's findings. */
export const CHAIN_LINE_ES = {
  nothingMeasured: 'Todavía no hay nada medido para este eslabón.',
  painMarked: 'Dolor marcado aquí',
  side: { left: 'lado izquierdo', right: 'lado derecho' },
} as const;
