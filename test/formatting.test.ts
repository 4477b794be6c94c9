/**
 * Code is laid out by Prettier (.prettierrc.json: 120 columns), so nobody reads a 300-character line and a diff
 * shows what changed rather than how it was wrapped (issue 12: "many lines of 140-550 characters"). The tree was
 * formatted folder by folder, each in its own commit with the repeated code the wrapping revealed mended
 * (`duplicates --change` finds runs that long lines hid); now every source file of the folders below is checked.
 * `npx prettier --write <file>` lays one out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const repo = fileURLToPath(new URL('../', import.meta.url));

/** Every .ts, .tsx, .mjs and .css file below these folders must be as Prettier lays it out. */
const FORMATTED: readonly string[] = ['bench', 'e2e', 'scripts', 'src', 'test', 'web/src'];

function sourcesBelow(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourcesBelow(join(path, d.name)) : /\.(tsx?|mjs|css)$/.test(d.name) ? [join(path, d.name)] : [],
  );
}

/** The files given whose text is not what Prettier would write, each with the first line that differs. */
async function unformatted(files: readonly string[]): Promise<string[]> {
  // One configuration for the whole tree (the repository's .prettierrc.json), wherever a file lies.
  const config = await prettier.resolveConfig(join(repo, '.prettierrc.json'));
  const out: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const formatted = await prettier.format(text, { ...config, filepath: file });
    if (formatted === text) continue;
    const a = text.split('\n');
    const b = formatted.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    out.push(
      `${relative(repo, file)}:${line + 1} is not as Prettier lays it out (npx prettier --write ${relative(repo, file)})`,
    );
  }
  return out;
}

test('the folders already formatted stay formatted', async () => {
  assert.deepEqual(await unformatted(FORMATTED.flatMap((p) => sourcesBelow(join(repo, p)))), []);
});

test('the check finds a file laid out by hand, and names it and the line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-format-'));
  try {
    const good = join(dir, 'good.tsx');
    const bad = join(dir, 'bad.ts');
    writeFileSync(good, readFileSync(join(repo, 'web/src/ui/text-field.tsx'), 'utf8'));
    // Written as the tree was before: a type on one over-long line, strings in double quotes.
    writeFileSync(
      bad,
      'export const a = 1;\nexport type T = { first: string; second: number; third: boolean; fourth: string[]; fifth: Record<string, number>; sixth: null };\nexport const b = "x";\n',
    );
    assert.deepEqual(await unformatted([good]), []);
    const found = await unformatted([bad]);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /bad\.ts:2 is not as Prettier lays it out/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
