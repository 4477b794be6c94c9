/**
 * The importers' problems with a file in Spanish (issue 14 item 8), message for message with IMPORT_PROBLEM_EN
 * (src/core/import-problem-words.ts; a message without its Spanish fails tsc). Field names, element names and tokens
 * from the file stay as the file writes them (the person looks for them there); counts and byte offsets are written
 * as Spanish writes numbers. A system error Footing can name from its code (`io`: a missing file, a folder, no
 * permission, a disk read error) is said in Spanish; words only a library wrote (a `detail`: the system's, the zip
 * reader's, the decompressor's, the XML parser's, the FIT SDK's) stay as they came, in quotes and named as that
 * library's, so the sentence around them stays Spanish; a record validator's refusal is said from its id (`check`,
 * validation-texts.ts), or as it came in a record kept before the ids.
 */
import type { Language } from '../language.js';
import {
  IMPORT_PROBLEM_EN,
  isImportProblemId,
  type ImportProblemId,
  type ImportProblemParams,
  type ImportProblemText,
  type IoCause,
} from '../import-problem-words.js';
import type { OutcomeProblem } from '../outcome-scoring.js';
import { outcomeProblemIn } from './outcome-problem-texts.js';
import { quotedEnglishEs, refusalIn } from './validation-texts.js';

const NUMBER = new Intl.NumberFormat('es-ES');
const num = (n: number) => NUMBER.format(n);
const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;
const ids = (all: string, more: number) => `${all}${more > 0 ? ` y ${num(more)} más` : ''}`;

/** A system error Footing names from its code (file-input.ts ioCause). */
const IO_ES: Record<IoCause, string> = {
  'not-found': 'no se encontró el archivo',
  directory: 'es una carpeta, no un archivo',
  'no-permission': 'Footing no tiene permiso para leerlo',
  'read-error': 'el disco dio un error al leerlo',
};
/** A library's own words, quoted and named as its: el lector de XML dice: "unclosed tag: Record". */
const says = (who: string, detail: string) => `${who} dice: "${detail}"`;
/** `sentence`, then why: Footing's words after a colon when it knows the cause, else the library's, in brackets. */
const because = (sentence: string, p: { detail: string; io?: IoCause | null | undefined }, who: string) =>
  p.io ? `${sentence}: ${IO_ES[p.io]}` : `${sentence} (${says(who, p.detail)})`;
const SITE_ES = { back: 'espalda', neck: 'cuello', foot: 'pie' } as const;

type SpanishOf = { [K in ImportProblemId]: (p: ImportProblemParams<K>) => string };

