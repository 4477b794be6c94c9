/**
 * A Bundle's JSON in pieces, for a streamed HTTP answer (issue 15, speed): the head, then its entries a batch at a
 * time, then the end. Joined, the pieces are exactly JSON.stringify(bundle), so the answer is the same bytes as
 * before; the server never holds the whole text of a large record at once. `entry` must be the bundle's last key
 * (it is in patient-bundle.ts and searchset.ts). Pure.
 */

/** Entries per piece: a piece of a few hundred kB at most for a year's record. */
export const ENTRIES_PER_PIECE = 200;

export function* bundleJsonPieces(bundle: { readonly entry?: readonly unknown[] }, perPiece = ENTRIES_PER_PIECE): Generator<string> {
  const { entry, ...rest } = bundle;
  const keys = Object.keys(bundle);
  if (!entry || entry.length === 0 || keys[keys.length - 1] !== 'entry') { yield JSON.stringify(bundle); return; }
  const head = JSON.stringify(rest);
  yield `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"entry":[`;
  for (let i = 0; i < entry.length; i += perPiece) {
    yield (i > 0 ? ',' : '') + entry.slice(i, i + perPiece).map((e) => JSON.stringify(e)).join(',');
  }
  yield ']}';
}
