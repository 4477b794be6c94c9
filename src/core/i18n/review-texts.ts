/**
 * The program review's words in Spanish (issue 14 item 8): the reasons of a decision (live and stored in program
 * events), the requirements for the next stage, the referral reasons and when the safety check is due again.
 *
 * The English sentence is the record: a stored event keeps the words the person read that day, with their figures
 * written in. So the Spanish is made from the English, one pattern per sentence the program writes (program-engine.ts,
 * program-review.ts, program-transitions.ts, clinician-stage-change.ts, walking-override-service.ts), reading the
 * figures back from it; a decimal figure takes the Spanish comma. A sentence no pattern knows (an older wording) stays
 * as stored, in English, rather than be guessed. review-texts.test.ts runs the engine's own sentences through it.
 */
import type { Language } from '../language.js';
import { RED_FLAG_QUESTIONS, URGENCY_ADVICE, URGENCIES } from '../red-flags.js';
import { RED_FLAG_TEXTS_ES, URGENCY_ADVICE_ES } from './red-flag-texts.js';
import { stageIn } from './stage-texts.js';
import { englishDayMonthEs, walkingFigureFromEnglish } from './walking-texts.js';
import { EXERCISES } from '../exercises.js';
import { EXERCISE_TEXTS_ES } from './exercise-texts.js';

/** "2.5" as Spanish writes it: "2,5". */
export const decimalEs = (s: string): string => s.replace('.', ',');

/** Sentences without figures. */
export const FIXED_SENTENCES_ES: ReadonlyMap<string, string> = new Map([
  ['Your safety check found something a clinician should look at first. The program is paused until then.', 'Tu control de seguridad encontró algo que un profesional debería revisar primero. El programa está en pausa hasta entonces.'],
  ['You are on the first stage already, so the plan holds here and your walking target steps back.', 'Ya estás en la primera etapa, así que el plan se mantiene aquí y tu objetivo de caminata baja.'],
  ['You did your sessions and your pain stayed within the rules for a week, so the next stage starts.', 'Hiciste tus sesiones y tu dolor se mantuvo dentro de las reglas durante una semana, así que empieza la siguiente etapa.'],
  ['You are on the last stage. Keep going: walking and these drills are the long-term routine.', 'Estás en la última etapa. Sigue así: caminar y estos ejercicios son la rutina a largo plazo.'],
  ['Heel pain with your first steps in the morning rose two days in a row. The plan steps back to let it settle.', 'El dolor de talón en los primeros pasos de la mañana subió dos días seguidos. El plan retrocede para que se calme.'],
  ['The plan holds until you have talked with a clinician (see below).', 'El plan se mantiene hasta que hayas hablado con un profesional (lo tienes más abajo).'],
  ['Your pain kept getting worse over your last two check-ins even after the plan stepped back. Please see a clinician.', 'Tu dolor siguió empeorando en tus dos últimos registros incluso después de que el plan retrocediera. Por favor, ve a un profesional.'],
  ['Your clinician recorded a high-risk back screening score; care that also looks at worry, mood and beliefs about pain is recommended.', 'Tu profesional registró una puntuación de riesgo alto en el cuestionario de espalda; se recomienda una atención que también tenga en cuenta la preocupación, el estado de ánimo y las creencias sobre el dolor.'],
  ['One of your questionnaire scores got meaningfully worse. Please go over it with a clinician.', 'Una de las puntuaciones de tus cuestionarios empeoró de forma significativa. Por favor, revísala con un profesional.'],
  ['Safety check clear: the program starts at stage 1.', 'Control de seguridad sin señales de alarma: el programa empieza en la etapa 1.'],
  ['A clinician has checked you and the safety check is clear again.', 'Un profesional te ha revisado y el control de seguridad vuelve a estar sin señales de alarma.'],
  ['Answer the safety questions before you start.', 'Responde las preguntas de seguridad antes de empezar.'],
  // Requirement names and details without figures.
  ['Daily pain not rising from week to week', 'El dolor diario no sube de una semana a otra'],
  ['no after-session check-ins yet', 'todavía no hay registros después de una sesión'],
  ['no daily check-ins this week yet', 'todavía no hay registros diarios esta semana'],
]);

const concernEs = (english: string): string => {
  const q = RED_FLAG_QUESTIONS.find((x) => x.concern === english);
  return q ? RED_FLAG_TEXTS_ES[q.id]?.concern ?? english : english;
};
const adviceEs = (english: string): string | null => {
  const u = URGENCIES.find((x) => URGENCY_ADVICE[x] === english);
  return u ? URGENCY_ADVICE_ES[u] : null;
};
const exerciseNameEs = (english: string): string => {
  const ex = Object.values(EXERCISES).find((e) => e.name === english);
  return ex ? EXERCISE_TEXTS_ES[ex.id].name : english;
};

