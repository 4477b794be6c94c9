/**
 * Why a record is refused, in Spanish (issue 14 item 8): message for message with the ids of
 * src/core/validation-words.ts (Footing's own words and zod's own issues; an id without its Spanish fails tsc), from
 * the id and parameters the refusal keeps. Field names and codes stay as the record writes them; figures are
 * written as Spanish writes them.
 */
import type { Language } from '../language.js';
import { PRECAUTION_TEXTS_ES, RED_FLAG_TEXTS_ES } from './red-flag-texts.js';
import {
  textOfIssue,
  type BackupJson,
  type IdOf,
  type ValidationId,
  type ValidationParams,
  type ValidationText,
} from '../validation-words.js';

const NUMBER = new Intl.NumberFormat('es-ES', { maximumFractionDigits: 2 });
const num = (n: number) => NUMBER.format(n);
const count = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

/** Zod's names of types, as a sentence ends "debe ser ...". */
const TYPES: Readonly<Record<string, string>> = {
  string: 'un texto',
  number: 'un número',
  int: 'un número entero',
  boolean: 'sí o no',
  array: 'una lista',
  object: 'un objeto',
  date: 'una fecha',
  null: 'vacío',
};
/** Zod's names of formats, as a sentence ends "debe ser ...". */
const FORMATS: Readonly<Record<string, string>> = {
  email: 'una dirección de correo electrónico',
  url: 'una dirección web',
  datetime: 'una fecha y hora ISO 8601',
  date: 'una fecha (AAAA-MM-DD)',
  time: 'una hora',
  uuid: 'un identificador UUID',
};
const question = (id: string) => RED_FLAG_TEXTS_ES[id]?.text ?? PRECAUTION_TEXTS_ES[id]?.text ?? id;

/** "debe ser 10 o menos" / "puede tener como mucho 300 caracteres" / "puede tener como mucho 40 elementos". */
function bound(p: { origin: string; limit: number; inclusive: boolean }, big: boolean): string {
  if (p.origin === 'string')
    return big
      ? `puede tener como mucho ${count(p.limit, 'carácter', 'caracteres')}`
      : `debe tener al menos ${count(p.limit, 'carácter', 'caracteres')}`;
  if (p.origin === 'array' || p.origin === 'set')
    return big
      ? `puede tener como mucho ${count(p.limit, 'elemento', 'elementos')}`
      : `debe tener al menos ${count(p.limit, 'elemento', 'elementos')}`;
  if (big) return p.inclusive ? `debe ser ${num(p.limit)} o menos` : `debe ser menos de ${num(p.limit)}`;
  return p.inclusive ? `debe ser ${num(p.limit)} o más` : `debe ser más de ${num(p.limit)}`;
}

const ID_OF_ES: Record<IdOf, string> = {
  invitation: 'el identificador de una invitación',
  job: 'el identificador de una tarea',
  'clinician-account': 'el identificador de la cuenta de un profesional',
  'gait-analysis': 'el identificador de un análisis de la marcha',
  account: 'el identificador de una cuenta',
  id: 'un identificador',
};
const BACKUP_JSON_ES: Record<BackupJson, string> = {
  doses: 'las dosis de un profesional (src/core/program-record.ts)',
  'walking-setting': 'el objetivo o límite de caminata de un profesional (src/core/walking-override.ts)',
  stills: 'las imágenes fijas de un análisis de la marcha (src/gait/gait-stills.ts)',
  days: 'días de la semana (mon ... sun)',
  reasons: 'los motivos de un cambio del programa (src/core/program-event-record.ts)',
  'gait-analysis': 'un análisis de la marcha (src/gait/gait-analysis-record.ts)',
};
const PUSH_KEY_ES = { p256dh: 'la clave pública P-256 del navegador', auth: 'el secreto de autenticación' } as const;

type SpanishOf = { [K in ValidationId]: (p: ValidationParams<K>) => string };

