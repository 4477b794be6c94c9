/// <reference lib="dom" />
/**
 * Browser test of the Walking page (issue 4): a person with a week of hand-logged walks brings in real device
 * files. An Apple Health export.xml is chosen with the file button (upload throttled so the progress bar is seen
 * moving), then a Garmin FIT walk; the result shows records and added counts as the API reported them, and the
 * charts move to the imported days with the values the API stores. A truncated FIT file imported strictly shows
 * its located error and stores nothing; a damaged XML imported leniently lists the bad record by line, column and
 * field. A Fitbit study CSV of several people stores nothing until the person picks their Id, then only that Id's
 * days. The result's words and numbers agree (records read, the walking measurements they gave, new and already
 * stored; a file that added nothing says so); after leaving the page the files imported before are listed with
 * what each did. On the 390 px touch screen the import offers to choose the file, with no drag wording. The hand log
 * still works on the same page; the seven-item bottom nav fits a 390 px phone; axe finds no serious problems. A record
 * from the clinic (FHIR) with "take my program" ticked, on a phone whose date is not UTC's: the result shows the pain
 * check-ins, outcome scores and record parts stored, the program's events are on the phone's date, and the history's
 * line for it lists its check-ins and assessments; once a safety answer pauses the program, the choice is refused in
 * the person's words and nothing is stored.
 * Expected figures come from the files themselves (counted or summed here), not from the app.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { CADENCE_RANGE, GAIT_SPEED_RANGE } from '../src/gait/reference-ranges.js';
import { STEPS_PLATEAU_60_PLUS, STEPS_PLATEAU_UNDER_60 } from '../src/core/clinical-constants.js';
import { sharedData } from '../test/helpers/shared-data.js';
import { launchPhone, screenshot, type Phone, assertAccessible } from './helpers/browser.js';
import { seedNineDays, type Seeded } from './helpers/seed.js';
import { call, startServer, type TestServer } from './helpers/server.js';
import { OUTCOME_SYSTEM } from '../src/core/fhir/assessment-resources.js';
import { stageByNumber } from '../src/core/stages.js';
import { zoneOnAnotherDate } from '../test/helpers/other-date-zone.js';
import { RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import { allNo } from './helpers/answers.js';

const APPLE = sharedData('apple-health/export6s3sample.xml');
const FIT = sharedData('fit/garmin-fenix-5-walk.fit');
const FIT_CSV = sharedData('fit/garmin-fenix-5-walk-records.csv');
const BROKEN_FIT = sharedData('fit/invalid-activity-unexpected-eof.fit');
const FITBIT_STEPS = sharedData('fitbit/dailySteps_merged.csv');

interface Daily {
  date: string;
  steps: number;
  distanceM: number;
  cadenceSpm: number | null;
  speedMps: number | null;
}
interface Job {
  status: string;
  result: {
    status: string;
    records: number;
    samples: number;
    added: number;
    duplicates: number;
    skipped: number;
    ok: boolean;
    days: Record<string, unknown>;
    errors: { code: string; location: Record<string, unknown> }[];
  };
}

let server: TestServer;
let phone: Phone;
let seeded: Seeded;
/** The last finished job each upload's polling received, as the API sent it to the page. */
let lastJob: Job | null = null;

before(async () => {
  server = await startServer();
  seeded = await seedNineDays(server.url);
  phone = await launchPhone();
  phone.page.on('response', async (res) => {
    if (!res.url().includes('/api/jobs/')) return;
    const job = (await res.json().catch(() => null)) as Job | null;
    if (job && (job.status === 'done' || job.status === 'failed')) lastJob = job;
  });
});
after(async () => {
  await phone?.close();
  await server?.close();
});

/** The values a chart holds (its data-values attribute), once the charts have loaded the current period. */
async function chartValues(measure: string): Promise<Record<string, number>> {
  const { page } = phone;
  await page.locator('[data-testid=walking-charts][data-loaded=true]').waitFor();
  return JSON.parse((await page.getByTestId(`walking-chart-${measure}`).getAttribute('data-values')) ?? '{}') as Record<
    string,
    number
  >;
}

/** Chooses files with the file button and waits for the result of the last one. */
async function importFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const { page } = phone;
  lastJob = null;
  await page.locator('#walking-file').setInputFiles(file);
  await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'));
  await waitForJob();
  assert.ok(lastJob, 'the page polled the import job to its end');
  return lastJob as Job;
}

/** The page saw the final job (its response is read asynchronously). */
async function waitForJob() {
  for (let i = 0; i < 500 && !lastJob; i++) await new Promise((r) => setTimeout(r, 20));
}

/** The figures the result shows (its data attributes), and the same from the job the API sent. */
async function resultFigures() {
  const r = phone.page.getByTestId('import-result');
  const n = async (name: string) => Number(await r.getAttribute(`data-${name}`));
  return {
    records: await n('records'),
    samples: await n('samples'),
    added: await n('added'),
    duplicates: await n('duplicates'),
    skipped: await n('skipped'),
  };
}
const figuresOf = (job: Job) => ({
  records: job.result.records,
  samples: job.result.samples,
  added: job.result.added,
  duplicates: job.result.duplicates,
  skipped: job.result.skipped,
});

