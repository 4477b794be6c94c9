/**
 * The printable reports over HTTP on both databases (issue 15, Reports). A record seeded through the API (the
 * safety check on Mon 2 Nov 2026, six daily check-ins over two weeks, three sessions, three days of steps, two ODI
 * scores, a clinician's stage change with a reason, a gait analysis with its keypoints) comes back as a PDF whose
 * text (poppler's pdftotext) holds the figures worked out by hand below. The clinician of another clinic is
 * refused; a patient with no data gets a short report, not an error.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import type { ReportDocument } from '../core/report/report-document.js';
import { DATABASES } from '../../test/helpers/databases.js';
import { type Identity, clinicApi } from '../../test/helpers/test-clinic.js';
import { pdfFonts, pdfPages, pdfText, row } from '../../test/helpers/pdf-text.js';
import { REPORT_GAIT_ANALYSIS, REPORT_GAIT_KEYPOINTS } from '../../test/helpers/report-gait.js';

const allNo = () => Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
const START = '2026-11-02';
/** Sunday of the second week: week 1 is 2-8 Nov, week 2 is 9-15 Nov. */
const TODAY = '2026-11-15';

for (const kind of DATABASES) {
  describe(`The printable reports over HTTP on ${kind}`, () => {
    let clinicianText = '';
    const world = clinicApi(kind);
    before(async () => {
      const seed = async (who: Identity, method: 'POST' | 'PUT', url: string, payload: object) => {
        const res = await world.as(who, { method, url, payload });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      };
      const me = world.accounts.patient.personId;
      await seed('patient', 'POST', `/api/screen?date=${START}`, { answers: allNo(), birthYear: 1970 });
      // Daily check-ins. Week 1: highest 6, 5, 4 (baseline 5); back 6, 5, 4 (mean 5); neck 2, 3 (mean 2.5).
      // Week 2: highest 3, 2, 3 (mean 8/3 = 2.67); back 3, 2, 3 (2.67); neck 1; foot 1.
      const checkins: [string, Record<string, number>][] = [
        ['2026-11-02', { back: 6, neck: 2 }],
        ['2026-11-03', { back: 5 }],
        ['2026-11-04', { back: 4, neck: 3 }],
        ['2026-11-10', { back: 3 }],
        ['2026-11-12', { back: 2, foot: 1 }],
        ['2026-11-14', { back: 3, neck: 1 }],
      ];
      for (const [date, scores] of checkins)
        await seed('patient', 'POST', '/api/checkins', { at: `${date}T08:00:00+01:00`, context: 'daily', ...scores });
      for (const [i, date] of ['2026-11-03', '2026-11-05', '2026-11-10'].entries()) {
        await seed('patient', 'POST', '/api/sessions', {
          clientId: `session-${i}-abc`,
          startedAt: `${date}T18:00:00+01:00`,
          completedAt: `${date}T18:20:00+01:00`,
          items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 120 }],
        });
      }
      for (const [date, steps] of [
        ['2026-11-02', 4000],
        ['2026-11-03', 6000],
        ['2026-11-09', 7000],
      ] as const)
        await seed('patient', 'PUT', '/api/walking/manual', { date, steps });
      // ODI: 20 of 50 = 40 %, then 9 of 50 = 18 %: a fall of 22 points, beyond the MCID of 10 points.
      await seed('patient', 'POST', '/api/assessment/outcomes', {
        measure: 'odi',
        input: { sections: [2, 3, 1, 0, 4, 2, 1, 3, 2, 2] },
        recordedAt: '2026-11-02T10:00:00+01:00',
        recordedBy: 'me',
      });
      await seed('patient', 'POST', '/api/assessment/outcomes', {
        measure: 'odi',
        input: { sections: [1, 1, 1, 0, 2, 1, 0, 1, 1, 1] },
        recordedAt: '2026-11-14T10:00:00+01:00',
        recordedBy: 'me',
      });
      await seed('patient', 'POST', '/api/gait-analyses', {
        recordedAt: '2026-11-12T10:00:00+01:00',
        sourceName: 'walk-side.mp4',
        analysis: REPORT_GAIT_ANALYSIS,
        keypoints: REPORT_GAIT_KEYPOINTS,
      });
      await seed('clinicianOfClinic', 'PUT', `/api/patients/${me}/program?date=2026-11-12`, {
        stage: 2,
        reason: 'Walks well and pain is falling; ready for more.',
      });
    });

    const pdfAs = async (who: Identity, url: string): Promise<Buffer> => {
      const res = await world.as(who, { method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="footing-(clinician|patient)-report-(\d{4}-\d{2}-\d{2}-to-)?\d{4}-\d{2}-\d{2}\.pdf"$/,
      );
      assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
      return res.rawPayload;
    };

    test('The clinician report holds the figures worked out by hand', async () => {
      const text = (clinicianText = pdfText(
        await pdfAs('clinicianOfClinic', `/api/patients/${world.accounts.patient.personId}/report?date=${TODAY}`),
      ));
      // Prose wraps where the page ends a line: read it with the line breaks as spaces.
      const flat = text.replace(/\s+/g, ' ');
      assert.match(text, /Footing: clinician report/);
      assert.match(text, /born 1970\. Report for 15 Nov 2026\./);
      assert.match(text, /Not a diagnosis\./);
      // Pain: baseline 5 (6, 5, 4); last 7 days (9-15 Nov) 8/3 = 2.7; a fall of 2.3 ≥ the MCID of 2.
      assert.match(
        flat,
        /baseline 5 \(mean of the program’s first week\); last 7 days 2\.7: improved \(meaningful\) \(NPRS MCID 2 points or 30% of the starting value; Ostelo et al\., 2008\)/,
      );
      assert.match(text, /baseline 5 ± 2 \(MCID\)/);
      // Adherence: 1 session in 9-15 Nov against 7; 3 in the 14 days since 2 Nov against round(7 × 14 / 7) = 14.
      assert.match(flat, /1 of 7 sessions in the last 7 days \(14%\); 3 of 14 in the last 28 days \(21%\)/);
      // Week by week: check-ins, back, neck, foot, sessions done/prescribed, mean steps.
      assert.match(text, row('1', '2 Nov 2026 to 8 Nov 2026', '3', '5', '2.5', '–', '2/7 (29%)', '5,000'));
      assert.match(text, row('2', '9 Nov 2026 to 15 Nov 2026', '3', '2.7', '1', '1', '1/7 (14%)', '7,000'));
      assert.match(flat, /Steps each day against today’s walking target .* ● steps/);
      // ODI: 40 then 18, a change of −22 against the MCID of 10 points or 30 %.
      assert.match(flat, /Oswestry Disability Index \(ODI\) v2\.1a: MCID 10 points or 30% of the starting value/);
      assert.match(text, row('2 Nov 2026', '40', 'first (baseline)'));
      assert.match(text, row('14 Nov 2026', '18', '−22', 'improved (meaningful)'));
      // Gait against the references: 104 in 100–120 (within), 0.9 below 1.2–1.4 (outside); pelvic drop not measurable.
      assert.match(text, row('Cadence', '104 steps/min', '100–120 steps/min (Hollman et al.,'));
      assert.match(text, row('Walking speed', '0.9 m/s', '1.2–1.4 m/s (Bohannon and'));
      assert.match(flat, /Not measurable in this video: • pelvic drop: needs a view from the front or back\./);
      assert.match(
        flat,
        /Stick figure of walk-side\.mp4 from its saved body points, the right heel strike at 1\.05 s \(the middle one of the clip\): frame 1 at 1\.00 s; cropped to the person/,
      );
      // The program: started at stage 1 by the person, moved to stage 2 by the clinician with their reason.
      assert.match(text, row('2 Nov 2026', 'Started at stage 1 (Start)', 'the person', 'Safety check clear'));
      assert.match(text, /12 Nov 2026\s+Moved up: stage 1 \(Start\) →/);
      assert.match(flat, /Walks well and pain is falling; ready for more\./);
      // The screen's time is when it was taken (the server's clock), not the date the program counts from.
      assert.match(
        text,
        /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}\s+clear\s+none\s+none/,
      );
      // One rule for dates (issue 17): the charts' axes are written as the tables are. The pain chart runs from the
      // first week's Monday to the report's day; the adherence bars from it to the second week's Sunday.
      assert.match(text, row('2 Nov 2026', 'pain 0–10', '15 Nov 2026'));
      assert.match(text, row('2 Nov 2026', '% of sessions done', '15 Nov 2026'));
      assert.doesNotMatch(text, /\b(19|20)\d\d-[01]\d-[0-3]\d\b/, 'no date a person reads is written as YYYY-MM-DD');
      // References as readable citations, not numbers or file names.
      assert.match(
        flat,
        /Hollman et al\., 2011\. Hollman JH, McDade EM, Petersen RC \(2011\)\. Normative spatiotemporal gait/,
      );
      assert.doesNotMatch(text, /DOMAIN\.md|§|\[\d+\]/);
    });

    test('A chosen period (9-15 Nov): week 2 only, the ODI of 14 Nov against the baseline before it, the change of 12 Nov and not the start', async () => {
      const url = `/api/patients/${world.accounts.patient.personId}/report?from=2026-11-09&to=${TODAY}`;
      const res = await world.as('clinicianOfClinic', { method: 'GET', url });
      assert.equal(
        res.headers['content-disposition'],
        'attachment; filename="footing-clinician-report-2026-11-09-to-2026-11-15.pdf"',
      );
      const text = pdfText(await pdfAs('clinicianOfClinic', url));
      const flat = text.replace(/\s+/g, ' ');
      assert.match(text, /born 1970\. Report for 9 Nov 2026 to 15 Nov 2026\./);
      // The same week 2 as the whole report; week 1 (2-8 Nov) is before the period.
      assert.match(text, row('2', '9 Nov 2026 to 15 Nov 2026', '3', '2.7', '1', '1', '1/7 (14%)', '7,000'));
      assert.doesNotMatch(text, /2 Nov 2026 to 8 Nov 2026/);
      // ODI 18 on 14 Nov: −22 from the 40 of 2 Nov, which is the baseline but not in the period.
      assert.match(text, row('14 Nov 2026', '18', '−22', 'improved (meaningful)'));
      assert.doesNotMatch(text, /first \(baseline\)/);
      assert.match(flat, /First score \(the baseline\): 40 on 2 Nov 2026, before this period\./);
      assert.match(text, /12 Nov 2026\s+Moved up: stage 1 \(Start\) →/);
      assert.doesNotMatch(text, /Started at stage 1/);
      assert.match(flat, /Stick figure of walk-side\.mp4/, 'the gait analysis of 12 Nov is in the period');
      // The pain chart starts with the period: the daily highest of 10, 12 and 14 Nov.
      const doc = (
        await world.as('patient', { method: 'GET', url: `/api/report?format=json&from=2026-11-09&date=${TODAY}` })
      ).json() as ReportDocument;
      const pain = doc.blocks.find((b) => b.kind === 'chart' && b.title.startsWith('Your pain'));
      assert.ok(pain && pain.kind === 'chart');
      assert.deepEqual(
        [pain.from, pain.to, pain.series[0]!.points.map((p) => [p.date, p.value])],
        [
          '2026-11-09',
          TODAY,
          [
            ['2026-11-10', 3],
            ['2026-11-12', 2],
            ['2026-11-14', 3],
          ],
        ],
      );
      // A period that ends before it starts, or two last days, is refused naming the field.
      const backwards = await world.as('clinicianOfClinic', {
        method: 'GET',
        url: `/api/patients/${world.accounts.patient.personId}/report?from=2026-11-16&to=${TODAY}`,
      });
      assert.deepEqual([backwards.statusCode, backwards.json().error.field], [400, 'from']);
      const twice = await world.as('patient', { method: 'GET', url: `/api/report?to=${TODAY}&date=${TODAY}` });
      assert.equal(twice.statusCode, 400);
    });

    test("format=json gives the report's content: the charts the web app draws hold the same figures", async () => {
      const res = await world.as('clinicianOfClinic', {
        method: 'GET',
        url: `/api/patients/${world.accounts.patient.personId}/report?format=json&date=${TODAY}`,
      });
      assert.equal(res.statusCode, 200, res.body);
      const doc = res.json() as ReportDocument;
      const charts = doc.blocks.filter((b) => b.kind === 'chart');
      const pain = charts.find((c) => c.title.startsWith('Daily pain'))!;
      // One point per day with a daily check-in: the highest score; the band is the baseline 5 ± 2.
      assert.deepEqual(
        pain.series[0]!.points.map((p) => [p.date, p.value]),
        [
          ['2026-11-02', 6],
          ['2026-11-03', 5],
          ['2026-11-04', 4],
          ['2026-11-10', 3],
          ['2026-11-12', 2],
          ['2026-11-14', 3],
        ],
      );
      assert.deepEqual([pain.band!.low, pain.band!.high], [3, 7]);
      // Sessions done each week: 2 of 7 = 29 %, 1 of 7 = 14 %.
      const bars = charts.find((c) => c.style === 'bars')!;
      assert.deepEqual(
        bars.series[0]!.points.map((p) => [p.date, p.value]),
        [
          ['2026-11-02', 29],
          ['2026-11-09', 14],
        ],
      );
      const steps = charts.find((c) => c.title.startsWith('Steps'))!;
      assert.deepEqual(
        steps.series[0]!.points.map((p) => p.value),
        [4000, 6000, 7000],
      );
      const still = doc.blocks.find((b) => b.kind === 'skeleton')!;
      assert.ok(still.kind === 'skeleton' && still.segments.length > 10);
      const own = await world.as('patient', { method: 'GET', url: `/api/report?format=json&date=${TODAY}` });
      assert.equal((own.json() as ReportDocument).title, 'Footing: your report');
    });

    test("The clinician's read of the report is in the patient's audit log", async () => {
      const audit = await world.as('patient', { method: 'GET', url: '/api/audit' });
      assert.equal(audit.statusCode, 200, audit.body);
      const entries = audit.json() as { route: string; action: string; actorName: string | null }[];
      assert.ok(
        entries.some(
          (e) => e.route === '/api/patients/:personId/report' && e.action === 'read' && e.actorName === 'Dr A',
        ),
        JSON.stringify(entries.slice(0, 3)),
      );
    });

    test('The patient report says the same in plain words, to the patient and to their clinician', async () => {
      const own = pdfText(await pdfAs('patient', `/api/report?date=${TODAY}`)).replace(/\s+/g, ' ');
      assert.match(own, /Footing: your report/);
      assert.match(
        own,
        /In your first week your pain was 5 out of 10 on average; in the last 7 days it was 2\.7\. Your pain has gone down by enough to matter/,
      );
      assert.match(
        own,
        /In the last 7 days you did 1 of the 7 exercise sessions planned; over the last 4 weeks \(or since you started\), 3 of 14\./,
      );
      assert.match(own, /Walks well and pain is falling; ready for more\./);
      assert.match(own, /an idea, not proven/);
      assert.match(own, /shaded: your first week, 5, give or take 2/);
      // The same rule for dates as the clinician's: 'Starting' of each week, and the charts' axes (2 Nov to 15 Nov).
      assert.match(own, /1 2 Nov 2026 5,000 2 9 Nov 2026 7,000/);
      assert.match(own, /2 Nov 2026 pain 0–10 15 Nov 2026/);
      assert.doesNotMatch(own, /\b(19|20)\d\d-[01]\d-[0-3]\d\b/);
      assert.doesNotMatch(own, /diagnos(is|e)(?<!not a diagnosis)/i);
      const theirs = pdfText(
        await pdfAs(
          'clinicianOfClinic',
          `/api/patients/${world.accounts.patient.personId}/report?kind=patient&date=${TODAY}`,
        ),
      ).replace(/\s+/g, ' ');
      assert.equal(theirs.replace(/Page \d+ of \d+/g, ''), own.replace(/Page \d+ of \d+/g, ''));
    });

    test('A clinician of another clinic, another patient and a bad kind are refused; a patient with no data gets a short report', async () => {
      const url = `/api/patients/${world.accounts.patient.personId}/report`;
      assert.equal((await world.as('clinicianOtherClinic', { method: 'GET', url })).statusCode, 404);
      // A patient never reaches a clinician's route, their own record's or another's.
      assert.equal((await world.as('otherPatient', { method: 'GET', url })).statusCode, 403);
      assert.equal((await world.as('patient', { method: 'GET', url })).statusCode, 403);
      assert.equal((await world.as('anonymous', { method: 'GET', url: '/api/report' })).statusCode, 401);
      assert.equal(
        (await world.as('clinicianOfClinic', { method: 'GET', url: `${url}?kind=insurer` })).statusCode,
        400,
      );
      const empty = await pdfAs('otherPatient', `/api/report?date=${TODAY}`);
      const text = pdfText(empty).replace(/\s+/g, ' ');
      assert.match(text, /You have not started yet\./);
      assert.match(text, /No pain check-ins yet/);
      assert.equal(pdfPages(empty), 1);
    });

    test('The clinician report embeds its one font (DejaVu Sans, which has ≥ – ° → ± −) and no standard PDF font', async () => {
      assert.ok(clinicianText.length > 0);
      for (const ch of ['–', '°', '→', '±', '−']) assert.ok(clinicianText.includes(ch), `${ch} printed`);
      const fonts = pdfFonts(
        await pdfAs('clinicianOfClinic', `/api/patients/${world.accounts.patient.personId}/report?date=${TODAY}`),
      );
      assert.ok(fonts.length >= 2);
      for (const f of fonts) assert.match(f, /DejaVuSans.*\byes\b/, f);
    });
  });
}
