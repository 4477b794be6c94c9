/**
 * Why a record is refused, by message id: every id's Spanish (and Footing's English) written here by hand from the
 * same parameters; a new id without its hand-written pair fails the first test. Then the way the id reaches the
 * issue: a schema's own words (says) and zod's own issues (checkWith) carry it, which also fails if a zod release
 * stops copying an error map's fields into the issue.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { issueIn, refusalIn, VALIDATION_ES, validationTextEs } from './validation-texts.js';
import {
  checkWith,
  says,
  screenProblemText,
  textOfIssue,
  VALIDATION_EN,
  validationEnglish,
  validationText,
  type FootingValidationId,
  type ValidationId,
  type ValidationText,
} from '../validation-words.js';
import { CheckinInput } from '../checkin-record.js';
import { WalkingOverrideInput } from '../walking-override.js';
import { MonitoringMinutesInput } from '../monitoring-minutes-record.js';
import { evaluateScreen } from '../red-flags.js';
import { stageChangeProblem } from '../clinician-stage-change.js';
import { clinicalWordingProblems } from '../../../scripts/i18n-check.js';

/** Footing's words: the text, its English and its Spanish, by hand. */
const FOOTING: [ValidationText<FootingValidationId>, string, string][] = [
  [
    validationText('number.range', { min: 0, max: 10 }),
    'must be a number from 0 to 10',
    'debe ser un número del 0 al 10',
  ],
  [
    validationText('number.whole-range', { min: 0, max: 10 }),
    'must be a whole number from 0 to 10',
    'debe ser un número entero del 0 al 10',
  ],
  [validationText('number.at-least', { min: 0 }), 'must be 0 or more', 'debe ser 0 o más'],
  [validationText('number.at-most', { max: 10 }), 'must be 10 or less', 'debe ser 10 o menos'],
  [validationText('date.calendar'), 'must be a calendar date like 2026-11-25', 'debe ser una fecha como 2026-11-25'],
  [
    validationText('date-time.zoned'),
    'must be an ISO 8601 date-time with a time zone, like 2026-11-25T08:30:00+01:00',
    'debe ser una fecha y hora ISO 8601 con zona horaria, como 2026-11-25T08:30:00+01:00',
  ],
  [validationText('id.characters'), 'must be letters, digits, - or _', 'solo puede tener letras, cifras, - o _'],
  [validationText('answer.yes-or-no'), 'must be true or false', 'debe ser sí (true) o no (false)'],
  [
    validationText('checkin.one-score'),
    'give at least one pain score (back, neck or foot)',
    'da al menos una puntuación de dolor (espalda, cuello o pie)',
  ],
  [
    validationText('session.before-start'),
    'must not be before startedAt',
    'no puede ser anterior al inicio (startedAt)',
  ],
  [
    validationText('session.no-exercise'),
    'a session needs at least one exercise',
    'una sesión necesita al menos un ejercicio',
  ],
  [
    validationText('walking-log.minutes-or-steps'),
    'give minutes or steps (more than 0)',
    'indica minutos o pasos (más de 0)',
  ],
  [
    validationText('screening.one-side'),
    'Enter a value for at least one side (left or right).',
    'Indica un valor para al menos un lado (izquierdo o derecho).',
  ],
  [
    validationText('screening.eyes-times'),
    'Enter eyes-open or eyes-closed times.',
    'Indica los tiempos con los ojos abiertos o con los ojos cerrados.',
  ],
  [
    validationText('outcome.form-expected'),
    'Expected the scores entered from the form.',
    'Se esperaban las puntuaciones anotadas del formulario.',
  ],
  [
    validationText('walking-setting.one-figure'),
    'give steps or minutes: one of them',
    'indica pasos o minutos: uno de los dos',
  ],
  [
    validationText('walking-setting.range', { unit: 'steps', min: 0, max: 30000 }),
    'a whole number of steps from 0 to 30,000',
    'un número entero de pasos del 0 al 30.000',
  ],
  [
    validationText('reason.say-why'),
    'say why, in words the patient will read',
    'explica el motivo con palabras que el paciente leerá',
  ],
  [
    validationText('text.plain'),
    'plain text only: letters, numbers, punctuation and line breaks',
    'solo texto: letras, números, signos de puntuación y saltos de línea',
  ],
  [validationText('text.at-most', { max: 500 }), 'at most 500 characters', 'como mucho 500 caracteres'],
  [
    validationText('minutes.whole-range', { max: 240 }),
    'must be a whole number of minutes from 1 to 240',
    'debe ser un número entero de minutos del 1 al 240',
  ],
  [validationText('stage.range', { first: 1, last: 5 }), 'stage must be from 1 to 5', 'la etapa debe ser del 1 al 5'],
  [
    validationText('dose.outside-limits', {
      exercise: 'ball-roll',
      rollSeconds: 120,
      rollTimes: 2,
      holdSeconds: 10,
      reps: 15,
      sets: 3,
    }),
    'doses.ball-roll: that dose is outside the limits for this exercise (roll up to 120 s per foot 2x a day; holds up to 10 s, 15 reps, 3 sets)',
    'doses.ball-roll: esa dosis está fuera de los límites de este ejercicio (rodar hasta 120 s por pie 2 veces al día; mantener hasta 10 s, 15 repeticiones, 3 series)',
  ],
  [
    validationText('email.address'),
    'must be an email address like name@example.org',
    'debe ser una dirección de correo electrónico, como nombre@ejemplo.org',
  ],
  [
    validationText('password.at-least', { min: 8 }),
    'must be at least 8 characters',
    'debe tener al menos 8 caracteres',
  ],
  [
    validationText('screen.unanswered', { question: 'blood-thinners' }),
    'Please answer: Do you take blood thinners and bruise easily?',
    'Por favor, responde: ¿Tomas anticoagulantes y te salen moratones con facilidad?',
  ],
  [
    validationText('screen.unknown-question', { question: 'mood' }),
    '"mood" is not a question of the safety screen.',
    '"mood" no es una pregunta del control de seguridad.',
  ],
  // The API's own fields.
  [validationText('email.enter'), 'enter your email', 'escribe tu correo electrónico'],
  [validationText('password.enter'), 'enter your password', 'escribe tu contraseña'],
  [
    validationText('password.enter-to-confirm'),
    'enter your password to confirm',
    'escribe tu contraseña para confirmar',
  ],
  [validationText('name.enter'), 'enter your name', 'escribe tu nombre'],
  [
    validationText('id.of', { what: 'clinician-account' }),
    'must be a clinician’s account id',
    'debe ser el identificador de la cuenta de un profesional',
  ],
  [validationText('walk.end-after-start'), 'must be after start', 'debe ser posterior al inicio (start)'],
  [
    validationText('walk.within-hours', { hours: 12 }),
    'must be within 12 hours of start',
    'debe estar a menos de 12 horas del inicio (start)',
  ],
  [
    validationText('walk.count-per-minute', { minutes: 3 }),
    'must have one count per minute of the walk (3)',
    'debe tener una cuenta por cada minuto de la caminata (3)',
  ],
  [validationText('walk.steps-sum'), 'must be the sum of stepsPerMinute', 'debe ser la suma de stepsPerMinute'],
  [
    validationText('walk.steps-per-minute', { max: 250 }),
    'must be 250 steps or fewer in a minute',
    'debe ser 250 pasos o menos en un minuto',
  ],
  [validationText('walk.seconds-within'), 'must not be longer than the walk', 'no puede durar más que la caminata'],
  [validationText('message.write-first'), 'write a message first', 'escribe primero un mensaje'],
  [
    validationText('message.at-most', { max: 2000 }),
    'must be at most 2000 characters',
    'puede tener como mucho 2000 caracteres',
  ],
  [
    validationText('weekday.one-of', { days: ['mon', 'tue'] }),
    'must be one of mon, tue',
    'debe ser uno de estos: mon, tue',
  ],
  [validationText('days.no-twice'), 'must not name a day twice', 'no puede repetir un día'],
  [
    validationText('time.of-day'),
    'must be a time of day like 07:30 (24-hour clock)',
    'debe ser una hora del día como 07:30 (reloj de 24 horas)',
  ],
  [
    validationText('time-zone.name'),
    'must be a time zone name like Europe/Madrid',
    'debe ser el nombre de una zona horaria como Europe/Madrid',
  ],
  [validationText('language.en-or-es'), 'must be en or es', 'debe ser en o es'],
  [
    validationText('push.base64url', { key: 'auth' }),
    'must be base64url (the auth secret)',
    'debe estar en base64url (el secreto de autenticación)',
  ],
  [
    validationText('push.bytes', { key: 'p256dh', bytes: 65 }),
    'must be 65 bytes (the browser’s P-256 public key)',
    'debe tener 65 bytes (la clave pública P-256 del navegador)',
  ],
  [
    validationText('push.https'),
    'must be the https URL of the browser’s push service',
    'debe ser la dirección https del servicio de notificaciones del navegador',
  ],
  [
    validationText('height.range', { min: 50, max: 250 }),
    'must be a height from 50 to 250 cm',
    'debe ser una altura del 50 al 250 cm',
  ],
  [
    validationText('belt-speed.range', { min: 0.5, max: 20 }),
    'must be a belt speed from 0.5 to 20 km/h',
    'debe ser una velocidad de cinta del 0,5 al 20 km/h',
  ],
  [validationText('still.number'), 'must be a still number', 'debe ser el número de una imagen fija'],
  [
    validationText('file.own-name'),
    "must be the file's own name, e.g. export.zip",
    'debe ser el nombre del propio archivo, por ejemplo export.zip',
  ],
  [validationText('offset.form'), 'must look like +01:00', 'debe tener la forma +01:00'],
  [validationText('fitbit.id'), 'must be the digits of a Fitbit Id', 'deben ser las cifras de un Id de Fitbit'],
  // A backup file's own checks.
  [
    validationText('backup.json-of', { what: 'days' }),
    'must be days of the week (mon ... sun) as JSON',
    'debe ser días de la semana (mon ... sun) en JSON',
  ],
  [
    validationText('backup.walking-kind', { kind: 'jog' }),
    '"jog" is not a walking kind',
    '"jog" no es un tipo de caminata',
  ],
  [
    validationText('backup.kind-unit', { kind: 'steps', unit: 'count' }),
    'must be "count" for steps',
    'debe ser "count" para steps',
  ],
  [
    validationText('backup.timestamp'),
    'must be "YYYY-MM-DDTHH:MM:SS(.sss)+HH:MM"',
    'debe tener la forma "AAAA-MM-DDTHH:MM:SS(.sss)+HH:MM"',
  ],
  [
    validationText('backup.format', { format: 'footing-backup' }),
    'must be "footing-backup"',
    'debe ser "footing-backup"',
  ],
  [
    validationText('backup.version', { version: 9 }),
    'must be 9 (this version of Footing reads version 9)',
    'debe ser 9 (esta versión de Footing lee la versión 9)',
  ],
];
/** Zod's own issues: the text and its Spanish, by hand (zod writes the English). */
const ZOD: [ValidationText, string][] = [
  [{ id: 'zod.missing', params: {} }, 'falta este dato'],
  [{ id: 'zod.type', params: { expected: 'int' } }, 'debe ser un número entero'],
  [
    { id: 'zod.option', params: { values: ['daily', 'before', 'after'] } },
    'debe ser uno de estos: daily, before, after',
  ],
  [
    { id: 'zod.too-big', params: { origin: 'string', limit: 2000, inclusive: true } },
    'puede tener como mucho 2000 caracteres',
  ],
  [{ id: 'zod.too-small', params: { origin: 'array', limit: 1, inclusive: true } }, 'debe tener al menos 1 elemento'],
  [{ id: 'zod.keys', params: { keys: ['mood', 'sleep'] } }, 'no es un campo de este registro: "mood", "sleep"'],
  [{ id: 'zod.format', params: { format: 'email' } }, 'debe ser una dirección de correo electrónico'],
  [{ id: 'zod.multiple', params: { divisor: 0.5 } }, 'debe ser múltiplo de 0,5'],
  [{ id: 'zod.other', params: { code: 'invalid_union' } }, 'no es un valor válido'],
];

