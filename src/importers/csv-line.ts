/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields) into fields with their 1-based columns. */
export function splitCsvLine(line: string): { value: string; column: number }[] | null {
  const out: { value: string; column: number }[] = [];
  let i = 0;
  for (;;) {
    const column = i + 1;
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) return null; // unclosed quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      if (i < line.length && line[i] !== ',') return null; // text after a closing quote
      out.push({ value, column });
    } else {
      const end = line.indexOf(',', i);
      const value = end < 0 ? line.slice(i) : line.slice(i, end);
      if (value.includes('"')) return null;
      out.push({ value, column });
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return out;
    i++; // the comma
  }
}
