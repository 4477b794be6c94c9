/**
 * Browser test: a clinician whose browser is set to Spanish (issue 14 item 8) reads the clinician's screens in
 * Spanish, from the same catalogue as the patient's (web/src/i18n/locales/es/clinic.json, clinician-messages.json):
 * the patient list with an unread message, the patient's page (with a walking target set there, and the report's
 * pain picture, whose words chartIn gives in Spanish; its program history, whose reasons the server says from their
 * ids), and the conversation. The patient's browser is English. The words are written here by hand from the catalogue; axe runs on
 * each screen; screenshots 49a-49e.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { localDate } from '../web/src/lib/local-time.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, inPage, screenshot } from './helpers/browser.js';
import { clinicServerAndPhones, withClinic } from './helpers/clinic.js';
import { localAt } from './helpers/seed.js';
import { startServer } from './helpers/server.js';

const CLINIC = 'Clínica Pies Primero';
const CLINICIAN = { email: 'dra.ruiz@piesprimero.example', name: 'Dra. Ruiz', password: 'ruiz-secret-password' };
const PATIENT = { email: 'lucia@example.org', name: 'Lucía Andrade', password: 'lucia-secret-password' };

const ctx = clinicServerAndPhones(() => startServer(withClinic(CLINIC, CLINICIAN)), { clinicianLocale: 'es-ES' });

/** Words that only English uses, as whole words: one of them on a Spanish screen is text left untranslated. */
const ENGLISH =
  /\b(the|and|your|you|with|this|for|is|are|today|steps|walk|minutes|pain|save|patients?|messages?|stage|unread|none|not)\b/i;

async function assertNoEnglish(page: Page, screen: string): Promise<void> {
  const text = (await page.locator('main').innerText()).split(PATIENT.name).join('');
  assert.deepEqual(
    text.split('\n').filter((l) => ENGLISH.test(l)),
    [],
    `${screen}: English left on a Spanish clinician screen`,
  );
}