test("every refusal id has its Spanish, and Footing's its English, checked here by hand", () => {
  const ids = Object.keys(VALIDATION_ES) as ValidationId[];
  assert.deepEqual(
    [...FOOTING.map(([t]) => t.id), ...ZOD.map(([t]) => t.id)].sort(),
    [...ids].sort(),
    'each id has a hand-written sample above',
  );
  assert.deepEqual(
    Object.keys(VALIDATION_EN).filter((id) => typeof VALIDATION_ES[id as ValidationId] !== 'function'),
    [],
    "each of Footing's ids has its Spanish",
  );
  assert.deepEqual(
    FOOTING.map(([t]) => validationEnglish(t)),
    FOOTING.map(([, en]) => en),
  );
  assert.deepEqual(
    FOOTING.map(([t]) => validationTextEs(t)),
    FOOTING.map(([, , es]) => es),
  );
  assert.deepEqual(
    ZOD.map(([t]) => validationTextEs(t)),
    ZOD.map(([, es]) => es),
  );
  assert.deepEqual(
    clinicalWordingProblems(
      'validation',
      Object.fromEntries(FOOTING.map(([, en], i) => [i, en])),
      Object.fromEntries(FOOTING.map(([, , es], i) => [i, es])),
    ),
    [],
  );
});