/** The clinician's dose words of clinician-stage-change.ts ("90 s per foot", "twice a day" is written "2 times a day"). */
function doseWordsEs(part: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d+) s per foot$/.exec(part))) return `${m[1]} s por pie`;
  if (part === 'once a day') return 'una vez al día';
  if ((m = /^(\d+) times a day$/.exec(part))) return `${m[1]} veces al día`;
  if ((m = /^hold (\d+) s$/.exec(part))) return `mantener ${m[1]} s`;
  if ((m = /^(\d+) reps$/.exec(part))) return `${m[1]} repeticiones`;
  if ((m = /^(\d+) sets$/.exec(part))) return `${m[1]} series`;
  if ((m = /^rest (\d+) s$/.exec(part))) return `descanso de ${m[1]} s`;
  return part;
}

/** Sentences with figures: a pattern over the English and the Spanish made from what it read. */
const PATTERNS_ES: readonly [RegExp, (m: RegExpExecArray) => string | null][] = [
  [/^Pain during or after a session went above (\d+)\/10 \((.*)\)\. The pain-monitoring model says to reduce the load\.$/,
    (m) => `El dolor durante o después de una sesión pasó de ${m[1]}/10 (${m[2]}). El modelo de control del dolor dice que hay que reducir la carga.`],
  [/^Your daily pain rose more than (\d+) points above your usual level \(about ([\d.]+)\/10\)\. That is a real change, so the plan steps back\.$/,
    (m) => `Tu dolor diario subió más de ${m[1]} puntos por encima de tu nivel habitual (unos ${decimalEs(m[2]!)}/10). Es un cambio real, así que el plan retrocede.`],
  [/^You reported new foot, knee or hip symptoms \((.*)\)\. In the walking trial these were the side effects to watch, so the plan steps back\.$/,
    (m) => `Indicaste síntomas nuevos en el pie, la rodilla o la cadera (${m[1]}). En el ensayo de caminatas estos eran los efectos secundarios que había que vigilar, así que el plan retrocede.`],
  [/^Sessions were done on fewer than half the days for two weeks \((\d+) and (\d+)\)\. Rather than push on, let's re-plan: pick a time of day, or ask your clinician for a smaller daily dose\.$/,
    (m) => `Hiciste sesiones en menos de la mitad de los días durante dos semanas (${m[1]} y ${m[2]}). En lugar de forzar, replanteemos el plan: elige un momento del día, o pide a tu profesional una dosis diaria más pequeña.`],
  [/^After (\d+) weeks your pain has not changed by a meaningful amount \(from about ([\d.]+) to ([\d.]+) out of 10\)\. It is worth a clinician's review\.$/,
    (m) => `Después de ${m[1]} semanas tu dolor no ha cambiado de forma significativa (de unos ${decimalEs(m[2]!)} a ${decimalEs(m[3]!)} sobre 10). Vale la pena que lo revise un profesional.`],
  [/^It has been (\d+) days or more since your last safety check\.$/,
    (m) => `Han pasado ${m[1]} días o más desde tu último control de seguridad.`],
  [/^Your pain rose sharply \(from (\d+) to (\d+) out of 10\)\. Please answer the safety questions again\.$/,
    (m) => `Tu dolor subió bruscamente (de ${m[1]} a ${m[2]} sobre 10). Por favor, vuelve a responder las preguntas de seguridad.`],
  [/^Safety answer suggests (.+?)\. (.+)$/,
    (m) => { const advice = adviceEs(m[2]!); return advice ? `Una respuesta de seguridad hace pensar en ${concernEs(m[1]!)}. ${advice}` : null; }],
  // Requirements (program-engine.ts requirementsFor): names and details.
  [/^At least (\d+) days at this stage$/, (m) => `Al menos ${m[1]} días en esta etapa`],
  [/^(\d+) of (\d+) days so far$/, (m) => `${m[1]} de ${m[2]} días hasta ahora`],
  [/^Sessions done on at least (\d+)% of days this week$/, (m) => `Sesiones hechas en al menos el ${m[1]} % de los días esta semana`],
  [/^(\d+) of (\d+) days? with a full session$/, (m) => `${m[1]} de ${m[2]} ${m[2] === '1' ? 'día' : 'días'} con una sesión completa`],
  [/^Pain during sessions at (\d+)\/10 or less, checked after each session$/, (m) => `Dolor durante las sesiones de ${m[1]}/10 o menos, comprobado después de cada sesión`],
  [/^highest (\d+)\/10$/, (m) => `máximo ${m[1]}/10`],
  [/^average ([\d.]+)\/10 this week(?:, ([\d.]+) the week before)?$/,
    (m) => `media de ${decimalEs(m[1]!)}/10 esta semana${m[2] ? `, ${decimalEs(m[2])} la semana anterior` : ''}`],
  // A clinician's changes: the framing is translated; the clinician's own reason stays in their words.
  [/^(.+?) set your program to stage (\d+) \([^)]*\): ([\s\S]*)$/, (m) => {
    let rest = m[3]!;
    const back = ' Doses are back to the stage’s own.';
    const doses = / New doses: (.*)\.$/.exec(rest);
    if (rest.endsWith(back)) rest = `${rest.slice(0, -back.length)} Las dosis vuelven a ser las de la etapa.`;
    else if (doses) {
      const list = doses[1]!.split('; ').map((entry) => {
        const i = entry.indexOf(': ');
        return i < 0 ? entry : `${exerciseNameEs(entry.slice(0, i))}: ${entry.slice(i + 2).split(', ').map(doseWordsEs).join(', ')}`;
      });
      rest = `${rest.slice(0, doses.index)} Nuevas dosis: ${list.join('; ')}.`;
    }
    return `${m[1]} ha puesto tu programa en la etapa ${m[2]} (${stageIn(Number(m[2]), 'es').name}): ${rest}`;
  }],
  [/^(.+?) (set your walking target to|capped your walking target at) (.+?) a day: ([\s\S]*)$/, (m) => {
    const figure = walkingFigureFromEnglish(m[3]!);
    return figure ? `${m[1]} ${m[2]!.startsWith('set') ? 'ha fijado tu objetivo de caminata en' : 'ha limitado tu objetivo de caminata a'} ${figure} al día: ${m[4]}` : null;
  }],
  [/^(.+?) removed (the walking target|the cap on your walking target) set on (\d{1,2} [A-Z][a-z]{2}): your target comes from your own recent days again\.$/, (m) => {
    const day = englishDayMonthEs(m[3]!);
    if (!day) return null;
    return `${m[1]} ha quitado ${m[2] === 'the walking target' ? 'el objetivo de caminata' : 'el límite de tu objetivo de caminata'} fijado el ${day}: tu objetivo vuelve a salir de tus propios días recientes.`;
  }],
];

