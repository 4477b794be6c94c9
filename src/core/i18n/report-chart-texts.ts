/**
 * The report pictures' words in Spanish (issue 14 item 8), for the app's screens that draw them (the patient's
 * Progress page, the clinician's patient page) from the report's content (src/core/report: the PDF stays English).
 * Text for text with REPORT_TEXT_EN (src/core/report/report-words.ts) from the id and parameters each picture keeps:
 * an id without its Spanish fails tsc. Figures are written as Spanish writes them; a video's name and a
 * questionnaire's published name stay as they are.
 */
import type { ReportBlock } from '../report/report-document.js';
import {
  reportEnglish,
  type ReportText,
  type ReportTextId,
  type ReportTextParams,
  type Side,
  type StillAngles,
  type StillEvent,
  type StillMaker,
} from '../report/report-words.js';
import { OUTCOME_MEASURES } from '../outcome-measures.js';
import type { ResponderMeasureId } from '../outcome-change.js';
import type { Language } from '../language.js';

type Chart = Extract<ReportBlock, { kind: 'chart' }>;

const NUMBER = new Intl.NumberFormat('es-ES', { maximumFractionDigits: 1 });
/** A figure as Spanish writes it: 3,5; 5500; 12.100; −24 keeps the report's minus sign. */
const num = (n: number) => (n < 0 ? `−${NUMBER.format(-n)}` : NUMBER.format(n));
/** A time with its two decimals and a decimal comma: 1,25. */
const secs = (t: number) => t.toFixed(2).replace('.', ',');

const SIDE: Record<Side, string> = { left: 'izquierdo', right: 'derecho' };
const EVENT: Record<StillEvent, string> = {
  initial_contact: 'contacto inicial (apoyo del talón)',
  mid_stance: 'apoyo medio',
  toe_off: 'despegue',
};
const MADE: Record<StillMaker, string> = {
  device: 'tal como se vio en el dispositivo al guardar el análisis',
  server: 'tal como lo sacó el servidor del vídeo antes de borrarlo',
};
const angle = (name: string, v: number | null) => `${name} ${v === null ? 'sin medir' : `${Math.round(v)}°`}`;
const angles = (a: StillAngles) =>
  `${angle('cadera', a.hip)}, ${angle('rodilla', a.knee)}, ${angle('tobillo', a.ankle)}`;
const frameAt = (p: { frame: number; frameTime: number }) => `fotograma ${p.frame} a los ${secs(p.frameTime)} s`;

/** A questionnaire's unit on its axis (outcome-measures.ts scale.unit). */
const OUTCOME_UNIT: Record<ResponderMeasureId, string> = {
  nprs: 'puntos',
  psfs: 'puntos (media)',
  odi: '%',
  ndi: 'puntos brutos (x2 = %)',
  'faam-adl': '%',
  'faam-sports': '%',
};

type SpanishOf = { [K in ReportTextId]: (p: ReportTextParams<K>) => string };

export const REPORT_TEXT_ES: SpanishOf = {
  'title.clinician-pain': () =>
    'Dolor diario (el más alto de espalda, cuello y pie) con la franja del punto de partida ± DMCI',
  'title.clinician-adherence': () => 'Adherencia: sesiones hechas cada semana, como parte de las prescritas',
  'title.clinician-steps': () => 'Pasos de cada día frente al objetivo de caminata de hoy',
  'title.patient-pain': () => 'Tu dolor de cada día (la franja sombreada: ningún cambio real desde tu primera semana)',
  'title.patient-sessions': () => 'Tus sesiones de ejercicio de cada semana (de las previstas)',
  'title.patient-steps': () => 'Tus pasos de cada día (la línea discontinua: tu objetivo de hoy)',
  'title.outcome': (p) => OUTCOME_MEASURES[p.measure].name,
  'axis.pain': () => 'dolor 0–10',
  'axis.steps': () => 'pasos al día',
  'axis.sessions-done': () => '% de sesiones hechas',
  'axis.outcome': (p) => OUTCOME_UNIT[p.measure],
  'band.baseline-mcid': (p) => `punto de partida ${num(p.baseline)} ± ${num(p.mcid)} (DMCI)`,
  'band.first-week': (p) => `tu primera semana, ${num(p.baseline)}, más o menos ${num(p.mcid)}`,
  'line.steps-target': (p) => `objetivo de hoy, ${num(p.steps)} pasos`,
  'line.outcome-rule': (p) =>
    `punto de partida ${p.higherIsBetter ? '+' : '−'} ${p.kind === 'MCID' ? 'DMCI' : 'CMD'} (${num(p.value)})`,
  'caption.still': (p) =>
    `${EVENT[p.event]} ${SIDE[p.side]} de ${p.video} a los ${secs(p.time)} s (fotograma ${p.frame}), ${MADE[p.madeOn]}; los ángulos dibujados: ${angles(p.angles)}`,
  'caption.stick-figure-strike': (p) =>
    `Figura de palitos de ${p.video} a partir de sus puntos del cuerpo guardados, el apoyo del talón ${SIDE[p.side]} a los ${secs(p.strikeTime)} s (el del medio del vídeo): ${frameAt(p)}; recortada a la persona`,
  'caption.stick-figure-middle': (p) =>
    `Figura de palitos de ${p.video} a partir de sus puntos del cuerpo guardados, no se encontró ningún apoyo del talón, así que el fotograma del medio con alguien en él: ${frameAt(p)}; recortada a la persona`,
};

/** One of the report's texts in `language`. */
export function reportTextIn(t: ReportText, language: Language): string {
  return language === 'en' ? reportEnglish(t) : (REPORT_TEXT_ES[t.id] as (p: unknown) => string)(t.params);
}

/**
 * A picture's caption in `language`: from its id, or its English when it came without one (a report's content from
 * before the ids, kept by the page while offline).
 */
export function captionIn(block: { caption: string; text?: ReportText | undefined }, language: Language): string {
  return block.text ? reportTextIn(block.text, language) : block.caption;
}

/** A report chart with its words in `language` (the figures and points unchanged). */
export function chartIn(c: Chart, language: Language): Chart {
  // Without ids (a report's content from before them, kept by the page while offline) the English stays.
  if (language === 'en' || !(c as Partial<Chart>).text) return c;
  const w = c.text;
  return {
    ...c,
    title: reportTextIn(w.title, language),
    yLabel: reportTextIn(w.yLabel, language),
    ...(c.band && w.band ? { band: { ...c.band, label: reportTextIn(w.band, language) } } : {}),
    ...(c.line && w.line ? { line: { ...c.line, label: reportTextIn(w.line, language) } } : {}),
  };
}
