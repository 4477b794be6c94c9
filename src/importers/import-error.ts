/**
 * The one shape of a problem found in a user's file. Bad files are values, never exceptions: every importer
 * returns these in its summary, each with a code (for the UI to pick a message), a message (English, short,
 * without health values beyond the offending token), the message's id and parameters (so a screen can say it in the
 * person's language: src/core/import-problem-words.ts) and a location precise enough to find the spot.
 */
import type { ImportProblemText, ImportProblemWords } from '../core/import-problem-words.js';

/** Machine-readable reasons. Kept small so the UI can explain each one. */
export type ImportErrorCode =
  /** The file is not well-formed XML (or a token the parser cannot read). */
  | 'malformed-xml'
  /** The file is not valid JSON (a FHIR Bundle or a line of NDJSON). */
  | 'malformed-json'
  /** The file ends early (truncated download or copy). */
  | 'truncated'
  /** A FIT segment fails its CRC or header check. */
  | 'corrupt'
  /** A value is not a number, negative, or out of its documented range. */
  | 'bad-value'
  /** A timestamp cannot be read, or is implausible (e.g. 1901 from a GPS without a fix). */
  | 'bad-date'
  /** A unit the importer does not know how to convert. */
  | 'unsupported-unit'
  /** A required field or attribute is missing. */
  | 'missing-field'
  /** The file is not of the expected (or any supported) format. */
  | 'unsupported-format'
  /** The file could not be read at all (missing, permissions, unreadable zip). */
  | 'unreadable'
  /** The file holds several people's rows (a study export) and none was chosen, or the chosen one is not in it. */
  | 'several-people';

/**
 * Where a problem is. `file` is the name the user knows; every location also says where in it, as a line and
 * column (text) or a byte offset (binary formats, a zip's own structure, a file that cannot be read at all): the
 * type requires one of the two, so no problem is ever shown as "at" nowhere. A problem about the whole file points
 * at its start (the root element, byte 0) or its end.
 */
export type ImportLocation = LocationParts & (TextPosition | BytePosition);

interface LocationParts {
  file: string;
  /** The member of a zip the problem is in: a line and column are then in that member's text; a byte offset is in
   * the zip file itself (where the damage is). */
  entry?: string;
  /** The attribute, element, column or FIT field at fault. */
  field?: string;
}

/** A place in a text file: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
  byteOffset?: undefined;
}

/** A place in bytes: a 0-based offset. */
export interface BytePosition {
  byteOffset: number;
  line?: undefined;
  column?: undefined;
}

/** One problem found in a file. `severity: 'warning'` never fails a file, even in strict mode. */
export interface ImportIssue {
  code: ImportErrorCode;
  /** The English words (the command line's, and what a record made before the ids kept). */
  message: string;
  /** The same words as a message id and its parameters, for another language (absent: English only). */
  text?: ImportProblemText;
  location: ImportLocation;
  severity: 'error' | 'warning';
  /** For 'several-people': the ids the file holds, one of which the user can choose. */
  choices?: string[];
}

/** Builds an error-severity issue. */
export function importError(
  code: ImportErrorCode,
  words: ImportProblemWords | string,
  location: ImportLocation,
): ImportIssue {
  return { code, ...wordsOf(words), location, severity: 'error' };
}

/** Builds a warning-severity issue (flagged data that is still imported or deliberately skipped). */
export function importWarning(
  code: ImportErrorCode,
  words: ImportProblemWords | string,
  location: ImportLocation,
): ImportIssue {
  return { code, ...wordsOf(words), location, severity: 'warning' };
}

/** A problem's words: a message id with its parameters (said(), src/core/import-problem-words.ts), or English alone
 * (a message not given an id yet: every screen then shows it in English; test/server-texts-es lists the ids). */
const wordsOf = (w: ImportProblemWords | string) =>
  typeof w === 'string' ? { message: w } : { message: w.message, text: w.text };

/** "file:line:column (field)" (in a zip "export.zip!member:line:column") for showing an issue in a terminal or a list. */
export function formatLocation(loc: ImportLocation): string {
  let out = loc.entry !== undefined ? `${loc.file}!${loc.entry}` : loc.file;
  if (loc.line !== undefined) out += `:${loc.line}:${loc.column}`;
  if (loc.byteOffset !== undefined) out += ` @byte ${loc.byteOffset}`;
  if (loc.field !== undefined) out += ` (${loc.field})`;
  return out;
}

/** Quotes a token from the file for a message, cut short so messages stay small. */
export function quoteToken(raw: string, max = 40): string {
  return JSON.stringify(raw.length > max ? `${raw.slice(0, max)}…` : raw);
}
