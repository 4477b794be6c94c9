/**
 * Streams XML bytes through saxes and reports the first well-formedness error with its line and column.
 * Shared by the Apple Health (careful path), GPX and TCX importers. Never builds a tree.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Element callbacks; `at()` gives the 1-based line and column where the current element's tag starts. */
export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  text?(text: string): void;
}

/** The first XML error of a document. */
export interface XmlStreamError {
  message: string;
  line: number;
  column: number;
  /** True when the input ended before the document did (unclosed elements, cut token). */
  truncated: boolean;
}

/** Where the parser is: start of the current tag if inside one, else the next character. 1-based. */
export interface XmlPosition {
  line: number;
  column: number;
}

class Stop extends Error {}

/**
 * Parses a stream. `between` is awaited after each chunk (batch flushing); `stopped` ends reading early (strict
 * failure). Resolves with the first XML error or null.
 */
export async function parseXmlStream(
  chunks: AsyncIterable<Uint8Array | string>,
  makeHandlers: (at: () => XmlPosition) => XmlHandlers,
  control: { between?: () => Promise<void>; stopped?: () => boolean } = {},
): Promise<XmlStreamError | null> {
  const parser = new SaxesParser({ position: true });
  let tagLine = 1;
  let tagColumn = 1;
  const handlers = makeHandlers(() => ({ line: tagLine, column: tagColumn }));
  let error: XmlStreamError | null = null;
  let closing = false;
  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; we keep the bare message and our own numbers.
    const message = err.message.replace(/^\d+:\d+: /, '');
    error = { message, line: parser.line, column: parser.column + 1, truncated: closing };
    throw new Stop();
  });
  parser.on('opentagstart', (tag) => {
    // saxes fires this after "<name" and the character that ended the name; step back to the "<" (1-based).
    if (parser.column > tag.name.length) {
      tagLine = parser.line;
      tagColumn = parser.column - tag.name.length - 1;
      return;
    }
    // The name ended at a line break (`<gpx\n  version=...`): the tag starts on the line before, found in the text
    // being parsed (saxes keeps it as `chunk`, read up to `i`). A line begun in an earlier chunk is counted from
    // this chunk's start.
    const p = parser as unknown as { chunk: string; i: number };
    const lt = p.chunk.lastIndexOf(`<${tag.name}`, p.i);
    tagLine = parser.line - 1;
    tagColumn = lt >= 0 ? lt - p.chunk.lastIndexOf('\n', lt - 1) : 1;
  });
  parser.on('opentag', (tag) => handlers.open(tag as SaxesTagPlain));
  parser.on('closetag', (tag) => handlers.close(tag.name));
  if (handlers.text) {
    const onText = handlers.text.bind(handlers);
    parser.on('text', onText);
  }
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of chunks) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text) parser.write(text);
      if (control.between) await control.between();
      if (control.stopped?.()) return null;
    }
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    closing = true;
    parser.close();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return error;
}