/** The result's one sentence of what the import did. */
async function outcome(): Promise<string> {
  return phone.page.getByTestId('import-outcome').innerText();
}

test('walking page: hand-logged week, charts with reference bands, nav fits a phone', async () => {
  const { page } = phone;
  await page.goto(server.url + '/');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Walk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Walking' }).waitFor();
  // Five links at 390 px: none is cut off (its text fits) and each is at least 44 px wide.
  const links = await nav.getByRole('link').evaluateAll((as) =>
    as.map((a) => ({
      text: a.textContent,
      fits: a.scrollWidth <= a.clientWidth,
      w: a.getBoundingClientRect().width,
    })),
  );
  assert.equal(links.length, 5);
  for (const l of links) assert.ok(l.fits && l.w >= 44, `nav link ${l.text} fits (${l.w} px)`);

  // A 390 px touch screen has nothing to drag: the import offers to choose the file, in those words.
  const zone = page.getByTestId('drop-zone');
  await zone.getByText('Choose your export file', { exact: true }).waitFor();
  assert.doesNotMatch(await zone.innerText(), /drag/i);
  const steps = await chartValues('steps');
  assert.equal(Object.keys(steps).length, seeded.walkingDays, 'every hand-logged day is a bar');
  const api = await call<Daily[]>(
    server.url,
    'GET',
    `/api/walking/daily?from=${await page.getByTestId('walking-charts').getAttribute('data-from')}&to=${seeded.today}`,
  );
  for (const d of api) assert.equal(steps[d.date], d.steps);
  // Hand logs measure no cadence or speed: those charts are empty, not zero.
  assert.deepEqual(await chartValues('cadenceSpm'), {});
  await page
    .getByTestId('walking-chart-steps')
    .getByText(`${STEPS_PLATEAU_60_PLUS.toLocaleString('en')}–${STEPS_PLATEAU_UNDER_60.toLocaleString('en')} steps`)
    .waitFor();
  await page
    .getByTestId('walking-chart-speedMps')
    .getByText(`${GAIT_SPEED_RANGE.min}–${GAIT_SPEED_RANGE.max} m/s`)
    .first()
    .waitFor();
  await page.getByTestId('walking-chart-steps').locator('canvas').waitFor();
  await assertAccessible(phone.page, 'walking page');
  await screenshot(page, '4a-walking-page', { top: true });
  await page.getByTestId('walking-chart-steps').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, '4g-steps-chart');

  // The period switch: a year holds the same days.
  await page.getByRole('button', { name: '1 year' }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=walking-charts]')?.getAttribute('data-loaded') === 'true',
  );
  assert.equal(Object.keys(await chartValues('steps')).length, seeded.walkingDays);
  await page.getByRole('button', { name: '4 weeks' }).click();
});