export const VALIDATION_ES: SpanishOf = {
  'number.range': (p) => `debe ser un número del ${num(p.min)} al ${num(p.max)}`,
  'number.whole-range': (p) => `debe ser un número entero del ${num(p.min)} al ${num(p.max)}`,
  'number.at-least': (p) => `debe ser ${num(p.min)} o más`,
  'number.at-most': (p) => `debe ser ${num(p.max)} o menos`,
  'date.calendar': () => 'debe ser una fecha como 2026-11-25',
  'date-time.zoned': () => 'debe ser una fecha y hora ISO 8601 con zona horaria, como 2026-11-25T08:30:00+01:00',
  'id.characters': () => 'solo puede tener letras, cifras, - o _',
  'answer.yes-or-no': () => 'debe ser sí (true) o no (false)',
  'checkin.one-score': () => 'da al menos una puntuación de dolor (espalda, cuello o pie)',
  'session.before-start': () => 'no puede ser anterior al inicio (startedAt)',
  'session.no-exercise': () => 'una sesión necesita al menos un ejercicio',
  'walking-log.minutes-or-steps': () => 'indica minutos o pasos (más de 0)',
  'screening.one-side': () => 'Indica un valor para al menos un lado (izquierdo o derecho).',
  'screening.eyes-times': () => 'Indica los tiempos con los ojos abiertos o con los ojos cerrados.',
  'outcome.form-expected': () => 'Se esperaban las puntuaciones anotadas del formulario.',
  'walking-setting.one-figure': () => 'indica pasos o minutos: uno de los dos',
  'walking-setting.range': (p) =>
    `un número entero de ${p.unit === 'steps' ? 'pasos' : 'minutos'} del ${num(p.min)} al ${num(p.max)}`,
  'reason.say-why': () => 'explica el motivo con palabras que el paciente leerá',
  'text.plain': () => 'solo texto: letras, números, signos de puntuación y saltos de línea',
  'text.at-most': (p) => `como mucho ${num(p.max)} caracteres`,
  'minutes.whole-range': (p) => `debe ser un número entero de minutos del 1 al ${num(p.max)}`,
  'stage.range': (p) => `la etapa debe ser del ${num(p.first)} al ${num(p.last)}`,
  'dose.outside-limits': (p) =>
    `doses.${p.exercise}: esa dosis está fuera de los límites de este ejercicio (rodar hasta ${num(p.rollSeconds)} s por pie ${num(p.rollTimes)} veces al día; mantener hasta ${num(p.holdSeconds)} s, ${num(p.reps)} repeticiones, ${num(p.sets)} series)`,
  'email.address': () => 'debe ser una dirección de correo electrónico, como nombre@ejemplo.org',
  'password.at-least': (p) => `debe tener al menos ${count(p.min, 'carácter', 'caracteres')}`,
  'screen.unanswered': (p) => `Por favor, responde: ${question(p.question)}`,
  'screen.unknown-question': (p) => `"${p.question}" no es una pregunta del control de seguridad.`,
  'email.enter': () => 'escribe tu correo electrónico',
  'password.enter': () => 'escribe tu contraseña',
  'password.enter-to-confirm': () => 'escribe tu contraseña para confirmar',
  'name.enter': () => 'escribe tu nombre',
  'id.of': (p) => `debe ser ${ID_OF_ES[p.what]}`,
  'walk.end-after-start': () => 'debe ser posterior al inicio (start)',
  'walk.within-hours': (p) => `debe estar a menos de ${count(p.hours, 'hora', 'horas')} del inicio (start)`,
  'walk.count-per-minute': (p) => `debe tener una cuenta por cada minuto de la caminata (${num(p.minutes)})`,
  'walk.steps-sum': () => 'debe ser la suma de stepsPerMinute',
  'walk.steps-per-minute': (p) => `debe ser ${count(p.max, 'paso', 'pasos')} o menos en un minuto`,
  'walk.seconds-within': () => 'no puede durar más que la caminata',
  'message.write-first': () => 'escribe primero un mensaje',
  'message.at-most': (p) => `puede tener como mucho ${count(p.max, 'carácter', 'caracteres')}`,
  'weekday.one-of': (p) => `debe ser uno de estos: ${p.days.join(', ')}`,
  'days.no-twice': () => 'no puede repetir un día',
  'time.of-day': () => 'debe ser una hora del día como 07:30 (reloj de 24 horas)',
  'time-zone.name': () => 'debe ser el nombre de una zona horaria como Europe/Madrid',
  'language.en-or-es': () => 'debe ser en o es',
  'push.base64url': (p) => `debe estar en base64url (${PUSH_KEY_ES[p.key]})`,
  'push.bytes': (p) => `debe tener ${count(p.bytes, 'byte', 'bytes')} (${PUSH_KEY_ES[p.key]})`,
  'push.https': () => 'debe ser la dirección https del servicio de notificaciones del navegador',
  'height.range': (p) => `debe ser una altura del ${num(p.min)} al ${num(p.max)} cm`,
  'belt-speed.range': (p) => `debe ser una velocidad de cinta del ${num(p.min)} al ${num(p.max)} km/h`,
  'still.number': () => 'debe ser el número de una imagen fija',
  'file.own-name': () => 'debe ser el nombre del propio archivo, por ejemplo export.zip',
  'offset.form': () => 'debe tener la forma +01:00',
  'fitbit.id': () => 'deben ser las cifras de un Id de Fitbit',
  'backup.json-of': (p) => `debe ser ${BACKUP_JSON_ES[p.what]} en JSON`,
  'backup.walking-kind': (p) => `"${p.kind}" no es un tipo de caminata`,
  'backup.kind-unit': (p) => `debe ser "${p.unit}" para ${p.kind}`,
  'backup.timestamp': () => 'debe tener la forma "AAAA-MM-DDTHH:MM:SS(.sss)+HH:MM"',
  'backup.format': (p) => `debe ser "${p.format}"`,
  'backup.version': (p) => `debe ser ${num(p.version)} (esta versión de Footing lee la versión ${num(p.version)})`,
  'zod.missing': () => 'falta este dato',
  'zod.type': (p) => `debe ser ${TYPES[p.expected] ?? p.expected}`,
  'zod.option': (p) => `debe ser uno de estos: ${p.values.join(', ')}`,
  'zod.too-big': (p) => bound(p, true),
  'zod.too-small': (p) => bound(p, false),
  'zod.keys': (p) => `no es un campo de este registro: ${p.keys.map((k) => `"${k}"`).join(', ')}`,
  'zod.format': (p) => (FORMATS[p.format] ? `debe ser ${FORMATS[p.format]}` : 'no tiene la forma esperada'),
  'zod.multiple': (p) => `debe ser múltiplo de ${num(p.divisor)}`,
  'zod.other': () => 'no es un valor válido',
};

/** A text in Spanish. */
export function validationTextEs(t: ValidationText): string {
  return (VALIDATION_ES[t.id] as (p: unknown) => string)(t.params);
}

/**
 * Words Footing has only in English (stored before the message ids, or a check without one), inside a Spanish
 * sentence: quoted and said to be English, never passed off as the reader's language.
 */
export const quotedEnglishEs = (english: string): string => `«${english}» (en inglés)`;

/**
 * A refusal in `language`: its English message, or the Spanish from the id it carries. A refusal without an id (a
 * record kept before the ids; a check of a schema outside the patient's and clinician's records) is its English,
 * quoted and said to be English.
 */
export function refusalIn(
  r: { message: string; text?: ValidationText | null | undefined },
  language: Language,
): string {
  if (language === 'en') return r.message;
  return r.text ? validationTextEs(r.text) : quotedEnglishEs(r.message);
}

/** A zod issue (from checkWith, or the API's validation) in `language`. */
export function issueIn(issue: { message: string }, language: Language): string {
  return refusalIn({ message: issue.message, text: textOfIssue(issue) }, language);
}
