/**
 * A PDF as a reader sees it, for the report tests: its text from poppler's pdftotext (with -layout, so a table's
 * row stays on one line) and, on request, its pages as PNG from pdftoppm. CI installs poppler-utils (.ci/run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'footing-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  // Written as PNG pages too when FOOTING_REPORT_PNG names a folder, to look at them by hand.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const look = process.env.FOOTING_REPORT_PNG;
  if (look) {
    const name = join(look, `report-${Date.now()}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, name]);
    writeFileSync(`${name}.txt`, text);
  }
  return text;
}

/** The number of pages (pdfinfo). */
export function pdfPages(pdf: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'footing-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

/** A regular expression for cells of one table row, in order, with any space between them. */
export function row(...cells: string[]): RegExp {
  return new RegExp(cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
}

/** The fonts of the PDF, one line each as pdffonts prints them (name, type, encoding, emb, sub, uni). */
export function pdfFonts(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'footing-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
}
