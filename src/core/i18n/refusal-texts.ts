/**
 * The API's refusals in Spanish (issue 14 item 8), id for id with src/core/refusal-words.ts (an id without its
 * Spanish fails tsc), written from the id and its parameters, never from the English. Codes, header names, commands
 * and paths stay as they are written; a library's own words (Fastify's, a JSON parser's) are quoted and named as
 * theirs, since Footing cannot say them in Spanish.
 */
import type { Language } from '../language.js';
import { refusalEnglish, type RefusalId, type RefusalParams, type RefusalText, type Worded } from '../refusal-words.js';
import { outcomeProblemIn } from './outcome-problem-texts.js';
import { quotedEnglishEs, refusalIn } from './validation-texts.js';

const NUMBER = new Intl.NumberFormat('es-ES');
const minutos = (n: number) => `${NUMBER.format(n)} ${n === 1 ? 'minuto' : 'minutos'}`;
const STATUS_ES = { active: 'ya fue aceptada', revoked: 'fue retirada', expired: 'caducó' } as const;
/** A library's English inside a Spanish sentence, quoted and named as its words. */
const libraryWords = (who: string, words: string) => `(${who} dice: «${words}»)`;
/** A record's refusal: the Spanish of its id, or its English quoted and said to be English (it has no id). */
const worded = (w: Worded) => refusalIn(w, 'es');
const askAgainReset = 'Pide uno nuevo desde la página de inicio de sesión (¿Olvidaste tu contraseña?).';
const askClinician = 'Pide a tu profesional una nueva.';

type SpanishOf = { [K in RefusalId]: (p: RefusalParams<K>) => string };

