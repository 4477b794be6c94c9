/** The node flags `footing` runs with, read from its shebang (bin/footing.js says why they are there). */
import { readFileSync } from 'node:fs';

export function footingNodeFlags(): string[] {
  const shebang = readFileSync(new URL('../../bin/footing.js', import.meta.url), 'utf8').split('\n')[0]!;
  const m = /^#!\/usr\/bin\/env -S node((?:\s+--[\w-]+(?:=\S+)?)*)\s*$/.exec(shebang);
  if (!m) throw new Error(`bin/footing.js: unexpected shebang ${shebang}`);
  return m[1]!.trim().split(/\s+/).filter(Boolean);
}
