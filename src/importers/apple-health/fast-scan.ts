/**
 * A byte-level scanner for the body of an Apple Health export.xml, about 3-4x faster than saxes.
 *
 * Why: exports reach several GB and saxes tops out near 75 MB/s here, mostly decoding every byte to a JS
 * string and building an attribute object per element. Apple writes a narrow subset of XML (one element per
 * line, attributes only, no text, no CDATA, no entities beyond the predefined ones), so this scanner works on
 * raw UTF-8 bytes, checks well-formedness of that subset as it goes, and decodes attributes only for the
 * elements the handler needs (kept Record types, Workouts).
 *
 * Safety: anything outside the subset, or any doubt (a malformed tag, a bad record, a duplicate-looking
 * attribute, non-ASCII names, comments in the body) throws `FastScanUnsupported`; the importer then re-reads the
 * file with saxes, which gives the authoritative result and error locations (line, column). The prolog (XML
 * declaration and Apple's internal DOCTYPE subset) is validated by saxes itself, then the scanner takes over at
 * the root element.
 */
import { SaxesParser } from 'saxes';
import type { AppleElementEvents } from './handler.js';
import {
  FastScanUnsupported,
  LT,
  GT,
  SLASH,
  EQ,
  DQ,
  SQ,
  AMP,
  VALUE_SPECIAL,
  IS_DQ,
  IS_SQ,
  NAME_START,
  NAME_CHAR,
  WS,
  byteClasses,
  fail,
  checkReferences,
  decodeValue,
  type FastSlices,
} from './xml-bytes.js';

export { FastScanUnsupported };

const MAX_ATTRS = 64;
/** A token longer than this (no closing '>') is not Apple's output; let saxes decide. */
const MAX_CARRY = 16 * 1024 * 1024;
/** Apple's prolog (declaration + DTD) is ~3 KB; give up looking for the root after this. */
const MAX_PROLOG = 1024 * 1024;
/** Attribute values up to this long are remembered to reuse their string when the next record repeats them. */
const LAST_VALUE_BYTES = 96;
/** A wanted value that differed from the previous record's this many times in a row (dates, values) is not
 * compared for the next REUSE_PAUSE records: comparing and remembering it costs more than it saves. */
const REUSE_MISSES = 8;
const REUSE_PAUSE = 256;

const ABORT_TAG = 'malformed or unusual tag';

// The class table, its three tests and the byte comparisons stay in this module: run for every byte or kept value,
// imported from xml-bytes.ts they made the scanner take 1.10-1.22x the CPU (60 MB, old and split scanners in
// alternating rounds in one process, where two identical copies of the old one measure 1.02x); as here, 0.96-1.20x,
// median of five runs 1.07x, on a machine at load 6-8.
const CLASS = byteClasses();
function isWs(c: number): boolean {
  return (CLASS[c]! & WS) !== 0;
}
function isNameStart(c: number): boolean {
  return (CLASS[c]! & NAME_START) !== 0;
}
function isNameChar(c: number): boolean {
  return (CLASS[c]! & NAME_CHAR) !== 0;
}
function sameBytes(buf: Uint8Array, s: number, e: number, bytes: Uint8Array): boolean {
  if (e - s !== bytes.length) return false;
  for (let k = 0; k < bytes.length; k++) if (buf[s + k] !== bytes[k]) return false;
  return true;
}
/** True when buf[s, e) equals the first e - s bytes of `last`; compared back to front, where dates and values
 * of consecutive records differ, so a miss is cheap. */
function sameAsLast(buf: Uint8Array, s: number, e: number, last: Uint8Array, lastLength: number): boolean {
  if (e - s !== lastLength) return false;
  for (let k = e - s - 1; k >= 0; k--) if (buf[s + k] !== last[k]) return false;
  return true;
}
/** Copies buf[s, e) to the start of `to` (a loop: a subarray per copy costs more than these few bytes). */
function copyBytes(buf: Uint8Array, s: number, e: number, to: Uint8Array): void {
  for (let k = s; k < e; k++) to[k - s] = buf[k]!;
}

