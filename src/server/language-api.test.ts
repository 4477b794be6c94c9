/**
 * The texts the server writes for a patient come in the language the request asks for (issue 14 item 8): the web
 * app sends the language on screen as Accept-Language. Spanish when it asks for Spanish first, English otherwise
 * (or with no header), on SQLite and PostgreSQL. Expected texts are written here by hand, figures worked out from the
 * stage and the walking days below; the English ones are the texts as they were before languages existed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp } from '../../test/helpers/api-app.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { upsertProgram } from '../store/repos/program.js';
import { ensureLocalPerson } from '../store/repos/people.js';

const ES = { 'accept-language': 'es-ES,es;q=0.9,en;q=0.8' };
const EN = { 'accept-language': 'en-GB,en;q=0.9' };

for (const kind of DATABASES) {
  describe(`Patient texts in the request's language on ${kind}`, () => {
    const api = apiApp(kind, { reminders: { tickMs: null } });
    const call = async (
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      headers: Record<string, string> = {},
      payload?: object,
    ) => {
      const res = await api.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const answers = (yes: string[] = []) =>
      Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, yes.includes(q.id)]));

    test('the safety check’s questions and advice: Spanish for es, English for en and without the header', async () => {
      const es = await call('GET', '/api/screen/questions', ES);
      const bladder = es.redFlags.find((q: { id: string }) => q.id === 'ce-bladder');
      assert.equal(
        bladder.text,
        'Desde que empezó tu dolor de espalda, ¿has tenido nuevos problemas para orinar, o se te ha escapado la orina sin querer?',
      );
      assert.equal(bladder.urgency, 'emergency', 'codes are not translated');
      assert.equal(
        es.precautions.find((q: { id: string }) => q.id === 'blood-thinners').text,
        '¿Tomas anticoagulantes y te salen moratones con facilidad?',
      );
      assert.equal(es.urgencyAdvice.same_day, 'Ve a un médico hoy (urgencias o tu médico de cabecera, hoy mismo).');
      for (const headers of [EN, {}, { 'accept-language': 'fr-FR,de;q=0.8' }]) {
        const en = await call('GET', '/api/screen/questions', headers);
        assert.equal(
          en.redFlags.find((q: { id: string }) => q.id === 'ce-bladder').text,
          'Since your back pain started, have you had new trouble passing urine, or leaked urine without meaning to?',
        );
        assert.equal(en.urgencyAdvice.same_day, 'See a doctor today (urgent care or your GP today).');
      }
      // French first, Spanish second: Spanish is the first language Footing speaks.
      assert.equal(
        (await call('GET', '/api/screen/questions', { 'accept-language': 'fr, es;q=0.5' })).urgencyAdvice.routine,
        'Pide una cita con tu médico o tu profesional en las próximas semanas.',
      );
    });

    test('today’s plan: exercise names, steps, dose lines, claims, the walking basis and an exclusion in Spanish', async () => {
      // Three days of steps before the start: mean (4000 + 4400 + 4800) / 3 = 4400 steps, about 44 min at ~100 steps/min.
      for (const [date, steps] of [
        ['2026-11-03', 4000],
        ['2026-11-04', 4400],
        ['2026-11-05', 4800],
      ] as const) {
        await call('PUT', '/api/walking/manual', {}, { date, steps });
      }
      await call('POST', '/api/screen?date=2026-11-06', ES, { answers: answers(['blood-thinners']), birthYear: 1970 });
      const es = await call('GET', '/api/today?date=2026-11-06', ES);
      assert.equal(es.plan.status, 'active');
      assert.deepEqual(es.plan.stage, {
        number: 1,
        name: 'Inicio',
        goal: 'Camina cada día desde tu propio punto de partida y rueda cada planta una vez al día.',
      });
      const [walk] = es.plan.items;
      assert.equal(walk.name, 'Caminata diaria');
      assert.equal(walk.doseText, '4400 pasos (unos 44 min) hoy');
      assert.equal(walk.steps[0], 'Camina a un ritmo al que todavía puedas hablar.');
      assert.equal(
        walk.why[1].text,
        'Las personas con dolor de espalda persistente tienden a caminar más despacio y con pasos más cortos; esto es una consecuencia del dolor, no está probado que sea su causa.',
      );
      assert.equal(walk.why[1].evidence, 'SR/MA');
      assert.equal(
        walk.ifItHurts[1],
        'Si el dolor pasa de 5/10, camina más despacio o acorta la caminata; el plan mantendrá o bajará tu objetivo.',
      );
      assert.equal(
        es.walking.basis,
        'Tu media fue de 4400 pasos al día en los 7 días del 30 oct al 5 nov (en los 3 de esos días con datos de caminata; los días sin datos no cuentan): tu objetivo es esa media.',
      );
      // Blood thinners take the ball roll out of stage 1's plan.
      assert.deepEqual(es.plan.excluded, [
        {
          exercise: 'ball-roll',
          reason: 'Fuera del plan hasta que un profesional diga que es seguro para ti (según tu control de seguridad).',
        },
      ]);
      assert.deepEqual(es.screen.result.precautions, [
        'Rodar la pelota puede causar moratones si tomas anticoagulantes.',
      ]);

      for (const headers of [EN, {}]) {
        const en = await call('GET', '/api/today?date=2026-11-06', headers);
        assert.equal(en.plan.stage.name, 'Start');
        assert.equal(en.plan.items[0].name, 'Daily walk');
        assert.equal(en.plan.items[0].doseText, '4,400 steps (about 44 min) today');
        assert.equal(
          en.walking.basis,
          'Your average was 4,400 steps a day over the 7 days from 30 Oct to 5 Nov (on the 3 of those days with walking data; days without data are left out): your target is that baseline.',
        );
        assert.equal(
          en.plan.excluded[0].reason,
          'Left out until a clinician says it is safe for you (from your safety check).',
        );
        assert.deepEqual(en.screen.result.precautions, ['Ball rolling can bruise when you take blood thinners.']);
      }
    });

    test('stage 2’s dose lines, and the review after pain above 5/10 following a session, in Spanish', async () => {
      await call('POST', '/api/screen?date=2026-11-06', {}, { answers: answers(), birthYear: 1970 });
      const personId = (await ensureLocalPerson(api.store.db)).id;
      // Stage 2 since 17 November: 3 of the 7 days a stage needs on the 20th, so the morning's review holds.
      await upsertProgram(api.store.db, personId, {
        stage: 2,
        stageStartedOn: '2026-11-17',
        startedOn: '2026-11-06',
        status: 'active',
        decidedOn: null,
      });
      const morning = await call('GET', '/api/today?date=2026-11-20', ES);
      assert.equal(morning.decision.action, 'hold');
      const [, roll, lift] = morning.plan.items;
      // Stage 2: ball roll 120 s per foot once a day; pinky-toe lift 2 sets of 10, 5 s holds.
      assert.equal(roll.doseText, '2 min por pie, una vez hoy');
      assert.equal(lift.name, 'Elevación del dedo pequeño');
      assert.equal(lift.doseText, '2 series de 10, mantén 5 s');
      const time = morning.decision.requirements.find((r: { id: string }) => r.id === 'time-at-stage');
      assert.deepEqual([time.text, time.detail], ['Al menos 7 días en esta etapa', '3 de 7 días hasta ahora']);
      const english = await call('GET', '/api/today?date=2026-11-20');
      assert.deepEqual(
        english.plan.items.slice(1).map((i: { doseText: string }) => i.doseText),
        ['2 min per foot, once today', '2 sets of 10, hold 5 s'],
      );

      await call('POST', '/api/sessions', ES, {
        clientId: 'evening-session',
        startedAt: '2026-11-20T18:00:00+01:00',
        completedAt: '2026-11-20T18:10:00+01:00',
        items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 120 }],
        painBefore: { back: 3 },
        painAfter: { back: 7 },
      });
      const evening = await call('GET', '/api/today?date=2026-11-20', ES);
      assert.equal(evening.decision.action, 'regress');
      assert.deepEqual(
        evening.decision.reasons.map((r: { text: string }) => r.text),
        [
          'El dolor durante o después de una sesión pasó de 5/10 (2026-11-20). El modelo de control del dolor dice que hay que reducir la carga.',
        ],
      );
      assert.equal(
        evening.decision.requirements.find((r: { id: string }) => r.id === 'activity-pain').detail,
        'máximo 7/10',
      );
      const progress = await call('GET', '/api/progress?date=2026-11-20', ES);
      assert.equal(progress.stage.name, 'Despertar los dedos');
      assert.equal(progress.decision.reasons[0].rule, 'activity-pain-high');
      assert.ok(
        progress.events.some((e: { reasons: { text: string }[] }) =>
          e.reasons.some(
            (r) => r.text === 'Control de seguridad sin señales de alarma: el programa empieza en la etapa 1.',
          ),
        ),
        'the stored start event reads in Spanish',
      );
      const progressEn = await call('GET', '/api/progress?date=2026-11-20', EN);
      assert.ok(
        progressEn.events.some((e: { reasons: { text: string }[] }) =>
          e.reasons.some((r) => r.text === 'Safety check clear: the program starts at stage 1.'),
        ),
      );
      assert.match(
        progressEn.decision.reasons[0].text,
        /^Pain during or after a session went above 5\/10 \(2026-11-20\)\./,
      );
    });

    test('a red flag: the stop advice and the concern in Spanish, in the answer to the screen and on Today', async () => {
      const res = await call('POST', '/api/screen?date=2026-11-21', ES, { answers: answers(['ce-bladder']) });
      assert.equal(res.result.status, 'stop');
      assert.equal(
        res.result.advice,
        'Busca atención de urgencia ahora: ve a un servicio de urgencias o llama a tu número local de emergencias.',
      );
      assert.equal(res.result.flags[0].concern, 'presión sobre los nervios de la parte baja de la columna');
      const es = await call('GET', '/api/today?date=2026-11-21', ES);
      assert.deepEqual(
        { status: es.plan.status, advice: es.plan.advice, concerns: es.plan.concerns },
        {
          status: 'stopped',
          advice:
            'Busca atención de urgencia ahora: ve a un servicio de urgencias o llama a tu número local de emergencias.',
          concerns: ['presión sobre los nervios de la parte baja de la columna'],
        },
      );
      const en = await call('GET', '/api/today?date=2026-11-21');
      assert.equal(
        en.plan.advice,
        'Get emergency care now: go to an emergency department or call your local emergency number.',
      );
      assert.deepEqual(en.plan.concerns, ['pressure on the nerves at the bottom of the spine']);
    });
    test('the chain explanation: each link’s meaning, the status words, pain areas and the disclaimer in Spanish', async () => {
      await call(
        'POST',
        '/api/assessment/screening',
        {},
        {
          testId: 'navicular-drop',
          values: { left: 12, right: 7 },
          recordedAt: '2026-11-21T10:00:00+00:00',
          recordedBy: 'me',
        },
      );
      await call(
        'POST',
        '/api/assessment/pain-map',
        {},
        {
          marks: [
            { region: 'low-back', side: 'centre', intensity: 6, view: 'back' },
            { region: 'neck', side: 'right', intensity: 3, view: 'back' },
          ],
          recordedAt: '2026-11-21T10:05:00+00:00',
          recordedBy: 'me',
        },
      );
      const es = (await call('GET', '/api/explain?date=2026-11-21', ES)).explanation;
      const en = (await call('GET', '/api/explain?date=2026-11-21', EN)).explanation;
      assert.deepEqual(
        es.links.map((l: { status: string }) => l.status),
        en.links.map((l: { status: string }) => l.status),
        'the same statuses',
      );
      assert.equal(
        es.links[6].meaning,
        'Que los pies influyan en el dolor de cuello a través de la columna es una idea que no se ha probado. Aun así, caminar es una buena actividad general para las personas con dolor de cuello.',
      );
      assert.equal(
        es.links[6].finding,
        'Todavía no hay nada medido para este eslabón. Dolor marcado aquí: Cuello derecho (por detrás) 3/10.',
      );
      assert.equal(
        en.links[6].finding,
        'Nothing measured for this link yet. Pain marked here: Right neck (back) 3/10.',
      );
      // The navicular drop's name in Spanish too (its value as the test wrote it: a number and a unit).
      assert.match(es.links[0].finding, /^Caída del navicular \(lado izquierdo\): 12 mm — fuera del rango habitual/);
      assert.match(es.links[0].finding, /Caída del navicular \(lado derecho\): 7 mm — dentro del rango habitual/);
      assert.match(en.links[0].finding, /^Navicular drop \(left\): 12 mm/);
      assert.match(en.links[0].finding, /\(left\): 12 mm — outside the usual range/);
      // The findings themselves, on the chain and on the assessment: 12 mm is over 10 mm, 12 - 7 = 5 mm between sides.
      const [left, , diff] = es.links[0].measured;
      assert.equal(
        left.plain,
        'Tu arco izquierdo bajó 12 mm al ponerte de pie. Es más de los 6 a 9 mm habituales. Es compatible con un pie que se va mucho hacia dentro. Vale la pena enseñárselo a tu profesional.',
      );
      assert.deepEqual(
        [diff.label, diff.value],
        ['Caída del navicular: diferencia entre lados', '5 mm (el arco izquierdo bajó más)'],
      );
      assert.equal(
        en.links[0].measured[0].plain,
        'Your left arch dropped 12 mm when you stood up. That is more than the usual 6 to 9 mm. It is consistent with a foot that rolls in a lot. Worth showing your clinician.',
      );
      const assessment = await call('GET', '/api/assessment', ES);
      assert.equal(
        assessment.screening[0].findings[1].plain,
        'Tu arco derecho bajó 7 mm al ponerte de pie. Está en el rango habitual de 6 a 9 mm.',
      );
      const saved = await call('POST', '/api/assessment/screening', ES, {
        testId: 'windlass',
        values: { left: 'positive' },
        recordedAt: '2026-11-21T10:10:00+00:00',
        recordedBy: 'me',
      });
      assert.deepEqual([saved.findings[0].label, saved.findings[0].value], ['Prueba de Windlass', 'positiva']);
      assert.match(
        es.disclaimer,
        /^Esto explica tus mediciones junto a lo que han encontrado los estudios\. No es un diagnóstico\./,
      );
      assert.match(
        en.disclaimer,
        /^This explains your measurements next to what studies have found\. It is not a diagnosis\./,
      );
      assert.deepEqual(es.painSegments, en.painSegments);
    });
    test('the screening tests’ and questionnaires’ catalogue in Spanish: names, purposes, instructions, accepted values, rules; codes and figures unchanged', async () => {
      const es = (await call('GET', '/api/assessment/catalogue', ES)).screeningTests;
      const en = (await call('GET', '/api/assessment/catalogue', EN)).screeningTests;
      assert.deepEqual(
        es.map((t: { id: string }) => t.id),
        en.map((t: { id: string }) => t.id),
        'the same tests in the same order',
      );
      const lunge = es.find((t: { id: string }) => t.id === 'weight-bearing-lunge');
      assert.equal(lunge.name, 'Zancada en carga (rodilla a la pared)');
      assert.equal(lunge.purpose, 'Cuánto puede doblarse el tobillo hacia delante con el talón en el suelo.');
      assert.equal(
        lunge.home.steps[5],
        'Lee en centímetros la distancia de la pared a la punta del dedo gordo. Inténtalo 3 veces y quédate con la mayor.',
      );
      assert.equal(lunge.clinic.need[0], 'Cinta métrica fijada al suelo perpendicular a la pared');
      assert.deepEqual(lunge.input, { unit: 'cm', perSide: true, range: '0-25 cm por lado' });
      assert.deepEqual([lunge.evidence, lunge.refs], ['SR/MA', ['30', '30a']], 'evidence and references are codes');
      // Figures from the same constants as the English: 3 trials, 45 s at most.
      const stance = es.find((t: { id: string }) => t.id === 'single-leg-stance');
      assert.equal(
        stance.home.steps[3],
        'Hazlo 3 veces con cada pierna y quédate con el mejor tiempo (como mucho 45 segundos).',
      );
      assert.match(stance.unverified, /SIN VERIFICAR/);
      const fpi = es.find((t: { id: string }) => t.id === 'foot-posture-index');
      assert.equal(
        fpi.home.notAtHome,
        'Esta prueba necesita un observador formado y el formulario oficial. Pide a tu profesional que la haga, e introduce la puntuación total de su formulario.',
      );
      assert.match(fpi.licence, /^Manual del FPI-6 © Anthony Redmond 1998/);
      // The questionnaires: names as published, their rules in Spanish, figures with a decimal comma.
      const outcomes = (await call('GET', '/api/assessment/catalogue', ES)).outcomeMeasures;
      assert.equal(outcomes.odi.name, 'Oswestry Disability Index (ODI) v2.1a');
      assert.equal(outcomes.odi.change, 'DMCI de 10 puntos o el 30 % (Ostelo 2008); CMD de unos 10 puntos.');
      assert.equal(outcomes['faam-adl'].change, 'DMCI de 8 puntos; CMD 5,7.');
      assert.equal(
        outcomes.ndi.change,
        'DMCI de unos 5 puntos brutos (Vernon); algunos estudios dan 7,5 (SIN VERIFICAR).',
      );
      assert.deepEqual(
        outcomes.nprs.scale,
        { min: 0, max: 10, unit: 'points', higherIsBetter: false },
        'scales are figures and codes',
      );
      assert.equal(
        (await call('GET', '/api/assessment/catalogue', EN)).outcomeMeasures['faam-adl'].change,
        'MCID 8 points; MDC 5.7.',
      );
      // English as before, with or without the header.
      for (const list of [en, (await call('GET', '/api/assessment/catalogue')).screeningTests]) {
        const l = list.find((t: { id: string }) => t.id === 'weight-bearing-lunge');
        assert.deepEqual([l.name, l.input.range], ['Weight-bearing lunge (knee to wall)', '0-25 cm per side']);
      }
    });

    test('a refused check-in, walking log or safety check says why in Spanish for es, in English otherwise', async () => {
      const refused = async (method: 'POST' | 'PUT', url: string, headers: Record<string, string>, payload: object) => {
        const res = await api.app.inject({ method, url, headers, payload });
        assert.equal(res.statusCode, 400, res.body);
        return res.json().error as { code: string; message: string; field: string };
      };
      const checkin = { at: '2026-11-21T08:00:00+01:00', context: 'daily', back: 11 };
      assert.deepEqual(await refused('POST', '/api/checkins', ES, checkin), {
        code: 'invalid_input',
        message: 'body.back: debe ser 10 o menos',
        field: 'body.back',
      });
      assert.equal((await refused('POST', '/api/checkins', EN, checkin)).message, 'body.back: must be 10 or less');
      assert.equal(
        (await refused('POST', '/api/checkins', ES, { at: '2026-11-21T08:00:00+01:00', context: 'daily' })).message,
        'body.back: da al menos una puntuación de dolor (espalda, cuello o pie)',
      );
      assert.equal(
        (await refused('PUT', '/api/walking/manual', ES, { date: '2026-11-21', steps: 1.5 })).message,
        'body.steps: debe ser un número entero',
      );
      assert.equal(
        (await refused('PUT', '/api/walking/manual', {}, { date: '2026-11-21', steps: 1.5 })).message,
        'body.steps: Invalid input: expected int, received number',
      );
      const unanswered = answers();
      delete unanswered['ce-bladder'];
      const screen = await refused('POST', '/api/screen?date=2026-11-21', ES, { answers: unanswered });
      assert.deepEqual(
        [screen.message, screen.field],
        [
          'Por favor, responde: Desde que empezó tu dolor de espalda, ¿has tenido nuevos problemas para orinar, o se te ha escapado la orina sin querer?',
          'answers.ce-bladder',
        ],
      );
      assert.equal(
        (await refused('POST', '/api/screen?date=2026-11-21', EN, { answers: unanswered })).message,
        'Please answer: Since your back pain started, have you had new trouble passing urine, or leaked urine without meaning to?',
      );
      // A questionnaire that cannot be scored says why, with its figures (ODI: a section above 5; four of ten missing).
      const odi = (sections: (number | null)[]) => ({
        measure: 'odi',
        input: { sections },
        recordedAt: '2026-11-21T10:10:00+00:00',
        recordedBy: 'me',
      });
      assert.deepEqual(await refused('POST', '/api/assessment/outcomes', ES, odi([2, 3, 1, 0, 9, 2, 1, 3, 2, 1])), {
        code: 'bad_request',
        message: 'input.sections[4]: La sección 5 es 9; debe estar entre 0 y 5.',
        field: 'input.sections[4]',
      });
      assert.equal(
        (await refused('POST', '/api/assessment/outcomes', ES, odi([2, null, 1, null, null, 2, null, 3, 2, 1])))
          .message,
        'input.sections: Faltan 4 secciones; el ODI no se puede puntuar con más de 2 sin responder.',
      );
      assert.equal(
        (await refused('POST', '/api/assessment/outcomes', EN, odi([2, 3, 1, 0, 9, 2, 1, 3, 2, 1]))).message,
        'input.sections[4]: Section 5 is 9; it must be from 0 to 5.',
      );
    });
  });
}
