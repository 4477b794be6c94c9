/**
 * Browser test: a person whose phone is set to Spanish (issue 14 item 8). The app opens in Spanish without being
 * asked, its figures follow Spanish conventions (12.345 steps, not 12,345), no English is left on the patient's
 * screens, a choice on the Data page switches every screen at once and is remembered over the browser's language.
 * The nav words are the glossary's (docs/translation.md), written here by hand. axe runs on each screen;
 * screenshots 40-44 show the Spanish screens at 390 px (44: the screening tests, whose texts the server writes), 45 a
 * saved screening result, 46-48 the Walk page's import: a result, damaged records listed where they are and what is
 * wrong (the importers' messages by id, src/core/i18n/import-problem-texts.ts), and a file refused whole; 43b a
 * backup file refused on the Data page (the API's refusals by id, src/core/i18n/refusal-texts.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { localDate } from '../web/src/lib/local-time.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { call } from './helpers/server.js';
import { serverAndPhone } from './helpers/fixture.js';

const today = localDate();
const ctx = serverAndPhone(
  async (server) => {
    await call(server.url, 'POST', `/api/screen?date=${today}`, { answers: allNo(), birthYear: 1970 });
  },
  { locale: 'es-ES' },
);

/** Words that only English uses, as whole words: one of them on a Spanish screen is text left untranslated. */
const ENGLISH = /\b(the|and|your|you|with|this|for|is|are|today|steps|walk|minutes|pain|save)\b/i;

async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

function assertNoEnglish(text: string, screen: string): void {
  const lines = text.split('\n').filter((l) => ENGLISH.test(l));
  assert.deepEqual(lines, [], `${screen}: English left on a Spanish screen`);
}