test("a schema's own words carry their id on the issue; English as written, Spanish from the id (a reworded English keeps its Spanish)", () => {
  const issue = CheckinInput.safeParse({ at: '2026-11-21T08:00:00+01:00', context: 'daily', back: 11 }).error!
    .issues[0]!;
  assert.deepEqual(
    [issue.message, textOfIssue(issue)],
    ['must be 10 or less', { id: 'number.at-most', params: { max: 10 } }],
  );
  assert.equal(issueIn(issue, 'en'), 'must be 10 or less');
  assert.equal(issueIn(issue, 'es'), 'debe ser 10 o menos');
  assert.equal(
    issueIn({ ...issue, message: 'has to be at most 10' }, 'es'),
    'debe ser 10 o menos',
    'the Spanish is never read from the English',
  );
  // A refine's words, with its path; a schema of one's own made with says.
  const none = CheckinInput.safeParse({ at: '2026-11-21T08:00:00+01:00', context: 'daily' }).error!.issues[0]!;
  assert.deepEqual(
    [none.path, issueIn(none, 'es')],
    [['back'], 'da al menos una puntuación de dolor (espalda, cuello o pie)'],
  );
  const own = z.string().min(3, says('reason.say-why')).safeParse('ok').error!.issues[0]!;
  assert.deepEqual(
    [own.message, issueIn(own, 'es')],
    ['say why, in words the patient will read', 'explica el motivo con palabras que el paciente leerá'],
  );
  // The clinician's forms: 40,000 steps is over 30,000 (from 100); 300 minutes over 240.
  const steps = checkWith(WalkingOverrideInput, { kind: 'cap', steps: 40000, reason: 'Your knee needs a rest.' }).error!
    .issues[0]!;
  assert.deepEqual(
    [steps.message, issueIn(steps, 'es')],
    ['a whole number of steps from 100 to 30,000', 'un número entero de pasos del 100 al 30.000'],
  );
  const minutes = checkWith(MonitoringMinutesInput, { date: '2026-11-21', minutes: 300 }).error!.issues[0]!;
  assert.equal(issueIn(minutes, 'es'), 'debe ser un número entero de minutos del 1 al 240');
});