/**
 * Feed it Buffers in order; it calls `events.open/close` per element (self-closing elements get both).
 * Attributes are decoded for Records whose `type` passes `keepRecordType`, and for elements in `attributeElements`.
 * When `events.openRecord` exists, a kept Record goes there instead of `open`, as the values of
 * `recordAttributes` in that order (undefined = absent) in an array reused for the next record.
 */
export class AppleFastScanner {
  private carry: Buffer | null = null;
  private readonly stack: string[] = [];
  private inProlog = true;
  private rootSeen = false;
  private rootClosed = false;
  private readonly attrPos = new Int32Array(MAX_ATTRS * 5);

  /** Record attribute names the handler reads: open-addressed by name hash (64 slots), index + 1, 0 = empty. */
  private readonly slotOf = new Int32Array(64);
  private readonly values: (string | undefined)[] = [];
  private readonly wantedHash: number[] = [];
  private readonly wantedBytes: Uint8Array[] = [];
  private readonly wantedNames: string[];
  /** Per wanted attribute, its last value's bytes and string: type, unit and source repeat record after record,
   * and reusing the string spares decoding it and lets later map lookups use its cached hash. */
  private readonly lastBytes: Uint8Array[] = [];
  private readonly lastLength: Int32Array;
  private readonly lastValue: string[] = [];
  private readonly screens = new Map<
    string,
    { attribute: string; keep: (value: string) => boolean; bytes: Uint8Array }
  >();
  /** Per wanted attribute: values that differed from the last one in a row, and records left to not compare
   * (see REUSE_MISSES). */
  private readonly misses: Int32Array;
  private readonly skipReuse: Int32Array;
  /** Per attribute position of the last kept Record: its name's hash and wanted index (-1: not wanted, and no
   * wanted name has that hash), or -2 when unknown. Records of a type list their attributes in the same order. */
  private readonly hashAt = new Int32Array(MAX_ATTRS);
  private readonly wantedAtPos = new Int32Array(MAX_ATTRS).fill(-2);
  /** The last Record type seen (bytes, string, kept or not): records of one type come in long runs. */
  private readonly lastType = new Uint8Array(LAST_VALUE_BYTES);
  private lastTypeLength = -1;
  private lastTypeKept = false;

  constructor(
    private readonly events: AppleElementEvents,
    private readonly keepRecordType: (type: string) => boolean,
    private readonly attributeElements: ReadonlySet<string>,
    /** Attributes of kept Records to decode (decoding all of them costs most of the scan time); at most 16. */
    recordAttributes: readonly string[],
    /**
     * Elements of `attributeElements` whose one attribute says whether the handler reads them (a Workout's
     * activity type): when `keep` says no, only that attribute is decoded and handed over.
     */
    screens: ReadonlyMap<string, { attribute: string; keep: (value: string) => boolean }> = new Map(),
  ) {
    for (const [element, s] of screens) this.screens.set(element, { ...s, bytes: Buffer.from(s.attribute, 'latin1') });
    if (recordAttributes.length > 16) throw new RangeError('at most 16 record attributes');
    this.wantedNames = [...recordAttributes];
    this.values.length = recordAttributes.length;
    this.lastLength = new Int32Array(recordAttributes.length).fill(-1);
    this.misses = new Int32Array(recordAttributes.length);
    this.skipReuse = new Int32Array(recordAttributes.length);
    for (let w = 0; w < recordAttributes.length; w++) {
      this.lastBytes.push(new Uint8Array(LAST_VALUE_BYTES));
      this.lastValue.push('');
    }
    recordAttributes.forEach((name, index) => {
      const bytes = Buffer.from(name, 'latin1');
      let h = bytes[0]!;
      for (let k = 1; k < bytes.length; k++) h = (Math.imul(h, 31) + bytes[k]!) | 0;
      let slot = h & 63;
      while (this.slotOf[slot] !== 0) slot = (slot + 1) & 63;
      this.slotOf[slot] = index + 1;
      this.wantedHash.push(h);
      this.wantedBytes.push(bytes);
    });
  }

