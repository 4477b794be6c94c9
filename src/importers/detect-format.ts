/**
 * Which importer a file needs, from its first bytes (and its name only when the bytes say nothing).
 * Pure: give it the head of the file (512 bytes is plenty; Apple's DOCTYPE comes within the first 100).
 */
import type { ImportFormat } from './import-sink.js';

/** The verdict, and whether it came from the content or only from the file name. */
export interface DetectedFormat {
  format: ImportFormat;
  by: 'content' | 'name';
}

/** Bytes worth reading for `detectFormat`. */
export const DETECT_HEAD_BYTES = 4096;

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  fit: 'fit',
  gpx: 'gpx',
  tcx: 'tcx',
  zip: 'apple-health-zip',
  csv: 'fitbit-csv',
  ndjson: 'fhir',
  json: 'fhir',
};

/** Detects the format from the head of a file and its name; null when it is none of ours. */
export function detectFormat(head: Uint8Array, name = ''): DetectedFormat | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return { format: 'apple-health-zip', by: 'content' };
  }
  if (
    head.length >= 12 &&
    (head[0] === 12 || head[0] === 14) &&
    String.fromCharCode(head[8]!, head[9]!, head[10]!, head[11]!) === '.FIT'
  ) {
    return { format: 'fit', by: 'content' };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) {
    // Root element names, skipping the declaration, comments and the DOCTYPE by looking for the first match.
    if (/<(!DOCTYPE\s+)?HealthData[\s>[]/.test(text)) return { format: 'apple-health-xml', by: 'content' };
    if (/<(\w+:)?gpx[\s>]/.test(text)) return { format: 'gpx', by: 'content' };
    if (/<(\w+:)?TrainingCenterDatabase[\s>]/.test(text)) return { format: 'tcx', by: 'content' };
  } else if (trimmed.startsWith('{')) {
    // FHIR JSON: a Bundle or NDJSON resources; every FHIR resource names its type.
    if (/"resourceType"\s*:\s*"[A-Z][A-Za-z]+"/.test(text)) return { format: 'fhir', by: 'content' };
  } else {
    const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
    if (/^"?Id"?,/.test(firstLine) && /(ActivityDate|ActivityDay)/.test(firstLine))
      return { format: 'fitbit-csv', by: 'content' };
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  // A name alone is only trusted when the head is too short to judge (an empty or cut file).
  if (ext && head.length < 16) {
    const byName = BY_EXTENSION[ext];
    if (byName) return { format: byName, by: 'name' };
    if (ext === 'xml') return { format: 'apple-health-xml', by: 'name' };
  }
  return null;
}
