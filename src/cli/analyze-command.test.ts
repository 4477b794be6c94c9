import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';
import { formatReport } from './analyze-report.js';
import { emptyClip, oneFrameClip, panClip, twoWalkersClip, walk4k60Clip } from '../../test/helpers/bad-gait-clips.js';
import { referenceCadence } from '../../test/helpers/gait-test-clip.js';

const VIDEO = fileURLToPath(new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const ref = JSON.parse(
  readFileSync(new URL('../../test/fixtures/gait-reference/sports2d_demo_walk_side.json', import.meta.url), 'utf8'),
) as {
  fps: number;
  feet: Record<
    'near' | 'far',
    { side: 'left' | 'right'; events: Array<{ type: string; pass: unknown; interval: [number, number] }> }
  >;
};

async function run(args: string[]) {
  let out = '';
  let err = '';
  const o = new Writable({
    write(c, _e, cb) {
      out += String(c);
      cb();
    },
  });
  const e = new Writable({
    write(c, _e, cb) {
      err += String(c);
      cb();
    },
  });
  const code = await main(args, { out: o, err: e });
  return { code, out, err };
}

// Frames 50-190 hold three near-foot and four far-foot initial contacts of the walker (reference 78, 116, 152 and
// 60, 97, 133, 171), enough complete strides for cadence, while the acrobat is on the box and then jumps down:
// enough to check whom it follows, short enough for the test suite (the whole clip is 230 frames).
const FIRST = 50;
const LAST = 190;

test("footing analyze --json on the walk: the issue's JSON shape, the walker chosen automatically, heel strikes inside the reference", async () => {
  const r = await run(['analyze', VIDEO, '--json', '--frames', `${FIRST}-${LAST}`]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.video, 'sports2d_demo_walk_side.mp4');
  assert.equal(j.fps, 30); // SOURCES.md: 30 fps
  assert.equal(j.frames, LAST - FIRST + 1);
  assert.equal(j.view, 'side');
  for (const side of ['left', 'right']) {
    assert.deepEqual(Object.keys(j.events[side]).sort(), ['heel_strike', 'toe_off']);
    for (const t of [...j.events[side].heel_strike, ...j.events[side].toe_off]) {
      assert.equal(typeof t, 'number');
      assert.ok(t >= FIRST / 30 && t <= LAST / 30, `event at ${t} s outside the analysed frames`);
    }
  }
  assert.equal(typeof j.metrics.cadence_spm.value, 'number');
  assert.equal(typeof j.metrics.cadence_spm.confidence, 'number');
  for (const m of Object.values(j.metrics) as Array<{ value: unknown; confidence: unknown }>) {
    assert.ok(m.value === null || typeof m.value === 'number');
    assert.equal(typeof m.confidence, 'number');
  }
  assert.ok(Array.isArray(j.warnings));

  // Whom it followed: chosen automatically, a band without the acrobat (his feet stand on the box at y ~420 in
  // the source frame, read off frame 20 by eye) that holds her feet (y ~920-940, docs/gait-reference.md).
  assert.equal(j.person.method, 'auto');
  // The pose model ran on her frames only (she is in view from about frame 40, docs/gait-reference.md), and the
  // frames outside that span are still reported, with nobody in them.
  assert.ok(
    j.person.frames_analysed.first >= FIRST && j.person.frames_analysed.first <= 60,
    JSON.stringify(j.person.frames_analysed),
  );
  assert.ok(j.person.roi.y > 420 && j.person.roi.y + j.person.roi.height >= 940, JSON.stringify(j.person.roi));
  assert.ok(j.person.candidates.length >= 1);

  // Heel strikes against the human reference (near foot = her left): each must lie inside a consensus interval.
  for (const foot of ['near', 'far'] as const) {
    const side = ref.feet[foot].side;
    const intervals = ref.feet[foot].events
      .filter((e) => e.pass === 'consensus' && e.type === 'IC')
      .map((e) => e.interval);
    const found = (j.events[side].heel_strike as number[]).map((t) => t * ref.fps);
    assert.ok(found.length >= 2, `${foot}: ${found.length} heel strikes`);
    for (const f of found)
      assert.ok(
        intervals.some(([lo, hi]) => f >= lo - 0.5 && f <= hi + 0.5),
        `${foot} heel strike at frame ${f.toFixed(1)} is in no reference interval`,
      );
  }
});

test('Bad input gives one line naming the problem and a non-zero exit', async () => {
  const oneLine = (s: string) => s.trim().split('\n').length === 1;
  const missing = await run(['analyze', '/nonexistent/walk.mp4']);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /walk\.mp4.*not found/i);
  assert.ok(oneLine(missing.err));

  const view = await run(['analyze', VIDEO, '--view', 'diagonal']);
  assert.equal(view.code, 2);
  assert.match(view.err, /--view must be side, front, back or auto \(got "diagonal"\)/);
  assert.ok(oneLine(view.err));

  const roiText = await run(['analyze', VIDEO, '--roi', '10,20,abc']);
  assert.equal(roiText.code, 2);
  assert.match(roiText.err, /--roi must be X,Y,WIDTH,HEIGHT/);
  assert.ok(oneLine(roiText.err));

  // A box that leaves the 1768x994 picture (SOURCES.md size) is refused before any model runs.
  const roiOutside = await run(['analyze', VIDEO, '--roi', '1700,0,200,200']);
  assert.equal(roiOutside.code, 1);
  assert.match(roiOutside.err, /--roi.*inside 1768x994/);
  assert.ok(oneLine(roiOutside.err));

  const frames = await run(['analyze', VIDEO, '--frames', '10-5000']);
  assert.equal(frames.code, 2);
  assert.match(frames.err, /--frames 10-5000: the video has frames 0-229/);

  // Asking for a person the first pass did not find (one sampled frame: frames 100-110) is a usage error.
  const person = await run(['analyze', VIDEO, '--person', '9', '--frames', '100-110']);
  assert.equal(person.code, 2);
  assert.match(person.err, /--person 9: There is no person 9/);
  assert.ok(oneLine(person.err));

  for (const bad of ['0', 'fast', '31']) {
    const belt = await run(['analyze', VIDEO, '--treadmill-kmh', bad]);
    assert.equal(belt.code, 2);
    assert.match(belt.err, new RegExp(`--treadmill-kmh must be a belt speed from 0.5 to 30 km/h \\(got "${bad}"\\)`));
    assert.ok(oneLine(belt.err));
  }

  const dir = mkdtempSync(join(tmpdir(), 'footing-analyze-'));
  const text = join(dir, 'notes.mp4');
  writeFileSync(text, 'not a video\n');
  const notVideo = await run(['analyze', text]);
  assert.equal(notVideo.code, 1);
  assert.match(notVideo.err, /notes\.mp4/);
  assert.ok(oneLine(notVideo.err));
  assert.doesNotMatch(notVideo.err + missing.err + roiOutside.err, /\n\s+at /); // no stack trace
});

