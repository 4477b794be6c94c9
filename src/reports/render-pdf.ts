/**
 * Draws a report (src/core/report/report-document.ts) as an A4 PDF with pdfkit: text in DejaVu Sans, embedded (it
 * has every character the reports print, ≥ – ° → among them), tables that carry their header onto the next page
 * and never split a row, charts drawn as vectors, the stick figure of a gait still and the picture saved with an analysis. Decides nothing clinical:
 * every word and number comes from the document.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ReportBlock, ReportDocument } from '../core/report/report-document.js';
import { drawChart, drawPicture, drawSkeleton } from './pdf-figures.js';

const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  oblique: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};
const MARGIN = 50;
const BODY = 9.5;
const CELL_PAD = 3;
const INK = '#1a1a1a';
const MUTED = '#555555';

type Doc = PDFKit.PDFDocument;

/** Space left above the bottom margin on the current page. */
export const spaceLeft = (doc: Doc): number => doc.page.height - doc.page.margins.bottom - doc.y;

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (spaceLeft(doc) < height) doc.addPage();
}

function heading(doc: Doc, text: string, size: number, keepWith: number): void {
  ensureSpace(doc, size * 2 + keepWith);
  doc
    .moveDown(0.6)
    .font('bold')
    .fontSize(size)
    .fillColor(INK)
    .text(text, MARGIN, doc.y, { width: textWidth(doc) })
    .moveDown(0.3);
}

const textWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;

function paragraph(doc: Doc, text: string, tone: 'normal' | 'note' | 'warning' = 'normal'): void {
  const font = tone === 'note' ? 'oblique' : tone === 'warning' ? 'bold' : 'regular';
  doc
    .font(font)
    .fontSize(BODY)
    .fillColor(tone === 'note' ? MUTED : tone === 'warning' ? '#9b1c1c' : INK);
  ensureSpace(doc, Math.min(doc.heightOfString(text, { width: textWidth(doc) }), 3 * BODY * 1.3));
  doc.text(text, MARGIN, doc.y, { width: textWidth(doc) }).moveDown(0.4);
}

function bullets(doc: Doc, items: readonly string[]): void {
  doc.font('regular').fontSize(BODY).fillColor(INK);
  const w = textWidth(doc) - 12;
  for (const item of items) {
    ensureSpace(doc, Math.min(doc.heightOfString(item, { width: w }), 2 * BODY * 1.3));
    const y = doc.y;
    doc.text('•', MARGIN, y, { width: 10 });
    doc.text(item, MARGIN + 12, y, { width: w }).moveDown(0.15);
  }
  doc.moveDown(0.3);
}

function table(doc: Doc, block: Extract<ReportBlock, { kind: 'table' }>): void {
  const total = textWidth(doc);
  const widths = block.widths.map((f) => f * total);
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(BODY - 1);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  };
  const drawRow = (cells: readonly string[], font: string, fill: string | null) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(MARGIN, y, total, h).fill(fill);
    doc
      .font(font)
      .fontSize(BODY - 1)
      .fillColor(INK);
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(c, x + CELL_PAD, y + CELL_PAD, { width: widths[i]! - 2 * CELL_PAD });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + total, y + h)
      .lineWidth(0.4)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  const header = () => drawRow(block.columns, 'bold', '#e8eef3');
  // The header and the first row go together; a row that does not fit goes whole to the next page, under the header again.
  ensureSpace(doc, rowHeight(block.columns, 'bold') + (block.rows[0] ? rowHeight(block.rows[0], 'regular') : 0));
  header();
  for (const row of block.rows) {
    if (spaceLeft(doc) < rowHeight(row, 'regular')) {
      doc.addPage();
      header();
    }
    drawRow(row, 'regular', null);
  }
  doc.moveDown(0.6);
}

function drawBlock(doc: Doc, block: ReportBlock, next: ReportBlock | undefined): void {
  // A heading is kept with the start of what follows it (a chart or a table is not left alone on the next page).
  const keep =
    next?.kind === 'chart'
      ? 190
      : next?.kind === 'skeleton' || next?.kind === 'picture'
        ? 200
        : next?.kind === 'table'
          ? 50
          : 30;
  switch (block.kind) {
    case 'heading':
      return heading(doc, block.text, 13, keep);
    case 'subheading':
      return heading(doc, block.text, 10.5, keep);
    case 'paragraph':
      return paragraph(doc, block.text, block.tone);
    case 'bullets':
      return bullets(doc, block.items);
    case 'table':
      return table(doc, block);
    case 'chart':
      return drawChart(doc, block, { x: MARGIN, width: textWidth(doc), ensureSpace: (h) => ensureSpace(doc, h) });
    case 'skeleton':
      return drawSkeleton(doc, block, { x: MARGIN, width: textWidth(doc), ensureSpace: (h) => ensureSpace(doc, h) });
    case 'picture':
      return drawPicture(doc, block, { x: MARGIN, width: textWidth(doc), ensureSpace: (h) => ensureSpace(doc, h) });
  }
}

/** The PDF's bytes. `createdAt` goes into the document's information (and so the same input gives the same bytes). */
export function renderReportPdf(report: ReportDocument, createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: report.title,
      Creator: 'Footing',
      Producer: 'Footing (pdfkit)',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT.regular).registerFont('bold', FONT.bold).registerFont('oblique', FONT.oblique);
  doc
    .font('bold')
    .fontSize(17)
    .fillColor(INK)
    .text(report.title, MARGIN, MARGIN, { width: textWidth(doc) });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(report.subtitle, { width: textWidth(doc) })
    .moveDown(0.5);
  report.blocks.forEach((b, i) => drawBlock(doc, b, report.blocks[i + 1]));
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Written inside the bottom margin: with the margin left as it is, pdfkit would start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 2;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(report.footer, MARGIN, y, { width: textWidth(doc) - 80 });
    doc.text(`Page ${i + 1} of ${range.count}`, MARGIN + textWidth(doc) - 70, y, { width: 70, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