export const IMPORT_PROBLEM_ES: SpanishOf = {
  'file.unreadable': (p) => because('No se pudo leer el archivo', p, 'el sistema'),
  'file.not-found': () => 'No se encontró el archivo',
  'file.directory': () => 'Es una carpeta, no un archivo',
  'file.unknown-format': () =>
    'No es un archivo que Footing pueda importar (export.xml o zip de Apple Health, FIT, GPX, TCX, CSV diario de Fitbit, Bundle o NDJSON de FHIR R4)',
  'file.reading-stopped': (p) => because('La lectura se detuvo', p, 'el sistema'),
  'zip.unreadable': (p) => because('No es un zip que se pueda leer', p, 'el lector de zip'),
  'zip.data-damaged': (p) =>
    `Los datos comprimidos de ${p.entry} están dañados: se descomprimen hasta el byte ${num(p.byte)} del zip y fallan después (${says('el descompresor', p.detail)})`,
  'zip.contents-damaged': (p) =>
    `El índice del zip está dañado en el byte ${num(p.byte)} (${says('el lector de zip', p.detail)})`,
  'zip.size-mismatch': (p) =>
    `${p.entry} no contiene los ${num(p.size)} bytes que anuncia el zip (dio ${num(p.got)}): el zip está dañado`,
  'zip.entry-cut': (p) => `El zip termina antes del final de ${p.entry}: se cortó`,
  'zip.header-damaged': (p) =>
    `La cabecera de ${p.entry} está dañada en el byte ${num(p.byte)} (${says('el lector de zip', p.detail)})`,
  'zip.ends-early': (p) =>
    `El zip termina antes de tiempo, en el byte ${num(p.byte)}${p.entry ? `, dentro de ${p.entry}` : ''}: falta su índice (que va al final de un zip), así que se cortó al copiarlo o descargarlo`,
  'xml.malformed': (p) => `El XML no está bien formado aquí (${says('el lector de XML', p.detail)})`,
  'xml.truncated': (p) => `El archivo se acaba antes que el documento XML (${says('el lector de XML', p.detail)})`,
  'xml.missing-attribute': (p) => `Falta el atributo ${p.field}`,
  'xml.not-a-number': (p) => `${p.field} ${p.token} no es un número`,
  'xml.not-iso-time': (p) => `${p.field} ${p.token} no es una hora ISO 8601`,
  'apple.no-export-xml': () => 'El zip no contiene export.xml (¿es una exportación de Apple Health?)',
  'apple.negative': (p) => `${p.field} ${p.token} es negativo`,
  'apple.not-a-date': (p) => `${p.field} ${p.token} no es una fecha de Apple Health`,
  'apple.end-before-start': () => 'endDate es anterior a startDate',
  'apple.unit': (p) => `La unidad ${p.token} no se puede convertir a ${p.unit}`,
  'apple.percent': (p) => `value ${p.value} está fuera del rango de porcentaje 0..1 de HealthKit`,
  'apple.duration-unit': (p) => `durationUnit ${p.token} no es una unidad de tiempo`,
  'apple.distance-unit': (p) => `La unidad de distancia ${p.token} no es una longitud`,
  'fit.header-short': (p) => `La cabecera del segmento FIT ${p.segment} está cortada`,
  'fit.no-header': (p) => `No hay cabecera FIT en el byte ${num(p.byte)}`,
  'fit.segment-short': (p) =>
    `El segmento FIT ${p.segment} (byte ${num(p.byte)}) anuncia ${num(p.size)} bytes de datos, pero el archivo termina en el byte ${num(p.end)}: faltan ${num(p.short)} bytes`,
  'fit.crc': (p) => `El segmento FIT ${p.segment} no pasa su comprobación CRC`,
  'fit.undecodable': (p) => because('Los datos FIT no se pueden descodificar', p, 'la biblioteca FIT'),
  'fit.no-local-time': () => 'El archivo no tiene hora local: los días se cuentan en UTC',
  'fit.session-incomplete': () => 'Una sesión de caminata no tiene hora de inicio o duración: no se importó',
  'fit.session-time': () => 'La hora de la sesión está fuera de rango',
  'gpx.implausible-times': (p) =>
    `Pista ${p.track}, segmento ${p.segment} (${plural(p.points, 'punto', 'puntos')}, ${p.km.replace('.', ',')} km): tiene horas imposibles, como ${p.token}; no se importó`,
  'gpx.no-times': (p) =>
    `Pista ${p.track}, segmento ${p.segment} (${plural(p.points, 'punto', 'puntos')}): no tiene horas; no se importó`,
  'gpx.off-globe': (p) => `La posición ${p.lat}, ${p.lon} está fuera del globo`,
  'gpx.utc': () => 'Las horas de GPX están en UTC y no se indicó zona horaria: los días son días UTC',
  'gpx.no-points': () => 'El archivo no tiene puntos de pista (los waypoints y las rutas no son caminatas)',
  'tcx.not-non-negative': (p) => `${p.field} ${p.token} no es un número positivo o cero`,
  'tcx.off-globe': (p) => `La posición ${p.token} no está en el globo`,
  'tcx.implausible-lap': (p) => `La vuelta ${p.lap} tiene horas imposibles, como ${p.token}: no se importó`,
  'tcx.lap-no-start': (p) => `La vuelta ${p.lap} no tiene hora de inicio: no se importó`,
  'tcx.utc': () => 'Las horas de TCX están en UTC y no se indicó zona horaria: los días son días UTC',
  'fitbit.unbalanced-quotes': () => 'Las comillas de esta fila no están emparejadas',
  'fitbit.not-fitbit': () =>
    'No es un CSV diario de Fitbit: necesita Id con ActivityDate+TotalSteps o ActivityDay+StepTotal',
  'fitbit.row-fields': (p) => `La fila tiene ${plural(p.fields, 'campo', 'campos')} y la cabecera ${num(p.header)}`,
  'fitbit.not-an-id': (p) => `Id ${p.token} no es un id de Fitbit`,
  'fitbit.not-a-date': (p) => `${p.field} ${p.token} no es una fecha con la forma M/D/AAAA`,
  'fitbit.not-steps': (p) => `${p.field} ${p.token} no es un número entero de pasos`,
  'fitbit.not-km': (p) => `TotalDistance ${p.token} no es una distancia en km`,
  'fitbit.second-row': (p) =>
    `Una segunda fila del Id ${p.id} en esta fecha: se ignora para no contar el día dos veces`,
  'fitbit.several-people': (p) =>
    `Este archivo tiene las filas diarias de ${num(p.count)} personas (Ids de Fitbit ${ids(p.ids, p.more)}). Sumarlas sería un error: elige por su Id de quién es la caminata que quieres importar.`,
  'fitbit.id-not-found': (p) =>
    `No hay filas del Id de Fitbit ${p.id} en este archivo; tiene ${p.count > 1 ? 'los Ids' : 'el Id'} ${ids(p.ids, p.more)}.`,
  'fhir.ndjson-line': () => 'Esta línea no es un recurso JSON',
  'fhir.bundle-too-large': (p) =>
    `Un Bundle de más de ${num(p.mb)} MB: expórtalo mejor como NDJSON (un recurso por línea)`,
  'fhir.not-json': () => 'El archivo no es JSON válido en este punto',
  'fhir.not-fhir': () => 'No es un Bundle de FHIR ni un NDJSON de Observations',
  'fhir.entry-no-resource': () => 'Una entrada sin recurso (resource)',
  'fhir.other-person': (p) =>
    `El Patient de este archivo nació en ${p.fileYear} y la persona de este registro en ${p.ownYear}: lo más probable es que el archivo sea de otra persona; no se importó nada`,
  'fhir.several-patients': (p) =>
    `Este archivo tiene Observations de ${num(p.count)} pacientes (${p.ids}${p.more > 0 ? ', ...' : ''}): añadirlas a un solo registro sería un error; importa el archivo de un solo paciente`,
  'fhir.no-care-plan': () => 'Este archivo no tiene un CarePlan activo de Footing: no hay ningún programa que tomar',
  'fhir.not-a-resource': () => 'No es un recurso FHIR (un objeto JSON)',
  'fhir.observation-status': (p) => `Una Observation con estado ${p.status}: se deja fuera`,
  'fhir.gait-status': (p) => `Una medida de la marcha con estado ${p.status}: se deja fuera`,
  'fhir.gait-time': () =>
    'Una medida de la marcha necesita la hora de su análisis (effectiveDateTime, con zona horaria)',
  'fhir.gait-view': () => 'Una medida de la marcha necesita la vista de su vídeo en method.text ("... (side view)")',
  'fhir.gait-unknown': (p) =>
    `${p.token} no es una medida de la marcha que Footing conozca (un nombre como cadence_spm)`,
  'fhir.gait-not-number': (p) => `${p.token} no es un número`,
  'fhir.gait-out-of-range': (p) =>
    `${num(p.value)} está fuera de ${num(p.min)} a ${num(p.max)}, el intervalo posible de ${p.metric}`,
  'fhir.gait-unit': (p) => `${p.token} no es la unidad de ${p.metric} (UCUM ${p.unit})`,
  'fhir.gait-confidence': () => 'La confianza debe ir de 0 a 1 y las mediciones no pueden pasar de 10.000',
  'fhir.gait-no-confidence': () =>
    'Una medida de la marcha necesita su confianza en una nota ("Confidence 0.9 over 12 measurements.")',
  'fhir.gait-twice': (p) => `Un segundo ${p.metric} en el análisis de ${p.at}: el análisis se deja fuera`,
  'fhir.gait-too-many': (p) =>
    `El análisis de ${p.at} tiene ${num(p.count)} medidas, más de ${num(p.max)}: se deja fuera`,
  'fhir.steps-no-quantity': () => 'Un recuento de pasos necesita valueQuantity',
  'fhir.steps-value': (p) => `${p.token} no es un número entero de pasos del 0 al ${num(p.max)}`,
  'fhir.steps-unit': (p) => `${p.token} no es una unidad de pasos (usa /d, {steps}/d o {steps})`,
  'fhir.not-a-date-or-time': (p) => `${p.token} no es una fecha (2026-11-02) ni una hora con zona horaria`,
  'fhir.period-start': () => 'effectivePeriod.start necesita una hora con zona horaria',
  'fhir.period-end': () => 'effectivePeriod.end necesita una hora con zona horaria posterior al inicio',
  'fhir.steps-no-time': () => 'Un recuento de pasos necesita effectiveDateTime o effectivePeriod',
  'fhir.pain-value': (p) => `${p.token} no es una puntuación de dolor, un número entero del 0 al 10`,
  'fhir.pain-time': (p) =>
    `${p.token === null ? 'Sin effectiveDateTime' : p.token}: una puntuación de dolor necesita la hora en que se dio, con zona horaria`,
  'fhir.pain-site': (p) =>
    `Dolor en ${p.token ?? 'ninguna parte del cuerpo indicada'}: Footing registra el dolor de espalda, cuello y pie y las zonas de su mapa del cuerpo; se deja fuera`,
  'fhir.pain-second': (p) => `Una segunda puntuación de dolor de ${SITE_ES[p.site]} con la hora ${p.at}: se deja fuera`,
  'fhir.pain-only-areas': (p) =>
    `El dolor con la hora ${p.at} solo indica zonas del mapa del cuerpo: un registro necesita una puntuación de espalda, cuello o pie; se deja fuera`,
  'fhir.screening-no-time': () => 'Un resultado de cribado necesita la hora en que se hizo (effectiveDateTime)',
  'fhir.screening-no-performer': () =>
    'Un resultado de cribado necesita quién lo hizo (performer: el paciente o el nombre de un profesional)',
  'fhir.component-no-name': () => 'Un componente necesita su nombre (code.text), por ejemplo "Left"',
  'fhir.component-no-value': () => 'Un componente necesita un valor (valueQuantity, valueBoolean o valueString)',
  'fhir.screening-invalid': (p) => `${p.test}: ${p.field} ${refusalIn({ message: p.detail, text: p.check }, 'es')}`,
  'fhir.nprs-answer': () => 'La respuesta de la NPRS necesita un número entero (ítem pain, valueInteger)',
  'fhir.unknown-questionnaire': (p) => `${p.token} no es un cuestionario que Footing publique (nprs, psfs)`,
  'fhir.not-a-score': (p) => `${p.token} no es una puntuación (valueQuantity.value)`,
  'fhir.outcome-no-time': () => 'Una puntuación de cuestionario necesita la hora en que se anotó (effectiveDateTime)',
  'fhir.outcome-no-performer': () =>
    'Una puntuación de cuestionario necesita quién la anotó (performer: el paciente o el nombre de un profesional)',
  'fhir.outcome-no-answers': (p) =>
    `Una puntuación ${p.token} necesita su QuestionnaireResponse (derivedFrom): la puntuación sola no se puede guardar`,
  'fhir.answers-invalid': (p) =>
    `${p.measure}: ${p.field} ${p.problem ? outcomeProblemIn({ ...p.problem, field: p.field, message: p.detail } as OutcomeProblem, 'es') : refusalIn({ message: p.detail, text: p.check }, 'es')}`,
  'fhir.score-mismatch': (p) => `La puntuación ${p.score} no coincide con las respuestas, que dan ${p.computed}`,
  'fhir.answers-not-in-file': (p) => `${p.token} no está en este archivo: faltan las respuestas de la puntuación`,
  'fhir.answers-no-author': () =>
    'Las respuestas necesitan la hora en que se dieron (authored) y quién las dio (author)',
  'fhir.birth-date': (p) => `${p.token} no es una fecha de nacimiento entre 1900 y ${p.year}`,
  'fhir.program-not-active': (p) =>
    `El programa de este archivo está en ${p.token}, no activo (en pausa tras una respuesta de seguridad allí): no se toma; deciden las respuestas de seguridad de este registro`,
  'fhir.not-a-stage': (p) =>
    `No es una etapa del programa de Footing: la descripción debe empezar por "Stage N, <nombre de la etapa>:" con N del ${p.first} al ${p.last}`,
  'fhir.walking-no-date': () => 'Un ajuste de caminata del profesional necesita la fecha en que se hizo (note.time)',
  'fhir.walking-no-figure': () =>
    'Un ajuste de caminata del profesional necesita su cifra en pasos (/d) o minutos (min/d)',
  'fhir.walking-invalid': (p) =>
    `${p.kind === 'target' ? 'El objetivo' : 'El límite'} de caminata del profesional: ${p.path ?? 'el valor'} ${refusalIn({ message: p.detail, text: p.check }, 'es')}`,
};

/**
 * A problem's words in `language`: from its message id and parameters when it has them and this version knows the
 * id, else the English message it was stored with (records made before the ids, or by a newer Footing), which a
 * Spanish reader gets quoted and said to be English.
 */
export function importProblemTextIn(
  problem: { message: string; text?: ImportProblemText | undefined },
  language: Language,
): string {
  const t = problem.text;
  if (language === 'en') return problem.message;
  if (!t || !isImportProblemId(t.id)) return quotedEnglishEs(problem.message);
  return (IMPORT_PROBLEM_ES[t.id] as (p: unknown) => string)(t.params);
}

/** Both languages' words for a message (for tests and the guard): English and Spanish from the same parameters. */
export function importProblemPair<K extends ImportProblemId>(
  id: K,
  params: ImportProblemParams<K>,
): { en: string; es: string } {
  return {
    en: (IMPORT_PROBLEM_EN[id] as (p: unknown) => string)(params),
    es: (IMPORT_PROBLEM_ES[id] as (p: unknown) => string)(params),
  };
}
