/**
 * The part every XML importer (Apple Health's careful pass, GPX, TCX) shares around its element handlers: stream
 * the chunks through saxes, flush the sink's batch between chunks, stop reading once the sink has stopped (a strict
 * failure), and report the first XML error where it is (a cut file as `truncated`). importXmlFile adds reading the
 * file itself: an unreadable file is a fatal error at the byte reading reached.
 */
import { said } from '../core/import-problem-words.js';
import { importError, type ImportLocation } from './import-error.js';
import type { ImportSink } from './import-sink.js';
import { countBytes, fileChunks, ioProblem, type ByteProgress } from './file-input.js';
import { parseXmlStream, type XmlHandlers, type XmlPosition } from './xml-stream.js';

/** Streams `chunks` into the handlers; an XML error becomes an issue located by `where`. */
/** Where in `file` the XML reader is (line and column), with the field when one is named: a problem's location. */
export const xmlLocator =
  (file: string) =>
  (p: XmlPosition, field?: string): ImportLocation => ({
    file,
    line: p.line,
    column: p.column,
    ...(field ? { field } : {}),
  });

export async function streamXmlIntoSink(
  sink: ImportSink,
  chunks: AsyncIterable<Uint8Array | string>,
  makeHandlers: (at: () => XmlPosition) => XmlHandlers,
  where: (p: XmlPosition) => ImportLocation,
): Promise<void> {
  const xmlError = await parseXmlStream(chunks, makeHandlers, {
    between: async () => {
      if (sink.batchReady) await sink.flush();
    },
    stopped: () => sink.stopped,
  });
  if (xmlError)
    sink.issue(
      importError(
        xmlError.truncated ? 'truncated' : 'malformed-xml',
        said(xmlError.truncated ? 'xml.truncated' : 'xml.malformed', { detail: xmlError.message }),
        where({ line: xmlError.line, column: xmlError.column }),
      ),
    );
}

/** Reads the file at `path` into the handlers (streamXmlIntoSink); a read failure is fatal, located by byte. */
export async function importXmlFile(
  sink: ImportSink,
  path: string,
  onBytes: ByteProgress | undefined,
  makeHandlers: (at: () => XmlPosition) => XmlHandlers,
  where: (p: XmlPosition) => ImportLocation,
): Promise<void> {
  let bytesRead = 0;
  try {
    await streamXmlIntoSink(
      sink,
      countBytes(fileChunks(path, onBytes), (n) => {
        bytesRead = n;
      }),
      makeHandlers,
      where,
    );
  } catch (e) {
    sink.fatal(importError('unreadable', ioProblem(e), { file: sink.file, byteOffset: bytesRead }));
  }
}
