/**
 * Keypoint fixtures of the gait validation clips (test/fixtures/gait-clips), made exactly as `footing analyze`
 * makes them (src/services/analyze-video.ts: walker scan, region, BlazePose full on ONNX Runtime), so the tests
 * can check the gait analysis of every kind of clip against its hand reference in a second, without the model.
 * Only clips whose hand reference exists are processed: the reference is made before any model sees a clip.
 * Run: node --import tsx scripts/make-clip-keypoints.ts [name ...]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeVideoFile } from '../src/services/analyze-video.js';
import { roundSeries } from './round-series.js';

const CLIPS = new URL('../test/fixtures/gait-clips/', import.meta.url);
const REFS = new URL('../test/fixtures/gait-reference/', import.meta.url);
const OUT = new URL('../test/fixtures/keypoints/', import.meta.url);

const clips = JSON.parse(readFileSync(new URL('clips.json', CLIPS), 'utf8')) as Array<{ file: string }>;
const wanted = process.argv.slice(2);
for (const { file } of clips) {
  const name = file.replace(/\.mp4$/, '');
  if (wanted.length && !wanted.includes(name)) continue;
  if (!existsSync(new URL(`${name}.json`, REFS))) {
    console.log(`${name}: no hand reference yet, not run`);
    continue;
  }
  const t = Date.now();
  const r = await analyzeVideoFile(fileURLToPath(new URL(file, CLIPS)), { name: file });
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  writeFileSync(new URL(`${name}.json`, OUT), JSON.stringify(roundSeries(r.value.series)) + '\n');
  console.log(
    `${name}: ${r.value.series.frames.length} frames, region ${JSON.stringify(r.value.json.person.roi)}, ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
}
