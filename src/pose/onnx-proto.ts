/**
 * The part of the ONNX protobuf schema (onnx/onnx.proto, IR version 7) that a converted convolutional model needs:
 * a model with one graph of nodes, float/int initializers and typed inputs and outputs. Field numbers are ONNX's
 * own, so the bytes are a standard .onnx file that any ONNX runtime reads. Encoding uses protobufjs.
 */
import protobuf from 'protobufjs';

const SCHEMA = `
syntax = "proto3";
package onnx;
message AttributeProto {
  string name = 1; float f = 2; int64 i = 3; bytes s = 4;
  repeated float floats = 7; repeated int64 ints = 8; int32 type = 20;
}
message TensorShapeProto { message Dimension { int64 dim_value = 1; string dim_param = 2; } repeated Dimension dim = 1; }
message TypeProto { message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; } Tensor tensor_type = 1; }
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
message NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4; repeated AttributeProto attribute = 5; }
message GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5; repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7; repeated OperatorSetIdProto opset_import = 8; }
`;

/** ONNX TensorProto.DataType values used here. */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;
/** AttributeProto.AttributeType values used here. */
export const ATTR = { FLOAT: 1, INT: 2, STRING: 3, INTS: 7 } as const;

export interface OnnxAttribute { name: string; type: number; f?: number; i?: number; s?: Uint8Array; ints?: number[] }
export interface OnnxNode { input: string[]; output: string[]; name: string; opType: string; attribute: OnnxAttribute[] }
export interface OnnxTensor { name: string; dims: number[]; dataType: number; rawData: Uint8Array }
export interface OnnxValueInfo { name: string; elemType: number; shape: number[] }
export interface OnnxGraph { name: string; nodes: OnnxNode[]; initializers: OnnxTensor[]; inputs: OnnxValueInfo[]; outputs: OnnxValueInfo[] }

let modelType: protobuf.Type | null = null;

function valueInfo(v: OnnxValueInfo) {
  return { name: v.name, type: { tensorType: { elemType: v.elemType, shape: { dim: v.shape.map((d) => (d < 0 ? { dimParam: 'n' } : { dimValue: d })) } } } };
}

/** Encodes a graph as the bytes of an .onnx model (opset 13). */
export function encodeOnnxModel(graph: OnnxGraph, producer: string): Uint8Array {
  modelType ??= protobuf.parse(SCHEMA, { keepCase: false }).root.lookupType('onnx.ModelProto');
  const message = modelType.fromObject({
    irVersion: 7,
    producerName: producer,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: graph.name,
      node: graph.nodes,
      initializer: graph.initializers,
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  });
  return modelType.encode(message).finish();
}
