/**
 * Converts a tfjs graph model of the convolutional kind BlazePose's landmark network is (convolutions with fused
 * bias and ReLU6, depthwise convolutions, additions, max pooling, bilinear up-sampling, sigmoid, reshape) into an
 * ONNX model, so that the same weights (read from the npm package's files, nothing downloaded) run on ONNX Runtime's
 * native CPU kernels in Node: several times faster per frame than tfjs's single-threaded wasm backend here.
 *
 * tfjs graphs are NHWC; ONNX convolutions are NCHW. The input is transposed once, 4-D tensors stay NCHW inside, and
 * outputs are transposed back, so the ONNX model takes and returns exactly what the tfjs model does. An op outside
 * the supported set is an error naming the node, never a silently wrong model.
 */
import {
  ATTR,
  ONNX_FLOAT,
  ONNX_INT64,
  type OnnxAttribute,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
} from './onnx-proto.js';

/** A decoded weight (a Const node's value). */
export interface GraphWeight {
  shape: number[];
  data: Float32Array | Int32Array;
}

/** The parts of a tfjs model.json this converter reads. */
export interface TfjsGraphJson {
  modelTopology: { node: Array<{ name: string; op: string; input?: string[]; attr?: Record<string, TfAttr> }> };
  signature?: { inputs?: Record<string, { name: string }>; outputs?: Record<string, { name: string }> };
}
interface TfAttr {
  s?: string;
  i?: string;
  b?: boolean;
  f?: number;
  list?: { i?: string[]; s?: string[] };
  shape?: { dim?: Array<{ size: string }> };
}

export class UnsupportedGraphError extends Error {}

interface Value {
  name: string;
  shape: number[];
  nchw: boolean;
}

// atob gives the bytes as a latin1 string, as Buffer's 'latin1' did, and exists in Node and in browsers alike (the
// browser builds the same graph, browser-onnx.ts).
const decode = (b64: string | undefined) => (b64 ? atob(b64) : '');

/**
 * Builds the ONNX graph. `inputShape` fixes the NHWC input shape (batch 1: the runtime feeds one crop at a time);
 * `outputs` picks signature outputs by name (e.g. 'ld_3d'), in the order the ONNX model will list them.
 */
