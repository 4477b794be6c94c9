/**
 * A batch of walking samples in a compact form that crosses a worker boundary cheaply: one string per batch,
 * seven fields per sample separated by U+001F (cloning one flat string costs a copy; cloning 2000 objects of
 * seven properties costs far more on both threads). Samples whose text holds the separator itself (no XML file
 * can hold it, but a FIT device name could) travel as objects instead.
 */
import type { WalkingSample } from '../core/walking.js';

/** A batch of samples: packed text, or the samples themselves. */
export type SampleRows = { text: string; count: number } | { samples: WalkingSample[] };

const SEP = '\u001f';

/** Fields per packed sample: source, device ('' for none), start, end, kind, value, unit. */
export const PACKED_FIELDS = 7;

/** Packs a batch (see the module header). */
export function packSamples(samples: readonly WalkingSample[]): SampleRows {
  const parts: string[] = new Array(samples.length * PACKED_FIELDS);
  let lastSource = '';
  let lastDevice: string | null = '';
  let k = 0;
  for (const s of samples) {
    // Source and device repeat from one sample to the next: check them for the separator only when they change.
    if (s.source !== lastSource || s.device !== lastDevice) {
      if (s.source.includes(SEP) || (s.device ?? '').includes(SEP)) return { samples: [...samples] };
      lastSource = s.source;
      lastDevice = s.device;
    }
    parts[k++] = s.source;
    parts[k++] = s.device ?? '';
    parts[k++] = s.start;
    parts[k++] = s.end;
    parts[k++] = s.kind;
    // String(number) round-trips exactly through Number().
    parts[k++] = String(s.value);
    parts[k++] = s.unit;
  }
  return { text: parts.join(SEP), count: samples.length };
}

/** The fields of packed text, PACKED_FIELDS per sample (value as text). */
export function unpackFields(text: string): string[] {
  return text === '' ? [] : text.split(SEP);
}

/** The samples of a batch, whatever its form (device '' becomes null). */
export function unpackSamples(rows: SampleRows): WalkingSample[] {
  if ('samples' in rows) return rows.samples;
  const f = unpackFields(rows.text);
  const out: WalkingSample[] = [];
  for (let i = 0; i + PACKED_FIELDS <= f.length; i += PACKED_FIELDS) {
    out.push({ source: f[i]!, device: f[i + 1] === '' ? null : f[i + 1]!, start: f[i + 2]!, end: f[i + 3]!,
      kind: f[i + 4] as WalkingSample['kind'], value: Number(f[i + 5]), unit: f[i + 6] as WalkingSample['unit'] });
  }
  return out;
}
