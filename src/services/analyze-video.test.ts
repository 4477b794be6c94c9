/**
 * One answer wherever it runs (issue 13): `footing analyze`'s function (and the server job's) gives what the gait
 * screen's procedure gives on the same clip, run here in Node (test/helpers/page-pose-procedure.ts): the same region
 * from the walker scan, the same keypoints (both on ONNX Runtime node here, so to the last bit), the same analysis.
 *
 * The clip is the 3 s camera pan (test/helpers/bad-gait-clips.ts), where the two used to disagree (docs/gait-video.md):
 * the page called the walk a run, footing analyze a walk with too few strides. Two causes, each made to fail here:
 * the Node scan read ffmpeg's rgb24 frames, the page yuv-frame.ts's (another region: y 229 against 231), and Node cut
 * the pose pass into two worker segments, the second tracking from its own detection (on the same region: the legs
 * mixed up and no contacts, against one stride per foot in one pass).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeGait } from '../gait/analyze-gait.js';
import { analysisToJson } from '../gait/analysis-json.js';
import type { KeypointSeries } from '../gait/keypoints.js';
import { panClip } from '../../test/helpers/bad-gait-clips.js';
import { pagePoseProcedure, type PageProcedure } from '../../test/helpers/page-pose-procedure.js';
import { analyzeVideoFile, type VideoAnalysis } from './analyze-video.js';

/** The largest distance between the two series' landmarks, pixels, over the frames the page estimated; a frame with a person on one side only is Infinity. */
function largestGap(page: KeypointSeries, node: KeypointSeries): number {
  const byIndex = new Map(node.frames.map((f) => [f.index, f]));
  let worst = 0;
  for (const f of page.frames) {
    const a = f.people[0];
    const b = byIndex.get(f.index)?.people[0];
    if (!a && !b) continue;
    if (!a || !b) return Infinity;
    a.image.forEach((p, i) => {
      worst = Math.max(worst, Math.hypot(p.x - b.image[i]!.x, p.y - b.image[i]!.y));
    });
  }
  return worst;
}

/** The page's analysis of its series (web/src/gait/gait-results.tsx: analyzeGait with the scan's scene, height given). */
function pageAnalysis(p: PageProcedure, heightCm: number) {
  return analysisToJson(analyzeGait(p.series, { view: 'auto', scale: { kind: 'height', heightCm }, scene: p.scene }), {
    name: 'pan.mp4',
    fps: p.series.fps,
    frames: p.series.frames.length,
  });
}

function sameAnswer(node: VideoAnalysis, page: ReturnType<typeof pageAnalysis>): void {
  const n = node.json;
  assert.deepEqual(
    { mode: n.mode, setting: n.setting, view: n.view, events: n.events, warnings: n.warnings.map((w) => w.code) },
    {
      mode: page.mode,
      setting: page.setting,
      view: page.view,
      events: page.events,
      warnings: page.warnings.map((w) => w.code),
    },
  );
}

test(
  'Given the 3 s camera pan, footing analyze scans, chooses the region and tracks as the gait screen does, so both give one answer',
  { timeout: 180_000 },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'footing-one-answer-'));
    try {
      const clip = await panClip(dir);
      // Two workers, as on a two-core machine: the scan may use both, the tracking must stay one pass.
      const node = await analyzeVideoFile(clip, { name: 'pan.mp4', view: 'auto', heightCm: 165, workers: 2 });
      assert.ok(node.ok, node.ok ? '' : node.error.message);
      const page = await pagePoseProcedure(clip);
      assert.deepEqual(node.value.json.person.roi, page.roi);
      assert.deepEqual(node.value.json.person.frames_analysed, { first: page.first, last: page.last });
      assert.equal(largestGap(page.series, node.value.series), 0);
      sameAnswer(node.value, pageAnalysis(page, 165));
      // The answer itself: a walk seen for one stride per foot (the clip is 3 s), not a run.
      assert.equal(node.value.json.mode, 'walk');
      assert.ok(
        node.value.json.warnings.some((w) => w.code === 'too-few-strides'),
        JSON.stringify(node.value.json.warnings.map((w) => w.code)),
      );

      // The region typed in (the page's box fields, --roi here): no scan, the same single pass.
      const given = { roi: page.roi, first: 0, last: 89 };
      const typed = await analyzeVideoFile(clip, {
        name: 'pan.mp4',
        view: 'auto',
        heightCm: 165,
        workers: 2,
        roi: given.roi,
        first: 0,
        last: 89,
      });
      assert.ok(typed.ok, typed.ok ? '' : typed.error.message);
      const pageTyped = await pagePoseProcedure(clip, given);
      assert.equal(largestGap(pageTyped.series, typed.value.series), 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);