export function tfjsGraphToOnnx(
  model: TfjsGraphJson,
  weights: Map<string, GraphWeight>,
  inputShape: number[],
  outputs: string[],
): OnnxGraph {
  const nodes = model.modelTopology.node;
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const values = new Map<string, Value>();
  const onnxNodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  let counter = 0;
  const fresh = (base: string) => `${base}__${counter++}`;

  const addInit = (name: string, dims: number[], data: Float32Array | BigInt64Array, dataType: number) => {
    initializers.push({ name, dims, dataType, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    return name;
  };
  const int64s = (name: string, xs: number[]) =>
    addInit(fresh(name), [xs.length], BigInt64Array.from(xs.map(BigInt)), ONNX_INT64);
  const scalars = new Map<number, string>(); // one initializer per constant (every ReLU6 clips at the same 0 and 6)
  const floatScalar = (name: string, x: number) => {
    let at = scalars.get(x);
    if (!at) {
      at = addInit(fresh(name), [], Float32Array.of(x), ONNX_FLOAT);
      scalars.set(x, at);
    }
    return at;
  };
  const emit = (opType: string, input: string[], output: string, attribute: OnnxAttribute[] = []) => {
    onnxNodes.push({ name: output, opType, input, output: [output], attribute });
  };
  // Small integer tensors computed while converting (Shape, StridedSlice, Pack of constants): with the input shape
  // fixed, shape arithmetic in the graph is known in advance and folds into constants.
  const folded = new Map<string, GraphWeight>();
  const weight = (name: string): GraphWeight => {
    const w = weights.get(tensorName(name)) ?? folded.get(tensorName(name));
    if (!w) throw new UnsupportedGraphError(`weight ${name} is missing from the weights file`);
    return w;
  };
  const value = (name: string): Value => {
    const v = values.get(tensorName(name));
    if (!v) throw new UnsupportedGraphError(`tensor ${name} is used before it is computed`);
    return v;
  };

  // The input: NHWC from the caller, NCHW inside.
  const inputNode = nodes.find((n) => n.op === 'Placeholder');
  if (!inputNode) throw new UnsupportedGraphError('the graph has no input (Placeholder)');
  const [n, h, w, c] = inputShape as [number, number, number, number];
  const inputNchw = fresh('input_nchw');
  emit('Transpose', [inputNode.name], inputNchw, [ints('perm', [0, 3, 1, 2])]);
  values.set(inputNode.name, { name: inputNchw, shape: [n, c, h, w], nchw: true });

  for (const node of topologicalOrder(nodes, byName)) {
    if (node.op === 'Const' || node.op === 'Placeholder') continue;
    const ins = (node.input ?? []).filter((i) => !i.startsWith('^'));
    const out = node.name;
    const attr = node.attr ?? {};
    switch (node.op) {
      case '_FusedConv2D':
      case 'FusedDepthwiseConv2dNative':
      case 'Conv2D':
      case 'DepthwiseConv2dNative': {
        const x = value(ins[0]!);
        const depthwise = node.op.includes('Depthwise');
        const fused = (attr.fused_ops?.list?.s ?? []).map(decode);
        const k = weight(ins[1]!);
        const [kh, kw, cin, cout] = k.shape as [number, number, number, number];
        const strides = (attr.strides?.list?.i ?? ['1', '1', '1', '1']).map(Number);
        const dil = (attr.dilations?.list?.i ?? ['1', '1', '1', '1']).map(Number);
        const [sh, sw] = [strides[1]!, strides[2]!];
        const [dh, dw] = [dil[1]!, dil[2]!];
        if (decode(attr.data_format?.s) && decode(attr.data_format?.s) !== 'NHWC')
          throw new UnsupportedGraphError(`${out}: data format ${decode(attr.data_format?.s)}`);
        const outChannels = depthwise ? cin * cout : cout;
        const weightName = addInit(
          fresh(`${out}_w`),
          depthwise ? [outChannels, 1, kh, kw] : [outChannels, cin, kh, kw],
          depthwise
            ? depthwiseToOihw(k.data as Float32Array, kh, kw, cin, cout)
            : hwioToOihw(k.data as Float32Array, kh, kw, cin, cout),
          ONNX_FLOAT,
        );
        const inputs = [x.name, weightName];
        const rest = fused.filter((f) => f !== 'BiasAdd');
        if (fused.includes('BiasAdd')) {
          const b = weight(ins[2]!);
          inputs.push(addInit(fresh(`${out}_b`), [outChannels], Float32Array.from(b.data), ONNX_FLOAT));
        }
        const [ih, iw] = [x.shape[2]!, x.shape[3]!];
        const padding = decode(attr.padding?.s);
        const [oh, th] = convOut(ih, kh, sh, dh, padding, out);
        const [ow, tw] = convOut(iw, kw, sw, dw, padding, out);
        const convOutName = rest.length ? fresh(`${out}_conv`) : out;
        emit('Conv', inputs, convOutName, [
          ints('kernel_shape', [kh, kw]),
          ints('strides', [sh, sw]),
          ints('dilations', [dh, dw]),
          ints('pads', [Math.floor(th / 2), Math.floor(tw / 2), th - Math.floor(th / 2), tw - Math.floor(tw / 2)]),
          int('group', depthwise ? cin : 1),
        ]);
        if (rest.length > 1) throw new UnsupportedGraphError(`${out}: fused ops ${fused.join(', ')}`);
        if (rest[0] === 'Relu6') emit('Clip', [convOutName, floatScalar('zero', 0), floatScalar('six', 6)], out);
        else if (rest[0] === 'Relu') emit('Relu', [convOutName], out);
        else if (rest[0]) throw new UnsupportedGraphError(`${out}: fused activation ${rest[0]} is not supported`);
        values.set(out, { name: out, shape: [x.shape[0]!, outChannels, oh, ow], nchw: true });
        break;
      }
      case 'Pad': {
        const x = value(ins[0]!);
        const p = Array.from(weight(ins[1]!).data);
        if (p.length !== 8 || !x.nchw) throw new UnsupportedGraphError(`${out}: only 4-D NHWC padding is supported`);
        // NHWC [[n0,n1],[h0,h1],[w0,w1],[c0,c1]] -> ONNX NCHW [n0,c0,h0,w0, n1,c1,h1,w1]
        const pads = [p[0]!, p[6]!, p[2]!, p[4]!, p[1]!, p[7]!, p[3]!, p[5]!];
        emit('Pad', [x.name, int64s(`${out}_pads`, pads)], out);
        values.set(out, {
          name: out,
          nchw: true,
          shape: [
            x.shape[0]! + pads[0]! + pads[4]!,
            x.shape[1]! + pads[1]! + pads[5]!,
            x.shape[2]! + pads[2]! + pads[6]!,
            x.shape[3]! + pads[3]! + pads[7]!,
          ],
        });
        break;
      }
      case 'AddV2':
      case 'Add': {
        const [a, b] = [value(ins[0]!), value(ins[1]!)];
        if (a.shape.join() !== b.shape.join() || a.nchw !== b.nchw)
          throw new UnsupportedGraphError(`${out}: addition of shapes ${a.shape} and ${b.shape}`);
        emit('Add', [a.name, b.name], out);
        values.set(out, { ...a, name: out });
        break;
      }
      case 'Relu6': {
        const x = value(ins[0]!);
        emit('Clip', [x.name, floatScalar('zero', 0), floatScalar('six', 6)], out);
        values.set(out, { ...x, name: out });
        break;
      }
      case 'Relu':
      case 'Sigmoid':
      case 'Identity': {
        const x = value(ins[0]!);
        emit(node.op, [x.name], out);
        values.set(out, { ...x, name: out });
        break;
      }
      case 'MaxPool': {
        const x = value(ins[0]!);
        const ks = (attr.ksize?.list?.i ?? []).map(Number);
        const st = (attr.strides?.list?.i ?? []).map(Number);
        const padding = decode(attr.padding?.s);
        const [oh, th] = convOut(x.shape[2]!, ks[1]!, st[1]!, 1, padding, out);
        const [ow, tw] = convOut(x.shape[3]!, ks[2]!, st[2]!, 1, padding, out);
        if (th || tw) throw new UnsupportedGraphError(`${out}: padded max pooling`);
        emit('MaxPool', [x.name], out, [ints('kernel_shape', [ks[1]!, ks[2]!]), ints('strides', [st[1]!, st[2]!])]);
        values.set(out, { name: out, nchw: true, shape: [x.shape[0]!, x.shape[1]!, oh, ow] });
        break;
      }
      case 'ResizeBilinear': {
        const x = value(ins[0]!);
        const [oh, ow] = Array.from(weight(ins[1]!).data) as [number, number];
        const alignCorners = attr.align_corners?.b === true;
        const halfPixel = attr.half_pixel_centers?.b === true;
        // TF's (align_corners, half_pixel_centers) pairs map onto ONNX's coordinate transformation modes.
        const mode = alignCorners ? 'align_corners' : halfPixel ? 'half_pixel' : 'asymmetric';
        const sizes = [x.shape[0]!, x.shape[1]!, oh, ow];
        emit('Resize', [x.name, '', '', int64s(`${out}_sizes`, sizes)], out, [
          str('mode', 'linear'),
          str('coordinate_transformation_mode', mode),
        ]);
        values.set(out, { name: out, nchw: true, shape: sizes });
        break;
      }
      case 'Shape': {
        const x = value(ins[0]!);
        const nhwc = x.nchw ? [x.shape[0]!, x.shape[2]!, x.shape[3]!, x.shape[1]!] : x.shape;
        folded.set(out, { shape: [nhwc.length], data: Int32Array.from(nhwc) });
        break;
      }
      case 'StridedSlice': {
        const x = weight(ins[0]!);
        const [b, e, st] = [weight(ins[1]!), weight(ins[2]!), weight(ins[3]!)].map((t) => Array.from(t.data)) as [
          number[],
          number[],
          number[],
        ];
        const masks = ['begin_mask', 'end_mask', 'ellipsis_mask', 'new_axis_mask'].map((k) => Number(attr[k]?.i ?? 0));
        const shrink = Number(attr.shrink_axis_mask?.i ?? 0);
        if (x.shape.length !== 1 || masks.some((m) => m !== 0) || st[0] !== 1 || b.length !== 1)
          throw new UnsupportedGraphError(`${out}: only a plain 1-D strided slice of a constant folds`);
        const picked = Array.from(x.data).slice(b[0]!, e[0]!);
        folded.set(
          out,
          shrink & 1
            ? { shape: [], data: Int32Array.of(picked[0]!) }
            : { shape: [picked.length], data: Int32Array.from(picked) },
        );
        break;
      }
      case 'Pack': {
        const parts = ins.map((i) => weight(i));
        if (parts.some((t) => t.shape.length !== 0) || Number(attr.axis?.i ?? 0) !== 0)
          throw new UnsupportedGraphError(`${out}: only packing scalars folds`);
        folded.set(out, { shape: [parts.length], data: Int32Array.from(parts.map((t) => t.data[0]!)) });
        break;
      }
      case 'DepthToSpace': {
        const x = value(ins[0]!);
        const block = Number(attr.block_size?.i ?? 0);
        if (!x.nchw || block < 2)
          throw new UnsupportedGraphError(`${out}: depth to space needs a 4-D input and a block size`);
        // TF's NHWC depth-to-space orders the moved values depth-column-row: ONNX mode DCR.
        emit('DepthToSpace', [x.name], out, [int('blocksize', block), str('mode', 'DCR')]);
        values.set(out, {
          name: out,
          nchw: true,
          shape: [x.shape[0]!, x.shape[1]! / (block * block), x.shape[2]! * block, x.shape[3]! * block],
        });
        break;
      }
      case 'ConcatV2': {
        const parts = ins.slice(0, -1).map((i) => value(i));
        const axisNhwc = Number(weight(ins[ins.length - 1]!).data[0]);
        const rank = parts[0]!.shape.length;
        if (parts.some((p) => p.nchw !== parts[0]!.nchw || p.shape.length !== rank))
          throw new UnsupportedGraphError(`${out}: concatenation of tensors in different layouts`);
        const a = axisNhwc < 0 ? axisNhwc + rank : axisNhwc;
        const axis = parts[0]!.nchw ? [0, 2, 3, 1][a]! : a;
        emit(
          'Concat',
          parts.map((p) => p.name),
          out,
          [int('axis', axis)],
        );
        const shape = [...parts[0]!.shape];
        shape[axis] = parts.reduce((sum, p) => sum + p.shape[axis]!, 0);
        values.set(out, { name: out, nchw: parts[0]!.nchw, shape });
        break;
      }
      case 'Reshape': {
        const x = value(ins[0]!);
        const target = Array.from(weight(ins[1]!).data);
        let src = x.name;
        let shape = x.shape;
        if (x.nchw) {
          // back to TF's element order before flattening
          src = fresh(`${out}_nhwc`);
          emit('Transpose', [x.name], src, [ints('perm', [0, 2, 3, 1])]);
          shape = [x.shape[0]!, x.shape[2]!, x.shape[3]!, x.shape[1]!];
        }
        const count = shape.reduce((p, q) => p * q, 1);
        const known = target.filter((d) => d !== -1).reduce((p, q) => p * q, 1);
        const resolved = target.map((d) => (d === -1 ? count / known : d));
        emit('Reshape', [src, int64s(`${out}_shape`, resolved)], out);
        values.set(out, { name: out, nchw: false, shape: resolved });
        break;
      }
      default:
        throw new UnsupportedGraphError(`${out}: op ${node.op} is not supported by the ONNX conversion`);
    }
  }

  // Outputs, by their signature names, in NHWC like the tfjs model's.
  const graphOutputs = outputs.map((key) => {
    const sig = model.signature?.outputs?.[key];
    if (!sig) throw new UnsupportedGraphError(`the model has no output named ${key}`);
    const v = value(sig.name);
    if (v.nchw) {
      emit('Transpose', [v.name], key, [ints('perm', [0, 2, 3, 1])]);
      return { name: key, elemType: ONNX_FLOAT, shape: [v.shape[0]!, v.shape[2]!, v.shape[3]!, v.shape[1]!] };
    }
    emit('Identity', [v.name], key);
    return { name: key, elemType: ONNX_FLOAT, shape: v.shape };
  });
  const kept = pruneUnused(
    onnxNodes,
    graphOutputs.map((o) => o.name),
  );
  const used = new Set(kept.flatMap((k) => k.input));
  return {
    name: 'converted-from-tfjs',
    nodes: kept,
    initializers: initializers.filter((t) => used.has(t.name)),
    inputs: [{ name: inputNode.name, elemType: ONNX_FLOAT, shape: inputShape }],
    outputs: graphOutputs,
  };
}

/** 'name:0' -> 'name' (signature tensor names carry an output index). */
function tensorName(s: string): string {
  const i = s.lastIndexOf(':');
  return i > 0 && /^\d+$/.test(s.slice(i + 1)) ? s.slice(0, i) : s;
}

function convOut(size: number, k: number, s: number, d: number, padding: string, node: string): [number, number] {
  const eff = (k - 1) * d + 1;
  if (padding === 'VALID') return [Math.floor((size - eff) / s) + 1, 0];
  if (padding === 'SAME') {
    const out = Math.ceil(size / s);
    return [out, Math.max((out - 1) * s + eff - size, 0)];
  }
  throw new UnsupportedGraphError(`${node}: padding ${padding || '(none)'} is not supported`);
}

function hwioToOihw(w: Float32Array, kh: number, kw: number, cin: number, cout: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) {
          out[((o * cin + i) * kh + y) * kw + x] = w[((y * kw + x) * cin + i) * cout + o]!;
        }
  return out;
}

/** Depthwise [kh, kw, C, M] -> grouped [C*M, 1, kh, kw]; TF's output channel c*M + m reads input channel c. */
function depthwiseToOihw(w: Float32Array, kh: number, kw: number, c: number, m: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < c; i++)
        for (let j = 0; j < m; j++) {
          out[((i * m + j) * kh + y) * kw + x] = w[((y * kw + x) * c + i) * m + j]!;
        }
  return out;
}