test('Apple Health export.xml: progress while sending, then the result; the charts move to the file’s days', async () => {
  const { page } = phone;
  const xml = readFileSync(APPLE, 'utf8');
  // Figures from the file itself: every Record and Workout is a record read; the step and distance records are walking.
  const records = (xml.match(/<(Record|Workout) /g) ?? []).length;
  const walkingRecords = (xml.match(/<Record type="HKQuantityTypeIdentifier(StepCount|DistanceWalkingRunning)"/g) ?? [])
    .length;
  const stepsOn = (day: string) =>
    [
      ...xml.matchAll(
        /<Record type="HKQuantityTypeIdentifierStepCount"[^>]*startDate="(\d{4}-\d{2}-\d{2})[^>]*value="(\d+)"/g,
      ),
    ]
      .filter((m) => m[1] === day)
      .reduce((s, m) => s + Number(m[2]), 0);
  const metresOn = (day: string) =>
    [
      ...xml.matchAll(
        /<Record type="HKQuantityTypeIdentifierDistanceWalkingRunning"[^>]*unit="km"[^>]*startDate="(\d{4}-\d{2}-\d{2})[^>]*value="([\d.]+)"/g,
      ),
    ]
      .filter((m) => m[1] === day)
      .reduce((s, m) => s + Number(m[2]) * 1000, 0);

  // Every state the progress block shows is recorded, to check it went from sending to the result.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid=import-progress]');
      if (el)
        seen.push(`${el.getAttribute('data-phase')}:${el.getAttribute('data-done')}/${el.getAttribute('data-total')}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const progressSeen = () =>
    page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.splice(0));
  lastJob = null;
  await page.locator('#walking-file').setInputFiles(APPLE);
  await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
  const seen = await progressSeen();
  assert.ok(
    seen.includes(`upload:0/${statSync(APPLE).size}`),
    `the bar started at 0 of the file's size (${seen.join(' ')})`,
  );
  await waitForJob();
  const job = lastJob as Job | null;
  assert.ok(job && job.status === 'done');
  const shown = await resultFigures();
  assert.deepEqual(shown, figuresOf(job), 'the page shows what the API reported');
  assert.equal(shown.records, records);
  assert.deepEqual(
    [shown.samples, shown.added, shown.duplicates],
    [walkingRecords, walkingRecords, 0],
    'a fresh store adds every walking record',
  );
  assert.equal(shown.skipped, records - walkingRecords, 'the one workout, which is not a walk');
  assert.equal(await outcome(), `${walkingRecords} new walking measurements added.`);
  await page
    .getByTestId('import-result')
    .getByTestId('import-skipped')
    .getByText('1 activity left out: 1 other activity (not walking)')
    .waitFor();
  await page.getByTestId('import-result').getByText('Apple Health export (export.xml)').waitFor();
  await page
    .getByTestId('import-result')
    .getByTestId('import-days')
    .getByText(/^2 days, Sat 13 Sept? 2014 to Sat 20 Sept? 2014$/)
    .waitFor();

  // The file is from 2014: the charts move to its days and show what it holds.
  await page.getByText('Showing the days of your file.').waitFor();
  const steps = await chartValues('steps');
  assert.deepEqual(steps, { '2014-09-13': stepsOn('2014-09-13') });
  const km = await chartValues('distanceKm');
  assert.deepEqual(Object.keys(km), ['2014-09-20']);
  // Stored to the decimetre.
  assert.ok(
    Math.abs(km['2014-09-20']! * 1000 - metresOn('2014-09-20')) <= 0.05 + 1e-9,
    `distance ${km['2014-09-20']! * 1000} m vs ${metresOn('2014-09-20')} m in the file`,
  );
  await assertAccessible(phone.page, 'walking: import result');
  await page.getByTestId('import-result').scrollIntoViewIfNeeded();
  await screenshot(page, '4c-import-result');
  // A bigger export (the same records many times over, as a long-used phone's export repeats its kinds): the bar is
  // seen moving through the upload (throttled to about 400 kB/s), and nothing is added twice.
  const head = xml.indexOf('<Record ');
  const body = xml.slice(head, xml.indexOf('</HealthData>'));
  const bigXml = xml.slice(0, head) + body.repeat(300) + '</HealthData>\n';
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 400_000,
  });
  lastJob = null;
  await page
    .locator('#walking-file')
    .setInputFiles({ name: 'export.xml', mimeType: 'text/xml', buffer: Buffer.from(bigXml) });
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=import-progress]');
    return el && Number(el.getAttribute('data-done')) > 0;
  });
  await screenshot(page, '4b-import-progress');
  await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const bigSeen = await progressSeen();
  const partial = bigSeen
    .filter((x) => x.startsWith('upload:'))
    .map((x) => Number(x.split(':')[1]!.split('/')[0]))
    .filter((b) => b > 0 && b < bigXml.length);
  assert.ok(new Set(partial).size >= 3, `the bar moved through the upload (${bigSeen.length} states)`);
  await waitForJob();
  const bigJob = lastJob as Job | null;
  assert.ok(bigJob);
  assert.equal(bigJob.result.records, 300 * records);
  assert.equal(bigJob.result.added, 0, 'all its records were stored already');
  assert.deepEqual(await resultFigures(), {
    records: 300 * records,
    samples: 300 * walkingRecords,
    added: 0,
    duplicates: 300 * walkingRecords,
    skipped: 300,
  });
  // The words agree with the numbers: nothing was added, and the heading does not say "imported".
  await page.getByTestId('import-result').getByRole('heading', { name: 'export.xml: nothing new' }).waitFor();
  assert.equal(
    await outcome(),
    `Nothing new: all ${(300 * walkingRecords).toLocaleString('en')} walking measurements in this file were already stored.`,
  );
});