test('a Spanish phone gets Footing in Spanish, with Spanish figures, and can switch to English and back', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/');
  const nav = page.getByRole('navigation', { name: 'Principal' });
  for (const word of ['Hoy', 'Registro', 'Caminar', 'Cadena', 'Progreso'])
    await nav.getByRole('link', { name: word }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  await page.locator('main h1').first().waitFor();
  assertNoEnglish(await visibleText(page), 'today');
  await assertAccessible(page, 'today in Spanish');
  await screenshot(page, '40-es-today', { top: true });

  await nav.getByRole('link', { name: 'Registro' }).click();
  await page.locator('main h1').first().waitFor();
  assertNoEnglish(await visibleText(page), 'check-in');
  await assertAccessible(page, 'check-in in Spanish');
  await screenshot(page, '41-es-checkin', { top: true });

  // A walk of 12345 steps logged by hand: Spanish groups five-digit numbers with a point (CLDR es: 12.345),
  // English with a comma; the confirmation repeats the figure the Spanish way.
  await nav.getByRole('link', { name: 'Caminar' }).click();
  await page.locator('#walk-steps').fill('12345');
  await page.locator('#walk-minutes').fill('95');
  await page
    .locator('form', { has: page.locator('#walk-steps') })
    .locator('button[type=submit]')
    .click();
  const saved = page.getByRole('status').filter({ hasText: '12.345' });
  await saved.waitFor();
  assert.doesNotMatch(
    await saved.innerText(),
    /12,345|\d{4}-\d{2}-\d{2}/,
    'Spanish figures, and the day as a person reads it',
  );
  assertNoEnglish(await visibleText(page), 'walking');
  await assertAccessible(page, 'walking in Spanish');
  await screenshot(page, '42-es-walking', { top: true });

  // The Data page: the language choice switches every screen at once, and the choice outlives a reload.
  await page.getByRole('link', { name: 'Datos' }).click();
  await page.getByLabel('Idioma de la aplicación').waitFor();
  assertNoEnglish(await visibleText(page), 'data');
  await screenshot(page, '43-es-data', { top: true });
  await page.getByLabel('Idioma de la aplicación').selectOption('en');
  const mainNav = page.getByRole('navigation', { name: 'Main' });
  await mainNav.getByRole('link', { name: 'Today' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The plan's words come from the server: they are asked for again in the new language, without a reload.
  await mainNav.getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { name: 'Daily walk' }).waitFor();
  // The choice outlives a reload, over the browser's own language (Spanish).
  await page.reload();
  await mainNav.getByRole('link', { name: 'Today' }).waitFor();
  await page.getByRole('link', { name: 'Data' }).click();
  await page.getByLabel('Language of the app').selectOption('es');
  await nav.getByRole('link', { name: 'Hoy' }).click();
  await page.getByRole('heading', { name: 'Caminata diaria' }).waitFor();
});

test('the screening tests in Spanish: each test’s name and an open test’s instructions come from the server in Spanish', async () => {
  const { page } = ctx.phone;
  // Opened at one test (its card opens), as a link from My chain does.
  await page.goto(ctx.server.url + '/chain/tests#weight-bearing-lunge');
  await page.getByRole('heading', { level: 1, name: 'Pruebas de cribado' }).waitFor();
  // Names and instructions as src/core/i18n/screening-texts.ts writes them, copied here by hand.
  for (const name of [
    'Caída del navicular',
    'Zancada en carga (rodilla a la pared)',
    'Tiempo sobre una pierna',
    'Prueba de Windlass',
  ]) {
    await page.getByText(name, { exact: true }).first().waitFor();
  }
  await page.locator('article#weight-bearing-lunge summary', { hasText: 'Cómo hacerla en casa' }).click();
  await page
    .getByText(
      'Lee en centímetros la distancia de la pared a la punta del dedo gordo. Inténtalo 3 veces y quédate con la mayor.',
    )
    .waitFor();
  assertNoEnglish(await visibleText(page), 'screening tests');
  // The evidence tag's words too (the lunge's evidence is a systematic review: 'well supported' in English).
  const tag = page.locator('article#weight-bearing-lunge .evidence-tag').first();
  assert.match(
    await tag.innerText(),
    /^bien respaldado\s+Evidencia: SR\/MA \(Revisión sistemática o metanálisis\), /,
    'the evidence words in Spanish',
  );
  await assertAccessible(page, 'screening tests in Spanish');
  await screenshot(page, '44-es-screening-tests');
});

test('a saved screening result in Spanish: its findings’ labels, values, sentences and the chain’s line', async () => {
  const { page } = ctx.phone;
  // A lunge of 8.5 cm on the left (under 9 cm; 8.5 x 3.6 = 30.6, about 31 degrees) and 10.5 cm on the right.
  await call(ctx.server.url, 'POST', '/api/assessment/screening', {
    testId: 'weight-bearing-lunge',
    values: { left: 8.5, right: 10.5 },
    recordedAt: `${today}T09:00:00+00:00`,
    recordedBy: 'me',
  });
  // The last test left the page at this address: load it afresh, so the saved result is asked for.
  await page.goto(ctx.server.url + '/chain/tests#weight-bearing-lunge');
  await page.reload();
  const card = page.locator('article#weight-bearing-lunge');
  // Written by hand from src/core/i18n/screening-finding-texts.ts's sentences and the figures above.
  await card.locator('.finding-head', { hasText: '8,5 cm (unos 31 grados)' }).waitFor();
  await card
    .getByText(
      'Tu rodilla izquierda llegó a la pared con los dedos del pie a 8,5 cm. Por debajo de 9 cm se suele hablar de un tobillo rígido. Vale la pena enseñárselo a tu profesional.',
    )
    .waitFor();
  await card
    .getByText(
      'Tu tobillo izquierdo se dobló 2 cm menos que el otro. Una diferencia de 1,5 cm o más es mayor que el error de medida. Vale la pena enseñárselo a tu profesional.',
    )
    .waitFor();
  // Measured by the person: "por mí" (the stored "me" is not shown as it is).
  assert.match(await card.locator('.last-result h3').innerText(), /^Último resultado: .+, por mí$/);
  assertNoEnglish(await card.innerText(), 'a saved screening result');
  await assertAccessible(page, 'screening result in Spanish');
  await card.locator('.last-result').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, '45-es-screening-result');
  // My chain shows the same findings, in Spanish, under the link they measure (the ankle's).
  await page.goto(ctx.server.url + '/chain');
  const link = page.locator('article[data-link="ankle-knee"]');
  await link.locator('.finding-head', { hasText: '8,5 cm (unos 31 grados)' }).waitFor();
  await link.getByText('Tu tobillo izquierdo se dobló 2 cm menos que el otro.', { exact: false }).waitFor();
  assertNoEnglish(await visibleText(page), 'my chain with a finding');
});

