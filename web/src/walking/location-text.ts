/**
 * A bad record's location in plain words, e.g. "line 12, column 5, in “value”" or "byte 768": what a person
 * (or the support person they ask) needs to find the spot in the file.
 */
import type { ImportLocation } from './import-types.js';

export function locationText(loc: ImportLocation): string {
  const parts: string[] = [];
  if (loc.line !== undefined) parts.push(`line ${loc.line.toLocaleString('en')}`);
  if (loc.column !== undefined) parts.push(`column ${loc.column.toLocaleString('en')}`);
  // A byte offset is shown only when there is no line: in a text file the line is the easier way to find it.
  if (loc.byteOffset !== undefined && loc.line === undefined) parts.push(`byte ${loc.byteOffset.toLocaleString('en')}`);
  if (loc.field) parts.push(`in “${loc.field}”`);
  return parts.length ? parts.join(', ') : 'the whole file';
}

/** Plain words for the importers' error codes (src/importers/import-error.ts). */
export const PROBLEM_TEXT: Record<string, string> = {
  'malformed-xml': 'The file is damaged here (not valid XML).',
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
