/**
 * The program's words in Spanish (issue 14 item 8), id for id with src/core/program-words.ts (an id without its
 * Spanish fails tsc): the reasons of a decision (live, and stored in program events), the requirements for the next
 * stage, the referral reasons and when the safety check is due again. Written from the id and its figures, never
 * from the English; a decimal figure takes the Spanish comma. A clinician's name and reason and a file's name stay as
 * they were written (their words, not Footing's); an event stored before the ids with figures in its sentence
 * (`older-english`) is quoted and said to be English, never guessed.
 */
import type { Language } from '../language.js';
import type { DoseOverrides } from '../plan.js';
import {
  programEnglish,
  type DoseChange,
  type InnerText,
  type ProgramText,
  type ProgramTextId,
  type ProgramTextParams,
  type WalkingFigure,
} from '../program-words.js';
import { RED_FLAG_QUESTIONS } from '../red-flags.js';
import { EXERCISES } from '../exercises.js';
import { EXERCISE_TEXTS_ES } from './exercise-texts.js';
import { RED_FLAG_TEXTS_ES, URGENCY_ADVICE_ES } from './red-flag-texts.js';
import { stageIn } from './stage-texts.js';
import { quotedEnglishEs } from './validation-texts.js';
import { dayMonthEs, walkingFigureEs } from './walking-texts.js';

/** 3.4667 as the English's one decimal, in Spanish: "3,5". */
const one = (n: number) => n.toFixed(1).replace('.', ',');
const concernEs = (flag: string) =>
  RED_FLAG_TEXTS_ES[flag]?.concern ?? RED_FLAG_QUESTIONS.find((q) => q.id === flag)?.concern ?? flag;
const figure = (p: WalkingFigure) => walkingFigureEs(p);

const DOSE_WORDS_ES: Record<string, (v: number) => string> = {
  secondsPerFoot: (v) => `${v} s por pie`,
  timesPerDay: (v) => (v === 1 ? 'una vez al día' : `${v} veces al día`),
  holdSeconds: (v) => `mantener ${v} s`,
  reps: (v) => `${v} repeticiones`,
  sets: (v) => `${v} series`,
  restSeconds: (v) => `descanso de ${v} s`,
};
/** A clinician's dose changes in Spanish (program-words.ts describeOverrides). */
function overridesEs(doses: DoseOverrides): string {
  return Object.entries(doses)
    .filter(([, d]) => d && Object.keys(d).length)
    .map(([ex, d]) => {
      const name = ex in EXERCISES ? EXERCISE_TEXTS_ES[ex as keyof typeof EXERCISES].name : ex;
      const words = Object.entries(d!).map(([k, v]) => DOSE_WORDS_ES[k]?.(v as number) ?? `${k} ${v}`);
      return `${name}: ${words.join(', ')}`;
    })
    .join('; ');
}
const doseChangeEs = (d: DoseChange) =>
  d === 'unchanged'
    ? ''
    : d === 'stage'
      ? ' Las dosis vuelven a ser las de la etapa.'
      : ` Nuevas dosis: ${overridesEs(d)}.`;

type SpanishOf = { [K in ProgramTextId]: (p: ProgramTextParams<K>) => string };

