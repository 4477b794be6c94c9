/**
 * Words a library wrote, inside a problem with a file (issue 14 item 8): where Footing can say the same thing from the
 * error's code (a missing file, a folder, no permission, a disk read error) the Spanish says it in Spanish; where only
 * the library's words say it (the system's other errors, the zip reader's, the decompressor's, the XML parser's, the
 * FIT SDK's), they stay as they came, in quotes, named as that library's, so the sentence around them is Spanish.
 * The English is unchanged. Spanish written here by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importGpx } from './gpx.js';
import { ioDetail, ioProblem } from './file-input.js';
import { importProblemPair, importProblemTextIn } from '../core/i18n/import-problem-texts.js';

/** An error as Node's file system gives it: a code and the system's English. */
const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

test("a system error Footing can name from its code is said in Spanish; another keeps the system's words, quoted", () => {
  const denied = ioProblem(systemError('EACCES', "EACCES: permission denied, open 'steps.csv'"));
  assert.deepEqual(
    [denied.message, importProblemTextIn(denied, 'es')],
    ["EACCES: permission denied, open 'steps.csv'", 'No se pudo leer el archivo: Footing no tiene permiso para leerlo'],
  );
  assert.equal(
    importProblemTextIn(ioProblem(systemError('EPERM', 'EPERM: operation not permitted')), 'es'),
    'No se pudo leer el archivo: Footing no tiene permiso para leerlo',
  );
  assert.equal(
    importProblemTextIn(ioProblem(systemError('EIO', 'EIO: i/o error, read')), 'es'),
    'No se pudo leer el archivo: el disco dio un error al leerlo',
  );
  const busy = ioProblem(systemError('EBUSY', 'EBUSY: resource busy or locked, read'));
  assert.deepEqual(
    [busy.message, importProblemTextIn(busy, 'es')],
    [
      'EBUSY: resource busy or locked, read',
      'No se pudo leer el archivo (el sistema dice: "EBUSY: resource busy or locked, read")',
    ],
  );
  // The same for a stopped read, an unreadable zip and an undecodable FIT file.
  assert.deepEqual(
    importProblemPair('file.reading-stopped', ioDetail(systemError('ENOENT', 'ENOENT: no such file or directory'))),
    { en: 'Reading stopped: File not found', es: 'La lectura se detuvo: no se encontró el archivo' },
  );
  assert.deepEqual(
    importProblemPair('zip.unreadable', ioDetail(new Error('end of central directory record signature not found'))),
    {
      en: 'Not a readable zip: end of central directory record signature not found',
      es: 'No es un zip que se pueda leer (el lector de zip dice: "end of central directory record signature not found")',
    },
  );
  assert.deepEqual(
    importProblemPair('fit.undecodable', { detail: 'Invalid field definition at byte 1504', io: null }),
    {
      en: 'FIT data cannot be decoded (Invalid field definition at byte 1504)',
      es: 'Los datos FIT no se pueden descodificar (la biblioteca FIT dice: "Invalid field definition at byte 1504")',
    },
  );
  assert.equal(
    importProblemPair(
      'fit.undecodable',
      ioDetail(systemError('EISDIR', 'EISDIR: illegal operation on a directory, read')),
    ).es,
    'Los datos FIT no se pueden descodificar: es una carpeta, no un archivo',
  );
});

test("a damaged zip: where in Spanish (entry, byte 123.456), the zip reader's and the decompressor's words quoted", () => {
  assert.equal(
    importProblemPair('zip.data-damaged', {
      entry: 'apple_health_export/export.xml',
      byte: 123456,
      detail: 'invalid distance too far back',
    }).es,
    'Los datos comprimidos de apple_health_export/export.xml están dañados: se descomprimen hasta el byte 123.456 del zip y fallan después (el descompresor dice: "invalid distance too far back")',
  );
  assert.equal(
    importProblemPair('zip.contents-damaged', { byte: 2048, detail: 'invalid comment length' }).es,
    'El índice del zip está dañado en el byte 2048 (el lector de zip dice: "invalid comment length")',
  );
  assert.equal(
    importProblemPair('zip.header-damaged', {
      entry: 'apple_health_export/export.xml',
      byte: 30,
      detail: 'invalid local file header signature',
    }).es,
    'La cabecera de apple_health_export/export.xml está dañada en el byte 30 (el lector de zip dice: "invalid local file header signature")',
  );
});

test("real imports: a path through a file (the system's words quoted) and broken XML (the parser's words quoted, at its line)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-detail-es-'));
  try {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a folder');
    // ENOTDIR: Footing has no words of its own for it, so the system's stay, quoted.
    const through = await importGpx(join(file, 'walk.gpx'));
    const problem = through.issues[0]!;
    assert.match(problem.message, /^ENOTDIR/);
    assert.equal(
      importProblemTextIn(problem, 'es'),
      `No se pudo leer el archivo (el sistema dice: "${problem.message}")`,
    );
    // The track ends inside <trkseg>: line 3, and the XML parser's own words.
    const gpx = join(dir, 'walk.gpx');
    writeFileSync(
      gpx,
      '<?xml version="1.0"?>\n<gpx version="1.1" creator="test">\n<trk><trkseg><trkpt lat="51.5" lon="-0.1"></trkseg></trk>\n</gpx>\n',
    );
    const broken = await importGpx(gpx);
    const xml = broken.issues.find((i) => i.text?.id === 'xml.malformed' || i.text?.id === 'xml.truncated')!;
    assert.equal(xml.location.line, 3);
    const detail = (xml.text!.params as { detail: string }).detail;
    assert.equal(
      importProblemTextIn(xml, 'es'),
      xml.text!.id === 'xml.malformed'
        ? `El XML no está bien formado aquí (el lector de XML dice: "${detail}")`
        : `El archivo se acaba antes que el documento XML (el lector de XML dice: "${detail}")`,
    );
    assert.equal(importProblemTextIn(xml, 'en'), detail, "the English is the parser's words, as before");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
