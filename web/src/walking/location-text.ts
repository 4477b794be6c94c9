/**
 * A bad record's location in plain words, e.g. "line 12, column 5, in “value”", "byte 768", or in a zip
 * "line 12, column 5 of apple_health_export/export.xml in the zip": what a person (or the support person they ask)
 * needs to find the spot in the file.
 */
import type { ImportLocation } from './import-types.js';

/** Locations as stored with past imports may lack a position (the importers always give one now). */
type AnyLocation = ImportLocation | { file: string; entry?: string; line?: number; column?: number; byteOffset?: number; field?: string };

export function locationText(loc: AnyLocation): string {
  const parts: string[] = [];
  const n = (x: number) => x.toLocaleString('en');
  // A byte offset is shown only when there is no line: in a text file the line is the easier way to find it.
  if (loc.line !== undefined) parts.push(`line ${n(loc.line)}${loc.column !== undefined ? `, column ${n(loc.column)}` : ''}${loc.entry ? ` of ${loc.entry} in the zip` : ''}`);
  else if (loc.byteOffset !== undefined) parts.push(`byte ${n(loc.byteOffset)}${loc.entry ? ` of the zip, in ${loc.entry}` : ''}`);
  if (loc.field) parts.push(`in “${loc.field}”`);
  return parts.length ? parts.join(', ') : 'the whole file';
}

/** Plain words for the importers' error codes (src/importers/import-error.ts). */
export const PROBLEM_TEXT: Record<string, string> = {
  'malformed-xml': 'The file is damaged here (not valid XML).',
  'malformed-json': 'The file is damaged here (not valid JSON).',
  truncated: 'The file ends too early: it was probably cut off while copying or downloading.',
  corrupt: 'This part of the file is damaged (its check sum does not match).',
  'bad-value': 'A value here is not a number or is out of range.',
  'bad-date': 'A date or time here cannot be read, or is not believable.',
  'unsupported-unit': 'A unit here is one Footing does not know.',
  'missing-field': 'Something that must be here is missing.',
  'unsupported-format': 'Footing does not recognise this kind of file.',
  unreadable: 'The file could not be read at all.',
  'several-people': 'This file holds the walking of several people (a study export), so Footing needs to know whose it is.',
};
