/**
 * The walking target's words in Spanish (issue 14 item 8): the basis (how today's target came from the person's own
 * days, src/core/walking-target.ts) and a clinician's setting (src/core/walking-override.ts). The figures and dates
 * come from the target itself; which of the basis's sentences applies (a good week, a flare, no check-ins...) is read
 * from its English, the way review-texts.ts reads the review: an English basis no pattern knows stays as it is.
 */
import type { Language } from '../language.js';
import type { ClinicianWalkingSetting, WalkingTarget } from '../walking-target.js';

const NUMBER_ES = new Intl.NumberFormat('es-ES');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_ES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'];

/** "4400 pasos", "12.000 pasos" or "25 minutos". */
export function walkingFigureEs(t: { steps: number | null; minutes: number | null }): string {
  return t.steps !== null ? `${NUMBER_ES.format(t.steps)} pasos` : `${t.minutes ?? 0} minutos`;
}

/** "3 nov" from 2026-11-03 (dayMonth's Spanish). */
export function dayMonthEs(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS_ES[Number(iso.slice(5, 7)) - 1]}`;
}

/** "3 nov" from dayMonth's English "3 Nov"; null for anything else. */
export function englishDayMonthEs(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]{2})$/.exec(text);
  const i = m ? MONTHS_EN.indexOf(m[2]!) : -1;
  return m && i >= 0 ? `${m[1]} ${MONTHS_ES[i]}` : null;
}

/** "4,400 steps" / "25 minutes" (walkingFigure's English) in Spanish; null for anything else. */
export function walkingFigureFromEnglish(english: string): string | null {
  const m = /^([\d,]+) steps$|^(\d+) minutes$/.exec(english);
  if (!m) return null;
  return m[1] !== undefined ? walkingFigureEs({ steps: Number(m[1].replace(/,/g, '')), minutes: null }) : walkingFigureEs({ steps: null, minutes: Number(m[2]) });
}

/** The ceiling of the basis ("9,000 steps, where the benefit levels off" / "30 minutes, the program's goal"): its
 * figure and what it is, in Spanish. */
function ceilingEs(english: string): { figure: string; what: string } | null {
  let m = /^(.+ steps), where the benefit levels off$/.exec(english);
  if (m) { const f = walkingFigureFromEnglish(m[1]!); return f ? { figure: f, what: 'donde el beneficio se estabiliza' } : null; }
  m = /^(\d+ minutes), the program's goal$/.exec(english);
  if (m) { const f = walkingFigureFromEnglish(m[1]!); return f ? { figure: f, what: 'el objetivo del programa' } : null; }
  return null;
}

function tailEs(tail: string): string | null {
  if (tail === ': your target is that baseline.') return ': tu objetivo es esa media.';
  if (tail === '; there were no check-ins that week to judge your pain by, so your target stays at that average.') return '; esa semana no hubo registros con los que valorar tu dolor, así que tu objetivo se queda en esa media.';
  let m = /^; your pain went past the rules that week, so your target is (\d+)% lower\.$/.exec(tail);
  if (m) return `; tu dolor se salió de las reglas esa semana, así que tu objetivo es un ${m[1]} % más bajo.`;
  m = /^; your pain stayed within the rules that week, (.*)$/.exec(tail);
  if (!m) return null;
  const raised = m[1]!;
  let r: RegExpExecArray | null;
  let es: string | null = null;
  if ((r = /^but that is already at or past (.+), so it is not raised further\.$/.exec(raised))) { const c = ceilingEs(r[1]!); es = c && `pero eso ya llega a ${c.figure} o más, ${c.what}, así que no sube más.`; }
  else if ((r = /^so your target is raised to (.+)\.$/.exec(raised))) { const c = ceilingEs(r[1]!); es = c && `así que tu objetivo sube a ${c.figure}, ${c.what}.`; }
  else if ((r = /^so your target is (\d+)% higher\.$/.exec(raised))) es = `así que tu objetivo es un ${r[1]} % más alto.`;
  return es && `; tu dolor se mantuvo dentro de las reglas esa semana, ${es}`;
}

/** The basis in Spanish; null when its English is not one the target writes. */
export function walkingBasisEs(english: string): string | null {
  const span = '(\\d+) days from (\\d{1,2} [A-Z][a-z]{2}) to (\\d{1,2} [A-Z][a-z]{2})';
  let m = new RegExp(`^Your target comes from your walking in the ${span}, and (none of them has|only (\\d+) of them (?:has|have)) walking data\\. Log your walking for (\\d+) days \\(or import it from your phone\\) so your target can start from your own baseline\\. Until then: a gentle (\\d+) minutes\\.$`).exec(english);
  if (m) {
    const [from, to] = [englishDayMonthEs(m[2]!), englishDayMonthEs(m[3]!)];
    const have = m[5] === undefined ? 'ninguno tiene' : m[5] === '1' ? 'solo 1 tiene' : `solo ${m[5]} tienen`;
    return `Tu objetivo sale de tus caminatas de los ${m[1]} días del ${from} al ${to}, y de esos días ${have} datos de caminata. Registra tus caminatas durante ${m[6]} días (o impórtalas de tu teléfono) para que tu objetivo pueda partir de tu propia media. Hasta entonces: unos suaves ${m[7]} minutos.`;
  }
  m = new RegExp(`^Your average was (.+?) a day over the ${span}( \\(on the (\\d+) of those days with walking data; days without data are left out\\))?([:;].*)$`).exec(english);
  if (!m) return null;
  const [figure, from, to, tail] = [walkingFigureFromEnglish(m[1]!), englishDayMonthEs(m[3]!), englishDayMonthEs(m[4]!), tailEs(m[7]!)];
  if (!figure || !tail) return null;
  const gaps = m[5] ? ` (en los ${m[6]} de esos días con datos de caminata; los días sin datos no cuentan)` : '';
  return `Tu media fue de ${figure} al día en los ${m[2]} días del ${from} al ${to}${gaps}${tail}`;
}

/** A clinician's setting's sentence in Spanish, from its figures (the clinician's reason stays in their words). */
export function clinicianSettingTextEs(c: ClinicianWalkingSetting): string {
  const by = `${c.setBy} ${c.kind === 'target' ? 'ha fijado tu objetivo de caminata en' : 'ha limitado tu objetivo de caminata a'} ${walkingFigureEs(c)} al día el ${dayMonthEs(c.setOn)}`;
  return c.applied ? `${by}. Según tus propios días recientes sería ${walkingFigureEs(c.own)}.` : `${by}; tu propio objetivo no pasa de eso, así que se mantiene.`;
}

/** The walking target with its words in `language`. */
export function walkingTargetIn(target: WalkingTarget, language: Language): WalkingTarget {
  if (language === 'en') return target;
  return { ...target, basis: walkingBasisEs(target.basis) ?? target.basis, clinician: target.clinician && { ...target.clinician, text: clinicianSettingTextEs(target.clinician) } };
}
