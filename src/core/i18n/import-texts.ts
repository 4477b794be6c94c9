/**
 * What an import did, in the person's language (issue 14 item 8): the one-sentence outcome and what the file left out
 * as not walking, in Spanish beside the English of src/core/import-record.ts (importOutcomeText) and
 * src/core/walking-activity.ts (skippedText), with the same figures, written as Spanish writes them (12.345). The
 * web's import result and history call these with the language on screen; the command line stays English.
 */
import type { Language } from '../language.js';
import { importOutcomeText, type ImportFigures } from '../import-record.js';
import {
  ACTIVITY_REASONS,
  skippedActivities,
  skippedText,
  type SkippedByReason,
  type SkipReason,
} from '../walking-activity.js';

const NUMBER = new Intl.NumberFormat('es-ES');
const num = (n: number) => NUMBER.format(n);

/** Each reason a record was left out, one and many, as SKIP_REASON_WORDS has them in English. */
export const SKIP_REASON_WORDS_ES: Readonly<Record<SkipReason, readonly [string, string]>> = {
  running: ['carrera', 'carreras'],
  cycling: ['salida en bici', 'salidas en bici'],
  swimming: ['sesión de natación', 'sesiones de natación'],
  paddling: ['sesión de remo o piragüismo', 'sesiones de remo o piragüismo'],
  'snow-sports': ['sesión de esquí o patinaje', 'sesiones de esquí o patinaje'],
  other: ['otra actividad (no caminar)', 'otras actividades (no caminar)'],
  'other-data': [
    'registro de otros datos de salud (pulso, sueño, ...)',
    'registros de otros datos de salud (pulso, sueño, ...)',
  ],
  'other-person': ['fila de otra persona', 'filas de otras personas'],
};

function outcomeEs(r: ImportFigures, skipped: SkippedByReason): string {
  if (!r.ok)
    return r.mode === 'strict' && r.errorCount > 0
      ? 'No se importó nada: elegiste «no importar nada» para un archivo con registros dañados'
      : 'No se importó nada: el archivo no se pudo usar';
  if (r.added > 0) {
    const already =
      r.duplicates > 0
        ? ` (${r.duplicates === 1 ? '1 más ya estaba guardada' : `${num(r.duplicates)} más ya estaban guardadas`})`
        : '';
    return `${r.added === 1 ? '1 medición de caminata nueva añadida' : `${num(r.added)} mediciones de caminata nuevas añadidas`}${already}`;
  }
  if (r.samples > 0)
    return `Nada nuevo: ${r.samples === 1 ? 'su única medición de caminata ya estaba guardada' : `las ${num(r.samples)} mediciones de caminata de este archivo ya estaban guardadas`}`;
  const left = Object.values(skipped).some((v) => v > 0);
  return left
    ? 'Nada nuevo: el archivo no tiene caminatas (mira lo que se dejó fuera)'
    : 'Nada nuevo: el archivo no tiene mediciones de caminata';
}

function skippedEs(by: SkippedByReason): string {
  const count = (r: SkipReason): string => {
    const n = by[r] ?? 0;
    return `${num(n)} ${SKIP_REASON_WORDS_ES[r][n === 1 ? 0 : 1]}`;
  };
  const leftOut = (n: number) => (n === 1 ? 'se dejó fuera' : 'se dejaron fuera');
  const parts: string[] = [];
  const activities = ACTIVITY_REASONS.filter((r) => (by[r] ?? 0) > 0);
  if (activities.length) {
    const n = skippedActivities(by);
    parts.push(
      `${leftOut(n)} ${n === 1 ? '1 actividad' : `${num(n)} actividades`}: ${activities.map(count).join(', ')}`,
    );
  }
  for (const r of ['other-data', 'other-person'] as const)
    if ((by[r] ?? 0) > 0) parts.push(`${leftOut(by[r]!)} ${count(r)}`);
  // One sentence: its first word capitalised, the parts after a semicolon not.
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** importOutcomeText in `language`: "55 mediciones de caminata nuevas añadidas (3 más ya estaban guardadas)". */
export function importOutcomeTextIn(r: ImportFigures, skipped: SkippedByReason, language: Language): string {
  return language === 'es' ? outcomeEs(r, skipped) : importOutcomeText(r, skipped);
}

/** skippedText in `language`: "Se dejaron fuera 2 actividades: 1 carrera, 1 sesión de remo o piragüismo". */
export function skippedTextIn(by: SkippedByReason, language: Language): string {
  return language === 'es' ? skippedEs(by) : skippedText(by);
}
