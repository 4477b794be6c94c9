import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { convertImageToTensor } from '@tensorflow-models/pose-detection/dist/shared/calculators/convert_image_to_tensor.js';
import { BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG } from '@tensorflow-models/pose-detection/dist/blazepose_tfjs/constants.js';
import { openVideo } from './ffmpeg-frames.js';
import { createTfjsBlazePose } from './node-runtime.js';
import { cropForLandmarks, type RgbImage } from './landmark-crop.js';

const VIDEO = fileURLToPath(new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));

async function frame(): Promise<RgbImage> {
  const v = await openVideo(VIDEO, { first: 100, last: 100, maxHeight: 360 });
  assert.ok(v.ok);
  for await (const f of v.value.frames()) return { data: f.data, width: f.width, height: f.height };
  throw new Error('no frame');
}

test("Given real frames and rotated regions, then the JS crop equals pose-detection's tfjs crop", async () => {
  const det = await createTfjsBlazePose(); // sets up the tfjs backend the reference crop runs on
  const image = await frame();
  const tensor = tf.tensor3d(Float32Array.from(image.data), [image.height, image.width, 3]);
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        xCenter: fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        yCenter: fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        width: fc.double({ min: 0.05, max: 1.2, noNaN: true }),
        height: fc.double({ min: 0.05, max: 1.2, noNaN: true }),
        rotation: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      }),
      async (rect) => {
        const ref = convertImageToTensor(tensor, BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG, { ...rect });
        const expected = await ref.imageTensor.data();
        const got = cropForLandmarks(image, { ...rect });
        ref.imageTensor.dispose();
        assert.equal(got.pixels.length, expected.length);
        let worst = 0;
        for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i]! - got.pixels[i]!));
        assert.ok(worst < 1e-4, `largest pixel difference ${worst} for ${JSON.stringify(rect)}`);
        assert.deepEqual(got.padding, ref.padding);
      },
    ),
    { numRuns: 25 },
  );
  tensor.dispose();
  det.dispose();
});