test('a Spanish clinician: the patient list, the patient page and the conversation in Spanish', async () => {
  const c = ctx.clinician.page;
  const p = ctx.patient.page;
  const url = ctx.server.url;
  const today = localDate();

  // The clinician invites; the patient signs up, answers the safety check, checks in with back pain 4 and writes.
  await c.goto(url + '/');
  const ruiz = await inPage<{ csrfToken: string }>(
    c,
    'POST',
    '/api/auth/sign-in',
    { email: CLINICIAN.email, password: CLINICIAN.password },
    null,
  );
  const invite = await inPage<{ token: string }>(c, 'POST', '/api/invitations', {}, ruiz.csrfToken);
  await p.goto(url + '/');
  const lucia = await inPage<{ csrfToken: string }>(
    p,
    'POST',
    `/api/invitations/${invite.token}/sign-up`,
    { email: PATIENT.email, password: PATIENT.password, displayName: PATIENT.name },
    null,
  );
  await inPage(p, 'POST', `/api/screen?date=${today}`, { answers: allNo(), birthYear: 1970 }, lucia.csrfToken);
  await inPage(
    p,
    'POST',
    '/api/checkins',
    { at: localAt(today, 8), context: 'daily', back: 4, regions: [] },
    lucia.csrfToken,
  );
  const clinicianId = (
    await inPage<{ threads: { clinicianAccountId: string }[] }>(p, 'GET', '/api/messages', null, null)
  ).threads[0]!.clinicianAccountId;
  await inPage(p, 'POST', `/api/messages/${clinicianId}`, { text: 'Hola, ¿puedo caminar más?' }, lucia.csrfToken);

  // The patient list.
  await c.goto(url + '/');
  assert.equal(await c.evaluate(() => document.documentElement.lang), 'es');
  await c.getByRole('heading', { level: 1, name: 'Tus pacientes' }).waitFor();
  const nav = c.getByRole('navigation', { name: 'Área de trabajo' });
  for (const word of ['Pacientes', 'Referencias']) await nav.getByRole('link', { name: word, exact: true }).waitFor();
  await nav.getByRole('link', { name: 'Mensajes 1 sin leer' }).waitFor();
  await c.getByLabel('Buscar por nombre o correo').waitFor();
  const row = c
    .locator('li, tr, article')
    .filter({ has: c.getByRole('link', { name: PATIENT.name }) })
    .first();
  await row.getByText('1 mensaje sin leer', { exact: false }).waitFor();
  await row.getByText('Etapa', { exact: false }).first().waitFor();
  await assertNoEnglish(c, 'the patient list');
  await assertAccessible(c, 'the patient list in Spanish');
  await screenshot(c, '49a-es-clinician-patients', { top: true });

  // The patient's page.
  await c.getByRole('link', { name: PATIENT.name }).first().click();
  await c.getByRole('heading', { level: 1, name: PATIENT.name }).waitFor();
  await c.getByRole('heading', { name: 'Historial del programa' }).waitFor();
  await c.getByRole('heading', { name: 'Registros (últimos 28 días)' }).waitFor();
  await c.getByRole('columnheader', { name: 'Dolor (0–10)' }).waitFor();
  await c.getByText('espalda 4', { exact: true }).waitFor();
  // The report's pain picture, its words in Spanish (the PDF's are English): one check-in of 4, so the baseline is 4
  // and the band 4 ± 2 (the NPRS MCID, DOMAIN.md §7).
  assert.equal(
    await c.locator('main figure figcaption').first().innerText(),
    'Dolor diario (el más alto de espalda, cuello y pie) con la franja del punto de partida ± DMCI (dolor 0–10). Sombreado: punto de partida 4 ± 2 (DMCI).',
  );
  await assertNoEnglish(c, 'the patient page');
  await assertAccessible(c, 'the patient page in Spanish');
  await screenshot(c, '49b-es-clinician-patient', { top: true });

  // The walking form: the patient has no walking days, so the program's own target is its start, 10 minutes; the
  // clinician sets 4000 steps (Spanish writes 4-digit numbers ungrouped) and reads who set it and when, in Spanish.
  const form = c.locator('form', { has: c.getByRole('heading', { name: 'Objetivo de caminata' }) });
  await form.getByText('De los propios días recientes del paciente: 10 minutos al día.').waitFor();
  await form.getByRole('radio', { name: 'Poner el objetivo' }).check();
  await form.getByLabel('Contar en').selectOption('steps');
  await form.getByLabel(/al día \(de 100 a 30\.000\)$/).fill('4000');
  // First without a reason: refused, saying why in Spanish (validation-texts.ts).
  await form.getByRole('button', { name: 'Guardar el objetivo de caminata' }).click();
  await form.getByText('Motivo: explica el motivo con palabras que el paciente leerá.').waitFor();
  await form.getByLabel('Motivo (el paciente lo lee en Hoy)').fill('Tu rodilla se quejó tras los paseos largos.');
  await form.getByRole('button', { name: 'Guardar el objetivo de caminata' }).click();
  await form.getByText('Guardado. El objetivo de caminata del paciente hoy: 4000 pasos al día.').waitFor();
  const month = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'][
    Number(today.slice(5, 7)) - 1
  ];
  await form
    .getByTestId('walking-setting')
    .getByText(`Objetivo: 4000 pasos al día, puesto por ${CLINICIAN.name} el ${Number(today.slice(8, 10))} ${month}.`)
    .waitFor();
  await assertNoEnglish(c, 'the walking form');
  await form.scrollIntoViewIfNeeded();
  await screenshot(c, '49d-es-clinician-walking-target');

  // The program history: each change's reasons said from their ids (src/core/i18n/review-texts.ts), the clinician's
  // reason in their own words. Written here by hand.
  await c.reload();
  const history = c.locator('ol.events');
  await history.getByText('Control de seguridad sin señales de alarma: el programa empieza en la etapa 1.').waitFor();
  await history
    .getByText(
      `${CLINICIAN.name} ha fijado tu objetivo de caminata en 4000 pasos al día: Tu rodilla se quejó tras los paseos largos.`,
    )
    .waitFor();
  await assertNoEnglish(c, 'the program history');
  await history.scrollIntoViewIfNeeded();
  await screenshot(c, '49f-es-clinician-history');

  // The conversation: opening it reads the message.
  await c.goto(`${url}/messages`);
  await c.getByRole('heading', { level: 1, name: 'Mensajes' }).waitFor();
  await c.getByRole('link', { name: PATIENT.name }).first().click();
  await c.getByRole('heading', { level: 1, name: `Mensajes con ${PATIENT.name}` }).waitFor();
  await c.getByText('Hola, ¿puedo caminar más?').waitFor();
  await assertNoEnglish(c, 'the conversation');
  await assertAccessible(c, 'the conversation in Spanish');
  await screenshot(c, '49c-es-clinician-messages', { top: true });
});