/** Chooses a file on the Walk page and waits for its result, known by its heading (each choice replaces the last). */
async function importOnWalkPage(page: Page, name: string, text: string, heading: string) {
  await page.locator('#walking-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const result = page
    .getByTestId('import-result')
    .filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
  await result.waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'));
  return result;
}

test('importing on the Walk page in Spanish: the result, a damaged record and a refused file say where and what in Spanish', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/walking');
  await page.getByRole('heading', { name: 'Trae tus caminatas desde tu teléfono o reloj' }).waitFor();
  await page.getByText('Elegir tu archivo de exportación', { exact: true }).waitFor();
  // A Fitbit daily CSV of one person, two days (12 and 13 April 2016).
  const header = 'Id,ActivityDate,TotalSteps,TotalDistance\n';
  // Each day gives its steps and its distance: 4 measurements from 2 rows, all new. Written by hand from
  // src/core/i18n/import-texts.ts and the Spanish catalogue.
  const good = await importOnWalkPage(
    page,
    'pasos.csv',
    `${header}1503960366,4/12/2016,13162,8.5\n1503960366,4/13/2016,10735,6.97\n`,
    'pasos.csv: importado',
  );
  assert.equal(await good.getByTestId('import-outcome').innerText(), '4 mediciones de caminata nuevas añadidas.');
  assert.equal(await good.getByTestId('import-days').innerText(), '2 días, del mar, 12 abr 2016 al mié, 13 abr 2016');
  assertNoEnglish(await good.innerText(), 'an import result');
  await assertAccessible(page, 'an import result in Spanish');
  await good.scrollIntoViewIfNeeded();
  await screenshot(page, '46-es-import-result');

  // Damaged rows, imported leniently (the default): the good row is kept, each bad one is listed where it is
  // (line 3, column 22: "1503960366,4/14/2016," is 21 characters) and what is wrong, in Spanish.
  const damaged = `${header}1503960366,4/14/2016,9000,6\n1503960366,4/15/2016,lots,7\n1503960366,4/16/2016,5000\n`;
  const lenient = await importOnWalkPage(
    page,
    'pasos-dañado.csv',
    damaged,
    'pasos-dañado.csv: importado, se dejaron fuera los registros erróneos',
  );
  await lenient.getByText('2 registros erróneos (dejados fuera; el resto se importó)', { exact: true }).waitFor();
  const problems = lenient.getByTestId('import-problems').locator('li');
  assert.deepEqual(
    await problems.evaluateAll((lis) =>
      lis.map((li) => Array.from(li.querySelectorAll('span'), (s) => (s as HTMLElement).innerText)),
    ),
    [
      [
        'En línea 3, columna 22, en “TotalSteps”',
        'Un valor aquí no es un número o está fuera de rango.',
        'TotalSteps "lots" no es un número entero de pasos',
      ],
      [
        'En línea 4, columna 1',
        'Un valor aquí no es un número o está fuera de rango.',
        'La fila tiene 3 campos y la cabecera 4',
      ],
    ],
  );
  assertNoEnglish(await lenient.innerText(), 'damaged records');
  await assertAccessible(page, 'damaged records in Spanish');
  await lenient.getByTestId('import-problems').scrollIntoViewIfNeeded();
  await screenshot(page, '47-es-import-bad-records');

  // The same file with "import nothing": refused, nothing stored, the first damage located and said in Spanish.
  await page.getByText('Opciones: registros dañados, zona horaria, un historial de tu clínica').click();
  await page.getByRole('radio', { name: /No importar nada/ }).check();
  const before = await call<unknown[]>(ctx.server.url, 'GET', '/api/walking/daily');
  const refused = await importOnWalkPage(page, 'pasos-dañado.csv', damaged, 'pasos-dañado.csv: no se importó nada');
  await refused
    .getByRole('alert')
    .getByText('Elegiste “no importar nada si algo está dañado” y este archivo tiene daños, así que no se guardó nada.')
    .waitFor();
  const first = refused.getByTestId('import-problems').locator('li').first();
  assert.equal(await first.locator('.problem-where').innerText(), 'En línea 3, columna 22, en “TotalSteps”');
  await first.getByText('TotalSteps "lots" no es un número entero de pasos', { exact: true }).waitFor();
  assert.deepEqual(await call<unknown[]>(ctx.server.url, 'GET', '/api/walking/daily'), before, 'nothing was stored');
  assertNoEnglish(await refused.innerText(), 'a refused file');
  await assertAccessible(page, 'a refused file in Spanish');
  await refused.scrollIntoViewIfNeeded();
  await screenshot(page, '48-es-import-refused');
  await page.getByRole('radio', { name: /Importar los buenos/ }).check();
});

test('restoring a backup in Spanish: a file of another app is refused beside the button, in Spanish', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/settings');
  await page.getByRole('heading', { name: 'Restaurar una copia de seguridad' }).waitFor();
  const file = { name: 'copia.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"otra-app"}') };
  await page.locator('#import-file').setInputFiles(file);
  // The server's refusal (backup.field around zod's check of "format", by id) inside the page's backup.failed.
  await page
    .locator('#import-err')
    .getByText('copia.json: Archivo de copia de seguridad, en format: debe ser "footing-backup". No se cambió nada.', {
      exact: true,
    })
    .waitFor();
  const card = page
    .locator('.card')
    .filter({ has: page.getByRole('heading', { name: 'Restaurar una copia de seguridad' }) });
  assertNoEnglish(await card.innerText(), 'a refused backup');
  await assertAccessible(page, 'a refused backup in Spanish');
  // The refusal in the middle of the screen, clear of the bottom navigation.
  await page.locator('#import-err').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, '43b-es-backup-refused');
});

test('Progress in Spanish: the report pictures drawn in the app have Spanish titles and axis names (the PDF stays English)', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/progress');
  // The steps picture (the walk of 12.345 steps logged in the first test, and the imported days): its words from
  // src/core/i18n/report-chart-texts.ts, written here by hand.
  const caption = page.locator('main figure figcaption', { hasText: 'Tus pasos de cada día' });
  await caption.waitFor();
  assert.match(
    await caption.innerText(),
    /^Tus pasos de cada día \(la línea discontinua: tu objetivo de hoy\) \(pasos al día\)\./,
  );
  assertNoEnglish(await visibleText(page), 'progress');
});
