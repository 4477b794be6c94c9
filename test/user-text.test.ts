/**
 * No text a person reads points at a file outside the app (issue 17): the web app's strings hold no "DOMAIN.md",
 * no other ".md" file and no "§" section pointer; the server's, CLI's and core's strings hold no "DOMAIN.md" or
 * "§" either (their operator messages may name the docs that ship with Footing). Comments are not text a person
 * reads, so the check walks the TypeScript syntax tree: string literals, template text and JSX text only.
 * Sources are cited by reference number in data and shown as citations (src/core/citations.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repo = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Each piece of text in a source file that can reach a person, with its line and the property it is the value of. */
export function textsOf(file: string, source: string): { line: number; text: string; property: string | null }[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: { line: number; text: string; property: string | null }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const parent = node.parent;
      const property = ts.isPropertyAssignment(parent) && parent.initializer === node ? parent.name.getText(sf) : null;
      out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.text, property });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Where the forbidden words appear: "file:line: text". */
function findings(
  dirs: string[],
  forbidden: RegExp,
  allowed: (file: string, property: string | null) => boolean = () => false,
): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(join(repo, d)))) {
    const name = relative(repo, file);
    for (const t of textsOf(file, readFileSync(file, 'utf8'))) {
      if (forbidden.test(t.text) && !allowed(name, t.property))
        found.push(`${name}:${t.line}: ${t.text.trim().slice(0, 100)}`);
    }
  }
  return found;
}

test("Given the web app's source, when its strings and JSX text are read, then none names DOMAIN.md, another .md file or a § section", () => {
  assert.deepEqual(findings(['web/src'], /DOMAIN\.md|\.md\b|§/), []);
});

// A reference range keeps its source as data ("DOMAIN.md §2c [25]", stored with each gait analysis); the screens
// and reports show it as citations (rangeWithSources, referenceIds), never as it is.
const RANGE_SOURCE = (file: string, property: string | null) =>
  file === join('src', 'gait', 'reference-ranges.ts') && property === 'source';

test('Given the server, CLI and core source, when their strings are read, then none names DOMAIN.md or a § section', () => {
  assert.deepEqual(findings(['src'], /DOMAIN\.md|§/, RANGE_SOURCE), []);
});

test('Given the check, when it reads code, then it sees strings, template text and JSX text, and not comments', () => {
  const texts = textsOf(
    'x.tsx',
    [
      '// DOMAIN.md in a comment',
      '/** DOMAIN.md in a doc comment */',
      "const a = 'plain DOMAIN.md';",
      'const b = `cited ${a} see notes.md`;',
      'const c = <p>JSX §2c text</p>;',
      "const r = { source: 'DOMAIN.md §2c [25]' };",
    ].join('\n'),
  );
  assert.deepEqual(
    texts.map((t) => [t.line, t.text, t.property]),
    [
      [3, 'plain DOMAIN.md', null],
      [4, 'cited ', null],
      [4, ' see notes.md', null],
      [5, 'JSX §2c text', null],
      [6, 'DOMAIN.md §2c [25]', 'source'],
    ],
  );
});