function topologicalOrder<N extends { name: string; input?: string[] }>(nodes: N[], byName: Map<string, N>): N[] {
  const done = new Set<string>();
  const order: N[] = [];
  for (const start of nodes) {
    const stack: Array<[N, boolean]> = [[start, false]];
    while (stack.length) {
      const [node, expanded] = stack.pop()!;
      if (done.has(node.name)) continue;
      if (expanded) {
        done.add(node.name);
        order.push(node);
        continue;
      }
      stack.push([node, true]);
      for (const i of node.input ?? []) {
        const dep = byName.get(tensorName(i.replace(/^\^/, '')));
        if (dep && !done.has(dep.name)) stack.push([dep, false]);
      }
    }
  }
  return order;
}

/** Drops nodes no output depends on (e.g. the segmentation head when only landmarks are asked for). */
function pruneUnused(nodes: OnnxNode[], outputs: string[]): OnnxNode[] {
  const producer = new Map(nodes.flatMap((n) => n.output.map((o) => [o, n] as const)));
  const keep = new Set<OnnxNode>();
  const stack = [...outputs];
  while (stack.length) {
    const n = producer.get(stack.pop()!);
    if (!n || keep.has(n)) continue;
    keep.add(n);
    stack.push(...n.input.filter(Boolean));
  }
  return nodes.filter((n) => keep.has(n));
}

const ints = (name: string, xs: number[]): OnnxAttribute => ({ name, type: ATTR.INTS, ints: xs });
const int = (name: string, i: number): OnnxAttribute => ({ name, type: ATTR.INT, i });
const str = (name: string, s: string): OnnxAttribute => ({ name, type: ATTR.STRING, s: new TextEncoder().encode(s) });
