// scripts/test-groups.mjs decides which test files share a process: a wrong decision either runs a file that sets
// process-wide state beside others (their TMPDIR checks would look in the wrong place) or drops a file silently.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
// @ts-expect-error: a plain .mjs script without types
import { groupKey, groupTestFiles, needsOwnProcess } from '../scripts/test-groups.mjs';

test('a file that sets process.env, changes directory or has hooks at the top level needs its own process', () => {
  assert.equal(needsOwnProcess("import x from 'y';\nprocess.env.TMPDIR = '/tmp/a';\n"), true);
  assert.equal(needsOwnProcess("process.chdir('/tmp');\n"), true);
  // Inside a test (indented) it is that test's business, restored by it: no own process needed.
  assert.equal(needsOwnProcess("test('x', () => {\n  process.env.DATABASE_URL = 'x';\n});\n"), false);
  assert.equal(needsOwnProcess('const a = process.env.TMPDIR;\n'), false);
  // Top-level hooks would belong to the shared process's root (every file's before() first, every after() last).
  assert.equal(needsOwnProcess('before(async () => { server = await start(); });\n'), true);
  assert.equal(needsOwnProcess('afterEach(() => {});\n'), true);
  // Inside a describe they belong to it, as in a process of its own.
  assert.equal(needsOwnProcess("describe('x', () => {\n  before(() => {});\n});\n"), false);
});

test('files are grouped by their first two folders, in order, and every file is run once', () => {
  const root = mkdtempSync(join(tmpdir(), 'footing-groups-test-'));
  const cwd = process.cwd();
  try {
    process.chdir(root);
    for (const dir of ['src/core', 'src/server/auth', 'test']) mkdirSync(dir, { recursive: true });
    const plain = "import { test } from 'node:test';\n";
    const files = [
      'src/core/a.test.ts',
      'src/core/b.test.ts',
      'src/server/auth/c.test.ts',
      'src/server/d.test.ts',
      'src/server/e.test.ts',
      'test/f.test.ts',
    ];
    for (const f of files) writeFileSync(f, plain);
    writeFileSync('src/server/e.test.ts', plain + "process.env.TMPDIR = '/tmp/x';\n");
    assert.equal(groupKey(join('src', 'server', 'auth', 'c.test.ts')), 'src/server');
    const out: string[] = groupTestFiles(files, join(root, 'groups'));
    // e keeps its process and goes first; src/core (a, b) and src/server (c, d) become generated files; test/f is
    // alone in its folder.
    assert.deepEqual(
      out.map((p) => p.replace(root, '<root>')),
      [
        'src/server/e.test.ts',
        '<root>/groups/src-core.group.test.mjs',
        '<root>/groups/src-server.group.test.mjs',
        'test/f.test.ts',
      ],
    );
    const imports = (p: string) => [...readFileSync(p, 'utf8').matchAll(/^import "(.+)";$/gm)].map((m) => m[1]);
    assert.deepEqual(
      imports(out[1]!),
      ['src/core/a.test.ts', 'src/core/b.test.ts'].map((f) => pathToFileURL(resolve(f)).href),
    );
    assert.deepEqual(
      imports(out[2]!),
      ['src/server/auth/c.test.ts', 'src/server/d.test.ts'].map((f) => pathToFileURL(resolve(f)).href),
    );
  } finally {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  }
});

test('a folder with more files than a process takes is split into runs of about equal size, in order, none lost', () => {
  const root = mkdtempSync(join(tmpdir(), 'footing-groups-test-'));
  const cwd = process.cwd();
  try {
    process.chdir(root);
    mkdirSync('src/server', { recursive: true });
    // 7 files with at most 3 per process: 3 processes of 3, 2 and 2 (not 3, 3, 1).
    const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => `src/server/${n}.test.ts`);
    for (const f of files) writeFileSync(f, "import { test } from 'node:test';\n");
    const out: string[] = groupTestFiles(files, join(root, 'groups'), 3);
    assert.deepEqual(
      out.map((p) => p.replace(root, '<root>')),
      [1, 2, 3].map((i) => `<root>/groups/src-server-${i}.group.test.mjs`),
    );
    const imports = (p: string) => [...readFileSync(p, 'utf8').matchAll(/^import "(.+)";$/gm)].map((m) => m[1]);
    const href = (n: string) => pathToFileURL(resolve(`src/server/${n}.test.ts`)).href;
    assert.deepEqual(out.map(imports), [['a', 'b', 'c'].map(href), ['d', 'e'].map(href), ['f', 'g'].map(href)]);
  } finally {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  }
});
