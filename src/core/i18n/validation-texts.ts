/**
 * A refused record's message in Spanish (issue 14 item 8): the check-in, session and walking log validation errors a
 * patient sees next to a field. The English comes from the record schemas' own words (record-fields.ts,
 * checkin-record.ts, session-record.ts, walking-day-record.ts) or from zod's defaults; one pattern per message, the
 * figures and names read back from it. A message no pattern knows stays English.
 */
import type { Language } from '../language.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../red-flags.js';
import { PRECAUTION_TEXTS_ES, RED_FLAG_TEXTS_ES } from './red-flag-texts.js';
import { fromEnglish, type EnglishPatterns } from './from-english.js';

/** A safety question's Spanish, from its English text. */
function questionEs(english: string): string | null {
  const flag = RED_FLAG_QUESTIONS.find((q) => q.text === english);
  if (flag) return RED_FLAG_TEXTS_ES[flag.id]?.text ?? null;
  const precaution = PRECAUTION_QUESTIONS.find((q) => q.text === english);
  return precaution ? PRECAUTION_TEXTS_ES[precaution.id]?.text ?? null : null;
}

const TYPES_ES: Record<string, string> = {
  string: 'un texto', number: 'un número', int: 'un número entero', boolean: 'sí o no', array: 'una lista', object: 'un objeto',
};

const FIXED_ES: ReadonlyMap<string, string> = new Map([
  ['give at least one pain score (back, neck or foot)', 'da al menos una puntuación de dolor (espalda, cuello o pie)'],
  ['must not be before startedAt', 'no puede ser anterior al inicio (startedAt)'],
  ['give minutes or steps (more than 0)', 'indica minutos o pasos (más de 0)'],
  ['must be a calendar date like 2026-11-25', 'debe ser una fecha como 2026-11-25'],
  ['must be an ISO 8601 date-time with a time zone, like 2026-11-25T08:30:00+01:00', 'debe ser una fecha y hora ISO 8601 con zona horaria, como 2026-11-25T08:30:00+01:00'],
  ['must be letters, digits, - or _', 'solo puede tener letras, cifras, - o _'],
  ['a session needs at least one exercise', 'una sesión necesita al menos un ejercicio'],
  // A screening result's and a clinician's walking setting's own rules (screening-schemas.ts, walking-override.ts),
  // met in a FHIR file's records (src/core/i18n/import-problem-texts.ts).
  ['Enter a value for at least one side (left or right).', 'Indica un valor para al menos un lado (izquierdo o derecho).'],
  ['Enter eyes-open or eyes-closed times.', 'Indica los tiempos con los ojos abiertos o con los ojos cerrados.'],
  ['give steps or minutes: one of them', 'indica pasos o minutos: uno de los dos'],
  ['say why, in words the patient will read', 'explica el motivo con palabras que el paciente leerá'],
  ['plain text only: letters, numbers, punctuation and line breaks', 'solo texto: letras, números, signos de puntuación y saltos de línea'],
]);

const PATTERNS_ES: EnglishPatterns = [
  [/^must be (-?[\d.]+) or less$/, (m) => `debe ser ${m[1]} o menos`],
  [/^must be (-?[\d.]+) or more$/, (m) => `debe ser ${m[1]} o más`],
  [/^must be a number from (-?[\d.]+) to (-?[\d.]+)$/, (m) => `debe ser un número del ${m[1]} al ${m[2]}`],
  [/^must be a whole number from (-?[\d.]+) to (-?[\d.]+)$/, (m) => `debe ser un número entero del ${m[1]} al ${m[2]}`],
  [/^Invalid input: expected \w+, received undefined$/, () => 'falta este dato'],
  [/^Invalid input: expected (\w+), received \w+$/, (m) => `debe ser ${TYPES_ES[m[1]!] ?? m[1]}`],
  [/^Invalid option: expected one of (.+)$/, (m) => `debe ser uno de estos: ${m[1]!.split('|').join(', ')}`],
  [/^a whole number of (steps|minutes) from ([\d,]+) to ([\d,]+)$/, (m) => `un número entero de ${m[1] === 'steps' ? 'pasos' : 'minutos'} del ${m[2]!.replace(/,/g, '.')} al ${m[3]!.replace(/,/g, '.')}`],
  [/^at most (\d+) characters$/, (m) => `como mucho ${m[1]} caracteres`],
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `puede tener como mucho ${m[1]} caracteres`],
  [/^Too small: expected string to have >=(\d+) characters$/, (m) => `debe tener al menos ${m[1]} caracteres`],
  [/^Too big: expected array to have <=(\d+) items$/, (m) => `puede tener como mucho ${m[1]} elementos`],
  [/^Too small: expected array to have >=(\d+) items$/, (m) => `debe tener al menos ${m[1]} elementos`],
  [/^Too big: expected number to be <=?(-?[\d.]+)$/, (m) => `debe ser ${m[1]} o menos`],
  [/^Too small: expected number to be >=?(-?[\d.]+)$/, (m) => `debe ser ${m[1]} o más`],
  [/^Unrecognized keys?: (.+)$/, (m) => `no es un campo de este registro: ${m[1]}`],
  // The safety check (red-flags.ts evaluateScreen).
  [/^Please answer: (.+)$/s, (m) => `Por favor, responde: ${questionEs(m[1]!) ?? m[1]}`],
  [/^"(.+)" is not a question of the safety screen\.$/, (m) => `"${m[1]}" no es una pregunta del control de seguridad.`],
];

/** A validation message in `language`: the Spanish when a pattern knows it, else as written. */
export function validationMessageIn(english: string, language: Language): string {
  return language === 'en' ? english : fromEnglish(english, FIXED_ES, PATTERNS_ES);
}
