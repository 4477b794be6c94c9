/**
 * The walking target's words in Spanish (issue 14 item 8): the basis (how today's target came from the person's own
 * days, src/core/walking-target.ts) and a clinician's setting (src/core/walking-override.ts), both from the target's
 * own id and figures (WalkingBasisText, the setting's fields), never from its English.
 */
import type { Language } from '../language.js';
import type { ClinicianWalkingSetting, WalkingBasisText, WalkingTarget } from '../walking-target.js';

const NUMBER_ES = new Intl.NumberFormat('es-ES');
const MONTHS_ES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'];

/** "4400 pasos", "12.000 pasos" or "25 minutos". */
export function walkingFigureEs(t: { steps: number | null; minutes: number | null }): string {
  return t.steps !== null ? `${NUMBER_ES.format(t.steps)} pasos` : `${t.minutes ?? 0} minutos`;
}

/** "3 nov" from 2026-11-03 (dayMonth's Spanish). */
export function dayMonthEs(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS_ES[Number(iso.slice(5, 7)) - 1]}`;
}

/** The basis in Spanish, from its id and figures (walking-target.ts WalkingBasisText; its English is basisEnglish). */
export function walkingBasisEs(t: WalkingBasisText): string {
  const p = t.params;
  const [from, to] = [dayMonthEs(p.from), dayMonthEs(p.to)];
  if (t.id === 'walking-basis.provisional') {
    const w = p.withData;
    const have = w === 0 ? 'ninguno tiene' : w === 1 ? 'solo 1 tiene' : `solo ${w} tienen`;
    return `Tu objetivo sale de tus caminatas de los ${p.days} días del ${from} al ${to}, y de esos días ${have} datos de caminata. Registra tus caminatas durante ${t.params.needDays} días (o impórtalas de tu teléfono) para que tu objetivo pueda partir de tu propia media. Hasta entonces: unos suaves ${t.params.startMinutes} minutos.`;
  }
  const a = t.params;
  const gaps =
    a.withData < a.days
      ? ` (en los ${a.withData} de esos días con datos de caminata; los días sin datos no cuentan)`
      : '';
  const what = a.ceiling.steps !== null ? 'donde el beneficio se estabiliza' : 'el objetivo del programa';
  const raised =
    a.raised === 'past'
      ? `pero eso ya llega a ${walkingFigureEs(a.ceiling)} o más, ${what}, así que no sube más.`
      : a.raised === 'to-ceiling'
        ? `así que tu objetivo sube a ${walkingFigureEs(a.ceiling)}, ${what}.`
        : `así que tu objetivo es un ${a.pct} % más alto.`;
  const then =
    a.verdict === null
      ? ': tu objetivo es esa media.'
      : a.verdict === 'ok'
        ? `; tu dolor se mantuvo dentro de las reglas esa semana, ${raised}`
        : a.verdict === 'hold'
          ? '; esa semana no hubo registros con los que valorar tu dolor, así que tu objetivo se queda en esa media.'
          : `; tu dolor se salió de las reglas esa semana, así que tu objetivo es un ${a.pct} % más bajo.`;
  return `Tu media fue de ${walkingFigureEs(a.average)} al día en los ${a.days} días del ${from} al ${to}${gaps}${then}`;
}

/** A clinician's setting's sentence in Spanish, from its figures (the clinician's reason stays in their words). */
export function clinicianSettingTextEs(c: ClinicianWalkingSetting): string {
  const by = `${c.setBy} ${c.kind === 'target' ? 'ha fijado tu objetivo de caminata en' : 'ha limitado tu objetivo de caminata a'} ${walkingFigureEs(c)} al día el ${dayMonthEs(c.setOn)}`;
  return c.applied
    ? `${by}. Según tus propios días recientes sería ${walkingFigureEs(c.own)}.`
    : `${by}; tu propio objetivo no pasa de eso, así que se mantiene.`;
}

/** The walking target with its words in `language`. */
export function walkingTargetIn(target: WalkingTarget, language: Language): WalkingTarget {
  if (language === 'en') return target;
  return {
    ...target,
    basis: walkingBasisEs(target.basisText),
    clinician: target.clinician && { ...target.clinician, text: clinicianSettingTextEs(target.clinician) },
  };
}
