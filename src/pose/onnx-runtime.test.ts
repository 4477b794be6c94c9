import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { openVideo } from './ffmpeg-frames.js';
import { filledFrame, type Frame } from './frame.js';
import { createNodePoseEstimator, createNodeTracker, createTfjsBlazePose, MODEL_DIR } from './node-runtime.js';
import { loadOnnxDetectorModel, loadOnnxLandmarkModel, LANDMARK_OUTPUTS, type OutputTensor } from './onnx-models.js';
import { detectPersonBoxesTiled } from './person-boxes.js';
import { tfjsGraphToOnnx, UnsupportedGraphError } from './tfjs-graph-to-onnx.js';
import { LANDMARKS, LEG_LANDMARKS } from '../gait/keypoints.js';

const VIDEO = fileURLToPath(new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const LANDMARK_JSON = new URL('blazepose-full.json', MODEL_DIR).pathname;

/** The walker's 256x256 crop from a real frame, as floats in [0, 1] (the landmark network's input). */
async function walkerCrop(): Promise<Float32Array> {
  const v = await openVideo(VIDEO, {
    first: 100,
    last: 100,
    crop: { x: 780, y: 560, width: 434, height: 434 },
    maxHeight: 586,
  }); // 434 px at the 586/994 scale = 256 px
  assert.ok(v.ok);
  for await (const f of v.value.frames()) {
    assert.equal(f.width, 256);
    return Float32Array.from(f.data, (b) => b / 255);
  }
  throw new Error('no frame');
}

test('Given a real crop, then the ONNX conversion computes what the tfjs model computes from the same weights', async () => {
  const det = await createTfjsBlazePose(); // tfjs is the reference: the model as its authors shipped it
  const tfjsModel = (det as unknown as { landmarkModel: { execute(x: tf.Tensor, o: string[]): tf.Tensor[] } })
    .landmarkModel;
  const onnx = await loadOnnxLandmarkModel(LANDMARK_JSON, 1);
  const input = await walkerCrop();
  const x = tf.tensor4d(input, [1, 256, 256, 3]);
  const expected = tfjsModel.execute(x, [...LANDMARK_OUTPUTS]);
  const got = await onnx.run(input);
  LANDMARK_OUTPUTS.forEach((name, i) => {
    const e = expected[i]!.dataSync();
    const g = got[name];
    assert.deepEqual(g.dims, expected[i]!.shape, name);
    let worst = 0;
    for (let j = 0; j < e.length; j++) worst = Math.max(worst, Math.abs(e[j]! - g.data[j]!));
    // ld_3d is in crop pixels (0-256): 0.05 px is float rounding, far below a frame's worth of motion; the others
    // are probabilities or metres.
    assert.ok(worst < (name === 'ld_3d' ? 0.05 : 1e-3), `${name}: largest difference ${worst}`);
  });
  // The crop holds the walker: the pose flag (a logit) says a person is there on both runtimes.
  assert.ok(got.output_poseflag.data[0]! > 0.5, `pose flag ${got.output_poseflag.data[0]}`);
  tf.dispose([x, ...expected]);
  await onnx.release();
  det.dispose();
});

test("Given the same frames, then both runtimes place the walker's legs within 2 source pixels of each other", async () => {
  const onnxEst = await createNodePoseEstimator('onnx');
  const tfjsEst = await createNodePoseEstimator('tfjs');
  assert.ok(onnxEst.ok && tfjsEst.ok);
  assert.match(onnxEst.value.model, /onnxruntime-node/);
  const run = async (est: typeof onnxEst) => {
    assert.ok(est.ok);
    const v = await openVideo(VIDEO, { first: 95, last: 104, maxHeight: 480 });
    assert.ok(v.ok);
    return est.value.estimate(v.value.frames(), {
      source: v.value.source,
      roi: { x: 0, y: 480, width: 1768, height: 514 },
    });
  };
  const [a, b] = [await run(onnxEst), await run(tfjsEst)];
  // The legs' points but the toes (foot_index): hips, knees, ankles and heels.
  const legs = LEG_LANDMARKS.filter((n) => !n.endsWith('foot_index')).map((n) => LANDMARKS.indexOf(n));
  assert.equal(a.frames.length, 10);
  for (let i = 0; i < a.frames.length; i++) {
    const pa = a.frames[i]!.people[0];
    const pb = b.frames[i]!.people[0];
    assert.ok(pa && pb, `a person in frame ${a.frames[i]!.index} on both runtimes`);
    for (const j of legs) {
      const d = Math.hypot(pa.image[j]!.x - pb.image[j]!.x, pa.image[j]!.y - pb.image[j]!.y);
      assert.ok(d < 2, `${LANDMARKS[j]} differs by ${d.toFixed(2)} px in frame ${a.frames[i]!.index}`);
    }
  }
  onnxEst.value.dispose();
  tfjsEst.value.dispose();
});

test('Given YUV frames filled on demand, then the keypoints equal those from the same frames filled whole, and tracked frames convert only part of the picture', async () => {
  const est = await createNodePoseEstimator('onnx');
  assert.ok(est.ok);
  const roi = { x: 0, y: 480, width: 1768, height: 514 };
  // Frames 30-49 of the shared clip: nobody until the walker is found (frame 40, then followed back), then tracking.
  const open = async () => {
    const v = await openVideo(VIDEO, { first: 30, last: 49, crop: roi, maxHeight: 720, yuv: true });
    assert.ok(v.ok);
    return v.value;
  };
  const share: number[] = [];
  async function* watched(frames: AsyncIterable<Frame>): AsyncIterable<Frame> {
    for await (const f of frames) {
      assert.ok(f.fill, 'a YUV frame is filled on demand');
      const fill = f.fill;
      let area = 0;
      const clipped = (a: number, b: number, n: number) => Math.max(0, Math.min(n, b) - Math.max(0, a));
      yield {
        ...f,
        fill: (x0, y0, x1, y1) => {
          area += clipped(x0, x1, f.width) * clipped(y0, y1, f.height);
          fill(x0, y0, x1, y1);
        },
      };
      share.push(area / (f.width * f.height));
    }
  }
  async function* whole(frames: AsyncIterable<Frame>): AsyncIterable<Frame> {
    for await (const f of frames) yield filledFrame(f);
  }
  const a = await open();
  const b = await open();
  const lazy = await est.value.estimate(watched(a.frames()), { source: a.source, roi });
  const full = await est.value.estimate(whole(b.frames()), { source: b.source, roi });
  assert.deepEqual(lazy.frames, full.frames);
  assert.ok(lazy.frames.filter((f) => f.people.length).length >= 8, 'the walker is found');
  // Tracked frames ask for the landmark crop's box only: the walker is a fraction of the 1768 px wide band.
  assert.ok(
    share.some((x) => x < 0.6),
    `largest share asked of a frame: ${Math.min(...share).toFixed(2)}`,
  );
  est.value.dispose();
});

test('Given a real frame, then the converted person detector scores and places people as the tfjs one does', async () => {
  const det = await createTfjsBlazePose();
  const tfjsModel = (det as unknown as { detectorModel: { predict(x: tf.Tensor): tf.Tensor } }).detectorModel;
  const onnx = await loadOnnxDetectorModel(new URL('blazepose-detector.json', MODEL_DIR).pathname, 1);
  // The walker's 224x224 tile in [-1, 1] (the detector's input range).
  const v = await openVideo(VIDEO, {
    first: 100,
    last: 100,
    crop: { x: 700, y: 300, width: 694, height: 694 },
    maxHeight: 321,
  }); // 694 px at 321/994 = 224 px
  assert.ok(v.ok);
  let input = new Float32Array(0);
  for await (const f of v.value.frames()) {
    assert.equal(f.width, 224);
    input = Float32Array.from(f.data, (b) => (b / 255) * 2 - 1);
  }
  const x = tf.tensor4d(input, [1, 224, 224, 3]);
  const expected = tfjsModel.predict(x);
  const e = expected.dataSync();
  const got = (await onnx.run(input)).person;
  assert.deepEqual(got.dims, expected.shape);
  let worst = 0;
  for (let j = 0; j < e.length; j++)
    worst = Math.max(worst, Math.abs(e[j]! - got.data[j]!) / Math.max(1, Math.abs(e[j]!)));
  assert.ok(worst < 1e-3, `largest relative difference ${worst}`);
  tf.dispose([x, expected]);
  await onnx.release();
  det.dispose();
});

test("Given two kernel threads (what a pose worker of a 2-core pool runs), then both networks give one thread's outputs bit for bit", async () => {
  const crop = await walkerCrop();
  const detectorInput = Float32Array.from(crop.subarray(0, 224 * 224 * 3), (v) => v * 2 - 1);
  const pairs = [
    [await loadOnnxLandmarkModel(LANDMARK_JSON, 1), await loadOnnxLandmarkModel(LANDMARK_JSON, 2), crop],
    [
      await loadOnnxDetectorModel(new URL('blazepose-detector.json', MODEL_DIR).pathname, 1),
      await loadOnnxDetectorModel(new URL('blazepose-detector.json', MODEL_DIR).pathname, 2),
      detectorInput,
    ],
  ] as const;
  for (const [one, two, input] of pairs) {
    assert.match(two.description, /2 threads/);
    const a: Record<string, OutputTensor> = await one.run(input);
    const b: Record<string, OutputTensor> = await two.run(input);
    for (const name of Object.keys(a)) {
      const x = a[name]!.data;
      const y = b[name]!.data;
      let differing = 0;
      for (let j = 0; j < x.length; j++) if (!Object.is(x[j], y[j])) differing++;
      assert.equal(differing, 0, `${name}: ${differing} of ${x.length} values differ`);
    }
    await one.release();
    await two.release();
  }
});

test("Given the walker scan's tiles, then both runtimes find the same people in the same places", async () => {
  const onnx = await createNodeTracker('onnx');
  const tfjs = await createNodeTracker('tfjs');
  assert.ok(onnx.ok && tfjs.ok);
  const v = await openVideo(VIDEO, { first: 60, last: 150, every: 30, maxHeight: 360 });
  assert.ok(v.ok);
  let people = 0;
  for await (const f of v.value.frames()) {
    const a = await detectPersonBoxesTiled(onnx.value.tracker, f, v.value.source);
    const b = await detectPersonBoxesTiled(tfjs.value.tracker, f, v.value.source);
    assert.equal(a.length, b.length, `frame ${f.index}: ${a.length} vs ${b.length} boxes`);
    for (const box of b) {
      const near = a.find(
        (o) => Math.hypot(o.hipX - box.hipX, o.hipY - box.hipY) < 3 && Math.abs(o.radius - box.radius) < 3,
      );
      assert.ok(
        near,
        `frame ${f.index}: the tfjs box at ${box.hipX.toFixed(0)},${box.hipY.toFixed(0)} has no ONNX twin`,
      );
    }
    people += b.length;
  }
  assert.ok(people >= 4, `people seen on the sampled frames: ${people}`);
  onnx.value.tracker.dispose();
  tfjs.value.tracker.dispose();
});

test('Given a graph with an op the conversion does not know, then it fails naming the node, not with a wrong model', () => {
  const model = {
    modelTopology: {
      node: [
        { name: 'input_1', op: 'Placeholder' },
        { name: 'odd', op: 'Softplus', input: ['input_1'] },
      ],
    },
    signature: { outputs: { out: { name: 'odd:0' } } },
  };
  assert.throws(
    () => tfjsGraphToOnnx(model, new Map(), [1, 4, 4, 3], ['out']),
    (e: Error) => e instanceof UnsupportedGraphError && /odd: op Softplus/.test(e.message),
  );
});
