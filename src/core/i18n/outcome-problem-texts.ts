/**
 * Why a questionnaire cannot be scored, in the person's language (issue 14 item 8): the scorer's problems
 * (src/core/outcome-scoring.ts) written in Spanish from their code and figures (`params`), sentence for sentence with
 * the English message. A problem without figures (a form's shape refused by its schema) is said from its message id
 * (validation-texts.ts); the English is kept when it has neither (a record kept before the ids).
 */
import type { Language } from '../language.js';
import type { OutcomeProblem, OutcomeValueName } from '../outcome-scoring.js';
import { refusalIn } from './validation-texts.js';

const NUMBER = new Intl.NumberFormat('es-ES', { maximumFractionDigits: 2 });
const num = (n: number | undefined) => NUMBER.format(n ?? 0);

const WHAT_ES: Record<OutcomeValueName, (n: number | undefined) => string> = {
  pain: () => 'El dolor',
  'odi-total': () => 'El total del ODI',
  'ndi-total': () => 'El total del NDI',
  'faam-total': () => 'El total del FAAM',
  overall: () => 'La puntuación total',
  psychosocial: () => 'La subescala psicosocial',
  section: (n) => `La sección ${n}`,
  item: (n) => `El ítem ${n}`,
  'activity-rating': (n) => `La valoración de la actividad ${n}`,
};

function problemEs(p: OutcomeProblem): string {
  const q = p.params;
  if (!q) {
    if (p.code === 'too_few_answered') return 'No se respondió ningún ítem, así que no hay nada que puntuar.';
    return refusalIn(p, 'es');
  }
  const what = q.what ? WHAT_ES[q.what](q.n) : '';
  const got = q.got === null || q.got === undefined ? 'ninguna' : num(q.got);
  switch (p.code) {
    case 'not_a_number':
      return q.what
        ? `${what} debe ser un número del ${num(q.min)} al ${num(q.max)}.`
        : `La actividad ${q.n} necesita un nombre.`;
    case 'out_of_range':
      return `${what} es ${num(q.value)}; debe estar entre ${num(q.min)} y ${num(q.max)}.`;
    case 'not_integer':
      return `${what} es ${num(q.value)}; debe ser un número entero.`;
    case 'wrong_count':
      return q.what === 'section' || q.what === 'item'
        ? `Se esperaban ${num(q.count)} puntuaciones de ${q.what === 'section' ? 'sección' : 'ítem'} (usa null para una que falte); llegaron ${got}.`
        : `Nombra de ${num(q.min)} a ${num(q.max)} actividades; llegaron ${got}.`;
    case 'too_few_answered':
      return `Hay que valorar al menos ${num(q.min)} actividades; ${q.rated === 1 ? 'se valoró 1' : `se valoraron ${num(q.rated)}`}.`;
    case 'too_many_missing':
      return q.measure === 'odi'
        ? `Faltan ${num(q.missing)} secciones; el ODI no se puede puntuar con más de ${num(q.max)} sin responder.`
        : `Faltan ${num(q.missing)} ítems; Footing puntúa el NDI con ${num(q.max)} como mucho sin responder.`;
    case 'inconsistent':
      return `La subescala psicosocial (${num(q.psychosocial)}) no puede ser mayor que la puntuación total (${num(q.overall)}): sus ítems forman parte de ella.`;
    case 'not_a_form':
      return refusalIn(p, 'es');
  }
}

/** A scorer's problem in `language`: its English message, or the Spanish from its code and figures. */
export function outcomeProblemIn(p: OutcomeProblem, language: Language): string {
  return language === 'en' ? p.message : problemEs(p);
}
