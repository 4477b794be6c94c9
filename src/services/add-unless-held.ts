/**
 * How an import stores what a file holds once: each item whose key the person already holds is a duplicate, the
 * others are added in order (and their keys held, so a file naming one item twice adds it once). Importing a file
 * again, or back into the record it came from, adds nothing (import-assessments.ts, import-gait.ts).
 */
export interface AddCount {
  added: number;
  duplicates: number;
}

export async function addUnlessHeld<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  held: Set<string>,
  add: (item: T) => Promise<unknown>,
): Promise<AddCount> {
  const count: AddCount = { added: 0, duplicates: 0 };
  for (const item of items) {
    const key = keyOf(item);
    if (held.has(key)) {
      count.duplicates++;
      continue;
    }
    await add(item);
    held.add(key);
    count.added++;
  }
  return count;
}

/** Two counts together. */
export const addCounts = (a: AddCount, b: AddCount): AddCount => ({
  added: a.added + b.added,
  duplicates: a.duplicates + b.duplicates,
});