  /** Index of the wanted attribute whose name is buf[s, e) with hash h, or -1. */
  private wantedIndex(h: number, buf: Uint8Array, s: number, e: number): number {
    for (let slot = h & 63; ; slot = (slot + 1) & 63) {
      const v = this.slotOf[slot]!;
      if (v === 0) return -1;
      if (this.wantedHash[v - 1] === h && sameBytes(buf, s, e, this.wantedBytes[v - 1]!)) return v - 1;
    }
  }

  /**
   * `wantedIndex` for the attribute at position `a` of a kept Record, remembering the answer by position: when
   * the name there has the same hash as last time, a wanted name is confirmed by its bytes, and an unwanted one
   * needs nothing more (no wanted name has that hash, so it cannot be one).
   */
  private wantedAt(a: number, h: number, buf: Uint8Array, s: number, e: number): number {
    const known = this.wantedAtPos[a]!;
    if (known !== -2 && this.hashAt[a] === h) {
      if (known === -1) return -1;
      if (sameBytes(buf, s, e, this.wantedBytes[known]!)) return known;
    }
    const w = this.wantedIndex(h, buf, s, e);
    this.hashAt[a] = h;
    this.wantedAtPos[a] = w >= 0 ? w : this.wantedHash.includes(h) ? -2 : -1;
    return w;
  }

  /** Scans one chunk (not kept: the caller may reuse its memory); throws `FastScanUnsupported` when the input
   * needs the full parser. */
  feed(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    if (this.inProlog) {
      const root = this.findRoot(buf);
      if (root < 0) {
        if (buf.length > MAX_PROLOG) fail('no root element near the start');
        // A copy: the caller may reuse the chunk's memory for the next one.
        this.carry = buf === chunk ? Buffer.from(chunk) : buf;
        return;
      }
      this.validateProlog(buf.subarray(0, root));
      this.inProlog = false;
      start = root;
    }
    const used = this.scan(buf, start);
    if (used < buf.length) {
      if (buf.length - used > MAX_CARRY) fail('token too long');
      // Copy the tail so the big chunk can be collected.
      this.carry = Buffer.from(buf.subarray(used));
    } else this.carry = null;
  }

  /**
   * For a file read in two parts (two threads): this scanner reads the second part, which starts between two
   * children of the root element `root` (its start tag is in the first part). Call before the first feed.
   */
  startInsideRoot(root: string): void {
    this.inProlog = false;
    this.rootSeen = true;
    this.stack.length = 0;
    this.stack.push(root);
  }

  /**
   * Ends the first part of a file read in two parts: true when the part ended exactly between two children of
   * the root element named `root` (nothing open but the root, no token cut), so the second part can start there.
   */
  endAtSplit(root: string): boolean {
    if (this.carry && this.carry.length > 0) {
      for (const c of this.carry) if (!isWs(c)) return false;
    }
    return !this.inProlog && this.rootSeen && !this.rootClosed && this.stack.length === 1 && this.stack[0] === root;
  }

  /** Ends the input; throws when the document is incomplete. */
  end(): void {
    if (this.carry && this.carry.length > 0) {
      for (const c of this.carry) if (!isWs(c)) fail('input ends inside a token');
    }
    if (this.inProlog || !this.rootSeen || !this.rootClosed || this.stack.length > 0) fail('document is incomplete');
  }

