/**
 * A printable report as data: a title and a list of blocks (headings, text, tables, charts, a skeleton still, a
 * picture of the walk).
 * The report's content is assembled here, in the pure core (clinician-report.ts, patient-report.ts), so that every
 * figure can be tested without a PDF; src/reports draws the blocks on pages and decides nothing clinical.
 * A picture's words are English (the PDF's) with their message ids and parameters beside them (`text`,
 * report-words.ts), from which the app's screens say them in the reader's language.
 */
import type { ReportText } from './report-words.js';

export interface ChartPoint {
  date: string;
  value: number;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
}

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'note' | 'warning' }
  | { kind: 'bullets'; items: string[] }
  /** `widths` are fractions of the text width, one per column, summing to 1. */
  | { kind: 'table'; columns: string[]; widths: number[]; rows: string[][] }
  | {
      kind: 'chart';
      title: string;
      yLabel: string;
      yMin: number;
      yMax: number;
      from: string;
      to: string;
      series: ChartSeries[];
      /** Points joined by lines (a daily measure), or a bar per point (a weekly count, the bar spanning its week). */
      style?: 'line' | 'bars';
      /** A shaded band across the chart (e.g. the baseline ± the MCID: changes inside it are not meaningful). */
      band?: { low: number; high: number; label: string };
      /** A dashed horizontal line (e.g. the walking target, or the MCID threshold). */
      line?: { value: number; label: string };
      /** The title's, the axis's, the band's and the line's words by id (the English above is made from them). */
      text: { title: ReportText; yLabel: ReportText; band?: ReportText; line?: ReportText };
    }
  | {
      /** One frame's body points joined as a stick figure, in the video's pixels (y down). */
      kind: 'skeleton';
      caption: string;
      width: number;
      height: number;
      /** The caption's words by id. */
      text: ReportText;
      segments: { x1: number; y1: number; x2: number; y2: number; side: 'left' | 'right' | 'mid' }[];
    }
  | {
      /** A still saved with a gait analysis (the video frame with the skeleton drawn on it), as a JPEG in base64. */
      kind: 'picture';
      caption: string;
      width: number;
      height: number;
      jpeg: string;
      /** The caption's words by id. */
      text: ReportText;
    };

export interface ReportDocument {
  title: string;
  /** Who it is about and when it was made, under the title. */
  subtitle: string;
  /** Printed at the foot of every page (the report never claims to diagnose). */
  footer: string;
  blocks: ReportBlock[];
}
