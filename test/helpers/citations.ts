/**
 * The house rule (ARCHITECTURE.md): every clinical number is a named constant with a comment citing DOMAIN.md.
 * Returns the names of `export const`s whose comment does not mention DOMAIN.md. A run of `export const` lines
 * with no blank line between them shares the comment above the first of them.
 */
export function uncitedConstants(source: string): string[] {
  const lines = source.split('\n');
  const uncited: string[] = [];
  lines.forEach((line, i) => {
    const m = /^export const (\w+)/.exec(line);
    if (!m) return;
    let j = i - 1;
    while (j >= 0 && /^export const /.test(lines[j] ?? '')) j--;
    const end = (lines[j] ?? '').trim();
    let comment = '';
    if (end.endsWith('*/')) {
      let k = j;
      while (k >= 0 && !(lines[k] ?? '').includes('/*')) k--;
      comment = lines.slice(Math.max(k, 0), j + 1).join('\n');
    } else {
      let k = j;
      while (k >= 0 && (lines[k] ?? '').trim().startsWith('//')) k--;
      comment = lines.slice(k + 1, j + 1).join('\n');
    }
    if (!comment.includes('DOMAIN.md')) uncited.push(m[1]!);
  });
  return uncited;
}
