/**
 * A dose in one line, in Spanish (issue 14 item 8): the counterpart of describeDose's English in src/core/plan.ts,
 * with the same figures. Numbers follow Spanish grouping (es-ES: 12.000; four digits stay 4400).
 */
import type { HoldDose, TimedDose } from '../stages.js';

/** The walk's dose as the line needs it (plan.ts WalkDose; not imported from there, which imports this file). */
interface WalkLine {
  kind: 'walk';
  minutes: number;
  steps: number | null;
  clinician: { applied: boolean; kind: 'target' | 'cap' } | null;
}

const number = new Intl.NumberFormat('es-ES');

export function describeDoseEs(dose: WalkLine | TimedDose | HoldDose): string {
  switch (dose.kind) {
    case 'walk': {
      const figure =
        dose.steps !== null
          ? `${number.format(dose.steps)} pasos (unos ${dose.minutes} min) hoy`
          : `${dose.minutes} min hoy`;
      const c = dose.clinician;
      return c?.applied ? `${figure} (${c.kind === 'target' ? 'fijado' : 'limitado'} por tu profesional)` : figure;
    }
    case 'timed': {
      const t = dose.secondsPerFoot % 60 === 0 ? `${dose.secondsPerFoot / 60} min` : `${dose.secondsPerFoot} s`;
      return `${t} por pie, ${dose.timesPerDay === 1 ? 'una vez' : `${dose.timesPerDay} veces`} hoy`;
    }
    case 'holds':
      return `${dose.sets} ${dose.sets === 1 ? 'serie' : 'series'} de ${dose.reps}, mantén ${dose.holdSeconds} s${dose.perFoot ? ', con cada pie' : ''}`;
  }
}

/** Said after a dose a clinician changed (English: " (set by your clinician)"). */
export const SET_BY_CLINICIAN_ES = ' (fijada por tu profesional)';
/** Why an exercise is left out of the plan (English in plan.ts). */
export const EXCLUDED_REASON_ES =
  'Fuera del plan hasta que un profesional diga que es seguro para ti (según tu control de seguridad).';
