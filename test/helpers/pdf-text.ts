/**
 * A PDF as a reader sees it, for the report tests: its text from poppler's pdftotext (with -layout, so a table's
 * row stays on one line) and its pages as PNG from pdftoppm, with each word's box, to find a picture where the page
 * puts it. CI installs poppler-utils (.ci/run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Runs `read` on the PDF written to a folder of its own, and removes the folder after (a report holds a record). */
function withPdfFile<T>(pdf: Buffer, read: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'footing-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return read(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (file) => {
    // Written as PNG pages too when FOOTING_REPORT_PNG names a folder, to look at them by hand.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const look = process.env.FOOTING_REPORT_PNG;
    if (look) {
      const name = join(look, `report-${Date.now()}`);
      execFileSync('pdftoppm', ['-png', '-r', '60', file, name]);
      writeFileSync(`${name}.txt`, text);
    }
    return text;
  });
}

/** The number of pages (pdfinfo). */
export function pdfPages(pdf: Buffer): number {
  return withPdfFile(pdf, (file) =>
    Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]),
  );
}

/** A regular expression for cells of one table row, in order, with any space between them. */
export function row(...cells: string[]): RegExp {
  return new RegExp(cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
}

/** The fonts of the PDF, one line each as pdffonts prints them (name, type, encoding, emb, sub, uni). */
export function pdfFonts(pdf: Buffer): string[] {
  return withPdfFile(pdf, (file) =>
    execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim()),
  );
}

/** One page as a reader sees it: its text and its picture (pdftoppm at `dpi`; at 72 dpi a pixel is a PDF point). */
export interface PdfPage {
  text: string;
  png: PNG;
  words: PdfWord[];
}
/** A word and its box on the page, in PDF points from the top left (pdftotext -bbox). */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export function pdfPageImages(pdf: Buffer, dpi = 72): PdfPage[] {
  return withPdfFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'page')]);
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const pages = bbox
      .split('<page ')
      .slice(1)
      .map((p) =>
        [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
          (m) => ({
            xMin: Number(m[1]),
            yMin: Number(m[2]),
            xMax: Number(m[3]),
            yMax: Number(m[4]),
            text: m[5]!.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'),
          }),
        ),
      );
    // pdftoppm numbers its files with as many digits as the page count needs (page-1.png or page-01.png).
    const files = readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort();
    return files.map((f, i) => {
      const text = execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {
        encoding: 'utf8',
      });
      return { text, png: PNG.sync.read(readFileSync(join(dir, f))), words: pages[i] ?? [] };
    });
  });
}

/** The bounding box of the pixels of a page that `match` (x, y in pixels), and how many there are. */
export function pixelBox(
  png: PNG,
  match: (r: number, g: number, b: number) => boolean,
): { count: number; xMin: number; yMin: number; xMax: number; yMax: number } {
  let count = 0;
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (!match(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)) continue;
      count++;
      xMin = Math.min(xMin, x);
      xMax = Math.max(xMax, x);
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  return { count, xMin, yMin, xMax, yMax };
}
