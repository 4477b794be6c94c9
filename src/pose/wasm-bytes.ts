/**
 * A WebAssembly module's bytes, written from TypeScript (no toolchain, nothing generated on disk): just what
 * yuv-wasm.ts needs, functions of i32 and f64 parameters over one exported memory. Node and the browser both
 * compile the same bytes, and WebAssembly's i32 and f64 arithmetic is IEEE-exact as JavaScript's is, so a kernel
 * written here gives the bytes its JavaScript twin gives (yuv-frame.test.ts compares them).
 */

/** Value types and the opcodes used (WebAssembly 1.0 binary format, section 5.4). */
export const T = { i32: 0x7f, f64: 0x7c } as const;
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f32Load: 0x2a,
  f64Load: 0x2b,
  i32Load8u: 0x2d,
  f32Store: 0x38,
  f64Store: 0x39,
  i32Store8: 0x3a,
  i32Const: 0x41,
  f64Const: 0x44,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32GeS: 0x4e,
  f64Ge: 0x66,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  i32ShrS: 0x75,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  i32TruncF64S: 0xaa,
  f32DemoteF64: 0xb6,
  f64ConvertI32S: 0xb7,
  f64PromoteF32: 0xbb,
} as const;
/** The empty block type (a block, loop or if that leaves nothing on the stack). */
export const VOID = 0x40;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export const i32 = (n: number): number[] => [OP.i32Const, ...sleb(n | 0)];
export const f64 = (x: number): number[] => [OP.f64Const, ...new Uint8Array(Float64Array.of(x).buffer)];
export const get = (local: number): number[] => [OP.localGet, ...uleb(local)];
export const set = (local: number): number[] => [OP.localSet, ...uleb(local)];
/** A load or store with its alignment (log2 bytes) and constant offset. */
export const mem = (op: number, align: number, offset = 0): number[] => [op, align, ...uleb(offset)];
/** `local += by` (i32). */
export const addTo = (local: number, by: number): number[] => [...get(local), ...i32(by), OP.i32Add, ...set(local)];
/** Opens a loop that leaves as soon as local `i` >= local `end` (a block around a loop; close it with loopBack). */
export const loopUntil = (i: number, end: number): number[] => [
  OP.block,
  VOID,
  OP.loop,
  VOID,
  ...get(i),
  ...get(end),
  OP.i32GeS,
  OP.brIf,
  1,
];
/** Back to the start of the loop loopUntil opened, then the end of the loop and of its block. */
export const loopBack: readonly number[] = [OP.br, 0, OP.end, OP.end];

export interface WasmFunction {
  name: string;
  params: number[];
  /** Extra locals after the parameters, by type. */
  locals: number[];
  body: number[];
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];
const name = (s: string): number[] => {
  const b = [...new TextEncoder().encode(s)];
  return [...uleb(b.length), ...b];
};

/** A module of functions without results, each exported by name, and one memory of `pages` 64 KiB pages exported as "memory". */
export function wasmModule(functions: WasmFunction[], pages: number): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0]);
  const code = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const body = [...locals, ...f.body, OP.end];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(7, vec([...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]), [...name('memory'), 0x02, 0]])),
    ...section(10, vec(code)),
  ]);
}
