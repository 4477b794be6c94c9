/**
 * A bad record's location in plain words, e.g. "line 12, column 5, in “value”", "byte 768", or in a zip
 * "line 12, column 5 of apple_health_export/export.xml in the zip": what a person (or the support person they ask)
 * needs to find the spot in the file.
 */
import type { TFunction } from 'i18next';
import type { ImportLocation } from './import-types.js';
import { formatNumber } from '../i18n/format.js';
import { i18n } from '../i18n/i18n.js';

// The words follow the language on screen; a caller (or a test) may pass its own t.
const currentT: TFunction = ((...args: Parameters<TFunction>) => i18n.t(...args)) as TFunction;

/** Locations as stored with past imports may lack a position (the importers always give one now). */
type AnyLocation =
  | ImportLocation
  | { file: string; entry?: string; line?: number; column?: number; byteOffset?: number; field?: string };

export function locationText(loc: AnyLocation, t: TFunction = currentT): string {
  const parts: string[] = [];
  const n = (x: number) => formatNumber(x);
  // A byte offset is shown only when there is no line: in a text file the line is the easier way to find it.
  if (loc.line !== undefined) {
    const line =
      loc.column !== undefined
        ? t('walking:location.lineColumn', { line: n(loc.line), column: n(loc.column) })
        : t('walking:location.line', { line: n(loc.line) });
    parts.push(loc.entry ? t('walking:location.inZipEntry', { where: line, entry: loc.entry }) : line);
  } else if (loc.byteOffset !== undefined) {
    const byte = t('walking:location.byte', { byte: n(loc.byteOffset) });
    parts.push(loc.entry ? t('walking:location.byteInZip', { where: byte, entry: loc.entry }) : byte);
  }
  if (loc.field) parts.push(t('walking:location.field', { field: loc.field }));
  return parts.length ? parts.join(', ') : t('walking:location.wholeFile');
}

/** Plain words for the importers' error codes (src/importers/import-error.ts), or a general line for an unknown code. */
export function problemText(code: string, t: TFunction = currentT): string {
  return t(`walking:problems.${code}`, { defaultValue: t('walking:problems.unknown') });
}
