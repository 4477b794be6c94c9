/// <reference lib="dom" />
/**
 * One gait engine (issue 13): the same clip analysed on the Gait screen in headless Debian chromium (WebCodecs
 * frames, ONNX Runtime web) and by `footing analyze` in this process (ffmpeg frames, ONNX Runtime node, the worker
 * pool) gives the same initial contacts within one frame and the same metrics (e2e/helpers/gait-agreement.ts).
 *
 * Clips from the gait validation set (test/fixtures/gait-clips, SOURCES.md there), short so the test stays cheap:
 * the first 3 s of the treadmill run (540x960 portrait, scaled to 406x720 on both sides; hand contacts 6, 16, 27,
 * 38, 49, 59, 70, 81) and the first 4 s of the slow side-view walk (960x540, not scaled; hand contacts 6, 27, 43,
 * 58, 74, 89, 106). The whole picture is the region on both sides (one person in each clip), typed into the page.
 * The expected contacts are Node's; the hand references check that both found the steps that are there.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { main } from '../src/cli/main.js';
import type { GaitAnalysisJson } from '../src/gait/analysis-json.js';
import { call } from './helpers/server.js';
import { serverAndPhone } from './helpers/fixture.js';
import { contactMismatches, metricMismatches } from './helpers/gait-agreement.js';

const CLIPS = [
  { name: 'treadmill-run-side-a', width: 540, height: 960, last: 89 },
  { name: 'overground-walk-side-slow-a', width: 960, height: 540, last: 119 },
] as const;

const ctx = serverAndPhone();

async function nodeAnalysis(file: string, last: number, width: number, height: number): Promise<GaitAnalysisJson> {
  let out = ''; let err = '';
  const sink = (to: 'out' | 'err') => new Writable({ write(chunk, _enc, cb) { if (to === 'out') out += String(chunk); else err += String(chunk); cb(); } });
  const code = await main(['analyze', file, '--roi', `0,0,${width},${height}`, '--frames', `0-${last}`, '--json'], { out: sink('out'), err: sink('err') });
  assert.equal(code, 0, `footing analyze failed: ${err}`);
  return JSON.parse(out) as GaitAnalysisJson;
}

async function browserAnalysis(file: string, last: number, width: number, height: number): Promise<{ analysis: GaitAnalysisJson; model: string }> {
  // A fresh page per clip: the Gait screen keeps the last analysis on show.
  const page = await ctx.phone.context.newPage();
  page.setDefaultTimeout(10_000);
  try {
    return await analyse(page, file, last, width, height);
  } finally {
    await page.close();
  }
}

async function analyse(page: Page, file: string, last: number, width: number, height: number): Promise<{ analysis: GaitAnalysisJson; model: string }> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(ctx.server.url + '/gait');
  await page.locator('#gait-file').setInputFiles(file);
  await page.getByText(`${width} × ${height},`).waitFor();
  // The walker scan pre-sets the box when it ends; type ours after that, so the fields are not re-rendered under us.
  await page.getByText(/Footing will follow Person|Nobody walks across the picture/).waitFor({ timeout: 120_000 }); // a hang guard, not a timing
  await page.getByLabel('Left', { exact: true }).fill('0');
  await page.getByLabel('Top').fill('0');
  await page.getByLabel('Width').fill(String(width));
  await page.getByLabel('Height', { exact: true }).fill(String(height));
  await page.getByText('Analyse only part of the video').click();
  await page.locator('#gait-first').fill('0');
  await page.locator('#gait-last').fill(String(last));
  await page.getByRole('button', { name: 'Analyse walking' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your walk' }).waitFor({ timeout: 180_000 }) // a hang guard, not a timing;
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(/^Saved: the measurements/).waitFor();
  const saved = await call<Array<{ id: string; analysis: GaitAnalysisJson }>>(ctx.server.url, 'GET', '/api/gait-analyses');
  const mine = saved.find((s) => s.analysis.video === basename(file)); // the file's tests share one database
  assert.ok(mine, `saved analyses: ${saved.map((s) => s.analysis.video).join(', ')}`);
  const keypoints = await call<{ model: string }>(ctx.server.url, 'GET', `/api/gait-analyses/${mine.id}/keypoints`);
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
  return { analysis: mine.analysis, model: keypoints.model };
}

for (const clip of CLIPS) {
  test(`${clip.name}: the browser and footing analyze give the same initial contacts (within a frame) and metrics`, { timeout: 240_000 }, async () => {
    const file = fileURLToPath(new URL(`../test/fixtures/gait-clips/${clip.name}.mp4`, import.meta.url));
    const ref = JSON.parse(readFileSync(new URL(`../test/fixtures/gait-reference/${clip.name}.json`, import.meta.url), 'utf8')) as { fps: number };
    const frame = 1 / ref.fps;
    const browser = await browserAnalysis(file, clip.last, clip.width, clip.height);
    assert.match(browser.model, /onnxruntime-web/, 'the page ran the networks on ONNX Runtime');
    const node = await nodeAnalysis(file, clip.last, clip.width, clip.height); // after the browser's: not sharing the CPU
    const found = node.events.left.heel_strike.length + node.events.right.heel_strike.length;
    assert.ok(found >= 4, `Node found the steps (${found} contacts)`);
    assert.deepEqual([...contactMismatches(browser.analysis, node, frame), ...metricMismatches(browser.analysis, node, frame)], []);
    assert.equal(browser.analysis.view, node.view);
  });
}
