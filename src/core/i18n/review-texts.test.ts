/**
 * The review's and the walking target's Spanish (issue 14 item 8): the review's made from the sentences the engine
 * writes, the walking target's from its basis's id and figures. The English comes from the engine itself where a
 * small input gives it (walkingTarget, reviewProgram); the Spanish expected is written by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../dates.js';
import { walkingTarget, type WeekVerdict } from '../walking-target.js';
import { applyWalkingOverride, newWalkingOverride } from '../walking-override.js';
import { reviewProgram } from '../program-review.js';
import { languageFromAcceptLanguage } from '../language.js';
import { readFileSync } from 'node:fs';
import { programSentenceEs, programSentenceIn, reviewIn } from './review-texts.js';
import { walkingTargetIn } from './walking-texts.js';

test('Accept-Language: the first of English and Spanish by preference; English without one', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'en'], ['', 'en'], ['es', 'es'], ['es-ES,es;q=0.9', 'es'], ['es-419', 'es'], ['en-GB,es;q=0.5', 'en'],
    ['fr,es;q=0.8,en;q=0.7', 'es'], ['en;q=0.2, es;q=0.9', 'es'], ['de, fr', 'en'], ['es;q=0', 'en'], ['*', 'en'], ['ES', 'es'],
  ];
  for (const [header, language] of cases) assert.equal(languageFromAcceptLanguage(header), language, String(header));
});

// Today is Fri 15 Mar 2024; the program started on 1 Mar, so the window is 8-14 Mar and its verdict weeks[1].
const days = (values: readonly number[], from = '2024-03-08') => values.map((steps, i) => ({ date: addDays(from, i), steps, distanceM: 0, minutes: 0 }));
const target = (values: readonly number[], verdict: WeekVerdict, age = 40) =>
  walkingTarget({ today: '2024-03-15', programStartedOn: '2024-03-01', days: days(values), weeks: ['ok', verdict], age });
const es = (values: readonly number[], verdict: WeekVerdict, age = 40) => walkingTargetIn(target(values, verdict, age), 'es').basis;

test('the walking basis in Spanish, for each way the target is set', () => {
  const head = 'Tu media fue de 4000 pasos al día en los 7 días del 8 mar al 14 mar';
  assert.equal(es(Array(7).fill(4000), 'ok'), `${head}; tu dolor se mantuvo dentro de las reglas esa semana, así que tu objetivo es un 10 % más alto.`);
  assert.equal(es(Array(7).fill(4000), 'flare'), `${head}; tu dolor se salió de las reglas esa semana, así que tu objetivo es un 10 % más bajo.`);
  assert.equal(es(Array(7).fill(4000), 'hold'), `${head}; esa semana no hubo registros con los que valorar tu dolor, así que tu objetivo se queda en esa media.`);
  // 9,500 a day: 10 % more would pass the 10,000-step ceiling under 60, so the target is raised to it; at 65 the
  // ceiling is 8,000 and 9,500 is past it already.
  assert.equal(es(Array(7).fill(9500), 'ok'), 'Tu media fue de 9500 pasos al día en los 7 días del 8 mar al 14 mar; tu dolor se mantuvo dentro de las reglas esa semana, así que tu objetivo sube a 10.000 pasos, donde el beneficio se estabiliza.');
  assert.equal(es(Array(7).fill(9500), 'ok', 65), 'Tu media fue de 9500 pasos al día en los 7 días del 8 mar al 14 mar; tu dolor se mantuvo dentro de las reglas esa semana, pero eso ya llega a 8000 pasos o más, donde el beneficio se estabiliza, así que no sube más.');
  // Four days of data out of seven.
  assert.equal(es([4000, 4000, 4000, 4000], 'hold'), 'Tu media fue de 4000 pasos al día en los 7 días del 8 mar al 14 mar (en los 4 de esos días con datos de caminata; los días sin datos no cuentan); esa semana no hubo registros con los que valorar tu dolor, así que tu objetivo se queda en esa media.');
  // Too few days: the gentle start.
  assert.equal(es([3000], 'ok'), 'Tu objetivo sale de tus caminatas de los 7 días del 8 mar al 14 mar, y de esos días solo 1 tiene datos de caminata. Registra tus caminatas durante 3 días (o impórtalas de tu teléfono) para que tu objetivo pueda partir de tu propia media. Hasta entonces: unos suaves 10 minutos.');
  assert.equal(es([], 'ok'), 'Tu objetivo sale de tus caminatas de los 7 días del 8 mar al 14 mar, y de esos días ninguno tiene datos de caminata. Registra tus caminatas durante 3 días (o impórtalas de tu teléfono) para que tu objetivo pueda partir de tu propia media. Hasta entonces: unos suaves 10 minutos.');
  assert.equal(walkingTargetIn(target(Array(7).fill(4000), 'ok'), 'en').basis, target(Array(7).fill(4000), 'ok').basis, 'English is the target as it is');
  // The Spanish comes from the basis's id and figures, never from its English: a reworded English keeps it.
  const reworded = { ...target(Array(7).fill(4000), 'flare'), basis: 'Your week went badly, so 10% less.' };
  assert.equal(walkingTargetIn(reworded, 'es').basis, `${head}; tu dolor se salió de las reglas esa semana, así que tu objetivo es un 10 % más bajo.`);
});

test('a clinician’s walking setting in Spanish: figures and date from the setting, their reason in their words', () => {
  const own = target(Array(7).fill(6000), 'hold');
  const capped = applyWalkingOverride(own, newWalkingOverride({ kind: 'cap', steps: 5000, reason: 'Rodilla irritada.' }, 'Dr Ana Ruiz', '2024-03-12'));
  assert.equal(walkingTargetIn(capped, 'es').clinician!.text, 'Dr Ana Ruiz ha limitado tu objetivo de caminata a 5000 pasos al día el 12 mar. Según tus propios días recientes sería 6000 pasos.');
  assert.equal(walkingTargetIn(capped, 'es').clinician!.reason, 'Rodilla irritada.');
  const above = applyWalkingOverride(own, newWalkingOverride({ kind: 'cap', steps: 12000, reason: 'Límite.' }, 'Dr Ana Ruiz', '2024-03-12'));
  assert.equal(walkingTargetIn(above, 'es').clinician!.text, 'Dr Ana Ruiz ha limitado tu objetivo de caminata a 12.000 pasos al día el 12 mar; tu propio objetivo no pasa de eso, así que se mantiene.');
});

test('the review’s reasons, requirements and safety-check reminder in Spanish, from reviewProgram’s English', () => {
  // Three days at stage 2 with no sessions, no check-ins and no safety check: a hold with every requirement unmet.
  const review = reviewProgram({
    today: '2024-03-15', stage: 2, stageStartedOn: '2024-03-13', programStartedOn: '2024-03-01', redFlag: false, sessionDates: [], checkins: [],
    prescribedPerWeek: 7, heelFirstSteps: [], newLowerLimbDates: ['2024-03-14'], outcomes: [], startBackRisk: null, lastScreenOn: null, lastRegressOn: null,
  });
  const spanish = reviewIn(review, 'es');
  assert.equal(review.action, 'regress');
  assert.deepEqual(spanish.reasons.map((r) => r.text), ['Indicaste síntomas nuevos en el pie, la rodilla o la cadera (2024-03-14). En el ensayo de caminatas estos eran los efectos secundarios que había que vigilar, así que el plan retrocede.']);
  assert.deepEqual(spanish.requirements.map((r) => [r.text, r.detail]), [
    ['Al menos 7 días en esta etapa', '2 de 7 días hasta ahora'],
    ['Sesiones hechas en al menos el 80 % de los días esta semana', '0 de 3 días con una sesión completa'],
    ['Dolor durante las sesiones de 5/10 o menos, comprobado después de cada sesión', 'todavía no hay registros después de una sesión'],
    ['El dolor diario no sube de una semana a otra', 'todavía no hay registros diarios esta semana'],
  ]);
  assert.equal(spanish.rescreen.reason, 'Responde las preguntas de seguridad antes de empezar.');
  assert.deepEqual(reviewIn(review, 'en'), review);
});

test('stored sentences: figures read back, a decimal with a comma, a clinician’s words kept; unknown ones stay English', () => {
  const cases: [string, string][] = [
    ['Your daily pain rose more than 2 points above your usual level (about 3.5/10). That is a real change, so the plan steps back.',
      'Tu dolor diario subió más de 2 puntos por encima de tu nivel habitual (unos 3,5/10). Es un cambio real, así que el plan retrocede.'],
    ['After 6 weeks your pain has not changed by a meaningful amount (from about 5.0 to 4.3 out of 10). It is worth a clinician\'s review.',
      'Después de 6 semanas tu dolor no ha cambiado de forma significativa (de unos 5,0 a 4,3 sobre 10). Vale la pena que lo revise un profesional.'],
    ['Sessions done on at least 80% of days this week: 1 of 1 day with a full session',
      'Sesiones hechas en al menos el 80 % de los días esta semana: 1 de 1 día con una sesión completa'],
    ['average 4.3/10 this week, 3.0 the week before', 'media de 4,3/10 esta semana, 3,0 la semana anterior'],
    ['Safety answer suggests a blood clot in the leg. See a doctor today (urgent care or your GP today).',
      'Una respuesta de seguridad hace pensar en un coágulo de sangre en la pierna. Ve a un médico hoy (urgencias o tu médico de cabecera, hoy mismo).'],
    ['Dr Ruiz set your program to stage 3 (Longer holds): Going well. New doses: Ball roll under the sole: 90 s per foot, 2 times a day.',
      'Dr Ruiz ha puesto tu programa en la etapa 3 (Mantenimientos más largos): Going well. Nuevas dosis: Rodar la pelota bajo la planta: 90 s por pie, 2 veces al día.'],
    ['Dr Ruiz capped your walking target at 5,000 steps a day: Knee flare.', 'Dr Ruiz ha limitado tu objetivo de caminata a 5000 pasos al día: Knee flare.'],
    ['Dr Ruiz removed the walking target set on 3 Nov: your target comes from your own recent days again.',
      'Dr Ruiz ha quitado el objetivo de caminata fijado el 3 nov: tu objetivo vuelve a salir de tus propios días recientes.'],
    ['It has been 28 days or more since your last safety check.', 'Han pasado 28 días o más desde tu último control de seguridad.'],
    ['A sentence from an older version.', 'A sentence from an older version.'],
  ];
  for (const [english, spanish] of cases) assert.equal(programSentenceIn(english, 'es'), spanish);
  for (const [english] of cases) assert.equal(programSentenceIn(english, 'en'), english);
});

test('every fixed sentence the program writes (a text: \'...\' in the engine, review and transitions) has its Spanish', () => {
  const files = ['../program-engine.ts', '../program-review.ts', '../program-transitions.ts'];
  const sentences = files.flatMap((f) => [...readFileSync(new URL(f, import.meta.url), 'utf8').matchAll(/\btext: '((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!.replace(/\\'/g, '\'')));
  assert.ok(sentences.length >= 10, `found ${sentences.length} sentences`);
  assert.deepEqual(sentences.filter((s) => programSentenceEs(s) === null), []);
});
