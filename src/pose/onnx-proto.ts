/**
 * The part of the ONNX protobuf schema (onnx/onnx.proto, IR version 7) that a converted convolutional model needs:
 * a model with one graph of nodes, float/int initializers and typed inputs and outputs. Field numbers are ONNX's
 * own, so the bytes are a standard .onnx file that any ONNX runtime reads.
 *
 * Written field by field with protobufjs's Writer, not from a parsed .proto schema: protobufjs compiles a parsed
 * schema's encoder with `new Function`, which the web app's Content-Security-Policy (no 'unsafe-eval') forbids,
 * and the browser builds this same model (browser-onnx.ts). The bytes are those the schema encoder gave (fields in
 * number order, proto3 defaults left out, repeated numbers packed): onnx-proto.test.ts compares the two.
 *
 *   AttributeProto { string name = 1; float f = 2; int64 i = 3; bytes s = 4; repeated float floats = 7; repeated int64 ints = 8; int32 type = 20; }
 *   TensorShapeProto { message Dimension { int64 dim_value = 1; string dim_param = 2; } repeated Dimension dim = 1; }
 *   TypeProto { message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; } Tensor tensor_type = 1; }
 *   ValueInfoProto { string name = 1; TypeProto type = 2; }
 *   TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
 *   NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4; repeated AttributeProto attribute = 5; }
 *   GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5; repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
 *   OperatorSetIdProto { string domain = 1; int64 version = 2; }
 *   ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8; }
 */
import protobuf from 'protobufjs/minimal.js';

/** ONNX TensorProto.DataType values used here. */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;
/** AttributeProto.AttributeType values used here. */
export const ATTR = { FLOAT: 1, INT: 2, STRING: 3, INTS: 7 } as const;

export interface OnnxAttribute {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  ints?: number[];
}
export interface OnnxNode {
  input: string[];
  output: string[];
  name: string;
  opType: string;
  attribute: OnnxAttribute[];
}
export interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: number;
  rawData: Uint8Array;
}
export interface OnnxValueInfo {
  name: string;
  elemType: number;
  shape: number[];
}
export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}

type Writer = protobuf.Writer;
const VARINT = 0;
const FIXED32 = 5;
const BYTES = 2;
const tag = (w: Writer, field: number, wire: number) => w.uint32((field << 3) | wire);

// Scalars are left out at their proto3 default, as the schema encoder does.
function str(w: Writer, field: number, v: string | undefined): void {
  if (v) tag(w, field, BYTES).string(v);
}
function int(w: Writer, field: number, v: number | undefined): void {
  if (v) tag(w, field, VARINT).int64(v);
}
function int32(w: Writer, field: number, v: number | undefined): void {
  if (v) tag(w, field, VARINT).int32(v);
}
function bytes(w: Writer, field: number, v: Uint8Array | undefined): void {
  if (v && v.length) tag(w, field, BYTES).bytes(v);
}
function message(w: Writer, field: number, write: (w: Writer) => void): void {
  tag(w, field, BYTES).fork();
  write(w);
  w.ldelim();
}
function packedInts(w: Writer, field: number, v: number[] | undefined): void {
  if (!v || !v.length) return;
  tag(w, field, BYTES).fork();
  for (const x of v) w.int64(x);
  w.ldelim();
}

function attribute(w: Writer, a: OnnxAttribute): void {
  str(w, 1, a.name);
  if (a.f) tag(w, 2, FIXED32).float(a.f);
  int(w, 3, a.i);
  bytes(w, 4, a.s);
  packedInts(w, 8, a.ints);
  int32(w, 20, a.type);
}

function valueInfo(w: Writer, v: OnnxValueInfo): void {
  str(w, 1, v.name);
  message(w, 2, (t) =>
    message(t, 1, (tt) => {
      int32(tt, 1, v.elemType);
      message(tt, 2, (s) => {
        for (const d of v.shape) message(s, 1, (dim) => (d < 0 ? str(dim, 2, 'n') : int(dim, 1, d)));
      });
    }),
  );
}

/** Encodes a graph as the bytes of an .onnx model (opset 13). */
export function encodeOnnxModel(graph: OnnxGraph, producer: string): Uint8Array {
  const w = protobuf.Writer.create();
  int(w, 1, 7); // IR version
  str(w, 2, producer);
  message(w, 7, (g) => {
    for (const n of graph.nodes) {
      message(g, 1, (m) => {
        for (const i of n.input) tag(m, 1, BYTES).string(i);
        for (const o of n.output) tag(m, 2, BYTES).string(o);
        str(m, 3, n.name);
        str(m, 4, n.opType);
        for (const a of n.attribute) message(m, 5, (x) => attribute(x, a));
      });
    }
    str(g, 2, graph.name);
    for (const t of graph.initializers)
      message(g, 5, (m) => {
        packedInts(m, 1, t.dims);
        int32(m, 2, t.dataType);
        str(m, 8, t.name);
        bytes(m, 9, t.rawData);
      });
    for (const v of graph.inputs) message(g, 11, (m) => valueInfo(m, v));
    for (const v of graph.outputs) message(g, 12, (m) => valueInfo(m, v));
  });
  message(w, 8, (o) => {
    str(o, 1, '');
    int(o, 2, 13);
  });
  return w.finish();
}
