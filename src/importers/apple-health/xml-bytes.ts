/**
 * The byte tables and value checks of the Apple Health fast scanner (fast-scan.ts): the XML characters it looks
 * for, a class per byte (one table lookup instead of chains of comparisons in the hot loops), the references and
 * values of attributes checked and decoded as an XML parser reports them, and the one error the scanner throws when
 * it cannot vouch for its input (the importer then re-reads the file with saxes).
 */

/** Thrown when the fast scanner cannot vouch for the input; never shown to users. */
export class FastScanUnsupported extends Error {
  constructor(reason: string) {
    super(`fast scan gave up: ${reason}`);
  }
}

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const EQ = 61;
export const DQ = 34;
export const SQ = 39;
export const AMP = 38;
const SEMI = 59;
const HASH = 35;

/** Byte classes, one table lookup instead of chains of comparisons in the hot loops. */
export const NAME_START = 1;
export const NAME_CHAR = 2;
export const WS = 4;
/** Bytes that need a closer look inside an attribute value: '<', '&', control characters, non-ASCII. */
export const VALUE_SPECIAL = 8;
/** The two quote characters: a value's loop stops on its own quote or a special byte with one table test. */
export const IS_DQ = 16;
export const IS_SQ = 32;
/**
 * The class of each byte, a new table per call: the scanner builds its own at load and reads it from its own module
 * (its hot loops ran 1.1-1.2x slower reading this module's bindings: fast-scan.ts).
 */
export function byteClasses(): Uint8Array {
  const table = new Uint8Array(256);
  for (let c = 0; c < 256; c++) {
    const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
    const name = start || (c >= 48 && c <= 57) || c === 45 || c === 46;
    const ws = c === 32 || c === 10 || c === 9 || c === 13;
    table[c] =
      (start ? NAME_START : 0) |
      (name ? NAME_CHAR : 0) |
      (ws ? WS : 0) |
      (c === 60 || c === 38 || c < 32 || c >= 0x80 ? VALUE_SPECIAL : 0) |
      (c === 34 ? IS_DQ : 0) |
      (c === 39 ? IS_SQ : 0);
  }
  return table;
}
/** This module's own table, for the reference checks. */
const CLASS = byteClasses();

export function isXmlChar(cp: number): boolean {
  return (
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

export function fail(reason: string): never {
  throw new FastScanUnsupported(reason);
}

/** Node's Buffer has these undocumented-in-types fast paths (no argument normalisation, unlike toString). */
export interface FastSlices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

export const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Checks the entity and character references of an attribute value [s, e); throws when one is not valid XML. */
export function checkReferences(buf: Uint8Array, s: number, e: number): void {
  for (let k = s; k < e; k++) {
    if (buf[k] !== AMP) continue;
    let m = k + 1;
    if (buf[m] === HASH) {
      m++;
      let hex = false;
      if (buf[m] === 120) {
        hex = true;
        m++;
      }
      let cp = 0;
      const ds = m;
      for (; m < e && buf[m] !== SEMI; m++) {
        const c = buf[m]!;
        let d: number;
        if (c >= 48 && c <= 57) d = c - 48;
        else if (hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70))) d = (c | 32) - 87;
        else fail('bad character reference');
        cp = cp * (hex ? 16 : 10) + d;
        if (cp > 0x10ffff) fail('bad character reference');
      }
      if (m >= e || m === ds || !isXmlChar(cp)) fail('bad character reference');
    } else {
      const ns = m;
      for (; m < e && buf[m] !== SEMI; m++) if ((CLASS[buf[m]!]! & NAME_CHAR) === 0) fail('bad entity reference');
      if (m >= e) fail('bad entity reference');
      const name = String.fromCharCode(...buf.subarray(ns, m));
      if (!(name in PREDEFINED)) fail('undeclared entity');
    }
    k = m;
  }
}

/** Decodes an attribute value the way an XML parser reports it (references expanded, whitespace normalised). */
export function decodeValue(buf: Buffer, s: number, e: number, flags: number): string {
  let v = (buf as unknown as FastSlices).utf8Slice(s, e);
  // XML end-of-line handling then attribute-value normalisation: CRLF, CR, LF and TAB each become one space.
  if (flags & 2) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
  if (flags & 1) {
    v = v.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_m, ref: string) =>
      ref.startsWith('#x')
        ? String.fromCodePoint(parseInt(ref.slice(2), 16))
        : ref.startsWith('#')
          ? String.fromCodePoint(parseInt(ref.slice(1), 10))
          : PREDEFINED[ref]!,
    );
  }
  return v;
}