export const REFUSAL_ES: SpanishOf = {
  'auth.sign-in-first': () => 'Inicia sesión primero.',
  'auth.local-mode': () =>
    'Footing funciona en modo local (sin cuentas): en esta instalación no hay profesionales ni inicios de sesión.',
  'auth.csrf': (p) =>
    `Este cambio necesita la cabecera ${p.header} de tu inicio de sesión; vuelve a cargar la página e inténtalo de nuevo.`,
  'auth.not-your-patient': () =>
    'No hay ningún paciente con este identificador entre tus pacientes (o ha retirado su consentimiento).',
  'auth.no-access-level': () => 'Esta ruta no declara ningún nivel de acceso.',
  'auth.patient-only': () => 'Aquí solo un paciente tiene sus propios datos de salud.',
  'auth.clinic-staff-only': () => 'Solo los profesionales de una clínica pueden hacer esto.',
  'auth.admin-only': () => 'Solo el administrador de la clínica puede hacer esto.',
  'auth.clinicians-see-patients': () => 'Solo los profesionales pueden ver pacientes.',
  'auth.health-records': () => 'Solo un paciente o un profesional de una clínica puede leer registros de salud.',
  'sign-in.locked': (p) =>
    `Demasiados inicios de sesión fallidos con este correo. Espera ${minutos(p.minutes)} e inténtalo de nuevo.`,
  'sign-in.failed': () => 'Ese correo y esa contraseña no coinciden con ninguna cuenta.',
  'reset.used': () =>
    `Este enlace para cambiar la contraseña ya se usó: cada enlace sirve una sola vez. ${askAgainReset}`,
  'reset.expired': (p) =>
    `Este enlace para cambiar la contraseña ha caducado: los enlaces sirven durante ${minutos(p.minutes)}. ${askAgainReset}`,
  'reset.not-valid': () => `Este enlace para cambiar la contraseña no es válido. ${askAgainReset}`,
  'reset.no-email': () => 'Este Footing no puede enviar correos. Pide a tu clínica que te ponga una contraseña nueva.',
  'reset.sent': (p) =>
    `Si hay una cuenta con el correo ${p.email}, le llega un enlace para elegir una contraseña nueva. Sirve una vez, durante ${minutos(p.minutes)}. ¿No ha llegado nada? Mira en la carpeta de correo no deseado o pregunta a tu clínica.`,
  'reset.limited': (p) =>
    `Se han pedido demasiados enlaces para cambiar la contraseña, para este correo o desde este dispositivo. Espera ${minutos(p.minutes)} e inténtalo de nuevo.`,
  'account.local-no-delete': () =>
    'El modo local no tiene ninguna cuenta que borrar. Tus datos están en el archivo de base de datos de este ordenador (footing export hace una copia).',
  'account.wrong-password': () => 'Esa contraseña no es correcta; no se ha borrado nada.',
  'account.email-exists-sign-in': () =>
    'Ya existe una cuenta con este correo: inicia sesión y vuelve a abrir el enlace de invitación.',
  'invitation.not-valid': () => `Este enlace de invitación no es válido. ${askClinician}`,
  'invitation.not-valid-any-more': () => `Este enlace de invitación ya no es válido. ${askClinician}`,
  'invitation.used': (p) => `Esta invitación ${STATUS_ES[p.status]}. ${askClinician}`,
  'invitation.used-just-now': () => `Esta invitación se usó o caducó hace un momento. ${askClinician}`,
  'invitation.already-sees': (p) => `${p.clinician} ya ve tus datos.`,
  'invitation.not-yours': () => 'No tienes ninguna invitación así: crea una nueva.',
  'invitation.share-used': (p) => `Esta invitación ${STATUS_ES[p.status]}: crea una nueva.`,
  'invitation.no-email': () =>
    'Este Footing no tiene configurado el correo (FOOTING_SMTP_URL): da al paciente el enlace o deja que escanee el código QR.',
  'invitation.mail-limited': (p) =>
    `Se han enviado demasiados correos de invitación, de esta invitación o tuyos, en la última hora. Espera ${minutos(p.minutes)}, o da al paciente el enlace o deja que escanee el código QR.`,
  'invitation.mail-failed': () =>
    'El servidor de correo no aceptó el mensaje. La invitación sigue valiendo: da al paciente el enlace o deja que escanee el código QR, o inténtalo más tarde.',
  'link.not-found': () => 'No existe ese vínculo con un profesional (o ya se retiró).',
  'clinic.email-exists': () => 'Ya existe una cuenta con este correo.',
  'clinic.no-such-clinician': () => 'No hay ningún profesional así en tu clínica.',
  'clinic.own-admin': () => 'Aquí no puedes quitar tu propia cuenta de administrador (usa las órdenes footing user).',
  'clinic.no-such-patient': () => 'No hay ningún paciente así entre los tuyos.',
  'reminders.not-subscribed': () => 'Este navegador no está suscrito a los recordatorios.',
  'reminders.choose-first': () =>
    'Elige primero los días y la hora de tus recordatorios, y después crea un enlace de calendario.',
  'calendar.not-found': () => 'Aquí no hay ningún calendario: el enlace se cambió o se desactivó.',
  'notices.not-subscribed': () => 'Este navegador no recibe avisos de los mensajes de tus pacientes.',
  'push.unknown-endpoint': () => 'Ninguna suscripción tiene esta dirección: vuelve a suscribirte desde la página.',
  'messages.no-clinician': () =>
    'No hay conversación con este profesional: no está entre los profesionales que ven tus datos ahora.',
  'upload.server-full': () =>
    'Ahora mismo el servidor no tiene espacio para este archivo. No se ha guardado nada; avisa a quien gestiona este Footing.',
  'upload.incomplete': () => 'El archivo no llegó completo. No se ha guardado nada; inténtalo de nuevo.',
  'import.too-large': (p) =>
    `El archivo pesa más de ${p.size}, lo máximo que acepta este servidor. No se ha guardado nada.`,
  'import.octet-stream': () => 'Envía el archivo como application/octet-stream',
  'job.not-found': () => 'No existe esa tarea',
  'video.too-large': (p) =>
    `El vídeo pesa más de ${p.size}. Recórtalo a 10–20 segundos de caminata, o analízalo en este dispositivo (así no se sube nada).`,
  'video.send-file': () =>
    'Envía el propio archivo de vídeo como cuerpo de la petición (tipo de contenido video/* o application/octet-stream).',
  'video.empty': (p) => `${p.name}: el archivo está vacío.`,
  'video.not-readable': (p) =>
    `${p.name}${p.frame !== undefined ? ` (fotograma ${p.frame})` : ''}: no es un vídeo que podamos leer. Elige un archivo de vídeo de alguien caminando (MP4, MOV o WebM), tal como lo guardó la cámara del teléfono.`,
  'video.analysis-unavailable': () =>
    'El modelo de postura no pudo arrancar en el servidor. Tu vídeo se ha borrado; inténtalo más tarde, o analízalo en este dispositivo.',
  'video.could-not-run': (p) => `${p.name}: el análisis no se pudo hacer (${p.code}). Tu vídeo se ha borrado.`,
  'video.too-long': (p) =>
    `${p.name} dura ${NUMBER.format(p.seconds)} s; el servidor analiza vídeos de hasta ${NUMBER.format(p.max)} s. Recórtalo a 10–20 segundos de caminata.`,
  'job.import-refused': (p) => `${refusalTextIn(p.refusal, 'es')} No se ha guardado nada de este archivo.`,
  'job.import-internal': () => 'La importación se detuvo por un error interno; no se ha guardado nada de este archivo.',
  'video.missing': (p) => `${p.name}: el vídeo subido ya no está en el servidor. Vuelve a subirlo.`,
  // The filming warnings exist in English only: quoted and said to be English, never passed off as Spanish.
  'video.nothing-measured': (p) =>
    `${p.name}: no se pudo medir nada, así que no se ha guardado nada. ${
      p.warnings.length
        ? p.warnings.map(quotedEnglishEs).join(' ')
        : 'No se pudo medir ningún paso, ángulo ni distancia.'
    }`,
  'video.stopped': (p) =>
    `${p.name}: el análisis se detuvo por un error nuestro. Tu vídeo se ha borrado; inténtalo de nuevo, o analízalo en este dispositivo.`,
  'video.not-saved': (p) => `${p.name}: no se pudo guardar el resultado. Tu vídeo se ha borrado; inténtalo de nuevo.`,
  'video.abandoned': () => 'El análisis no terminó a tiempo, así que el vídeo se ha borrado. Inténtalo de nuevo.',
  'gait.no-keypoints': () => 'No existe ese análisis de la marcha con puntos del cuerpo',
  'still.not-found': () => 'No existe esa imagen fija de un análisis de la marcha',
  'backup.not-json': (p) =>
    `Archivo de copia de seguridad, en ${p.path}: no es JSON válido ${libraryWords('el lector de JSON', p.words)}`,
  'backup.field': (p) => `Archivo de copia de seguridad, en ${p.path}: ${worded(p.refusal)}`,
  'request.date': () => 'date debe ser una fecha como 2026-11-25',
  'report.period-order': (p) => `El periodo empieza (${p.from}) después de terminar (${p.to}).`,
  'person.not-found': () => 'No existe esa persona.',
  'program.safety-first': () => 'Responde el control de seguridad antes de tu primera sesión.',
  'program.paused': () =>
    'El programa está en pausa tras una respuesta de seguridad; consulta primero a un profesional.',
  'program.not-started': () =>
    'Este paciente todavía no ha empezado el programa (primero van las preguntas de seguridad).',
  'program.paused-for-clinician': () =>
    'El programa está en pausa tras una respuesta de seguridad: el paciente lo reanuda respondiendo de nuevo las preguntas de seguridad una vez que lo hayas revisado.',
  'program.resume-needs-clinician': () =>
    'El programa se pausó por una respuesta de seguridad. Reanúdalo solo después de que un profesional te haya revisado: marca que un profesional te ha revisado y vuelve a responder las preguntas.',
  'minutes.not-found': () => 'Ninguna anotación de minutos tuya tiene ese identificador en este registro.',
  'field.refused': (p) => worded(p.refusal),
  'field.at': (p) => `${p.field}: ${worded(p.refusal)}`,
  'outcome.refused': (p) => `${p.field}: ${outcomeProblemIn(p.problem, 'es')}`,
  'request.too-large': (p) =>
    p.size
      ? `La petición pesa más de ${p.size}, lo máximo que acepta esta ruta. No se ha guardado nada.`
      : 'La petición pesa más de lo que acepta esta ruta. No se ha guardado nada.',
  'request.rate-limited': () => 'Demasiadas peticiones desde esta dirección. Espera un minuto e inténtalo de nuevo.',
  'request.not-read': (p) =>
    `No se pudo leer el cuerpo de la petición${p.words ? ` ${libraryWords('el servidor web', p.words)}` : ''}.`,
  'request.content-type': (p) =>
    `Aquí no se acepta este tipo de contenido${p.words ? ` ${libraryWords('el servidor web', p.words)}` : ''}.`,
  'request.refused': (p) =>
    `No se pudo atender la petición${p.words ? ` ${libraryWords('el servidor web', p.words)}` : ''}.`,
  'request.no-route': (p) => `No hay ninguna ruta de la API ${p.method} ${p.path}`,
  'request.not-found': (p) => `No encontrado${p.words ? ` ${libraryWords('el servidor web', p.words)}` : ''}`,
  'request.internal': () => 'Algo ha fallado por nuestra parte. Tus datos no han cambiado.',
  'target.double-slash': () => 'El destino de la petición empieza por "//"; envía una ruta como /api/health.',
  'target.scheme': (p) =>
    `El destino de la petición usa el esquema "${p.scheme}"; solo se atienden direcciones http y https.`,
  'target.no-host': () => 'El destino absoluto de la petición no tiene servidor.',
  'target.path-double-slash': () =>
    'La ruta del destino de la petición empieza por "//"; envía una ruta como /api/health.',
  'target.asterisk': () =>
    'El destino asterisco (OPTIONS para todo el servidor) no se atiende; envía una ruta como /api/health.',
  'target.not-a-path': () =>
    'El destino de la petición no es una ruta ni una dirección http(s); envía una ruta como /api/health.',
  'fhir.search': (p) => `${p.param}: la búsqueda FHIR no es válida (su analizador dice, en inglés: «${p.words}»)`,
  'fhir.not-found': (p) => `No se encuentra ${p.what}.`,
  'fhir.not-a-parameter': (p) => `${p.param}: no es un parámetro de ${p.of}`,
  'fhir.name-the-patient': (p) => `${p.param}: la búsqueda de un profesional indica el paciente (${p.param}=<id>)`,
  'fhir.everything-whole': (p) => `${p.param}: aquí $everything no lo admite (devuelve el registro completo)`,
};

/** A refusal (by id, or a record's own refusal with its English) in `language`. */
export function refusalTextIn(said: RefusalText | Worded, language: Language): string {
  if (language === 'en') return 'message' in said ? said.message : refusalEnglish(said);
  return 'message' in said ? worded(said) : (REFUSAL_ES[said.id] as (p: unknown) => string)(said.params);
}