test('Garmin FIT walk: records and added as the API says; cadence and speed charts with their bands', async () => {
  const { page } = phone;
  const csvRows = readFileSync(FIT_CSV, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const job = await importFile(FIT);
  assert.equal(job.status, 'done');
  const shown = await resultFigures();
  assert.deepEqual(shown, figuresOf(job));
  assert.equal(shown.records, csvRows.length, 'one FIT record message per row of the SDK’s CSV dump');
  // Records and measurements are different counts, and the page says which is which: each record message gives a
  // heart rate, a cadence and a speed, and the walk's session its time, distance and steps (and step length).
  assert.ok(shown.added > shown.records && shown.added === shown.samples);
  assert.equal(await outcome(), `${shown.added} new walking measurements added.`);
  await page.getByTestId('import-result').getByText('Records read from the file').waitFor();
  await page.getByTestId('import-result').getByText('Walking measurements in them').waitFor();
  await page.getByTestId('import-result').getByText('Garmin / FIT activity file').waitFor();

  const api = await call<Daily[]>(server.url, 'GET', '/api/walking/daily?from=2017-06-01&to=2017-06-30');
  assert.equal(api.length, 1);
  const day = api[0]!;
  assert.equal(day.date, '2017-06-11');
  assert.deepEqual(await chartValues('steps'), { '2017-06-11': day.steps });
  // The track's last cumulative distance in the CSV dump (metres).
  assert.ok(Math.abs(day.distanceM - Number(csvRows.at(-1)![4])) < 1, `distance ${day.distanceM} m`);
  const cadence = await chartValues('cadenceSpm');
  assert.deepEqual(cadence, { '2017-06-11': day.cadenceSpm });
  // FIT walking cadence is strides a minute: steps are twice the CSV's column, and the daily mean lies inside its range.
  const strides = csvRows.map((r) => Number(r[2]));
  assert.ok(cadence['2017-06-11']! >= 2 * Math.min(...strides) && cadence['2017-06-11']! <= 2 * Math.max(...strides));
  const speed = await chartValues('speedMps');
  const speeds = csvRows.map((r) => Number(r[3]));
  assert.ok(
    speed['2017-06-11']! >= Math.min(...speeds) && speed['2017-06-11']! <= Math.max(...speeds),
    `speed ${speed['2017-06-11']}`,
  );
  const cadenceChart = page.getByTestId('walking-chart-cadenceSpm');
  await cadenceChart.getByText(`${CADENCE_RANGE.min}–${CADENCE_RANGE.max} steps/min`, { exact: true }).waitFor();
  await cadenceChart.getByText('Show the numbers').click();
  await cadenceChart.locator('tbody tr[data-date="2017-06-11"]').waitFor();
  await cadenceChart.locator('canvas').waitFor();
  await assertAccessible(phone.page, 'walking: FIT charts');
  await page.getByTestId('walking-chart-cadenceSpm').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, '4d-walking-charts');
  // Dropped onto the drop zone this time (a real drop event carrying the file): importing it again adds nothing.
  lastJob = null;
  const bytes = [...readFileSync(FIT)];
  await page.getByTestId('drop-zone').evaluate((zone, b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'garmin-fenix-5-walk.fit', { type: 'application/octet-stream' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid=import-progress]'));
  await waitForJob();
  const again = lastJob as Job | null;
  assert.ok(again);
  assert.equal(again.result.added, 0);
  assert.deepEqual(await resultFigures(), { ...shown, added: 0, duplicates: shown.samples });
  await page
    .getByTestId('import-result')
    .getByRole('heading', { name: 'garmin-fenix-5-walk.fit: nothing new' })
    .waitFor();
  assert.equal(
    await outcome(),
    `Nothing new: all ${shown.samples} walking measurements in this file were already stored.`,
  );
  await page.getByTestId('import-result').scrollIntoViewIfNeeded();
  await screenshot(page, '4i-import-nothing-new');
});

test('a truncated FIT file, strict: nothing stored, the error located at the byte where the file ends', async () => {
  const { page } = phone;
  const before = await call<Daily[]>(server.url, 'GET', '/api/walking/daily');
  await page.getByText('Options: damaged records, time zone').click();
  await page.getByRole('radio', { name: /Import nothing/ }).check();
  const job = await importFile(BROKEN_FIT);
  assert.equal(job.status, 'failed');
  assert.equal(job.result.ok, false);
  const result = page.getByTestId('import-result');
  await result.getByRole('heading', { name: 'invalid-activity-unexpected-eof.fit: nothing imported' }).waitFor();
  const size = statSync(BROKEN_FIT).size;
  const problem = result.getByTestId('import-problems').locator('li').first();
  await problem.getByText(`At byte ${size.toLocaleString('en')}`, { exact: true }).waitFor();
  await problem.getByText('The file ends too early', { exact: false }).waitFor();
  assert.equal(await problem.getAttribute('data-code'), 'truncated');
  assert.deepEqual(await call<Daily[]>(server.url, 'GET', '/api/walking/daily'), before, 'nothing was stored');
  await assertAccessible(phone.page, 'walking: strict failure');
  await result.scrollIntoViewIfNeeded();
  await screenshot(page, '4e-import-error');
});

test('a damaged export.xml, lenient: the good records count, the bad one is listed by line, column and field', async () => {
  const { page } = phone;
  await page.getByRole('radio', { name: /Import the good ones/ }).check();
  const lines = readFileSync(APPLE, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('value="426"'));
  lines[at] = lines[at]!.replace('value="426"', 'value="4x6"');
  const job = await importFile({ name: 'export.xml', mimeType: 'text/xml', buffer: Buffer.from(lines.join('\n')) });
  assert.equal(job.status, 'done');
  assert.equal(job.result.added, 0, 'its good records were imported before: nothing new');
  await page.getByTestId('import-result').getByRole('heading', { name: 'export.xml: nothing new' }).waitFor();
  const problem = page.getByTestId('import-result').getByTestId('import-problems').locator('li').first();
  const where = await problem.locator('.problem-where').innerText();
  assert.match(where, new RegExp(`^At line ${at + 1}, column \\d+, in “value”$`));
  const shownColumn = Number(/column (\d+)/.exec(where)![1]);
  assert.ok(shownColumn >= 1 && shownColumn <= lines[at]!.length, `column ${shownColumn} is on the damaged line`);
  // Nothing was new, so it does not say "the rest was imported".
  await page.getByTestId('import-result').getByText('1 bad record (left out)', { exact: true }).waitFor();
  await assertAccessible(phone.page, 'walking: bad records');
  await page.getByTestId('import-result').scrollIntoViewIfNeeded();
  await screenshot(page, '4f-bad-records');
});

test("a Fitbit study CSV of several people: nothing stored until the person picks their Id; then only that Id's days", async () => {
  const { page } = phone;
  const csv = readFileSync(FITBIT_STEPS, 'utf8');
  const rows = csv
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(','));
  const ids = [...new Set(rows.map((r) => r[0]!))];
  const before = await call<Daily[]>(server.url, 'GET', '/api/walking/daily');
  const refused = await importFile(FITBIT_STEPS);
  assert.equal(refused.status, 'failed');
  const result = page.getByTestId('import-result');
  await result.getByRole('heading', { name: 'dailySteps_merged.csv: nothing imported' }).waitFor();
  await result.getByText(`This file holds the walking of ${ids.length} people`, { exact: false }).waitFor();
  assert.deepEqual(await call<Daily[]>(server.url, 'GET', '/api/walking/daily'), before, 'nothing was stored');
  const choose = page.getByTestId('choose-person');
  const select = choose.getByLabel('Which Fitbit Id is yours?');
  assert.deepEqual(await select.locator('option').allInnerTexts(), ids);
  assert.equal(await result.getByTestId('import-problems').count(), 0, 'the refusal is not listed as a bad record');
  await assertAccessible(phone.page, 'walking: choose the Fitbit Id');
  await choose.scrollIntoViewIfNeeded();
  await screenshot(page, '4h-fitbit-choose-person');

  const mine = ids[3]!;
  const myRows = rows.filter((r) => r[0] === mine);
  await select.selectOption(mine);
  lastJob = null;
  await choose.getByRole('button', { name: 'Import this person’s days' }).click();
  await result.getByRole('heading', { name: 'dailySteps_merged.csv: imported' }).waitFor({ timeout: 20_000 });
  await waitForJob();
  assert.equal(lastJob!.status, 'done');
  assert.equal((await resultFigures()).added, myRows.length);
  // Hand figures from the raw rows of that Id: each M/D/YYYY day's StepTotal is stored for that date.
  const iso = (us: string) => {
    const [m, d, y] = us.split('/');
    return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  };
  const from = iso(myRows[0]![1]!);
  const to = iso(myRows.at(-1)![1]!);
  const stored = await call<Daily[]>(server.url, 'GET', `/api/walking/daily?from=${from}&to=${to}`);
  assert.deepEqual(
    Object.fromEntries(stored.map((d) => [d.date, d.steps])),
    Object.fromEntries(myRows.map((r) => [iso(r[1]!), Number(r[2])])),
  );
});

test('the hand log on the walking page updates the chart', async () => {
  const { page } = phone;
  await page.getByRole('button', { name: 'Back to today' }).click();
  await page.locator('#walk-steps').fill('4321');
  await page.getByRole('button', { name: 'Save walking' }).click();
  await page.getByText(/^Saved: 4,321 steps/).waitFor();
  await page.waitForFunction(
    (t) =>
      JSON.parse(document.querySelector('[data-testid=walking-chart-steps]')?.getAttribute('data-values') ?? '{}')[
        t
      ] === 4321,
    seeded.today,
  );
});

test('after leaving the page, the files imported before are listed, newest first, each with what it did', async () => {
  const { page } = phone;
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await nav.getByRole('link', { name: 'Walk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Walking' }).waitFor();
  const history = page.getByTestId('import-history');
  await history.getByTestId('past-import').first().waitFor();
  assert.equal(await page.getByTestId('import-result').count(), 0, 'this visit shows no result of its own');
  const listed = () =>
    history
      .getByTestId('past-import')
      .evaluateAll((els) => els.map((el) => [el.querySelector('strong')?.textContent, el.getAttribute('data-status')]));
  // What this test imported, newest first (the big export.xml and the dropped FIT added nothing; the strict
  // truncated FIT and the several-people Fitbit file were refused).
  const all = [
    ['dailySteps_merged.csv', 'imported'],
    ['dailySteps_merged.csv', 'not-imported'],
    ['export.xml', 'nothing-new'],
    ['invalid-activity-unexpected-eof.fit', 'not-imported'],
    ['garmin-fenix-5-walk.fit', 'nothing-new'],
    ['garmin-fenix-5-walk.fit', 'imported'],
    ['export.xml', 'nothing-new'],
    ['export6s3sample.xml', 'imported'],
  ];
  assert.deepEqual(await listed(), all.slice(0, 5), 'the five newest');
  await history.getByRole('button', { name: 'Show more' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=past-import]').length === n, all.length);
  assert.deepEqual(await listed(), all);
  const api = await call<{ fileName: string; result: { status: string; added: number } }[]>(
    server.url,
    'GET',
    '/api/imports?limit=50',
  );
  assert.deepEqual(
    api.map((p) => [p.fileName, p.result.status]),
    all,
    'as the API has them',
  );
  await history.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, '4j-import-history');
  // The damaged export.xml, opened: its figures and its bad record where it is, as its result showed them.
  const damaged = history.getByTestId('past-import').nth(2);
  await damaged
    .locator('.past-outcome')
    .getByText('Nothing new: all 14 walking measurements in this file were already stored; 1 bad record left out.')
    .waitFor();
  await damaged.locator('summary').click();
  const line =
    readFileSync(APPLE, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('value="426"')) + 1;
  assert.match(
    await damaged.locator('.problem-where').first().innerText(),
    new RegExp(`^At line ${line}, column \\d+, in “value”$`),
  );
  assert.equal(await damaged.getByTestId('import-added').innerText(), '0');
  await assertAccessible(phone.page, 'walking: import history');
});

/**
 * A record from the person's clinic (a FHIR Bundle, written here by hand): 2 step days, pain at 2 times (a back score
 * with a left heel area, then a neck score), 2 ODI scores, and the clinic's program (stage 3) with a clinician's
 * walking target. Every expected figure is counted from this object.
 */
const P = { reference: 'Patient/p1' };
const loinc = (code: string, extra: object) => ({
  resourceType: 'Observation',
  status: 'final',
  subject: P,
  code: { coding: [{ system: 'http://loinc.org', code }] },
  ...extra,
});
const stepsPerDay = (value: number) => ({ value, unit: 'steps/day', system: 'http://unitsofmeasure.org', code: '/d' });
const odi = (at: string, value: number) => ({
  resourceType: 'Observation',
  status: 'final',
  subject: P,
  code: { coding: [{ system: OUTCOME_SYSTEM, code: 'odi' }] },
  effectiveDateTime: at,
  valueQuantity: { value },
  performer: [P],
});
const CLINIC_STAGE = 3;
const CLINIC_RECORD = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    // Born in the seeded person's year (seed.ts: 1970): the file is theirs.
    { resourceType: 'Patient', id: 'p1', birthDate: '1970' },
    loinc('41950-7', { effectiveDateTime: '2025-03-10', valueQuantity: stepsPerDay(4321) }),
    loinc('41950-7', { effectiveDateTime: '2025-03-11', valueQuantity: stepsPerDay(5678) }),
    loinc('72514-3', { effectiveDateTime: '2025-03-10T08:00:00+01:00', valueInteger: 4, bodySite: { text: 'Back' } }),
    loinc('72514-3', {
      effectiveDateTime: '2025-03-10T08:00:00+01:00',
      valueInteger: 3,
      bodySite: { text: 'Left heel' },
    }),
    loinc('72514-3', { effectiveDateTime: '2025-03-11T08:00:00+01:00', valueInteger: 2, bodySite: { text: 'Neck' } }),
    odi('2025-03-10T09:00:00Z', 28),
    odi('2025-03-11T09:00:00Z', 24),
    // A gait analysis of the clinic's (its cadence, as Footing's export writes a gait metric): one analysis.
    {
      resourceType: 'Observation',
      status: 'final',
      subject: P,
      code: { coding: [{ system: 'https://footing.example/fhir/CodeSystem/gait-metrics', code: 'cadence_spm' }] },
      effectiveDateTime: '2025-03-11T10:00:00Z',
      valueQuantity: { value: 104, system: 'http://unitsofmeasure.org', code: '/min' },
      method: { text: 'Footing phone-video gait analysis (side view)' },
      note: [{ text: 'Confidence 0.8 over 8 measurements.' }],
    },
    {
      resourceType: 'CarePlan',
      id: 'c1',
      status: 'active',
      intent: 'plan',
      subject: P,
      description: `Stage ${CLINIC_STAGE}, ${stageByNumber(CLINIC_STAGE).name}: as the clinic set it`,
    },
    {
      resourceType: 'Goal',
      id: 'g1',
      lifecycleStatus: 'active',
      description: { text: 'Walking' },
      subject: P,
      target: [{ measure: { text: 'steps' }, detailQuantity: stepsPerDay(6000) }],
      note: [{ authorString: 'Dr Ada Okafor', time: '2025-03-11', text: 'A little more each week, on the flat.' }],
    },
  ].map((resource) => ({ resource })),
};

