/**
 * The report's pictures, drawn as vectors with pdfkit: a time chart (points joined by lines, a shaded band and a
 * dashed line for the MCID or a target; bars for a weekly share), the stick figure of a gait still (left side orange, right side blue,
 * a colour-blind safe pair, as in the app), and a still saved with an analysis, embedded as the JPEG it is.
 */
import type { ReportBlock } from '../core/report/report-document.js';
import { addDays, daysBetween } from '../core/dates.js';
import { axisTicks } from '../core/report/chart-ticks.js';
import { longDate } from '../core/report/report-sections.js';

type Doc = PDFKit.PDFDocument;
interface Frame {
  x: number;
  width: number;
  ensureSpace(height: number): void;
}

const CHART_HEIGHT = 140;
const SIDE = { left: '#e69f00', right: '#0072b2', mid: '#666666' } as const;

export function drawChart(doc: Doc, c: Extract<ReportBlock, { kind: 'chart' }>, f: Frame): void {
  f.ensureSpace(CHART_HEIGHT + 50);
  doc.font('bold').fontSize(9).fillColor('#1a1a1a').text(c.title, f.x, doc.y, { width: f.width });
  const top = doc.y + 6;
  const left = f.x + 34;
  const width = f.width - 44;
  const days = Math.max(1, daysBetween(c.from, c.to));
  const xOf = (date: string) => left + (daysBetween(c.from, date.slice(0, 10)) / days) * width;
  const yOf = (v: number) => top + CHART_HEIGHT - ((v - c.yMin) / (c.yMax - c.yMin || 1)) * CHART_HEIGHT;
  doc.font('regular').fontSize(7).fillColor('#555555');
  if (c.band) {
    doc.rect(left, yOf(c.band.high), width, yOf(c.band.low) - yOf(c.band.high)).fill('#dff0e3');
  }
  for (const t of axisTicks(c.yMin, c.yMax)) {
    doc
      .moveTo(left, yOf(t))
      .lineTo(left + width, yOf(t))
      .lineWidth(0.3)
      .strokeColor('#cccccc')
      .stroke();
    doc.fillColor('#555555').text(String(t), f.x, yOf(t) - 3.5, { width: 30, align: 'right' });
  }
  doc.rect(left, top, width, CHART_HEIGHT).lineWidth(0.6).strokeColor('#888888').stroke();
  if (c.line) {
    doc
      .moveTo(left, yOf(c.line.value))
      .lineTo(left + width, yOf(c.line.value))
      .lineWidth(1)
      .dash(4, { space: 3 })
      .strokeColor('#9b1c1c')
      .stroke()
      .undash();
  }
  for (const s of c.series) {
    if (c.style === 'bars') {
      // Each bar spans its week (the point's date and the six days after it), with a small gap between weeks.
      for (const p of s.points) {
        const x0 = xOf(p.date);
        const x1 = Math.min(left + width, xOf(addDays(p.date.slice(0, 10), 7)));
        doc.rect(x0 + 1.5, yOf(p.value), Math.max(1, x1 - x0 - 3), yOf(c.yMin) - yOf(p.value)).fill('#0072b2');
      }
      continue;
    }
    const pts = s.points.map((p) => [xOf(p.date), yOf(p.value)] as const);
    if (pts.length > 1) {
      doc.moveTo(pts[0]![0], pts[0]![1]);
      for (const [x, y] of pts.slice(1)) doc.lineTo(x, y);
      doc.lineWidth(1.2).strokeColor('#0072b2').stroke();
    }
    for (const [x, y] of pts) doc.circle(x, y, 1.8).fill('#0072b2');
  }
  const below = top + CHART_HEIGHT + 3;
  doc.fillColor('#555555').fontSize(7);
  // The axis's ends in the report's words for a date (longDate), as its tables write them.
  doc.text(longDate(c.from), left, below, { width: 80 });
  doc.text(longDate(c.to), left + width - 80, below, { width: 80, align: 'right' });
  doc.text(c.yLabel, left + width / 2 - 60, below, { width: 120, align: 'center' });
  const legend = [
    `${c.style === 'bars' ? '■' : '●'} ${c.series.map((s) => s.label).join(', ')}`,
    c.band ? `shaded: ${c.band.label}` : '',
    c.line ? `dashed: ${c.line.label}` : '',
  ]
    .filter(Boolean)
    .join('    ');
  doc.text(legend, left, below + 10, { width });
  doc.x = f.x;
  doc.moveDown(0.8);
}

export function drawSkeleton(doc: Doc, s: Extract<ReportBlock, { kind: 'skeleton' }>, f: Frame): void {
  const boxH = 190;
  const scale = Math.min((f.width * 0.6) / s.width, boxH / s.height);
  const w = s.width * scale;
  const h = s.height * scale;
  f.ensureSpace(h + 30);
  const x0 = f.x;
  const y0 = doc.y + 2;
  doc.rect(x0, y0, w, h).fill('#f3f3f3');
  doc.lineCap('round');
  for (const g of s.segments) {
    doc
      .moveTo(x0 + g.x1 * scale, y0 + g.y1 * scale)
      .lineTo(x0 + g.x2 * scale, y0 + g.y2 * scale)
      .lineWidth(2.2)
      .strokeColor(SIDE[g.side])
      .stroke();
  }
  doc.rect(x0, y0, w, h).lineWidth(0.5).strokeColor('#999999').stroke();
  doc
    .font('oblique')
    .fontSize(8)
    .fillColor('#555555')
    .text(`${s.caption}. Left side orange, right side blue.`, x0, y0 + h + 4, { width: f.width });
  doc.x = f.x;
  doc.moveDown(0.6);
}

/** A saved still: at most 60% of the text width and 220 pt high, never enlarged past 1 pt a pixel, its caption below. */
export function drawPicture(doc: Doc, p: Extract<ReportBlock, { kind: 'picture' }>, f: Frame): void {
  const scale = Math.min(1, (f.width * 0.6) / p.width, 220 / p.height);
  const w = p.width * scale;
  const h = p.height * scale;
  f.ensureSpace(h + 40);
  const x0 = f.x;
  const y0 = doc.y + 2;
  doc.image(Buffer.from(p.jpeg, 'base64'), x0, y0, { width: w, height: h });
  doc.rect(x0, y0, w, h).lineWidth(0.5).strokeColor('#999999').stroke();
  doc
    .font('oblique')
    .fontSize(8)
    .fillColor('#555555')
    .text(`${p.caption}.`, x0, y0 + h + 4, { width: f.width });
  doc.x = f.x;
  doc.moveDown(0.6);
}
