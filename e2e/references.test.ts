/// <reference lib="dom" />
/**
 * Browser test: the References page (issue 17). On Today a claim cites its source by author and year ("Pocovi et
 * al., 2024", not a file name); the citation opens the References page at that source's entry, scrolled to,
 * marked and focused, with authors, year, title, journal and its DOI link; "Back to where you were" returns. The
 * page is reachable from Your data, has an entry and an anchor per reference, explains the evidence labels, passes
 * axe, and opens offline from the service worker's cache. My chain's evidence and clinician figures cite the same
 * way. No screen names DOMAIN.md, another .md file or a § section.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REFERENCES } from '../src/core/references.js';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { serverAndPhone } from './helpers/fixture.js';
import { call } from './helpers/server.js';
import { localAt, seedNineDays } from './helpers/seed.js';

const ctx = serverAndPhone(async (server) => {
  const { today } = await seedNineDays(server.url);
  // A measured foot link, so My chain shows its evidence and, for a clinician, its figures.
  await call(server.url, 'POST', '/api/assessment/screening', {
    testId: 'navicular-drop',
    values: { left: 12, right: 7 },
    recordedAt: localAt(today, 9),
    recordedBy: 'me',
  });
});

/** What a person reads must not point at a file outside the app. */
async function assertNoFilePointers(text: string, where: string): Promise<void> {
  assert.doesNotMatch(text, /DOMAIN|\.md\b|§/, `${where} names a file or a section`);
}

test('Today: a claim cites its source by author and year, and the citation opens that source on the References page', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  const walk = page.locator('article[aria-labelledby="item-walk"]');
  await walk.getByText('Why it matters').click();
  const claim = walk.locator('li.claim', { hasText: 'In a large trial' });
  await claim.getByText('Evidence: Randomised controlled trial (Pocovi et al., 2024)').waitFor();
  await assertNoFilePointers(await page.locator('main').innerText(), 'Today');

  await claim.getByRole('link', { name: 'Pocovi et al., 2024' }).click();
  await page.getByRole('heading', { level: 1, name: 'References' }).waitFor();
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, '/references#ref-5');
  const entry = page.locator('li#ref-5');
  await page.waitForFunction(() => document.activeElement?.id === 'ref-5');
  assert.match((await entry.getAttribute('class')) ?? '', /\bcurrent\b/);
  assert.equal(await page.locator('li.reference.current').count(), 1, 'only the cited entry is marked');
  const text = await entry.innerText();
  assert.match(text, /^Pocovi et al\., 2024\n/);
  assert.ok(
    text.includes(
      'Pocovi NC, Lin CWC, French SD, et al. (2024). Individualised progressive walking and education to prevent low back pain recurrence (WalkBack): randomised controlled trial. Lancet 2024;404(10448):134–44.',
    ),
    text,
  );
  assert.equal(await entry.getByRole('link').getAttribute('href'), 'https://doi.org/10.1016/S0140-6736(24)00755-4');
  const box = await entry.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 200, `the entry is scrolled to the top of the screen (y=${box?.y})`);
  await assertAccessible(page, 'references, opened from a citation');
  await screenshot(page, '11b-references-entry');

  await page.getByRole('button', { name: 'Back to where you were' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
});

test('References: reachable from Your data, one entry and anchor per reference, the evidence labels in plain words', async () => {
  const { page } = ctx.phone;
  await page.getByRole('navigation', { name: 'Your data' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  await page.getByRole('link', { name: 'References' }).click();
  await page.getByRole('heading', { level: 1, name: 'References' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/references');
  assert.equal(
    await page.getByRole('button', { name: 'Back to where you were' }).count(),
    0,
    'not opened from a citation',
  );

  const ids = await page.locator('li.reference').evaluateAll((els) => els.map((e) => e.id));
  assert.deepEqual(
    ids,
    REFERENCES.map((r) => `ref-${r.id}`),
  );
  assert.equal(await page.locator('li.reference.current').count(), 0);
  const legend = page.locator('.evidence-legend');
  await legend.getByText('the fairest test of whether something works', { exact: false }).waitFor();
  await legend.getByText('An idea that has not been shown in studies.', { exact: false }).waitFor();
  await page.locator('li#ref-1').getByText('DOI unverified.').waitFor();
  await assertNoFilePointers(await page.locator('main').innerText(), 'the References page');
  await assertAccessible(page, 'references');
  await screenshot(page, '11-references', { top: true });
});

test("My chain: the evidence and the clinician's figures cite by author and year, each citation a link to its entry", async () => {
  const { page } = ctx.phone;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chain' }).click();
  await page.getByRole('heading', { level: 1, name: 'My chain' }).waitFor();
  const foot = page.locator('article[data-link="foot-ankle"]');
  await foot
    .getByText('Evidence: LAB (Laboratory study in healthy people), Khamis and Yizhar, 2007; Martin et al., 2014')
    .first()
    .waitFor();
  await page.getByRole('button', { name: /For my clinician/ }).click();
  const clin = foot.getByTestId('clinician-text');
  await clin.getByText('internal shank rotation (Khamis and Yizhar, 2007) (LAB)', { exact: false }).waitFor();
  await clin.getByText('References: Khamis and Yizhar, 2007; Martin et al., 2014.').waitFor();
  await page
    .locator('article[data-link="spine-neck"]')
    .getByText('References: none: a hypothesis that no study has tested.')
    .waitFor();
  await assertNoFilePointers(await page.locator('main').innerText(), 'My chain (clinician view)');

  await clin.getByRole('link', { name: 'Martin et al., 2014' }).last().click();
  await page.waitForFunction(() => document.activeElement?.id === 'ref-13');
  await page
    .locator('li#ref-13')
    .getByText('Martin RL et al. (2014). Heel pain—plantar fasciitis: revision 2014.', { exact: false })
    .waitFor();
});

test('offline: the References page opens from the service worker cache, at the entry asked for', async () => {
  const { page, context } = ctx.phone;
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  try {
    await page.goto(ctx.server.url + '/references#ref-25');
    await page.getByRole('heading', { level: 1, name: 'References' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'ref-25');
    await page.locator('li#ref-25').getByText('Hollman JH, McDade EM, Petersen RC (2011).', { exact: false }).waitFor();
  } finally {
    await context.setOffline(false);
  }
});