test('a record from the clinic (FHIR), with "take my program" ticked, in a time zone on another date than UTC: what was stored is shown, the program\'s events are on the phone\'s date, and the history lists it', async () => {
  const { page } = phone;
  const resources = CLINIC_RECORD.entry.map(
    (e) =>
      e.resource as {
        resourceType: string;
        code?: { coding: { system: string; code: string }[] };
        effectiveDateTime?: string;
        valueQuantity?: { value: number };
      },
  );
  const coded = (code: string) => resources.filter((r) => r.code?.coding[0]!.code === code);
  const stepDays = Object.fromEntries(coded('41950-7').map((r) => [r.effectiveDateTime!, r.valueQuantity!.value]));
  // A check-in is the pain scores of one time.
  const checkins = new Set(coded('72514-3').map((r) => r.effectiveDateTime)).size;
  const scores = resources.filter((r) => r.code?.coding[0]!.system === OUTCOME_SYSTEM).length;
  assert.deepEqual([Object.keys(stepDays).length, checkins, scores], [2, 2, 2]);

  // The phone is in a zone whose date is not UTC's now (UTC+14 or UTC-12): its own date is the one sent.
  const zone = zoneOnAnotherDate();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: zone.timeZone });
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/imports?')) sent.push(r.url());
  });
  try {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Walking' }).waitFor();
    assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), zone.timeZone);
    await page.getByText('Options: damaged records, time zone, a record from your clinic').click();
    const choice = page.getByRole('checkbox', { name: /Also take my program’s stage and walking target from it/ });
    await choice.check();
    await page
      .getByText('Only once you have answered Footing’s own safety questions: they come first.', { exact: false })
      .waitFor();
    await assertAccessible(phone.page, 'walking: a record from the clinic, the choice');
    await choice.evaluate((el) => el.closest('fieldset')!.scrollIntoView({ block: 'center' }));
    await screenshot(page, '4n-clinic-record-choice');

    const buffer = Buffer.from(JSON.stringify(CLINIC_RECORD, null, 2));
    const job = await importFile({ name: 'clinic-record.json', mimeType: 'application/json', buffer });
    assert.equal(job.status, 'done', JSON.stringify(job.result));
    const url = new URL(sent.at(-1)!);
    assert.deepEqual(
      [url.searchParams.get('program'), url.searchParams.get('date')],
      ['adopt', zone.date],
      `sent from ${zone.timeZone}, where UTC's date is ${zone.utcDate}`,
    );
    const result = page.getByTestId('import-result');
    await result.getByRole('heading', { name: 'clinic-record.json: imported' }).waitFor();
    assert.deepEqual(await resultFigures(), {
      records: resources.length,
      samples: 2,
      added: 2,
      duplicates: 0,
      skipped: 0,
    });
    assert.equal(await outcome(), '2 new walking measurements added.');
    await result.getByText('FHIR R4 record: walking, pain, tests (Bundle or NDJSON)', { exact: true }).waitFor();
    assert.equal(await result.getByTestId('import-checkins').innerText(), `${checkins} new, 0 already stored`);
    assert.equal(await result.getByTestId('import-assessments').innerText(), `${scores} new, 0 already stored`);
    assert.equal(await result.getByTestId('import-gait').innerText(), '1 new, 0 already stored');
    // The seeded person is at stage 1 or 2 (the tenth day may have moved them on): the clinic's 3 is new; the birth year is theirs.
    assert.deepEqual(await result.getByTestId('import-record').locator('.record-part').allInnerTexts(), [
      'Program stage: taken from the file (a line in the program’s history)',
      'Clinician’s walking target: taken from the file (a line in the program’s history)',
      'Birth year: already the same',
    ]);
    // What is shown is what is stored.
    const days = await call<Daily[]>(server.url, 'GET', '/api/walking/daily?from=2025-03-01&to=2025-03-31');
    assert.deepEqual(Object.fromEntries(days.map((d) => [d.date, d.steps])), stepDays);
    const storedCheckins = (
      await call<{ at: string; back: number | null; neck: number | null }[]>(server.url, 'GET', '/api/checkins')
    ).filter((c) => c.at.startsWith('2025-03'));
    assert.deepEqual(
      storedCheckins.map((c) => [c.at, c.back, c.neck]),
      [
        ['2025-03-10T08:00:00+01:00', 4, null],
        ['2025-03-11T08:00:00+01:00', null, 2],
      ],
    );
    const held = await call<{ outcomes: { measure: string; trend: { points: { score: number }[] } | null }[] }>(
      server.url,
      'GET',
      '/api/assessment',
    );
    assert.deepEqual(
      held.outcomes.find((o) => o.measure === 'odi')?.trend?.points.map((p) => p.score),
      resources.filter((r) => r.code?.coding[0]!.system === OUTCOME_SYSTEM).map((r) => r.valueQuantity!.value),
    );
    // The two program events (the stage, the clinician's target) are on the phone's date, not UTC's.
    const today = await call<{ program: { stage: number }; walking: { steps: number } }>(
      server.url,
      'GET',
      `/api/today?date=${zone.date}`,
    );
    assert.deepEqual([today.program.stage, today.walking.steps], [CLINIC_STAGE, 6000]);
    const progress = await call<{ events: { onDate: string; reasons: { rule: string }[] }[] }>(
      server.url,
      'GET',
      `/api/progress?date=${zone.date}`,
    );
    const fromFile = progress.events.filter((e) => e.reasons.some((r) => r.rule.startsWith('imported-')));
    assert.deepEqual(fromFile.map((e) => [e.reasons[0]!.rule, e.onDate]).sort(), [
      ['imported-program', zone.date],
      ['imported-walking-target', zone.date],
    ]);
    await assertAccessible(phone.page, 'walking: a record from the clinic, the result');
    await result.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, '4o-clinic-record-result');

    // The same file again: nothing new, and each figure says it was already stored.
    await importFile({ name: 'clinic-record.json', mimeType: 'application/json', buffer });
    await result.getByRole('heading', { name: 'clinic-record.json: nothing new' }).waitFor();
    assert.equal(await result.getByTestId('import-checkins').innerText(), `0 new, ${checkins} already stored`);
    assert.equal(await result.getByTestId('import-assessments').innerText(), `0 new, ${scores} already stored`);
    assert.equal(await result.getByTestId('import-gait').innerText(), '0 new, 1 already stored');
    assert.deepEqual(await result.getByTestId('import-record').locator('.record-part').allInnerTexts(), [
      'Program stage: already the same',
      'Clinician’s walking target: already the same',
      'Birth year: already the same',
    ]);
  } finally {
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: '' });
  }

  // The history, after leaving the page: each import's line with its check-ins and assessments.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await nav.getByRole('link', { name: 'Walk' }).click();
  const history = page.getByTestId('import-history');
  const lines = history.getByTestId('past-import');
  await lines.first().waitFor();
  const line = (i: number) => lines.nth(i).locator('.past-outcome').innerText();
  assert.equal(
    await line(0),
    `Nothing new: all 2 walking measurements in this file were already stored. Pain check-ins: 0 new, ${checkins} already stored. Screening results and outcome scores: 0 new, ${scores} already stored. Gait analyses (their measurements): 0 new, 1 already stored.`,
  );
  assert.equal(
    await line(1),
    `2 new walking measurements added. Pain check-ins: ${checkins} new, 0 already stored. Screening results and outcome scores: ${scores} new, 0 already stored. Gait analyses (their measurements): 1 new, 0 already stored.`,
  );
  // Opened, the first import shows the same figures as its result did.
  await lines.nth(1).locator('summary').click();
  assert.equal(await lines.nth(1).getByTestId('import-checkins').innerText(), `${checkins} new, 0 already stored`);
  assert.equal(
    await lines.nth(1).getByTestId('import-record').locator('.record-part').first().innerText(),
    'Program stage: taken from the file (a line in the program’s history)',
  );
  await assertAccessible(phone.page, 'walking: history of a record from the clinic');
  await history.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, '4p-clinic-record-history');

  // Chosen with the option not ticked (the page reloaded), a record that holds a program is read on the phone and
  // the question comes after the file is chosen, before anything is sent; taking it sends program=adopt. The clinic's
  // target is 6,500 steps now (6,000 before): the target is taken, the stage and birth year are already the same.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Walking' }).waitFor();
  const newer = structuredClone(CLINIC_RECORD);
  const goal = newer.entry.find((e) => (e.resource as { resourceType: string }).resourceType === 'Goal')!
    .resource as unknown as { target: { detailQuantity: unknown }[] };
  goal.target[0]!.detailQuantity = stepsPerDay(6500);
  const posted: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/imports?')) posted.push(r.url());
  });
  lastJob = null;
  await page.locator('#walking-file').setInputFiles({
    name: 'clinic-record-2.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(newer, null, 2)),
  });
  const question = page.getByTestId('import-program-question');
  await question.getByRole('heading', { name: 'clinic-record-2.json holds a program from your clinic' }).waitFor();
  assert.deepEqual(posted, [], 'nothing is sent before the answer');
  await assertAccessible(phone.page, 'walking: a record from the clinic, the question after choosing it');
  await question.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, '4q-clinic-record-question');
  await question.getByRole('button', { name: 'Take my program’s stage and walking target too' }).click();
  const result = page.getByTestId('import-result');
  await result.getByRole('heading', { name: 'clinic-record-2.json: imported' }).waitFor();
  await waitForJob();
  assert.equal(new URL(posted.at(-1)!).searchParams.get('program'), 'adopt');
  assert.deepEqual(await result.getByTestId('import-record').locator('.record-part').allInnerTexts(), [
    'Program stage: already the same',
    'Clinician’s walking target: taken from the file (a line in the program’s history)',
    'Birth year: already the same',
  ]);
  assert.equal(await question.count(), 0, 'the question is gone once answered');

  // A safety answer pauses the program: asked for now, taking it from the file is refused before anything is read,
  // in the person's words, and nothing is stored.
  await call(server.url, 'POST', `/api/screen?date=${seeded.today}`, { answers: allNo([RED_FLAG_QUESTIONS[0]!.id]) });
  const importsBefore = (await call<unknown[]>(server.url, 'GET', '/api/imports?limit=50')).length;
  await page.getByText('Options: damaged records, time zone, a record from your clinic').click();
  await page.getByRole('checkbox', { name: /Also take my program’s stage and walking target from it/ }).check();
  await page.locator('#walking-file').setInputFiles({
    name: 'clinic-record.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(CLINIC_RECORD)),
  });
  const refusal = page.locator('.walking-import .field-error[role=alert]');
  await refusal.waitFor();
  assert.equal(
    await refusal.innerText(),
    'Footing takes your program from a file only while your own program is running, and it has not started yet (Footing’s safety questions come first) or is paused after a safety answer. Nothing was stored. To bring in only the walking, pain and test results, untick “Also take my program’s stage and walking target from it” and choose the file again.',
  );
  assert.equal(
    (await call<unknown[]>(server.url, 'GET', '/api/imports?limit=50')).length,
    importsBefore,
    'no import was made',
  );
});
