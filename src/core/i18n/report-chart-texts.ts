/**
 * The report pictures' words in Spanish (issue 14 item 8), for the app's screens that draw them (the patient's
 * Progress page, the clinician's patient page) from the report's content (src/core/report: the PDF stays English).
 * Titles, axis names and the band's and the line's labels are made Spanish from their English, one entry or pattern
 * per text the report writes, the figures read back; a text no entry knows (a questionnaire's published name, a
 * newer wording) stays as it came.
 */
import type { ReportBlock } from '../report/report-document.js';
import type { Language } from '../language.js';
import { fromEnglish, type EnglishPatterns } from './from-english.js';

type Chart = Extract<ReportBlock, { kind: 'chart' }>;

const NUMBER_ES = new Intl.NumberFormat('es-ES', { maximumFractionDigits: 1 });
/** A figure the report wrote in English ("3.5", "5,500") as Spanish writes it ("3,5", "5500"). */
const num = (english: string) => NUMBER_ES.format(Number(english.replace(/,/g, '')));
/** A time the report wrote with its decimals ("1.25") with a decimal comma, every decimal kept ("1,25"). */
const dec = (english: string) => english.replace('.', ',');

const FIXED_ES: ReadonlyMap<string, string> = new Map([
  // Titles (clinician-report.ts, patient-report.ts).
  ['Daily pain (highest of back, neck, foot) with the baseline ± MCID band', 'Dolor diario (el más alto de espalda, cuello y pie) con la franja del punto de partida ± DMCI'],
  ['Adherence: sessions done each week, as a share of those prescribed', 'Adherencia: sesiones hechas cada semana, como parte de las prescritas'],
  ['Steps each day against today’s walking target', 'Pasos de cada día frente al objetivo de caminata de hoy'],
  ['Your pain each day (the shaded band: no real change from your first week)', 'Tu dolor de cada día (la franja sombreada: ningún cambio real desde tu primera semana)'],
  ['Your exercise sessions each week (of those planned)', 'Tus sesiones de ejercicio de cada semana (de las previstas)'],
  ['Your steps each day (the dashed line: your target today)', 'Tus pasos de cada día (la línea discontinua: tu objetivo de hoy)'],
  // Axis names (report-sections.ts; the questionnaires' units, outcome-measures.ts).
  ['pain 0–10', 'dolor 0–10'],
  ['steps a day', 'pasos al día'],
  ['% of sessions done', '% de sesiones hechas'],
  ['points', 'puntos'],
  ['points (mean)', 'puntos (media)'],
  ['raw points (x2 = %)', 'puntos brutos (x2 = %)'],
]);

const EVENT_ES: Record<string, string> = { 'initial contact (heel strike)': 'contacto inicial (apoyo del talón)', 'mid stance': 'apoyo medio', 'toe off': 'despegue' };
const MADE_ES: Record<string, string> = {
  'as pictured on the device when the analysis was saved': 'tal como se vio en el dispositivo al guardar el análisis',
  'as pictured by the server from the video before it was deleted': 'tal como lo sacó el servidor del vídeo antes de borrarlo',
};
const JOINT_ES: Record<string, string> = { hip: 'cadera', knee: 'rodilla', ankle: 'tobillo' };
/** "knee 12°" / "knee not measured" (report-still.ts angle()) in Spanish. */
const angleEs = (text: string) => text.replace(/^(hip|knee|ankle) (?:(-?\d+)°|not measured)$/, (_all, joint: string, deg?: string) => `${JOINT_ES[joint]} ${deg === undefined ? 'sin medir' : `${deg}°`}`);
/** frameCaption (skeleton-still.ts) in Spanish. */
const frameEs = (text: string) => text
  .replace(/^the (left|right) heel strike at ([\d.]+) s \(the middle one of the clip\): frame (\d+) at ([\d.]+) s$/,
    (_a, side: string, t: string, f: string, ft: string) => `el apoyo del talón ${side === 'left' ? 'izquierdo' : 'derecho'} a los ${dec(t)} s (el del medio del vídeo): fotograma ${f} a los ${dec(ft)} s`)
  .replace(/^no heel strike found, so the middle frame with someone in it: frame (\d+) at ([\d.]+) s$/,
    (_a, f: string, ft: string) => `no se encontró ningún apoyo del talón, así que el fotograma del medio con alguien en él: fotograma ${f} a los ${dec(ft)} s`);

const PATTERNS_ES: EnglishPatterns = [
  // The gait pictures' captions (report-still.ts stillCaption, skeleton-still.ts); the video's name as it came.
  [/^(Left|Right) (initial contact \(heel strike\)|mid stance|toe off) of (.+) at ([\d.]+) s \(frame (\d+)\), (as pictured .+); the angles drawn on it: (.+), (.+), (.+)$/,
    (m) => `${EVENT_ES[m[2]!]} ${m[1] === 'Left' ? 'izquierdo' : 'derecho'} de ${m[3]} a los ${dec(m[4]!)} s (fotograma ${m[5]}), ${MADE_ES[m[6]!] ?? m[6]}; los ángulos dibujados: ${angleEs(m[7]!)}, ${angleEs(m[8]!)}, ${angleEs(m[9]!)}`],
  [/^Stick figure of (.+) from its saved body points, (.+); cropped to the person$/, (m) => `Figura de palitos de ${m[1]} a partir de sus puntos del cuerpo guardados, ${frameEs(m[2]!)}; recortada a la persona`],
  [/^baseline ([\d.]+) ± ([\d.]+) \(MCID\)$/, (m) => `punto de partida ${num(m[1]!)} ± ${num(m[2]!)} (DMCI)`],
  [/^your first week, ([\d.]+), give or take ([\d.]+)$/, (m) => `tu primera semana, ${num(m[1]!)}, más o menos ${num(m[2]!)}`],
  [/^today’s target, ([\d,]+) steps$/, (m) => `objetivo de hoy, ${num(m[1]!)} pasos`],
  [/^baseline ([+−]) (MCID|MDC) \(([\d.]+)\)$/, (m) => `punto de partida ${m[1]} ${m[2] === 'MCID' ? 'DMCI' : 'CMD'} (${num(m[3]!)})`],
];

/** One of the report's texts in Spanish, or as it came when no entry knows it. */
export function reportTextEs(english: string): string {
  return fromEnglish(english, FIXED_ES, PATTERNS_ES);
}

/** One of the report's texts (a picture's caption, say) in `language`. */
export function reportTextIn(english: string, language: Language): string {
  return language === 'en' ? english : reportTextEs(english);
}

/** A report chart with its words in `language` (the figures and points unchanged). */
export function chartIn(c: Chart, language: Language): Chart {
  if (language === 'en') return c;
  return {
    ...c, title: reportTextEs(c.title), yLabel: reportTextEs(c.yLabel),
    ...(c.band ? { band: { ...c.band, label: reportTextEs(c.band.label) } } : {}),
    ...(c.line ? { line: { ...c.line, label: reportTextEs(c.line.label) } } : {}),
  };
}
