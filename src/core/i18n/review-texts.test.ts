/**
 * The review's and the walking target's Spanish (issue 14 item 8), both from ids and figures: the review's reasons,
 * requirements and reminders (program-words.ts), the walking target's basis. Each id's English and Spanish expected
 * are written by hand; reviewProgram and walkingTarget give the ids for a small input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../dates.js';
import { walkingTarget, type WeekVerdict } from '../walking-target.js';
import { applyWalkingOverride, newWalkingOverride } from '../walking-override.js';
import { reviewProgram } from '../program-review.js';
import { languageFromAcceptLanguage } from '../language.js';
import { readFileSync } from 'node:fs';
import { eventIn, programTextIn, reviewIn } from './review-texts.js';
import { PROGRAM_TEXT_IDS, programEnglish, programText, type ProgramText } from '../program-words.js';
import { walkingTargetIn } from './walking-texts.js';

test('Accept-Language: the first of English and Spanish by preference; English without one', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'en'],
    ['', 'en'],
    ['es', 'es'],
    ['es-ES,es;q=0.9', 'es'],
    ['es-419', 'es'],
    ['en-GB,es;q=0.5', 'en'],
    ['fr,es;q=0.8,en;q=0.7', 'es'],
    ['en;q=0.2, es;q=0.9', 'es'],
    ['de, fr', 'en'],
    ['es;q=0', 'en'],
    ['*', 'en'],
    ['ES', 'es'],
  ];
  for (const [header, language] of cases) assert.equal(languageFromAcceptLanguage(header), language, String(header));
});

// Today is Fri 15 Mar 2024; the program started on 1 Mar, so the window is 8-14 Mar and its verdict weeks[1].
const days = (values: readonly number[], from = '2024-03-08') =>
  values.map((steps, i) => ({ date: addDays(from, i), steps, distanceM: 0, minutes: 0 }));
const target = (values: readonly number[], verdict: WeekVerdict, age = 40) =>
  walkingTarget({
    today: '2024-03-15',
    programStartedOn: '2024-03-01',
    days: days(values),
    weeks: ['ok', verdict],
    age,
  });
const es = (values: readonly number[], verdict: WeekVerdict, age = 40) =>
  walkingTargetIn(target(values, verdict, age), 'es').basis;

test('the walking basis in Spanish, for each way the target is set', () => {
  const head = 'Tu media fue de 4000 pasos al día en los 7 días del 8 mar al 14 mar';
  assert.equal(
    es(Array(7).fill(4000), 'ok'),
    `${head}; tu dolor se mantuvo dentro de las reglas esa semana, así que tu objetivo es un 10 % más alto.`,
  );
  assert.equal(
    es(Array(7).fill(4000), 'flare'),
    `${head}; tu dolor se salió de las reglas esa semana, así que tu objetivo es un 10 % más bajo.`,
  );
  assert.equal(
    es(Array(7).fill(4000), 'hold'),
    `${head}; esa semana no hubo registros con los que valorar tu dolor, así que tu objetivo se queda en esa media.`,
  );
  // 9,500 a day: 10 % more would pass the 10,000-step ceiling under 60, so the target is raised to it; at 65 the
  // ceiling is 8,000 and 9,500 is past it already.
  assert.equal(
    es(Array(7).fill(9500), 'ok'),
    'Tu media fue de 9500 pasos al día en los 7 días del 8 mar al 14 mar; tu dolor se mantuvo dentro de las reglas esa semana, así que tu objetivo sube a 10.000 pasos, donde el beneficio se estabiliza.',
  );
  assert.equal(
    es(Array(7).fill(9500), 'ok', 65),
    'Tu media fue de 9500 pasos al día en los 7 días del 8 mar al 14 mar; tu dolor se mantuvo dentro de las reglas esa semana, pero eso ya llega a 8000 pasos o más, donde el beneficio se estabiliza, así que no sube más.',
  );
  // Four days of data out of seven.
  assert.equal(
    es([4000, 4000, 4000, 4000], 'hold'),
    'Tu media fue de 4000 pasos al día en los 7 días del 8 mar al 14 mar (en los 4 de esos días con datos de caminata; los días sin datos no cuentan); esa semana no hubo registros con los que valorar tu dolor, así que tu objetivo se queda en esa media.',
  );
  // Too few days: the gentle start.
  assert.equal(
    es([3000], 'ok'),
    'Tu objetivo sale de tus caminatas de los 7 días del 8 mar al 14 mar, y de esos días solo 1 tiene datos de caminata. Registra tus caminatas durante 3 días (o impórtalas de tu teléfono) para que tu objetivo pueda partir de tu propia media. Hasta entonces: unos suaves 10 minutos.',
  );
  assert.equal(
    es([], 'ok'),
    'Tu objetivo sale de tus caminatas de los 7 días del 8 mar al 14 mar, y de esos días ninguno tiene datos de caminata. Registra tus caminatas durante 3 días (o impórtalas de tu teléfono) para que tu objetivo pueda partir de tu propia media. Hasta entonces: unos suaves 10 minutos.',
  );
  assert.equal(
    walkingTargetIn(target(Array(7).fill(4000), 'ok'), 'en').basis,
    target(Array(7).fill(4000), 'ok').basis,
    'English is the target as it is',
  );
  // The Spanish comes from the basis's id and figures, never from its English: a reworded English keeps it.
  const reworded = { ...target(Array(7).fill(4000), 'flare'), basis: 'Your week went badly, so 10% less.' };
  assert.equal(
    walkingTargetIn(reworded, 'es').basis,
    `${head}; tu dolor se salió de las reglas esa semana, así que tu objetivo es un 10 % más bajo.`,
  );
});

test('a clinician’s walking setting in Spanish: figures and date from the setting, their reason in their words', () => {
  const own = target(Array(7).fill(6000), 'hold');
  const capped = applyWalkingOverride(
    own,
    newWalkingOverride({ kind: 'cap', steps: 5000, reason: 'Rodilla irritada.' }, 'Dr Ana Ruiz', '2024-03-12'),
  );
  assert.equal(
    walkingTargetIn(capped, 'es').clinician!.text,
    'Dr Ana Ruiz ha limitado tu objetivo de caminata a 5000 pasos al día el 12 mar. Según tus propios días recientes sería 6000 pasos.',
  );
  assert.equal(walkingTargetIn(capped, 'es').clinician!.reason, 'Rodilla irritada.');
  const above = applyWalkingOverride(
    own,
    newWalkingOverride({ kind: 'cap', steps: 12000, reason: 'Límite.' }, 'Dr Ana Ruiz', '2024-03-12'),
  );
  assert.equal(
    walkingTargetIn(above, 'es').clinician!.text,
    'Dr Ana Ruiz ha limitado tu objetivo de caminata a 12.000 pasos al día el 12 mar; tu propio objetivo no pasa de eso, así que se mantiene.',
  );
});

test('the review’s reasons, requirements and safety-check reminder in Spanish, from reviewProgram’s ids', () => {
  // Three days at stage 2 with no sessions, no check-ins and no safety check: a hold with every requirement unmet.
  const review = reviewProgram({
    today: '2024-03-15',
    stage: 2,
    stageStartedOn: '2024-03-13',
    programStartedOn: '2024-03-01',
    redFlag: false,
    sessionDates: [],
    checkins: [],
    prescribedPerWeek: 7,
    heelFirstSteps: [],
    newLowerLimbDates: ['2024-03-14'],
    outcomes: [],
    startBackRisk: null,
    lastScreenOn: null,
    lastRegressOn: null,
  });
  const spanish = reviewIn(review, 'es');
  assert.equal(review.action, 'regress');
  assert.deepEqual(
    spanish.reasons.map((r) => r.text),
    [
      'Indicaste síntomas nuevos en el pie, la rodilla o la cadera (2024-03-14). En el ensayo de caminatas estos eran los efectos secundarios que había que vigilar, así que el plan retrocede.',
    ],
  );
  assert.deepEqual(
    spanish.requirements.map((r) => [r.text, r.detail]),
    [
      ['Al menos 7 días en esta etapa', '2 de 7 días hasta ahora'],
      ['Sesiones hechas en al menos el 80 % de los días esta semana', '0 de 3 días con una sesión completa'],
      [
        'Dolor durante las sesiones de 5/10 o menos, comprobado después de cada sesión',
        'todavía no hay registros después de una sesión',
      ],
      ['El dolor diario no sube de una semana a otra', 'todavía no hay registros diarios esta semana'],
    ],
  );
  assert.equal(spanish.rescreen.reason, 'Responde las preguntas de seguridad antes de empezar.');
  assert.deepEqual(reviewIn(review, 'en'), review);
});

// Each id with figures of its own, its English and its Spanish written by hand.
const CASES: [ProgramText, string, string][] = [
  [
    programText('stop.red-flag'),
    'Your safety check found something a clinician should look at first. The program is paused until then.',
    'Tu control de seguridad encontró algo que un profesional debería revisar primero. El programa está en pausa hasta entonces.',
  ],
  [
    programText('regress.activity-pain-high', { limit: 5, dates: ['2024-03-12', '2024-03-14'] }),
    'Pain during or after a session went above 5/10 (2024-03-12, 2024-03-14). The pain-monitoring model says to reduce the load.',
    'El dolor durante o después de una sesión pasó de 5/10 (2024-03-12, 2024-03-14). El modelo de control del dolor dice que hay que reducir la carga.',
  ],
  [
    programText('regress.morning-pain-rise', { points: 2, baseline: 3.4667 }),
    'Your daily pain rose more than 2 points above your usual level (about 3.5/10). That is a real change, so the plan steps back.',
    'Tu dolor diario subió más de 2 puntos por encima de tu nivel habitual (unos 3,5/10). Es un cambio real, así que el plan retrocede.',
  ],
  [
    programText('hold.lowest-stage'),
    'You are on the first stage already, so the plan holds here and your walking target steps back.',
    'Ya estás en la primera etapa, así que el plan se mantiene aquí y tu objetivo de caminata baja.',
  ],
  [
    programText('progress.all-met'),
    'You did your sessions and your pain stayed within the rules for a week, so the next stage starts.',
    'Hiciste tus sesiones y tu dolor se mantuvo dentro de las reglas durante una semana, así que empieza la siguiente etapa.',
  ],
  [
    programText('hold.last-stage'),
    'You are on the last stage. Keep going: walking and these drills are the long-term routine.',
    'Estás en la última etapa. Sigue así: caminar y estos ejercicios son la rutina a largo plazo.',
  ],
  [
    programText('hold.unmet', {
      requirement: programText('requirement.adherence', { percent: 80 }),
      detail: programText('requirement.adherence.done', { done: 1, prescribed: 1 }),
    }),
    'Sessions done on at least 80% of days this week: 1 of 1 day with a full session',
    'Sesiones hechas en al menos el 80 % de los días esta semana: 1 de 1 día con una sesión completa',
  ],
  [
    programText('requirement.time-at-stage', { days: 7 }),
    'At least 7 days at this stage',
    'Al menos 7 días en esta etapa',
  ],
  [
    programText('requirement.time-at-stage.so-far', { days: 2, of: 7 }),
    '2 of 7 days so far',
    '2 de 7 días hasta ahora',
  ],
  [
    programText('requirement.adherence', { percent: 80 }),
    'Sessions done on at least 80% of days this week',
    'Sesiones hechas en al menos el 80 % de los días esta semana',
  ],
  [
    programText('requirement.adherence.done', { done: 4, prescribed: 6 }),
    '4 of 6 days with a full session',
    '4 de 6 días con una sesión completa',
  ],
  [
    programText('requirement.activity-pain', { limit: 5 }),
    'Pain during sessions at 5/10 or less, checked after each session',
    'Dolor durante las sesiones de 5/10 o menos, comprobado después de cada sesión',
  ],
  [
    programText('requirement.activity-pain.none'),
    'no after-session check-ins yet',
    'todavía no hay registros después de una sesión',
  ],
  [programText('requirement.activity-pain.highest', { highest: 4 }), 'highest 4/10', 'máximo 4/10'],
  [
    programText('requirement.daily-pain-steady'),
    'Daily pain not rising from week to week',
    'El dolor diario no sube de una semana a otra',
  ],
  [
    programText('requirement.daily-pain-steady.none'),
    'no daily check-ins this week yet',
    'todavía no hay registros diarios esta semana',
  ],
  [
    programText('requirement.daily-pain-steady.average', { thisWeek: 4.25, weekBefore: 3 }),
    'average 4.3/10 this week, 3.0 the week before',
    'media de 4,3/10 esta semana, 3,0 la semana anterior',
  ],
  [
    programText('requirement.daily-pain-steady.average', { thisWeek: 2, weekBefore: null }),
    'average 2.0/10 this week',
    'media de 2,0/10 esta semana',
  ],
  [
    programText('regress.heel-first-steps-rising'),
    'Heel pain with your first steps in the morning rose two days in a row. The plan steps back to let it settle.',
    'El dolor de talón en los primeros pasos de la mañana subió dos días seguidos. El plan retrocede para que se calme.',
  ],
  [
    programText('regress.new-lower-limb-symptoms', { dates: ['2024-03-14'] }),
    'You reported new foot, knee or hip symptoms (2024-03-14). In the walking trial these were the side effects to watch, so the plan steps back.',
    'Indicaste síntomas nuevos en el pie, la rodilla o la cadera (2024-03-14). En el ensayo de caminatas estos eran los efectos secundarios que había que vigilar, así que el plan retrocede.',
  ],
  [
    programText('hold.referral'),
    'The plan holds until you have talked with a clinician (see below).',
    'El plan se mantiene hasta que hayas hablado con un profesional (lo tienes más abajo).',
  ],
  [
    programText('replan.low-adherence', { weekBefore: 2, thisWeek: 1 }),
    "Sessions were done on fewer than half the days for two weeks (2 and 1). Rather than push on, let's re-plan: pick a time of day, or ask your clinician for a smaller daily dose.",
    'Hiciste sesiones en menos de la mitad de los días durante dos semanas (2 y 1). En lugar de forzar, replanteemos el plan: elige un momento del día, o pide a tu profesional una dosis diaria más pequeña.',
  ],
  [
    programText('referral.no-improvement', { weeks: 6, from: 5, to: 4.3333 }),
    "After 6 weeks your pain has not changed by a meaningful amount (from about 5.0 to 4.3 out of 10). It is worth a clinician's review.",
    'Después de 6 semanas tu dolor no ha cambiado de forma significativa (de unos 5,0 a 4,3 sobre 10). Vale la pena que lo revise un profesional.',
  ],
  [
    programText('referral.worse-despite-regression'),
    'Your pain kept getting worse over your last two check-ins even after the plan stepped back. Please see a clinician.',
    'Tu dolor siguió empeorando en tus dos últimos registros incluso después de que el plan retrocediera. Por favor, ve a un profesional.',
  ],
  [
    programText('referral.start-back-high'),
    'Your clinician recorded a high-risk back screening score; care that also looks at worry, mood and beliefs about pain is recommended.',
    'Tu profesional registró una puntuación de riesgo alto en el cuestionario de espalda; se recomienda una atención que también tenga en cuenta la preocupación, el estado de ánimo y las creencias sobre el dolor.',
  ],
  [
    programText('referral.outcome-worse'),
    'One of your questionnaire scores got meaningfully worse. Please go over it with a clinician.',
    'Una de las puntuaciones de tus cuestionarios empeoró de forma significativa. Por favor, revísala con un profesional.',
  ],
  [
    programText('rescreen.first'),
    'Answer the safety questions before you start.',
    'Responde las preguntas de seguridad antes de empezar.',
  ],
  [
    programText('rescreen.interval', { days: 28 }),
    'It has been 28 days or more since your last safety check.',
    'Han pasado 28 días o más desde tu último control de seguridad.',
  ],
  [
    programText('rescreen.sharp-rise', { from: 3, to: 6 }),
    'Your pain rose sharply (from 3 to 6 out of 10). Please answer the safety questions again.',
    'Tu dolor subió bruscamente (de 3 a 6 sobre 10). Por favor, vuelve a responder las preguntas de seguridad.',
  ],
  [
    programText('stop.red-flag-answer', { flag: 'dvt', urgency: 'same_day' }),
    'Safety answer suggests a blood clot in the leg. See a doctor today (urgent care or your GP today).',
    'Una respuesta de seguridad hace pensar en un coágulo de sangre en la pierna. Ve a un médico hoy (urgencias o tu médico de cabecera, hoy mismo).',
  ],
  [
    programText('start.screen-clear'),
    'Safety check clear: the program starts at stage 1.',
    'Control de seguridad sin señales de alarma: el programa empieza en la etapa 1.',
  ],
  [
    programText('resume.clinician-cleared'),
    'A clinician has checked you and the safety check is clear again.',
    'Un profesional te ha revisado y el control de seguridad vuelve a estar sin señales de alarma.',
  ],
  // A clinician's name and reason stay in their words; the doses in Spanish.
  [
    programText('clinician.stage', {
      clinician: 'Dr Ruiz',
      stage: 3,
      reason: 'Going well.',
      doses: { 'ball-roll': { secondsPerFoot: 90, timesPerDay: 2 } },
    }),
    'Dr Ruiz set your program to stage 3 (Longer holds): Going well. New doses: Ball roll under the sole: 90 s per foot, 2 times a day.',
    'Dr Ruiz ha puesto tu programa en la etapa 3 (Mantenimientos más largos): Going well. Nuevas dosis: Rodar la pelota bajo la planta: 90 s por pie, 2 veces al día.',
  ],
  [
    programText('clinician.stage', {
      clinician: 'Dr Ruiz',
      stage: 2,
      reason: 'Knee sore.',
      doses: { 'pinky-toe-lift': { holdSeconds: 8, reps: 12, timesPerDay: 1 } },
    }),
    'Dr Ruiz set your program to stage 2 (Wake up the toes): Knee sore. New doses: Pinky-toe lift: hold 8 s, 12 reps, once a day.',
    'Dr Ruiz ha puesto tu programa en la etapa 2 (Despertar los dedos): Knee sore. Nuevas dosis: Elevación del dedo pequeño: mantener 8 s, 12 repeticiones, una vez al día.',
  ],
  [
    programText('clinician.stage', { clinician: 'Dr Ruiz', stage: 3, reason: 'Back to plan.', doses: 'stage' }),
    'Dr Ruiz set your program to stage 3 (Longer holds): Back to plan. Doses are back to the stage’s own.',
    'Dr Ruiz ha puesto tu programa en la etapa 3 (Mantenimientos más largos): Back to plan. Las dosis vuelven a ser las de la etapa.',
  ],
  [
    programText('clinician.stage', { clinician: 'Dr Ruiz', stage: 3, reason: 'Same.', doses: 'unchanged' }),
    'Dr Ruiz set your program to stage 3 (Longer holds): Same.',
    'Dr Ruiz ha puesto tu programa en la etapa 3 (Mantenimientos más largos): Same.',
  ],
  [
    programText('clinician.walking-set', {
      clinician: 'Dr Ruiz',
      kind: 'cap',
      steps: 5000,
      minutes: null,
      reason: 'Knee flare.',
    }),
    'Dr Ruiz capped your walking target at 5,000 steps a day: Knee flare.',
    'Dr Ruiz ha limitado tu objetivo de caminata a 5000 pasos al día: Knee flare.',
  ],
  [
    programText('clinician.walking-set', {
      clinician: 'Dr Ruiz',
      kind: 'target',
      steps: null,
      minutes: 25,
      reason: 'Start gently.',
    }),
    'Dr Ruiz set your walking target to 25 minutes a day: Start gently.',
    'Dr Ruiz ha fijado tu objetivo de caminata en 25 minutos al día: Start gently.',
  ],
  [
    programText('clinician.walking-removed', { clinician: 'Dr Ruiz', kind: 'target', setOn: '2026-11-03' }),
    'Dr Ruiz removed the walking target set on 3 Nov: your target comes from your own recent days again.',
    'Dr Ruiz ha quitado el objetivo de caminata fijado el 3 nov: tu objetivo vuelve a salir de tus propios días recientes.',
  ],
  [
    programText('clinician.walking-removed', { clinician: 'Dr Ruiz', kind: 'cap', setOn: '2026-12-01' }),
    'Dr Ruiz removed the cap on your walking target set on 1 Dec: your target comes from your own recent days again.',
    'Dr Ruiz ha quitado el límite de tu objetivo de caminata fijado el 1 dic: tu objetivo vuelve a salir de tus propios días recientes.',
  ],
  [
    programText('import.stage', { stage: 3, file: 'record.json' }),
    'Your program was set to stage 3 (Longer holds), as in the record you imported (record.json).',
    'Tu programa se puso en la etapa 3 (Mantenimientos más largos), como en el registro que importaste (record.json).',
  ],
  [
    programText('import.walking', {
      clinician: 'Dr Ruiz',
      kind: 'target',
      steps: 12000,
      minutes: null,
      setOn: '2026-11-03',
      reason: 'More.',
      file: 'record.json',
    }),
    "Dr Ruiz's walking target of 12,000 steps a day (set on 3 Nov: More.) comes from the record you imported (record.json).",
    'El objetivo de caminata de 12.000 pasos al día que fijó Dr Ruiz (fijado el 3 nov: More.) viene del registro que importaste (record.json).',
  ],
  [
    programText('import.walking', {
      clinician: 'Dr Ruiz',
      kind: 'cap',
      steps: null,
      minutes: 20,
      setOn: '2026-11-03',
      reason: 'Less.',
      file: 'record.json',
    }),
    "Dr Ruiz's cap of 20 minutes a day on your walking target (set on 3 Nov: Less.) comes from the record you imported (record.json).",
    'El límite de 20 minutos al día que Dr Ruiz puso a tu objetivo de caminata (fijado el 3 nov: Less.) viene del registro que importaste (record.json).',
  ],
  [
    programText('older-english', { english: 'At least 7 days at this stage: 2 of 7 days so far' }),
    'At least 7 days at this stage: 2 of 7 days so far',
    '«At least 7 days at this stage: 2 of 7 days so far» (en inglés)',
  ],
];

test('each program text id: its English and its Spanish, from the id and its figures', () => {
  for (const [said, english, spanish] of CASES) {
    assert.equal(programEnglish(said), english, said.id);
    assert.equal(programTextIn(said, 'en'), english, said.id);
    assert.equal(programTextIn(said, 'es'), spanish, said.id);
  }
  assert.deepEqual(
    PROGRAM_TEXT_IDS.filter((id) => !CASES.some(([said]) => said.id === id)),
    [],
    'every id is tried',
  );
});

test('a stored event’s reasons in Spanish from their ids, whatever its English says', () => {
  const said = programText('rescreen.interval', { days: 28 });
  const event = { at: 'x', reasons: [{ rule: 'r', text: 'An English that was reworded.', said, refs: [] }] };
  assert.deepEqual(
    eventIn(event, 'es').reasons.map((r) => r.text),
    ['Han pasado 28 días o más desde tu último control de seguridad.'],
  );
  assert.deepEqual(eventIn(event, 'en'), event);
});

test('the program’s files write no English sentence of their own: every reason, requirement and reminder is by id', () => {
  const files = [
    '../program-engine.ts',
    '../program-review.ts',
    '../program-transitions.ts',
    '../clinician-stage-change.ts',
    '../imported-program.ts',
    '../../services/walking-override-service.ts',
  ];
  for (const f of files)
    assert.doesNotMatch(readFileSync(new URL(f, import.meta.url), 'utf8'), /\b(text|detail|reason): ['`]/, f);
});