  /** Index of the root start tag: the first '<' + name character after the DOCTYPE, or -1 if not yet seen. */
  private findRoot(buf: Buffer): number {
    let from = 0;
    const doctype = buf.indexOf('<!DOCTYPE');
    if (doctype >= 0) {
      const subset = buf.indexOf('[', doctype);
      const firstGt = buf.indexOf('>', doctype);
      if (firstGt < 0) return -1;
      if (subset >= 0 && subset < firstGt) {
        const close = buf.indexOf(']>', subset);
        if (close < 0) return -1;
        // A different shape (comments holding "]>", quoted brackets) would mislead us; saxes re-checks anyway.
        from = close + 2;
      } else from = firstGt + 1;
    }
    for (let i = buf.indexOf(LT, from); i >= 0 && i + 1 < buf.length; i = buf.indexOf(LT, i + 1)) {
      if (isNameStart(buf[i + 1]!)) return i;
      if (buf[i + 1]! >= 0x80) fail('non-ASCII element name');
    }
    return -1;
  }

  /** Lets saxes check the prolog: it must parse cleanly when followed by an empty root. */
  private validateProlog(prolog: Buffer): void {
    const text = new TextDecoder('utf-8').decode(prolog);
    if (text.includes('<!ENTITY')) fail('entity declarations');
    const parser = new SaxesParser();
    let bad = false;
    parser.on('error', () => {
      bad = true;
    });
    parser.write(`${text}<r/>`).close();
    if (bad) fail('prolog');
  }

