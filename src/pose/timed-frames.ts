/**
 * Where a pose pass waits: frames (or any items) passed through unchanged, with the time spent waiting for each one
 * told to `spent`. The Node workers (decoding in ffmpeg) and the page (WebCodecs) time their frame sources with it.
 * Pure: no Node or DOM imports.
 */

/**
 * Yields what `items` yields. `spent(ms, done)` is called after every wait: `done` false with an item, true for the
 * last wait, which found the end.
 */
export async function* timedFrames<T>(
  items: AsyncIterable<T>,
  spent: (ms: number, done: boolean) => void,
): AsyncGenerator<T> {
  const it = items[Symbol.asyncIterator]();
  for (;;) {
    const t = performance.now();
    const r = await it.next();
    spent(performance.now() - t, r.done === true);
    if (r.done) return;
    yield r.value;
  }
}
