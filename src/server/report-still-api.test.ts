/**
 * The picture of a walk in the clinician report, as a reader sees it (issue 15, Reports item 1), on both databases.
 * Two saved analyses: one with its stills (WebP pictures, as most browsers save them: the chosen one plain green,
 * the others magenta), one with its keypoints only. The PDF is turned into page images (pdftoppm at 72 dpi, so a
 * pixel is a point) and words with their boxes (pdftotext -bbox): the green still is on the page whose caption names
 * its moment, frame and video, where the renderer puts it (at the left margin, 50 pt, its own size of 120 × 160 pt,
 * the caption 4 pt under it); no magenta still is drawn; the other analysis has its stick figure (the left side
 * orange, the right blue) above its caption.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { reportPdf } from '../services/report-service.js';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp } from '../../test/helpers/api-app.js';
import { pdfPageImages, pixelBox, type PdfPage } from '../../test/helpers/pdf-text.js';
import { colourWebp, REPORT_GAIT_ANALYSIS, REPORT_GAIT_KEYPOINTS } from '../../test/helpers/report-gait.js';

const GREEN = colourWebp('0x00ff00').toString('base64');
const MAGENTA = colourWebp('0xff00ff').toString('base64');

/** The report tests' analysis with its cadence only, so the stills' page holds no other metric. */
const ANALYSIS = {
  ...REPORT_GAIT_ANALYSIS,
  video: 'x',
  metrics: { cadence_spm: REPORT_GAIT_ANALYSIS.metrics.cadence_spm },
};
const still = (
  side: 'left' | 'right',
  event: 'initial_contact' | 'toe_off',
  time: number,
  frame: number,
  data: string,
) => ({
  event,
  side,
  time,
  frame,
  angles: { hip_deg: 21.4, knee_deg: 3.6, ankle_deg: null },
  type: 'image/webp',
  width: 120,
  height: 160,
  data,
});
/** The initial contact at 1.05 s is the one nearest the middle heel strike: green. */
const STILLS = [
  still('left', 'initial_contact', 0.5, 15, MAGENTA),
  still('right', 'initial_contact', 1.05, 31, GREEN),
  still('left', 'toe_off', 1.1, 33, MAGENTA),
];

const near = (r: number, g: number, b: number, c: readonly [number, number, number], tol = 40) =>
  Math.abs(r - c[0]) <= tol && Math.abs(g - c[1]) <= tol && Math.abs(b - c[2]) <= tol;
/** The page whose words hold `phrase` in a row, and the first word's box. */
function pageWith(pages: PdfPage[], phrase: string): { page: PdfPage; at: PdfPage['words'][number] } {
  const want = phrase.split(' ');
  for (const page of pages) {
    const i = page.words.findIndex((_, k) => want.every((w, j) => page.words[k + j]?.text === w));
    if (i >= 0) return { page, at: page.words[i]! };
  }
  assert.fail(`no page holds "${phrase}"`);
}

for (const kind of DATABASES) {
  describe(`The gait pictures in the clinician report on ${kind}`, () => {
    const api = apiApp(kind);

    test('the saved still of the middle heel strike, where the page puts it; the stick figure for an analysis without stills', async () => {
      for (const [recordedAt, sourceName, extra] of [
        ['2026-11-05T10:00:00+01:00', 'walk-b.mp4', { keypoints: REPORT_GAIT_KEYPOINTS }],
        ['2026-11-10T10:00:00+01:00', 'walk-a.webm', { stills: STILLS }],
      ] as const) {
        const res = await api.inject('POST', '/api/gait-analyses', {
          recordedAt,
          sourceName,
          analysis: { ...ANALYSIS, video: sourceName },
          ...extra,
        });
        assert.equal(res.statusCode, 201, res.body);
      }
      // The clinician's kind of the local person's report (GET /api/report gives the patient's; the clinician's
      // route needs accounts, and its access is tested in report-api.test.ts).
      const personId = (await api.store.db.selectFrom('people').select('id').executeTakeFirstOrThrow()).id;
      const pages = pdfPageImages(
        await reportPdf(api.store.db, personId, { kind: 'clinician', today: '2026-11-15' }),
        72,
      );

      // The still: its caption names the moment, the frame, the video and the angles written on it.
      const flat = pages
        .map((p) => p.text)
        .join('\n')
        .replace(/\s+/g, ' ');
      assert.match(
        flat,
        /Right initial contact \(heel strike\) of walk-a\.webm at 1\.05 s \(frame 31\), as pictured on the device when the analysis was saved; the angles drawn on it: hip 21°, knee 4°, ankle not measured\./,
      );
      const { page, at } = pageWith(pages, 'Right initial contact (heel strike) of walk-a.webm');
      const green = pixelBox(page.png, (r, g, b) => near(r, g, b, [0, 255, 0]));
      // 120 × 160 pt at the left margin (50 pt), ending 4 pt above its caption; the frame's grey line may cover an edge pixel.
      assert.ok(green.count > 0.95 * 120 * 160, `green pixels: ${green.count}`);
      assert.ok(
        Math.abs(green.xMin - 50) <= 2 && Math.abs(green.xMax + 1 - 170) <= 2,
        `green from x ${green.xMin} to ${green.xMax}`,
      );
      assert.ok(Math.abs(green.yMax + 1 - green.yMin - 160) <= 2, `green from y ${green.yMin} to ${green.yMax}`);
      assert.ok(
        Math.abs(at.yMin - (green.yMax + 1 + 4)) <= 3,
        `caption at y ${at.yMin}, picture ends at ${green.yMax + 1}`,
      );
      for (const p of pages)
        assert.equal(
          pixelBox(p.png, (r, g, b) => near(r, g, b, [255, 0, 255])).count,
          0,
          'the stills not chosen are not drawn',
        );

      // The analysis with keypoints only: its stick figure, orange and blue lines above its caption, right of the margin.
      assert.match(
        flat,
        /Stick figure of walk-b\.mp4 from its saved body points, the right heel strike at 1\.05 s \(the middle one of the clip\): frame 1 at 1\.00 s; cropped to the person\./,
      );
      const fig = pageWith(pages, 'Stick figure of walk-b.mp4');
      const orange = pixelBox(fig.page.png, (r, g, b) => near(r, g, b, [230, 159, 0]));
      assert.ok(orange.count > 100, `orange pixels: ${orange.count}`);
      assert.ok(
        orange.xMin >= 50 && orange.yMax < fig.at.yMin && fig.at.yMin - orange.yMax < 200,
        `orange box ${JSON.stringify(orange)}, caption at y ${fig.at.yMin}`,
      );
      const blueBeside = pixelBox(fig.page.png, (r, g, b) => near(r, g, b, [0, 114, 178], 30));
      assert.ok(blueBeside.count > 100 && blueBeside.yMin < fig.at.yMin, `blue pixels: ${JSON.stringify(blueBeside)}`);
    });
  });
}
