/// <reference lib="dom" />
/**
 * The walker scan in the web app (issue 5): after the shared clip (../shared/data/video, Sports2D demo: a woman
 * walks right to left across the lower half, an acrobat stays top left, someone else crosses at the end) is opened,
 * the page scans it on the device, pre-sets the region and frames to the walker, lists the people it found, and
 * choosing another person (radio list or tapping a box) changes the region.
 *
 * The expected walker comes from an independent run in this test process: `findWalker` (src/pose/find-walker.ts:
 * ffmpeg frames with area scaling, the Node model runtime) on the same file. Tolerances, fixed before comparing:
 * each edge of the region within 0.15 body radii of Node's (the browser's canvas scaler and decoder differ from
 * ffmpeg's, so boxes move by a few pixels); the direction the same and the frame span within one sample step.
 * Also a unit test of the picker's pure helpers (web/src/gait/walker-candidates.ts), values worked out by hand.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { findWalker } from '../src/pose/find-walker.js';
import type { PersonBox } from '../src/pose/person-boxes.js';
import { frameSpan, type Candidate } from '../src/pose/walker-choice.js';
import {
  bodyBox,
  boxesAt,
  candidateLabel,
  direction,
  listedCandidates,
  pictureFrame,
} from '../web/src/gait/walker-candidates.js';
import { describeViolations, launchPhone, screenshot, seriousA11yViolations, type Phone } from './helpers/browser.js';
import { startServer, type TestServer } from './helpers/server.js';

const VIDEO = fileURLToPath(new URL('../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const EDGE_TOLERANCE_RADII = 0.15;

function box(index: number, hipX: number, hipY = 500, radius = 100): PersonBox {
  return { index, time: index / 30, score: 0.9, hipX, hipY, radius };
}
function cand(id: number, boxes: PersonBox[]): Candidate {
  const xs = boxes.map((b) => b.hipX);
  const travelPx = Math.max(...xs) - Math.min(...xs);
  // No feet seen (steps and alternation null): walked is the travel.
  return {
    id,
    boxes,
    travelPx,
    travel: travelPx / 100,
    depthTravel: 0,
    radius: 100,
    steps: null,
    alternation: null,
    seconds: boxes.at(-1)!.time - boxes[0]!.time,
    walked: travelPx / 100,
  };
}

test('walker picker helpers: labels, boxes, which frame to show', () => {
  const a = cand(0, [box(0, 100), box(15, 300), box(30, 500)]);
  const b = cand(1, [box(15, 900), box(30, 880)]);
  const c = cand(2, [box(30, 600)]);
  // Span: one sample step (15) either side of the boxes, clamped to frames 0..99.
  assert.equal(candidateLabel(a, 15, 100), 'Person 1 — walks left to right, frames 0–45');
  // 20 px of net travel is under one body radius (100 px).
  assert.equal(direction(b), 'stays in one place');
  assert.equal(direction(cand(3, [box(0, 700), box(15, 500)])), 'walks right to left');
  // Hardly moving across but growing (depth travel 4 x ln 2 = 2.8 radii, by hand): toward the camera.
  assert.equal(
    direction({ ...cand(4, [box(0, 600, 500, 100), box(15, 610, 520, 200)]), depthTravel: 4 * Math.log(2) }),
    'walks toward or away from the camera',
  );
  assert.deepEqual(
    listedCandidates([a, b, c], 0).map((x) => x.id),
    [0, 1],
    'a one-box track is not offered',
  );
  assert.deepEqual(
    listedCandidates([a, b, c], 2).map((x) => x.id),
    [0, 1, 2],
    'unless it is the chosen one',
  );
  // hip (100, 200), radius 100: x 100 ± 55, y 200 ± 110.
  assert.deepEqual(bodyBox(box(0, 100, 200), { width: 1000, height: 1000 }), { x: 45, y: 90, width: 110, height: 220 });
  // Near the corner the box is clamped: x 0..75, y 0..160.
  assert.deepEqual(bodyBox(box(0, 20, 50), { width: 1000, height: 1000 }), { x: 0, y: 0, width: 75, height: 160 });
  // Frame 30 shows b and c too; without c, 15 and 30 tie and 15 is the middle of a's frames 0..30.
  assert.equal(pictureFrame(a, [a, b, c]).index, 30);
  assert.equal(pictureFrame(a, [a, b]).index, 15);
  assert.deepEqual(
    boxesAt([a, b, c], 15, { width: 1000, height: 1000 }).map((x) => x.id),
    [0, 1],
  );
});

let server: TestServer;
let phone: Phone;
before(async () => {
  server = await startServer();
  phone = await launchPhone();
});
after(async () => {
  await phone?.close();
  await server?.close();
});

test(
  'gait walker: found on the device, region pre-set like the Node scan, another person can be chosen',
  { timeout: 120_000 },
  async () => {
    const node = await findWalker(VIDEO, { workers: 1 });
    assert.ok(node.ok, 'the Node scan ran');
    const { roi: nodeRoi, chosen, candidates, every } = node.value;
    assert.ok(nodeRoi && chosen !== null, 'Node found a walker');
    const walker = candidates.find((x) => x.id === chosen)!;
    const nodeSpan = frameSpan(walker, every, { first: 0, last: 229 });

    const { page } = phone;
    await page.goto(server.url + '/gait');
    await page.locator('#gait-file').setInputFiles(VIDEO);
    await page.getByText('1768 × 994, 230 frames at 30 fps').waitFor();
    await page.getByText('Looking for the walker…').first().waitFor();
    await page.getByText(/Footing will follow Person \d+, who walks across the picture/).waitFor({ timeout: 60_000 });

    const fields = async () => ({
      x: Number(await page.getByLabel('Left', { exact: true }).inputValue()),
      y: Number(await page.getByLabel('Top').inputValue()),
      width: Number(await page.getByLabel('Width').inputValue()),
      height: Number(await page.getByLabel('Height', { exact: true }).inputValue()),
    });
    const roi = await fields();
    const tol = EDGE_TOLERANCE_RADII * walker.radius;
    const edges = (r: typeof roi) => [r.x, r.y, r.x + r.width, r.y + r.height];
    edges(roi).forEach((v, i) =>
      assert.ok(
        Math.abs(v - edges(nodeRoi)[i]!) <= tol,
        `region edge ${i}: browser ${JSON.stringify(roi)}, node ${JSON.stringify(nodeRoi)} (tolerance ${tol.toFixed(0)} px)`,
      ),
    );

    const radios = page.getByRole('radio', { name: /^Person \d+ — / });
    assert.ok((await radios.count()) > 1, 'more than one person is offered');
    const checked = page.getByRole('radio', { name: /^Person \d+ — /, checked: true });
    const label = await page.locator('.gait-walker-list label', { has: checked }).innerText();
    const m =
      /— (walks left to right|walks right to left|walks toward or away from the camera|stays in one place), frames (\d+)–(\d+) \(found as the walker\)/.exec(
        label,
      );
    assert.ok(m, `the walker is checked: ${label}`);
    assert.equal(m[1], direction(walker));
    assert.ok(
      Math.abs(Number(m[2]) - nodeSpan.first) <= every && Math.abs(Number(m[3]) - nodeSpan.last) <= every,
      `frames ${m[2]}–${m[3]}, node ${nodeSpan.first}–${nodeSpan.last}`,
    );
    assert.equal(await page.getByLabel('First frame').inputValue(), m[2], 'the frame range is pre-set too');
    assert.equal(await page.getByLabel('Last frame').inputValue(), m[3]);

    const violations = await seriousA11yViolations(page);
    assert.equal(
      violations.length,
      0,
      `walker picker: serious accessibility violations:\n${describeViolations(violations)}`,
    );
    // The picker with the picture under it, at the top of the phone's screen.
    await page
      .getByRole('heading', { name: 'Who should Footing follow?' })
      .evaluate((h) => h.scrollIntoView({ block: 'start' }));
    // The picture seeks to the walker's frame.
    await page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('.gait-roi-frame video');
      return !!v && v.currentTime > 0 && !v.seeking && v.readyState >= 2;
    });
    await screenshot(page, '5e-gait-walker');

    // Another person from the list: the region changes to theirs.
    await radios.nth(1).check();
    const other = await fields();
    assert.notDeepEqual(other, roi, 'choosing another person changes the region');
    // Tapping a box on the picture chooses that person.
    const tap = page.locator('.gait-walker-box:not(.selected)').first();
    const person = await tap.getAttribute('data-person');
    await tap.click();
    await page.getByRole('radio', { name: new RegExp(`^Person ${person} — `), checked: true }).waitFor();
    // Drawing one's own box (the manual fallback) unchecks every person and clears the pre-set frames.
    await page.getByRole('button', { name: 'Whole picture' }).click();
    assert.equal(await page.getByRole('radio', { name: /^Person \d+ — /, checked: true }).count(), 0);
    assert.equal(await page.getByLabel('First frame').inputValue(), '');
    const tookLine = page.getByText(/Looked for people on \d+ of the 230 frames in [\d.]+ s, on this device\./);
    console.log(`# browser scan: ${await tookLine.innerText()} (${await tookLine.getAttribute('data-timing')})`);

    // The walker again: the analysis runs on her region and her frames (30–210 here: 181 frames); cancelled at once.
    await page.getByRole('radio', { name: /\(found as the walker\)/ }).check();
    const span = Number(m[3]) - Number(m[2]) + 1;
    await page.getByRole('button', { name: 'Analyse walking' }).click();
    await page.getByText(new RegExp(`Analysing frame \\d+ of ${span}$`)).waitFor({ timeout: 30_000 });
    // The screen is kept on while it runs (headless chromium grants the Screen Wake Lock on this origin), and let go
    // when it is cancelled: the line shows only while the page holds the lock.
    const awake = page.getByText('The screen stays on until the analysis ends.');
    await awake.waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Analyse walking' }).waitFor();
    assert.equal(await awake.count(), 0, 'the wake lock is released on cancel');
  },
);

test(
  'gait walker: nobody crosses, so the person who stays in the picture is followed (as on a treadmill), in Node and on the page',
  { timeout: 60_000 },
  async () => {
    // The clip's first 76 frames, cropped to the top-left 1000 x 560: only the acrobat, who stays in place (the
    // walker enters from the right after frame 90). Made here in a temp folder, never kept.
    const dir = mkdtempSync(join(tmpdir(), 'footing-nowalker-'));
    try {
      const clip = join(dir, 'nobody-crosses.mp4');
      const ff = spawnSync('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-i',
        VIDEO,
        '-vf',
        'trim=end_frame=76,crop=1000:560:0:0',
        '-an',
        '-c:v',
        'libvpx-vp9',
        '-deadline',
        'realtime',
        '-cpu-used',
        '8',
        '-b:v',
        '1M',
        clip,
      ]);
      assert.equal(ff.status, 0, String(ff.stderr));
      const node = await findWalker(clip, { workers: 1 });
      assert.ok(node.ok && node.value.chosen === 0, 'Node follows the one person in the picture');
      const acrobat = node.value.candidates[0]!;
      assert.ok(acrobat.travel < 1 && acrobat.depthTravel < 1, 'she does not travel');

      const { page } = phone;
      await page.goto(server.url + '/gait');
      await page.locator('#gait-file').setInputFiles(clip);
      await page.getByText('1000 × 560, 76 frames at 30 fps').waitFor();
      await page
        .getByText(
          /Footing will follow Person 1, who stays in the picture the longest without travelling \(as on a treadmill\)/,
        )
        .waitFor({ timeout: 40_000 });
      await page
        .getByRole('radio', { name: /^Person 1 — stays in one place.*\(found as the walker\)/, checked: true })
        .waitFor();
      // Her region, as Node's: the same candidate gives the same box (walker-choice.ts roiForCandidate).
      const region = [
        await page.getByLabel('Left', { exact: true }).inputValue(),
        await page.getByLabel('Top').inputValue(),
        await page.getByLabel('Width').inputValue(),
        await page.getByLabel('Height', { exact: true }).inputValue(),
      ].map(Number);
      assert.ok(
        region[2]! < 1000 || region[3]! < 560,
        `a region around her, not the whole picture: ${region.join(',')}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