test('footing analyze on a real treadmill run (4 s) with --treadmill-kmh: in place, a run, speed from the belt, step length by hand', async () => {
  const clip = fileURLToPath(new URL('../../test/fixtures/gait-clips/treadmill-run-side-a.mp4', import.meta.url));
  const r = await run(['analyze', clip, '--json', '--frames', '0-119', '--treadmill-kmh', '10']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as {
    view: string;
    setting: string;
    mode: string;
    treadmill_kmh: number;
    metrics: Record<string, { value: number | null; reference?: unknown; left?: number; right?: number }>;
  };
  assert.deepEqual([j.view, j.setting, j.mode, j.treadmill_kmh], ['side', 'in-place', 'run', 10]);
  // 10 km/h = 2.778 m/s; step length = speed x step time (both from the same JSON, multiplied by hand here).
  assert.equal(j.metrics.walking_speed_mps!.value, 2.778);
  const step = j.metrics.step_time_s!.value!;
  assert.ok(Math.abs(j.metrics.step_length_m!.value! - (10 / 3.6) * step) < 0.01);
  assert.equal(j.metrics.cadence_spm!.reference, undefined, 'no walking range on a run');
  // The text report is formatReport of this same JSON (analyze-command.ts prints one or the other), so it is read
  // from the one analysis rather than paying for a second pose pass.
  const text = formatReport(JSON.parse(r.out));
  assert.match(text, /side view \(right-to-left\), in place \(treadmill\) at 10 km\/h, running/);
  assert.match(text, /Running: no typical ranges are shown/);
});

test("A 4K 60 fps walk: analysed at the model's size, every frame, and the cadence within the hand annotation's range", async () => {
  // 4.6 s of the shared walk upscaled by ffmpeg to 3840 × 2160 at 60 fps (test/helpers/bad-gait-clips.ts). The frames
  // reach the model at most MODEL_MAX_HEIGHT high, so memory does not grow with the picture (docs/gait-video.md
  // gives the peak measured with /usr/bin/time -v).
  const dir = mkdtempSync(join(tmpdir(), 'footing-4k-'));
  try {
    const clip = await walk4k60Clip(dir);
    const r = await run(['analyze', clip.file, '--json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as {
      fps: number;
      frames: number;
      view: string;
      metrics: Record<string, { value: number | null }>;
    };
    assert.deepEqual([j.fps, j.frames, j.view], [60, clip.frames, 'side']);
    // The same range the 30 fps cut is held to (e2e/gait-server): the annotation's contacts, widened by one 30 fps frame.
    const expected = referenceCadence(clip, 1);
    const cadence = j.metrics.cadence_spm!.value;
    assert.ok(
      cadence !== null && cadence >= expected.min && cadence <= expected.max,
      `cadence ${cadence} vs ${expected.min.toFixed(1)}-${expected.max.toFixed(1)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('A clip with nobody in it: analysed without a crash, and the report says no person was found and how to film', async (t) => {
  // 2.2 s of ffmpeg's moving test pattern (over the 2 s minimum, so the reason is the missing person, not the length).
  const dir = mkdtempSync(join(tmpdir(), 'footing-nobody-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clip = await emptyClip(dir);
  const r = await run(['analyze', clip, '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as { frames: number; warnings: Array<{ code: string; message: string; advice: string }> };
  assert.equal(j.frames, 66);
  assert.equal(j.warnings[0]?.code, 'no-person');
  assert.match(j.warnings[0]!.message, /No person was found/);
  assert.match(j.warnings[0]!.advice, /Film the whole body/);
});

test('A video of one frame: read without a crash, and the report says it is too short and how to film again', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-1frame-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clip = await oneFrameClip(dir);
  const r = await run(['analyze', clip, '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as {
    frames: number;
    warnings: Array<{ code: string; message: string; advice: string }>;
    metrics: Record<string, { value: number | null; reason?: string }>;
  };
  assert.equal(j.frames, 1);
  assert.equal(j.warnings.length, 1);
  assert.match(j.warnings[0]!.message, /only 1 frame .*at least 2 s of walking/);
  assert.match(j.warnings[0]!.advice, /Record 10–20 seconds/);
  // Nothing is invented from one picture.
  assert.deepEqual(
    Object.values(j.metrics).filter((m) => m.value !== null),
    [],
  );
});

test('A camera panning across the walk: analysed without a crash, the camera-moving warning, and no speed or step length from it', async (t) => {
  // 3 s of the shared walk seen through a window that slides 150 px/s across it (a phone turning to follow), made
  // by ffmpeg (test/helpers/bad-gait-clips.ts): the background moves in the picture, which the scan's scene check sees.
  const dir = mkdtempSync(join(tmpdir(), 'footing-pan-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clip = await panClip(dir);
  const r = await run(['analyze', clip, '--json', '--height-cm', '165']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as {
    warnings: Array<{ code: string; advice: string }>;
    metrics: Record<string, { value: number | null; reason?: string }>;
  };
  const moving = j.warnings.find((w) => w.code === 'camera-moving');
  assert.ok(moving, JSON.stringify(j.warnings.map((w) => w.code)));
  assert.match(moving.advice, /Stand the phone still/);
  for (const k of ['walking_speed_mps', 'step_length_m']) {
    assert.equal(j.metrics[k]!.value, null, k);
    assert.match(j.metrics[k]!.reason ?? '', /camera moved/, k);
  }
});

test('Two people of the same size walking: the report says whom it followed and how to choose the other', async (t) => {
  // 4 s of the shared walk beside its own mirror image, made by ffmpeg (test/helpers/bad-gait-clips.ts): two walkers of exactly the same size
  // crossing their halves of the picture in opposite directions, each about as far.
  const dir = mkdtempSync(join(tmpdir(), 'footing-two-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clip = await twoWalkersClip(dir);
  const r = await run(['analyze', clip, '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as {
    warnings: Array<{ code: string; message: string; advice: string }>;
    person: { chosen: number; candidates: Array<{ id: number; travel_px: number }> };
  };
  const w = j.warnings.find((x) => x.code === 'two-walkers');
  assert.ok(w, JSON.stringify(j.warnings.map((x) => x.code)));
  const other = j.person.candidates.find(
    (c) => c.id !== j.person.chosen && c.travel_px >= 0.5 * j.person.candidates[0]!.travel_px,
  );
  assert.ok(other, JSON.stringify(j.person.candidates));
  assert.match(w.message, new RegExp(`followed person ${j.person.chosen}, not person ${other.id}\\.`));
  assert.match(w.advice, new RegExp(`--person ${other.id}`));
});