/** One sentence the program wrote, in Spanish; null when no pattern knows it. */
export function programSentenceEs(english: string): string | null {
  const fixed = FIXED_SENTENCES_ES.get(english);
  if (fixed !== undefined) return fixed;
  for (const [re, make] of PATTERNS_ES) {
    const m = re.exec(english);
    if (m) return make(m);
  }
  // An unmet requirement as a reason: "<requirement>: <detail>".
  const i = english.indexOf(': ');
  if (i > 0) {
    const [name, detail] = [programSentenceEs(english.slice(0, i)), programSentenceEs(english.slice(i + 2))];
    if (name !== null && detail !== null) return `${name}: ${detail}`;
  }
  return null;
}

/** A sentence in `language`: the Spanish when a pattern knows it, else as written. */
export function programSentenceIn(english: string, language: Language): string {
  return language === 'en' ? english : programSentenceEs(english) ?? english;
}

interface WithText { text: string }

/** A review (the decision of GET /api/today and /api/progress) with its words in `language`. */
export function reviewIn<R extends { reasons: WithText[]; requirements: (WithText & { detail: string })[]; referral?: WithText[]; rescreen?: { due: boolean; reason: string | null } }>(review: R, language: Language): R {
  if (language === 'en') return review;
  const t = <T extends WithText>(r: T): T => ({ ...r, text: programSentenceIn(r.text, language) });
  return {
    ...review,
    reasons: review.reasons.map(t),
    requirements: review.requirements.map((r) => ({ ...t(r), detail: programSentenceIn(r.detail, language) })),
    ...(review.referral ? { referral: review.referral.map(t) } : {}),
    ...(review.rescreen ? { rescreen: { ...review.rescreen, reason: review.rescreen.reason === null ? null : programSentenceIn(review.rescreen.reason, language) } } : {}),
  };
}

/** A program event (Progress) with its reasons in `language`. */
export function eventIn<E extends { reasons: WithText[] }>(event: E, language: Language): E {
  return language === 'en' ? event : { ...event, reasons: event.reasons.map((r) => ({ ...r, text: programSentenceIn(r.text, language) })) };
}

