/**
 * The PDF reports as a person gets them (issue 15): the clinician clicks *Download the clinician report (PDF)* on
 * their patient's page, the patient *Download my report (PDF)* on Progress; each file is read with poppler's
 * pdftotext and checked against figures worked out by hand from the record seeded below (through the store, as the
 * app writes it). Today is the 14th day of the program, which started 13 days ago:
 *
 * - daily check-ins (highest = back): days −13, −12, −11 at 6, 5, 4 (first week's baseline 5); days −3, −2, −1 at 3, 2,
 *   3 (last 7 days: 8/3 = 2.7, a fall of 2.3, beyond the NPRS MCID of 2: improved);
 * - completed sessions on days −12, −10 and −3: 1 of 7 in the last 7 days (14%), 3 of 14 in the 14 days since the
 *   start (21%); week 1 (days −13 to −7) 2 of 7 (29%), week 2 (days −6 to 0) 1 of 7 (14%);
 * - days with data in the first 30-day period: the six check-in days and day −10 = 7 of 14 so far, 9 more needed.
 *
 * Then the clinician chooses the period of week 2 only on the page (a From after the To is refused there) and the
 * PDF holds that week alone, with the same baseline.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/core/dates.js';
import { submitScreen } from '../src/services/program-service.js';
import { acceptInvitation, createInvitation } from '../src/store/repos/care-links.js';
import { insertCheckin } from '../src/store/repos/checkins.js';
import { saveSession } from '../src/store/repos/sessions.js';
import { insertGaitAnalysis } from '../src/store/repos/gait-analyses.js';
import { localDate } from '../web/src/lib/local-time.js';
import { pdfText, row } from '../test/helpers/pdf-text.js';
import { colourWebp, REPORT_GAIT_ANALYSIS } from '../test/helpers/report-gait.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { clinicServerAndPhones, withClinic } from './helpers/clinic.js';
import { localAt } from './helpers/seed.js';
import { startServer } from './helpers/server.js';

// A day as the report writes it, written out from the date's parts: 2026-11-24 -> '24 Nov 2026'.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const inWords = (date: string) =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

const CLINIC = 'Feet First Physio';
const CLINICIAN = { email: 'dr.lee@feetfirst.example', name: 'Dr Lee', password: 'lee-secret-password' };
const PATIENT = { email: 'robin@example.org', name: 'Robin', password: 'robin-secret-password' };
const clinic = withClinic(CLINIC, CLINICIAN);
const ctx = clinicServerAndPhones(() =>
  startServer({
    prepare: async (db) => {
      await clinic.prepare!(db);
      const dir = mkdtempSync(join(tmpdir(), 'footing-report-e2e-'));
      try {
        writeFileSync(join(dir, 'pw.txt'), PATIENT.password);
        await db.cli([
          'user',
          'add',
          '--role',
          'patient',
          '--email',
          PATIENT.email,
          '--name',
          PATIENT.name,
          '--password-file',
          join(dir, 'pw.txt'),
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  }),
);

async function signIn(page: Page, url: string, who: { email: string; password: string }) {
  await page.goto(url + '/');
  // The first load of the app under a loaded machine can take longer than a step's 10 s.
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Clicks a link that downloads a file and gives its bytes and the name the server gave it. */
async function download(page: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  // The download starts when the server has made the PDF; on a loaded machine that can take longer than a step's
  // 10 s (it did once, on PostgreSQL, in a full run): a hang guard, not a timing.
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  const path = await file.path();
  assert.ok(path, `${linkName}: the download finished`);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('the clinician and the patient download their PDF reports, and the text holds the figures worked out by hand', async () => {
  const today = localDate();
  const db = ctx.server.store.db;
  const clinician = await db
    .selectFrom('accounts')
    .select(['id', 'clinic_id'])
    .where('email', '=', CLINICIAN.email)
    .executeTakeFirstOrThrow();
  const personId = (
    await db.selectFrom('accounts').select('person_id').where('email', '=', PATIENT.email).executeTakeFirstOrThrow()
  ).person_id!;
  await createInvitation(db, {
    clinicId: clinician.clinic_id!,
    clinicianAccountId: clinician.id,
    tokenHash: 'report-e2e',
    label: null,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  assert.ok(await acceptInvitation(db, 'report-e2e', personId));
  const start = addDays(today, -13);
  await submitScreen(db, personId, { answers: allNo(), birthYear: 1970 }, start);
  for (const [d, back] of [
    [-13, 6],
    [-12, 5],
    [-11, 4],
    [-3, 3],
    [-2, 2],
    [-1, 3],
  ] as const) {
    await insertCheckin(db, personId, { at: localAt(addDays(today, d), 8), context: 'daily', back, regions: [] });
  }
  for (const d of [-12, -10, -3]) {
    const day = addDays(today, d);
    await saveSession(db, personId, 1, {
      clientId: `report-e2e-${-d}`,
      startedAt: localAt(day, 18),
      completedAt: localAt(day, 19),
      items: [
        { exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 1, repsDone: 0, secondsDone: 120 },
      ],
    });
  }

  // The clinician, from the patient's page.
  const c = ctx.clinician.page;
  await signIn(c, ctx.server.url, CLINICIAN);
  await c.getByRole('heading', { level: 1, name: 'Your patients' }).waitFor();
  await c.getByRole('link', { name: PATIENT.name }).first().click();
  const theirs = await download(c, 'Download the clinician report (PDF)');
  assert.equal(theirs.name, `footing-clinician-report-${today}.pdf`);
  assert.equal(theirs.bytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(theirs.bytes);
  const flat = text.replace(/\s+/g, ' ');
  assert.match(text, /Footing: clinician report/);
  assert.match(flat, new RegExp(`Robin, born 1970\\. Report for ${inWords(today)}\\.`));
  assert.match(flat, /baseline 5 \(mean of the program’s first week\); last 7 days 2\.7: improved \(meaningful\)/);
  assert.match(flat, /1 of 7 sessions in the last 7 days \(14%\); 3 of 14 in the last 28 days \(21%\)/);
  // Week, dates, check-ins, back, neck, foot, sessions done/prescribed, steps a day.
  assert.match(
    text,
    row('1', `${inWords(start)} to ${inWords(addDays(start, 6))}`, '3', '5', '–', '–', '2/7 (29%)', '–'),
  );
  assert.match(
    text,
    row('2', `${inWords(addDays(start, 7))} to ${inWords(today)}`, '3', '2.7', '–', '–', '1/7 (14%)', '–'),
  );
  // Remote monitoring: period, days so far, days with data, against 16, minutes.
  assert.match(text, row(`${inWords(start)} to ${inWords(addDays(start, 29))}`, '14', '7', '9 more needed', '0'));

  // The clinician chooses a period: week 2 only. A From after the To is refused on the page, with no link.
  await c.getByLabel('To', { exact: true }).fill(today);
  await c.getByLabel(/^From/).fill(addDays(today, 1));
  await c.getByRole('alert').filter({ hasText: 'The period starts after it ends' }).waitFor();
  assert.equal(await c.getByRole('link', { name: 'Download the clinician report (PDF)' }).count(), 0);
  await assertAccessible(c, 'patient page, a period that ends before it starts');
  const week2 = addDays(start, 7);
  await c.getByLabel(/^From/).fill(week2);
  // The pictures on the page follow the period: the pain chart now starts on its first day, its axis written as the
  // report writes dates (issue 17: one rule for dates).
  await c
    .locator('figure.report-figure svg text', { hasText: inWords(week2) })
    .first()
    .waitFor();
  const period = await download(c, 'Download the clinician report (PDF)');
  assert.equal(period.name, `footing-clinician-report-${week2}-to-${today}.pdf`);
  const periodText = pdfText(period.bytes);
  assert.match(periodText.replace(/\s+/g, ' '), new RegExp(`Report for ${inWords(week2)} to ${inWords(today)}\\.`));
  assert.match(periodText, row('2', `${inWords(week2)} to ${inWords(today)}`, '3', '2.7', '–', '–', '1/7 (14%)', '–'));
  assert.doesNotMatch(
    periodText,
    new RegExp(`${inWords(start)} to ${inWords(addDays(start, 6))}`),
    'week 1 is before the period',
  );
  // The monitoring period that overlaps it is still listed whole.
  assert.match(periodText, row(`${inWords(start)} to ${inWords(addDays(start, 29))}`, '14', '7', '9 more needed', '0'));
  // The same summary: the baseline is the program's first week, even outside the period.
  assert.match(periodText.replace(/\s+/g, ' '), /baseline 5 \(mean of the program’s first week\); last 7 days 2\.7/);

  // The patient, from Progress.
  const p = ctx.patient.page;
  await signIn(p, ctx.server.url, PATIENT);
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await p.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
  const own = await download(p, 'Download my report (PDF)');
  assert.equal(own.name, `footing-patient-report-${today}.pdf`);
  const mine = pdfText(own.bytes).replace(/\s+/g, ' ');
  assert.match(mine, /Footing: your report/);
  assert.match(
    mine,
    /In your first week your pain was 5 out of 10 on average; in the last 7 days it was 2\.7\. Your pain has gone down by enough to matter/,
  );
  assert.match(
    mine,
    /In the last 7 days you did 1 of the 7 exercise sessions planned; over the last 4 weeks \(or since you started\), 3 of 14\./,
  );
  assert.doesNotMatch(mine, /Remote monitoring/, "the patient's report has no billing figures");

  // The patient chooses the period on Progress as the clinician does: a From after the To is refused on the page,
  // with no link and no pictures; week 2 gives that period's PDF.
  const fromField = p.getByLabel('From (empty: since you started)');
  await fromField.fill(addDays(today, 1));
  await p.getByRole('alert').filter({ hasText: 'The period starts after it ends' }).waitFor();
  assert.equal(await p.getByRole('link', { name: 'Download my report (PDF)' }).count(), 0);
  await assertAccessible(p, 'Progress, a period that ends before it starts');
  await fromField.fill(week2);
  const ownWeek = await download(p, 'Download my report (PDF)');
  assert.equal(ownWeek.name, `footing-patient-report-${week2}-to-${today}.pdf`);
  await assertAccessible(p, 'Progress with a chosen period');
  // The patient's pictures follow the period too, their axis in the report's words for dates.
  await p
    .locator('figure.report-figure svg text', { hasText: inWords(week2) })
    .first()
    .waitFor();
  await fromField.scrollIntoViewIfNeeded();
  await screenshot(p, '10c-progress-report-period');
});

/** A plain green picture, WebP as the browser saves stills. */
const GREEN_WEBP = colourWebp('0x00ff00').toString('base64');
/** The report tests' analysis (test/helpers/report-gait.ts) with its cadence only. */
const GAIT = {
  ...REPORT_GAIT_ANALYSIS,
  video: 'walk-a.webm',
  metrics: { cadence_spm: REPORT_GAIT_ANALYSIS.metrics.cadence_spm },
};

test("the clinician's patient page draws the gait picture the PDF has: the still of the middle heel strike, with its caption (phone-size page)", async () => {
  const db = ctx.server.store.db;
  const personId = (
    await db.selectFrom('accounts').select('person_id').where('email', '=', PATIENT.email).executeTakeFirstOrThrow()
  ).person_id!;
  const angles = { hip_deg: 21.4, knee_deg: 3.6, ankle_deg: null };
  const still = (side: 'left' | 'right', event: 'initial_contact' | 'toe_off', time: number, frame: number) => ({
    event,
    side,
    time,
    frame,
    angles,
    type: 'image/webp' as const,
    width: 120,
    height: 160,
    data: GREEN_WEBP,
  });
  await insertGaitAnalysis(db, personId, {
    recordedAt: localAt(addDays(localDate(), -1), 10),
    recordedBy: 'me',
    sourceName: 'walk-a.webm',
    view: 'side',
    analysis: GAIT as unknown as Parameters<typeof insertGaitAnalysis>[2]['analysis'],
    keypoints: null,
    videoPath: null,
    stills: [
      still('left', 'initial_contact', 0.5, 15),
      still('right', 'initial_contact', 1.05, 31),
      still('left', 'toe_off', 1.1, 33),
    ],
  });
  const c = ctx.clinician.page;
  await c.reload();
  const figure = c.locator('figure.report-still');
  await figure.waitFor({ timeout: 30_000 });
  // The caption the PDF prints under the picture (report-still-api.test.ts reads the same words from the PDF):
  // the right heel strike at 1.05 s, frame 31; hip 21.4 and knee 3.6 rounded to whole degrees; no ankle angle.
  assert.equal(
    await figure.locator('figcaption').innerText(),
    'Right initial contact (heel strike) of walk-a.webm at 1.05 s (frame 31), as pictured on the device when the analysis was saved; the angles drawn on it: hip 21°, knee 4°, ankle not measured.',
  );
  // The picture is the saved still itself (the JPEG the report made of it): 120 x 160 and green at its centre.
  const img = figure.locator('img');
  await c.waitForFunction(() => {
    const i = document.querySelector('figure.report-still img') as HTMLImageElement | null;
    return Boolean(i?.complete && i.naturalWidth > 0);
  });
  const seen = await img.evaluate((el) => {
    const i = el as HTMLImageElement;
    const canvas = document.createElement('canvas');
    canvas.width = i.naturalWidth;
    canvas.height = i.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(i, 0, 0);
    const [r, gr, b] = g.getImageData(60, 80, 1, 1).data;
    return {
      w: i.naturalWidth,
      h: i.naturalHeight,
      r,
      g: gr,
      b,
      alt: i.alt,
      shownWidth: i.getBoundingClientRect().width,
      page: document.documentElement.clientWidth,
    };
  });
  assert.deepEqual([seen.w, seen.h], [120, 160]);
  assert.ok(seen.r! < 40 && seen.g! > 215 && seen.b! < 40, `centre pixel ${seen.r},${seen.g},${seen.b}`);
  assert.equal(seen.alt, 'The video frame of this moment, with the body’s points and the angles drawn on it.');
  assert.ok(
    seen.shownWidth <= seen.page,
    `the picture (${seen.shownWidth} px) fits the phone's page (${seen.page} px)`,
  );
  assert.equal(await c.locator('figure.report-still').count(), 1, 'one picture: the stills not chosen are not drawn');
  await assertAccessible(c, 'patient page with the gait picture');
  await figure.scrollIntoViewIfNeeded();
  await screenshot(c, '7t-patient-page-gait-still');
  await screenshot(c, '7u-patient-page-full', { fullPage: true, top: true });
});