test("zod's own issues carry their id through checkWith, zod's English kept; without checkWith they stay English", () => {
  const check = (value: object) => checkWith(CheckinInput, value).error!.issues;
  const at = '2026-11-21T08:00:00+01:00';
  const [missing] = check({ context: 'daily', back: 3 });
  assert.deepEqual(
    [missing!.message, textOfIssue(missing!), issueIn(missing!, 'es')],
    ['Invalid input: expected string, received undefined', { id: 'zod.missing', params: {} }, 'falta este dato'],
  );
  const [badTime] = check({ at: '2026-11-21 08:00', context: 'daily', back: 3 });
  assert.deepEqual(
    [textOfIssue(badTime!), issueIn(badTime!, 'es')],
    [
      { id: 'date-time.zoned', params: {} },
      'debe ser una fecha y hora ISO 8601 con zona horaria, como 2026-11-25T08:30:00+01:00',
    ],
  );
  const [option] = check({ at, context: 'weekly', back: 3 });
  assert.deepEqual(
    [option!.message, issueIn(option!, 'es')],
    ['Invalid option: expected one of "daily"|"before"|"after"', 'debe ser uno de estos: daily, before, after'],
  );
  const [whole] = check({ at, context: 'daily', back: 2.5 });
  assert.deepEqual(
    [whole!.message, issueIn(whole!, 'es')],
    ['must be a whole number from 0 to 10', 'debe ser un número entero del 0 al 10'],
  );
  const [long] = check({ at, context: 'daily', back: 3, note: 'x'.repeat(2001) });
  assert.deepEqual(
    [long!.message, issueIn(long!, 'es')],
    ['Too big: expected string to have <=2000 characters', 'puede tener como mucho 2000 caracteres'],
  );
  const [key] = check({ at, context: 'daily', back: 3, mood: 'ok' });
  assert.equal(issueIn(key!, 'es'), 'no es un campo de este registro: "mood"');
  const [text] = check({ at, context: 'daily', back: 3, note: 5 });
  assert.deepEqual(
    [text!.message, issueIn(text!, 'es')],
    ['Invalid input: expected string, received number', 'debe ser un texto'],
  );
  // A plain safeParse gives zod's issues no id: the reader gets the English rather than a guess, quoted and said to
  // be English inside the Spanish, never passed off as Spanish.
  const [plain] = CheckinInput.safeParse({ at, context: 'daily', back: 3, note: 5 }).error!.issues;
  assert.equal(textOfIssue(plain!), null);
  assert.equal(issueIn(plain!, 'es'), '«Invalid input: expected string, received number» (en inglés)');
  assert.equal(issueIn(plain!, 'en'), 'Invalid input: expected string, received number');
});