export const PROGRAM_TEXT_ES: SpanishOf = {
  'stop.red-flag': () =>
    'Tu control de seguridad encontró algo que un profesional debería revisar primero. El programa está en pausa hasta entonces.',
  'regress.activity-pain-high': (p) =>
    `El dolor durante o después de una sesión pasó de ${p.limit}/10 (${p.dates.join(', ')}). El modelo de control del dolor dice que hay que reducir la carga.`,
  'regress.morning-pain-rise': (p) =>
    `Tu dolor diario subió más de ${p.points} puntos por encima de tu nivel habitual (unos ${one(p.baseline)}/10). Es un cambio real, así que el plan retrocede.`,
  'hold.lowest-stage': () =>
    'Ya estás en la primera etapa, así que el plan se mantiene aquí y tu objetivo de caminata baja.',
  'progress.all-met': () =>
    'Hiciste tus sesiones y tu dolor se mantuvo dentro de las reglas durante una semana, así que empieza la siguiente etapa.',
  'hold.last-stage': () =>
    'Estás en la última etapa. Sigue así: caminar y estos ejercicios son la rutina a largo plazo.',
  'hold.unmet': (p) => `${innerEs(p.requirement)}: ${innerEs(p.detail)}`,
  'requirement.time-at-stage': (p) => `Al menos ${p.days} días en esta etapa`,
  'requirement.time-at-stage.so-far': (p) => `${p.days} de ${p.of} días hasta ahora`,
  'requirement.adherence': (p) => `Sesiones hechas en al menos el ${p.percent} % de los días esta semana`,
  'requirement.adherence.done': (p) =>
    `${p.done} de ${p.prescribed} ${p.prescribed === 1 ? 'día' : 'días'} con una sesión completa`,
  'requirement.activity-pain': (p) =>
    `Dolor durante las sesiones de ${p.limit}/10 o menos, comprobado después de cada sesión`,
  'requirement.activity-pain.none': () => 'todavía no hay registros después de una sesión',
  'requirement.activity-pain.highest': (p) => `máximo ${p.highest}/10`,
  'requirement.daily-pain-steady': () => 'El dolor diario no sube de una semana a otra',
  'requirement.daily-pain-steady.none': () => 'todavía no hay registros diarios esta semana',
  'requirement.daily-pain-steady.average': (p) =>
    `media de ${one(p.thisWeek)}/10 esta semana${p.weekBefore !== null ? `, ${one(p.weekBefore)} la semana anterior` : ''}`,
  'regress.heel-first-steps-rising': () =>
    'El dolor de talón en los primeros pasos de la mañana subió dos días seguidos. El plan retrocede para que se calme.',
  'regress.new-lower-limb-symptoms': (p) =>
    `Indicaste síntomas nuevos en el pie, la rodilla o la cadera (${p.dates.join(', ')}). En el ensayo de caminatas estos eran los efectos secundarios que había que vigilar, así que el plan retrocede.`,
  'hold.referral': () => 'El plan se mantiene hasta que hayas hablado con un profesional (lo tienes más abajo).',
  'replan.low-adherence': (p) =>
    `Hiciste sesiones en menos de la mitad de los días durante dos semanas (${p.weekBefore} y ${p.thisWeek}). En lugar de forzar, replanteemos el plan: elige un momento del día, o pide a tu profesional una dosis diaria más pequeña.`,
  'referral.no-improvement': (p) =>
    `Después de ${p.weeks} semanas tu dolor no ha cambiado de forma significativa (de unos ${one(p.from)} a ${one(p.to)} sobre 10). Vale la pena que lo revise un profesional.`,
  'referral.worse-despite-regression': () =>
    'Tu dolor siguió empeorando en tus dos últimos registros incluso después de que el plan retrocediera. Por favor, ve a un profesional.',
  'referral.start-back-high': () =>
    'Tu profesional registró una puntuación de riesgo alto en el cuestionario de espalda; se recomienda una atención que también tenga en cuenta la preocupación, el estado de ánimo y las creencias sobre el dolor.',
  'referral.outcome-worse': () =>
    'Una de las puntuaciones de tus cuestionarios empeoró de forma significativa. Por favor, revísala con un profesional.',
  'rescreen.first': () => 'Responde las preguntas de seguridad antes de empezar.',
  'rescreen.interval': (p) => `Han pasado ${p.days} días o más desde tu último control de seguridad.`,
  'rescreen.sharp-rise': (p) =>
    `Tu dolor subió bruscamente (de ${p.from} a ${p.to} sobre 10). Por favor, vuelve a responder las preguntas de seguridad.`,
  'stop.red-flag-answer': (p) =>
    `Una respuesta de seguridad hace pensar en ${concernEs(p.flag)}. ${URGENCY_ADVICE_ES[p.urgency]}`,
  'start.screen-clear': () => 'Control de seguridad sin señales de alarma: el programa empieza en la etapa 1.',
  'resume.clinician-cleared': () =>
    'Un profesional te ha revisado y el control de seguridad vuelve a estar sin señales de alarma.',
  'clinician.stage': (p) =>
    `${p.clinician} ha puesto tu programa en la etapa ${p.stage} (${stageIn(p.stage, 'es').name}): ${p.reason}${doseChangeEs(p.doses)}`,
  'clinician.walking-set': (p) =>
    `${p.clinician} ${p.kind === 'target' ? 'ha fijado tu objetivo de caminata en' : 'ha limitado tu objetivo de caminata a'} ${figure(p)} al día: ${p.reason}`,
  'clinician.walking-removed': (p) =>
    `${p.clinician} ha quitado ${p.kind === 'target' ? 'el objetivo de caminata' : 'el límite de tu objetivo de caminata'} fijado el ${dayMonthEs(p.setOn)}: tu objetivo vuelve a salir de tus propios días recientes.`,
  'import.stage': (p) =>
    `Tu programa se puso en la etapa ${p.stage} (${stageIn(p.stage, 'es').name}), como en el registro que importaste (${p.file}).`,
  'import.walking': (p) =>
    `${p.kind === 'target' ? `El objetivo de caminata de ${figure(p)} al día que fijó ${p.clinician}` : `El límite de ${figure(p)} al día que ${p.clinician} puso a tu objetivo de caminata`} (fijado el ${dayMonthEs(p.setOn)}: ${p.reason}) viene del registro que importaste (${p.file}).`,
  'older-english': (p) => quotedEnglishEs(p.english),
};

function innerEs(t: InnerText): string {
  return programTextEs(t as ProgramText);
}

/** A text in Spanish. */
export function programTextEs(t: ProgramText): string {
  return (PROGRAM_TEXT_ES[t.id] as (p: unknown) => string)(t.params);
}

/** A text in `language`. */
export function programTextIn(t: ProgramText, language: Language): string {
  return language === 'en' ? programEnglish(t) : programTextEs(t);
}

interface Said {
  text: string;
  said: ProgramText;
}

/** A review (the decision of GET /api/today and /api/progress) with its words in `language`, from their ids. */
export function reviewIn<
  R extends {
    reasons: Said[];
    requirements: (Said & { detail: string; detailSaid: ProgramText })[];
    referral?: Said[];
    rescreen?: { due: boolean; reason: string | null; said: ProgramText | null };
  },
>(review: R, language: Language): R {
  if (language === 'en') return review;
  const t = <T extends Said>(r: T): T => ({ ...r, text: programTextIn(r.said, language) });
  return {
    ...review,
    reasons: review.reasons.map(t),
    requirements: review.requirements.map((r) => ({ ...t(r), detail: programTextIn(r.detailSaid, language) })),
    ...(review.referral ? { referral: review.referral.map(t) } : {}),
    ...(review.rescreen
      ? {
          rescreen: {
            ...review.rescreen,
            reason: review.rescreen.said === null ? null : programTextIn(review.rescreen.said, language),
          },
        }
      : {}),
  };
}

/** A program event (Progress) with its reasons in `language`, from their ids. */
export function eventIn<E extends { reasons: Said[] }>(event: E, language: Language): E {
  return language === 'en'
    ? event
    : { ...event, reasons: event.reasons.map((r) => ({ ...r, text: programTextIn(r.said, language) })) };
}
