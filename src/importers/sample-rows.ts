/**
 * A batch of walking samples in a compact form that crosses a worker boundary cheaply: one string per batch
 * (cloning one flat string costs a copy; cloning 2000 objects of seven properties costs far more on both
 * threads, and so does building and collecting them).
 *
 * Layout: fields separated by U+001F. Samples of one stream (same source, device, kind, unit: an Apple export
 * lists one record type after another) share a header, a field starting with U+001E followed by device, kind
 * and unit; each sample then adds three fields: start, end, value. Samples whose text holds either separator
 * (no XML file can hold them, but a FIT device name or a CSV field could) make the batch travel as objects.
 */
import type { WalkingSample } from '../core/walking.js';

/** A batch of samples: packed text, or the samples themselves. */
export type SampleRows = { text: string; count: number } | { samples: WalkingSample[] };

const SEP = '\u001f';
const HEADER = '\u001e';
const HEADER_CODE = 0x1e;

function clean(s: string): boolean {
  return !s.includes(SEP) && !s.includes(HEADER);
}

/** Packs a batch (see the module header). */
export function packSamples(samples: readonly WalkingSample[]): SampleRows {
  const parts: string[] = [];
  let source: string | null = null;
  let device: string | null = null;
  let kind = '';
  let unit = '';
  for (const s of samples) {
    if (s.source !== source || s.device !== device || s.kind !== kind || s.unit !== unit) {
      if (!clean(s.source) || !clean(s.device ?? '')) return { samples: [...samples] };
      source = s.source;
      device = s.device;
      kind = s.kind;
      unit = s.unit;
      parts.push(HEADER + source, device ?? '', kind, unit);
    }
    if (!clean(s.start) || !clean(s.end)) return { samples: [...samples] };
    // String(number) round-trips exactly through Number().
    parts.push(s.start, s.end, String(s.value));
  }
  return { text: parts.join(SEP), count: samples.length };
}

/** One packed sample as the store binds it (device '' when none). */
export type PackedVisitor = (source: string, device: string, start: string, end: string, kind: string, value: number, unit: string) => void;

/** Walks packed text stream by stream: `onStream` at each header, then `onSample` for each of its samples. */
export function forEachPackedStream(
  text: string,
  onStream: (source: string, device: string, kind: string, unit: string) => void,
  onSample: (start: string, end: string, value: number) => void,
): void {
  if (text === '') return;
  const f = text.split(SEP);
  for (let i = 0; i < f.length;) {
    const a = f[i]!;
    if (a.charCodeAt(0) === HEADER_CODE) {
      onStream(a.slice(1), f[i + 1]!, f[i + 2]!, f[i + 3]!);
      i += 4;
      continue;
    }
    onSample(a, f[i + 1]!, Number(f[i + 2]));
    i += 3;
  }
}

/** Calls `visit` for each sample of packed text, in order. */
export function forEachPacked(text: string, visit: PackedVisitor): void {
  let source = '';
  let device = '';
  let kind = '';
  let unit = '';
  forEachPackedStream(text, (s, d, k, u) => {
    source = s;
    device = d;
    kind = k;
    unit = u;
  }, (start, end, value) => visit(source, device, start, end, kind, value, unit));
}

/** The samples of a batch, whatever its form (device '' becomes null). */
export function unpackSamples(rows: SampleRows): WalkingSample[] {
  if ('samples' in rows) return rows.samples;
  const out: WalkingSample[] = [];
  forEachPacked(rows.text, (source, device, start, end, kind, value, unit) => {
    out.push({ source, device: device === '' ? null : device, start, end, kind: kind as WalkingSample['kind'], value, unit: unit as WalkingSample['unit'] });
  });
  return out;
}