test("the safety check's refusals by id: the question in the reader's language", () => {
  const { problems } = evaluateScreen({ 'blood-thinners': true, mood: false });
  const unknown = problems.find((p) => p.code === 'unknown_question')!;
  const text = screenProblemText(unknown);
  assert.deepEqual(
    [refusalIn({ message: unknown.message, text }, 'en'), refusalIn({ message: unknown.message, text }, 'es')],
    ['"mood" is not a question of the safety screen.', '"mood" no es una pregunta del control de seguridad.'],
  );
  const unanswered = problems.find((p) => p.code === 'unanswered')!;
  assert.equal(
    validationEnglish(screenProblemText(unanswered) as ValidationText<FootingValidationId>),
    unanswered.message,
    "the English from the id is red-flags.ts's own",
  );
  assert.match(
    refusalIn({ message: unanswered.message, text: screenProblemText(unanswered) }, 'es'),
    /^Por favor, responde: ¿?[A-ZÁÉÍÓÚ¿]/,
  );
});

test("a clinician's stage change refused by id: stage 9 of 5 stages, a roll of 300 s (over 120 s per foot)", () => {
  const stage = stageChangeProblem({ stage: 9, reason: 'Ready to move on.', clinicianName: 'Dr Lee' })!;
  assert.deepEqual(
    [stage.field, refusalIn(stage, 'en'), refusalIn(stage, 'es')],
    ['stage', 'stage must be from 1 to 5', 'la etapa debe ser del 1 al 5'],
  );
  const dose = stageChangeProblem({
    stage: 2,
    reason: 'Ready to move on.',
    clinicianName: 'Dr Lee',
    doses: { 'ball-roll': { secondsPerFoot: 300 } },
  })!;
  assert.equal(dose.field, 'doses.ball-roll');
  assert.equal(
    refusalIn(dose, 'es'),
    'doses.ball-roll: esa dosis está fuera de los límites de este ejercicio (rodar hasta 120 s por pie 2 veces al día; mantener hasta 10 s, 15 repeticiones, 3 series)',
  );
});

test('a backup field that must hold a stored gait analysis says so in both languages', () => {
  const text = validationText('backup.json-of', { what: 'gait-analysis' });
  assert.equal(validationEnglish(text), 'must be a gait analysis (src/gait/gait-analysis-record.ts) as JSON');
  assert.equal(validationTextEs(text), 'debe ser un análisis de la marcha (src/gait/gait-analysis-record.ts) en JSON');
});
