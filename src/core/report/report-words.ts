/**
 * The words of the report's pictures by message id, in English (issue 14 item 8): the charts' titles, axis names and
 * the band's and the line's labels, and the gait pictures' captions. A picture keeps each text's id and parameters
 * beside the English (ReportBlock `text`), so the app's screens say it in the reader's language
 * (src/core/i18n/report-chart-texts.ts, typed against this table: an id without its Spanish fails tsc); the PDF
 * prints the English. Parameters are figures and codes, never words: a video's name is the only text, kept as named.
 */
import type { ResponderMeasureId } from '../outcome-change.js';
import { OUTCOME_MEASURES } from '../outcome-measures.js';
import { fmt, fmtInt } from './report-numbers.js';

export type Side = 'left' | 'right';
export type StillEvent = 'initial_contact' | 'mid_stance' | 'toe_off';
/** Where a still was pictured: on the person's device when they saved the analysis, or by the server's job. */
export type StillMaker = 'device' | 'server';
/** A joint's angle drawn on a still, in degrees (null: not measured). */
export interface StillAngles {
  hip: number | null;
  knee: number | null;
  ankle: number | null;
}

const EVENT: Record<StillEvent, string> = {
  initial_contact: 'initial contact (heel strike)',
  mid_stance: 'mid stance',
  toe_off: 'toe off',
};
const MADE: Record<StillMaker, string> = {
  device: 'as pictured on the device when the analysis was saved',
  server: 'as pictured by the server from the video before it was deleted',
};
const angle = (name: string, v: number | null) => `${name} ${v === null ? 'not measured' : `${Math.round(v)}°`}`;
const at = (p: { frame: number; frameTime: number }) => `frame ${p.frame} at ${p.frameTime.toFixed(2)} s`;

export const REPORT_TEXT_EN = {
  // Titles (clinician-report.ts, patient-report.ts).
  'title.clinician-pain': () => 'Daily pain (highest of back, neck, foot) with the baseline ± MCID band',
  'title.clinician-adherence': () => 'Adherence: sessions done each week, as a share of those prescribed',
  'title.clinician-steps': () => 'Steps each day against today’s walking target',
  'title.patient-pain': () => 'Your pain each day (the shaded band: no real change from your first week)',
  'title.patient-sessions': () => 'Your exercise sessions each week (of those planned)',
  'title.patient-steps': () => 'Your steps each day (the dashed line: your target today)',
  /** A questionnaire's chart: its published name, in every language. */
  'title.outcome': (p: { measure: ResponderMeasureId }) => OUTCOME_MEASURES[p.measure].name,
  // Axis names (report-sections.ts; a questionnaire's unit, outcome-measures.ts).
  'axis.pain': () => 'pain 0–10',
  'axis.steps': () => 'steps a day',
  'axis.sessions-done': () => '% of sessions done',
  'axis.outcome': (p: { measure: ResponderMeasureId }) => OUTCOME_MEASURES[p.measure].scale.unit,
  // The shaded band and the dashed line.
  'band.baseline-mcid': (p: { baseline: number; mcid: number }) => `baseline ${fmt(p.baseline)} ± ${p.mcid} (MCID)`,
  'band.first-week': (p: { baseline: number; mcid: number }) =>
    `your first week, ${fmt(p.baseline)}, give or take ${p.mcid}`,
  'line.steps-target': (p: { steps: number }) => `today’s target, ${fmtInt(p.steps)} steps`,
  'line.outcome-rule': (p: { higherIsBetter: boolean; kind: 'MCID' | 'MDC'; value: number }) =>
    `baseline ${p.higherIsBetter ? '+' : '−'} ${p.kind} (${fmt(p.value)})`,
  // The gait pictures' captions (report-still.ts, skeleton-still.ts).
  'caption.still': (p: {
    side: Side;
    event: StillEvent;
    video: string;
    time: number;
    frame: number;
    madeOn: StillMaker;
    angles: StillAngles;
  }) =>
    `${p.side === 'left' ? 'Left' : 'Right'} ${EVENT[p.event]} of ${p.video} at ${p.time.toFixed(2)} s (frame ${p.frame}), ${MADE[p.madeOn]}; the angles drawn on it: ${angle('hip', p.angles.hip)}, ${angle('knee', p.angles.knee)}, ${angle('ankle', p.angles.ankle)}`,
  'caption.stick-figure-strike': (p: {
    video: string;
    side: Side;
    strikeTime: number;
    frame: number;
    frameTime: number;
  }) =>
    `Stick figure of ${p.video} from its saved body points, the ${p.side} heel strike at ${p.strikeTime.toFixed(2)} s (the middle one of the clip): ${at(p)}; cropped to the person`,
  'caption.stick-figure-middle': (p: { video: string; frame: number; frameTime: number }) =>
    `Stick figure of ${p.video} from its saved body points, no heel strike found, so the middle frame with someone in it: ${at(p)}; cropped to the person`,
} satisfies Record<string, (p: never) => string>;

export type ReportTextId = keyof typeof REPORT_TEXT_EN;
type Words = typeof REPORT_TEXT_EN;
/** The parameters a text takes (none for a fixed one). */
export type ReportTextParams<K extends ReportTextId> =
  Parameters<Words[K]> extends [infer P] ? P : Record<string, never>;

/** A text as a picture keeps it: the id and its parameters (JSON, sent with the report's content). */
export interface ReportText<K extends ReportTextId = ReportTextId> {
  id: K;
  params: ReportTextParams<K>;
}

/** A text by id: `reportText('line.steps-target', { steps: 5500 })`. */
export function reportText<K extends ReportTextId>(
  id: K,
  ...params: Parameters<Words[K]> extends [] ? [] : [ReportTextParams<K>]
): ReportText<K> {
  return { id, params: (params[0] ?? {}) as ReportTextParams<K> };
}

/** A text's English (what the PDF prints). */
export function reportEnglish(t: ReportText): string {
  return (REPORT_TEXT_EN[t.id] as (p: unknown) => string)(t.params);
}
