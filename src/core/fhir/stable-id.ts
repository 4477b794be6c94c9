/**
 * Stable resource ids for the FHIR export: the same stored record always gives the same id, so exporting the same
 * data twice gives the same bundle. The id is a UUID (version 8, "custom") made from a 128-bit hash of the parts
 * (the resource kind and the stored ids it comes from).
 * Pure: no Node crypto (it runs in the browser too); the hash is not for secrecy, only for a spread-out id.
 */

/** 53-bit cyrb53 hash of a string with a seed (public domain, bryc). */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/** A UUID (version 8) derived from the parts, e.g. stableUuid('steps', personId, '2026-11-02'). */
export function stableUuid(...parts: readonly string[]): string {
  const text = parts.join('\u001f');
  const a = hex(cyrb53(text, 1), 14) + hex(cyrb53(text, 2), 14) + hex(cyrb53(text, 3), 14);
  // 8-4-4-4-12, with the version nibble 8 and the RFC 9562 variant bits 10xx.
  const variant = ((parseInt(a[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-8${a.slice(13, 16)}-${variant}${a.slice(17, 20)}-${a.slice(20, 32)}`;
}
