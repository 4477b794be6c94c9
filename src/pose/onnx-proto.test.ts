/**
 * onnx-proto.ts writes the ONNX bytes field by field (the browser's CSP forbids protobufjs's compiled encoders).
 * Checked against protobufjs's own encoder for the same schema, on both real BlazePose graphs: the same bytes.
 */
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs-core';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import { createTfjsBlazePose, MODEL_DIR } from './node-runtime.js';
import { fileModelHandler } from './node-model-loader.js';
import {
  decodeGraphWeights,
  DETECTOR_INPUT_SHAPE,
  DETECTOR_OUTPUTS,
  LANDMARK_INPUT_SHAPE,
  LANDMARK_OUTPUTS,
} from './onnx-graph-model.js';
import { encodeOnnxModel, type OnnxGraph, type OnnxValueInfo } from './onnx-proto.js';
import { tfjsGraphToOnnx } from './tfjs-graph-to-onnx.js';

// The schema as onnx-proto.ts used it with protobufjs before (field numbers from onnx/onnx.proto).
const SCHEMA = `
syntax = "proto3";
package onnx;
message AttributeProto { string name = 1; float f = 2; int64 i = 3; bytes s = 4; repeated float floats = 7; repeated int64 ints = 8; int32 type = 20; }
message TensorShapeProto { message Dimension { int64 dim_value = 1; string dim_param = 2; } repeated Dimension dim = 1; }
message TypeProto { message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; } Tensor tensor_type = 1; }
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
message NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4; repeated AttributeProto attribute = 5; }
message GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5; repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8; }
`;

function schemaEncode(graph: OnnxGraph, producer: string): Uint8Array {
  const type = protobuf.parse(SCHEMA, { keepCase: false }).root.lookupType('onnx.ModelProto');
  const info = (v: OnnxValueInfo) => ({
    name: v.name,
    type: {
      tensorType: {
        elemType: v.elemType,
        shape: { dim: v.shape.map((d) => (d < 0 ? { dimParam: 'n' } : { dimValue: d })) },
      },
    },
  });
  return type
    .encode(
      type.fromObject({
        irVersion: 7,
        producerName: producer,
        opsetImport: [{ domain: '', version: 13 }],
        graph: {
          name: graph.name,
          node: graph.nodes,
          initializer: graph.initializers,
          input: graph.inputs.map(info),
          output: graph.outputs.map(info),
        },
      }),
    )
    .finish();
}

for (const [file, shape, outputs] of [
  ['blazepose-full.json', LANDMARK_INPUT_SHAPE, LANDMARK_OUTPUTS],
  ['blazepose-detector.json', DETECTOR_INPUT_SHAPE, DETECTOR_OUTPUTS],
] as const) {
  test(`Given the ${file} graph, then the hand-written ONNX encoding gives the schema encoder's bytes`, async () => {
    const { json, weights } = decodeGraphWeights(await fileModelHandler(new URL(file, MODEL_DIR).pathname).load!());
    const graph = tfjsGraphToOnnx(json, weights, [...shape], [...outputs]);
    const ours = encodeOnnxModel(graph, 'footing');
    const theirs = schemaEncode(graph, 'footing');
    assert.ok(ours.length > 1_000_000, `a real model (${ours.length} bytes)`);
    assert.equal(ours.length, theirs.length);
    assert.ok(Buffer.from(ours).equals(Buffer.from(theirs)), 'the same bytes');
  });
}

test("Given the vendored weight files, then the plain decoding gives tf.io.decodeWeights' values exactly (float16 and int32)", async () => {
  (await createTfjsBlazePose()).dispose(); // a tfjs backend for the reference decoding
  for (const file of ['blazepose-full.json', 'blazepose-detector.json']) {
    const artifacts = await fileModelHandler(new URL(file, MODEL_DIR).pathname).load!();
    const expected = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
    const { weights } = decodeGraphWeights(artifacts);
    assert.equal(weights.size, Object.keys(expected).length);
    for (const [name, t] of Object.entries(expected)) {
      const got = weights.get(name);
      assert.ok(got, name);
      assert.deepEqual(got.shape, t.shape, name);
      const e = t.dataSync();
      assert.equal(got.data.length, e.length, name);
      for (let i = 0; i < e.length; i++)
        if (!Object.is(got.data[i], e[i])) assert.fail(`${name}[${i}]: ${got.data[i]} vs ${e[i]}`);
      t.dispose();
    }
  }
});

test('Given the weights as shards (the browser loader gives one ArrayBuffer per .bin file), then they decode as when joined', async () => {
  for (const file of ['blazepose-full.json', 'blazepose-detector.json']) {
    const artifacts = await fileModelHandler(new URL(file, MODEL_DIR).pathname).load!();
    const whole = artifacts.weightData as ArrayBuffer;
    // Cut at an odd byte inside a weight, not at a weight's edge, as shard files of fixed size are.
    const cut = Math.floor(whole.byteLength / 3) | 1;
    const sharded = {
      ...artifacts,
      weightData: [whole.slice(0, cut), whole.slice(cut, 2 * cut), whole.slice(2 * cut)],
    };
    const a = decodeGraphWeights(artifacts).weights;
    const b = decodeGraphWeights(sharded).weights;
    assert.equal(b.size, a.size, file);
    for (const [name, w] of a) assert.deepEqual(b.get(name), w, `${file}: ${name}`);
  }
});
