/**
 * A Bundle's JSON in pieces, for a streamed answer or file (issue 15, speed): the head, then its entries a batch at a
 * time, then the end. Joined, the pieces are exactly JSON.stringify(bundle) (or JSON.stringify(bundle, null, 2) with
 * `indent: 2`, as `footing export` writes it), so the output is the same bytes as before; neither the whole text nor,
 * with an entry generator (patient-bundle.ts patientBundleParts), all the entries are ever held at once. `entry`
 * must be the bundle's last key (it is in patient-bundle.ts and searchset.ts). Pure.
 */

/** Entries per piece: a piece of a few hundred kB at most for a year's record. */
export const ENTRIES_PER_PIECE = 200;

/** Pieces of the JSON of `{ ...head, entry: [...entries] }`, the entries read from the iterable once, in order. */
export function* bundleJsonStream(
  head: object,
  entries: Iterable<unknown>,
  options: { indent?: 0 | 2; perPiece?: number } = {},
): Generator<string> {
  const indent = options.indent ?? 0;
  const perPiece = options.perPiece ?? ENTRIES_PER_PIECE;
  const headText = indent ? JSON.stringify(head, null, indent) : JSON.stringify(head);
  // The head without its closing brace (and, indented, the newline before it); a comma when it has keys.
  const open = headText === '{}' ? '{' : `${headText.slice(0, indent ? -2 : -1)},`;
  // JSON.stringify(x, null, 2) indents an entry by 4 spaces inside "entry": [ ... ]; no string holds a raw newline.
  const one = indent
    ? (e: unknown) => `\n    ${JSON.stringify(e, null, indent).replaceAll('\n', '\n    ')}`
    : (e: unknown) => JSON.stringify(e);
  let batch: string[] = [];
  let count = 0;
  for (const e of entries) {
    if (count === 0) batch.push(indent ? `${open}\n  "entry": [` : `${open}"entry":[`);
    batch.push((count > 0 ? ',' : '') + one(e));
    count++;
    if (count % perPiece === 0) {
      yield batch.join('');
      batch = [];
    }
  }
  if (count === 0) {
    yield indent ? `${open}\n  "entry": []\n}` : `${open}"entry":[]}`;
    return;
  }
  batch.push(indent ? '\n  ]\n}' : ']}');
  yield batch.join('');
}