  /** Scans complete tokens of buf from `i`; returns where the first incomplete token starts (or buf.length). */
  private scan(buffer: Buffer, i: number): number {
    // A plain Uint8Array view for the byte loops (Buffer's own methods are used for slicing only).
    const buf = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    const n = buf.length;
    const pos = this.attrPos;
    while (i < n) {
      let c = buf[i]!;
      if (c !== LT) {
        if (isWs(c)) {
          i++;
          continue;
        }
        fail('text content');
      }
      const tok = i;
      if (i + 1 >= n) return tok;
      c = buf[i + 1]!;
      if (c === SLASH) {
        let j = i + 2;
        if (j >= n) return tok;
        if (!isNameStart(buf[j]!)) fail(ABORT_TAG);
        const ns = j;
        while (j < n && isNameChar(buf[j]!)) j++;
        const ne = j;
        while (j < n && isWs(buf[j]!)) j++;
        if (j >= n) return tok;
        if (buf[j] !== GT) fail(ABORT_TAG);
        const top = this.stack.pop();
        if (
          top === undefined ||
          top.length !== ne - ns ||
          (buffer as unknown as FastSlices).latin1Slice(ns, ne) !== top
        )
          fail('mismatched end tag');
        this.events.close(top);
        if (this.stack.length === 0) this.rootClosed = true;
        i = j + 1;
        continue;
      }
      if (!isNameStart(c) || this.rootClosed) fail(ABORT_TAG);
      const ns = i + 1;
      let j = ns + 1;
      while (j < n && isNameChar(buf[j]!)) j++;
      if (j >= n) return tok;
      const ne = j;
      const isRecord =
        ne - ns === 6 &&
        buf[ns] === 82 &&
        buf[ns + 1] === 101 &&
        buf[ns + 2] === 99 &&
        buf[ns + 3] === 111 &&
        buf[ns + 4] === 114 &&
        buf[ns + 5] === 100;
      let nAttrs = 0;
      let seenHashBits = 0;
      let tagFlags = 0;
      let typeAttr = -1;
      let selfClosing = false;
      for (;;) {
        let k = j;
        while (k < n && isWs(buf[k]!)) k++;
        if (k >= n) return tok;
        c = buf[k]!;
        if (c === GT) {
          j = k + 1;
          break;
        }
        if (c === SLASH) {
          if (k + 1 >= n) return tok;
          if (buf[k + 1] !== GT) fail(ABORT_TAG);
          selfClosing = true;
          j = k + 2;
          break;
        }
        if (k === j || !isNameStart(c)) fail(ABORT_TAG);
        const as = k;
        let h = c;
        k++;
        while (k < n && isNameChar(buf[k]!)) {
          h = (Math.imul(h, 31) + buf[k]!) | 0;
          k++;
        }
        const ae = k;
        while (k < n && isWs(buf[k]!)) k++;
        if (k >= n) return tok;
        if (buf[k] !== EQ) fail(ABORT_TAG);
        k++;
        while (k < n && isWs(buf[k]!)) k++;
        if (k >= n) return tok;
        const q = buf[k]!;
        if (q !== DQ && q !== SQ) fail(ABORT_TAG);
        k++;
        const vs = k;
        let flags = 0;
        const stop = VALUE_SPECIAL | (q === DQ ? IS_DQ : IS_SQ);
        for (;;) {
          while (k < n && (CLASS[buf[k]!]! & stop) === 0) k++;
          if (k >= n) return tok;
          const b = buf[k]!;
          if (b === q) break;
          {
            if (b === LT) fail('< in attribute value');
            if (b === AMP) flags |= 1;
            else if (b >= 0x80) flags |= 4;
            else {
              if (b !== 9 && b !== 10 && b !== 13) fail('control character');
              flags |= 2;
            }
          }
          k++;
        }
        const ve = k;
        if (nAttrs >= MAX_ATTRS) fail('too many attributes');
        // Same hash = possibly the same name twice; a duplicate attribute is an XML error saxes reports. A bit per
        // hash value (mod 32) spares comparing with every earlier attribute unless that bit was already set.
        const bit = 1 << (h & 31);
        if ((seenHashBits & bit) !== 0) {
          for (let a = 0; a < nAttrs; a++) if (pos[a * 5 + 4] === h) fail('duplicate attribute');
        }
        seenHashBits |= bit;
        if (flags & 1) checkReferences(buf, vs, ve);
        const o = nAttrs * 5;
        pos[o] = as;
        pos[o + 1] = ae;
        pos[o + 2] = vs;
        pos[o + 3] = (ve << 3) | flags;
        tagFlags |= flags;
        pos[o + 4] = h;
        if (
          isRecord &&
          ae - as === 4 &&
          buf[as] === 116 &&
          buf[as + 1] === 121 &&
          buf[as + 2] === 112 &&
          buf[as + 3] === 101
        )
          typeAttr = nAttrs;
        nAttrs++;
        j = k + 1;
      }
      if (this.stack.length === 0) {
        if (this.rootSeen) fail('second root element');
        this.rootSeen = true;
      }
      const name = isRecord ? 'Record' : (buffer as unknown as FastSlices).latin1Slice(ns, ne);
      let attrs: Record<string, string> | null = null;
      let decode = false;
      if (isRecord) {
        if (typeAttr >= 0) {
          const o = typeAttr * 5;
          const vs = pos[o + 2]!;
          const ve = pos[o + 3]! >> 3;
          if ((pos[o + 3]! & 7) === 0 && sameAsLast(buf, vs, ve, this.lastType, this.lastTypeLength))
            decode = this.lastTypeKept;
          else {
            const type = decodeValue(buffer, vs, ve, pos[o + 3]! & 3);
            decode = this.keepRecordType(type);
            if ((pos[o + 3]! & 7) === 0 && ve - vs <= LAST_VALUE_BYTES) {
              copyBytes(buf, vs, ve, this.lastType);
              this.lastTypeLength = ve - vs;
              this.lastTypeKept = decode;
            } else this.lastTypeLength = -1;
          }
        }
      } else decode = this.attributeElements.has(name);
      if (decode && isRecord && this.events.openRecord) {
        // The fast path for kept Records: the wanted values in a reused array, no object per record, and a
        // value equal to the previous record's (type, unit, source) reuses its string.
        const values = this.values;
        values.fill(undefined);
        // Plain ASCII tags (the usual case): a value is its bytes as a flat one-byte string (later character reads
        // on it are faster than on a slice of a whole-tag string), made only when it differs from the last.
        const plain = tagFlags === 0;
        for (let a = 0; a < nAttrs; a++) {
          const o = a * 5;
          const w = this.wantedAt(a, pos[o + 4]!, buf, pos[o]!, pos[o + 1]!);
          if (w < 0) continue;
          const vs = pos[o + 2]!;
          const ve = pos[o + 3]! >> 3;
          const vflags = pos[o + 3]! & 7;
          if (vflags !== 0 || !plain) values[w] = decodeValue(buffer, vs, ve, vflags & 3);
          else if (this.skipReuse[w]! > 0) {
            // A value that changes record after record (dates, the value): not compared, not remembered.
            this.skipReuse[w]!--;
            values[w] = (buffer as unknown as FastSlices).latin1Slice(vs, ve);
          } else if (sameAsLast(buf, vs, ve, this.lastBytes[w]!, this.lastLength[w]!)) {
            values[w] = this.lastValue[w]!;
            this.misses[w] = 0;
          } else {
            const v = (buffer as unknown as FastSlices).latin1Slice(vs, ve);
            values[w] = v;
            if (++this.misses[w]! >= REUSE_MISSES) {
              this.misses[w] = 0;
              this.skipReuse[w] = REUSE_PAUSE;
            }
            if (ve - vs <= LAST_VALUE_BYTES) {
              copyBytes(buf, vs, ve, this.lastBytes[w]!);
              this.lastLength[w] = ve - vs;
              this.lastValue[w] = v;
            } else this.lastLength[w] = -1;
          }
        }
        if (this.stack.length === 0) fail('record as root');
        this.events.openRecord(values);
        if (selfClosing) this.events.close('Record');
        else this.stack.push('Record');
        i = j;
        continue;
      }
      if (decode && isRecord) {
        // Plain ASCII tags (the usual case): one string for the whole tag, values are cheap slices of it.
        const tag = tagFlags === 0 ? (buffer as unknown as FastSlices).latin1Slice(tok, j) : null;
        const values = this.values;
        values.fill(undefined);
        for (let a = 0; a < nAttrs; a++) {
          const o = a * 5;
          const w = this.wantedIndex(pos[o + 4]!, buf, pos[o]!, pos[o + 1]!);
          if (w >= 0) {
            values[w] =
              tag !== null
                ? tag.slice(pos[o + 2]! - tok, (pos[o + 3]! >> 3) - tok)
                : decodeValue(buffer, pos[o + 2]!, pos[o + 3]! >> 3, pos[o + 3]! & 3);
          }
        }
        attrs = {};
        for (let w = 0; w < values.length; w++) if (values[w] !== undefined) attrs[this.wantedNames[w]!] = values[w]!;
      } else if (decode) {
        attrs = {};
        const screen = this.screens.get(name);
        if (screen) {
          // Decode the one attribute that decides whether the handler reads this element at all.
          for (let a = 0; a < nAttrs; a++) {
            const o = a * 5;
            if (!sameBytes(buf, pos[o]!, pos[o + 1]!, screen.bytes)) continue;
            const v = decodeValue(buffer, pos[o + 2]!, pos[o + 3]! >> 3, pos[o + 3]! & 3);
            if (!screen.keep(v)) attrs[screen.attribute] = v;
            break;
          }
        }
        for (let a = 0; a < nAttrs && !(screen && screen.attribute in attrs); a++) {
          const o = a * 5;
          attrs[(buffer as unknown as FastSlices).latin1Slice(pos[o]!, pos[o + 1]!)] = decodeValue(
            buffer,
            pos[o + 2]!,
            pos[o + 3]! >> 3,
            pos[o + 3]! & 3,
          );
        }
      }
      this.events.open(name, attrs);
      if (selfClosing) {
        this.events.close(name);
        if (this.stack.length === 0) this.rootClosed = true;
      } else this.stack.push(name);
      i = j;
    }
    return n;
  }
}
