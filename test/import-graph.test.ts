/**
 * The import-graph rule of the house, checked on every test run: dependency-cruiser reads the imports of src/ and
 * web/src/ and applies the rules of .dependency-cruiser.cjs (pure core and gait, the store below the server and the
 * CLI, the use cases below both, the web app off the store, no cycles). docs/architecture.md explains them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const depcruise = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** Runs the check in `cwd` (whose src/ and web/src/ it reads) with the project's rules. */
function check(cwd: string) {
  const r = spawnSync(
    process.execPath,
    [depcruise, 'src', 'web/src', '--config', join(repo, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    { cwd, encoding: 'utf8' },
  );
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('src/ and web/src/ keep the import-graph rule (npm run check:imports shows the same)', () => {
  const { status, output } = check(repo);
  assert.equal(status, 0, output);
  assert.match(output, /no dependency violations found/);
});

test('the check names each forbidden arrow and each cycle in a small tree that has them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-graph-'));
  try {
    const files: Record<string, string> = {
      'src/core/pure.ts':
        "import { readFileSync } from 'node:fs';\nimport { route } from '../server/route.js';\nexport const pure = [readFileSync, route];\n",
      'src/gait/steps.ts': "import { pure } from '../core/pure.js';\nexport const steps = pure;\n",
      'src/server/route.ts': "import { cli } from '../cli/cli.js';\nexport const route = cli;\n",
      'src/cli/cli.ts': 'export const cli = 1;\n',
      'src/store/repo.ts': "import { route } from '../server/route.js';\nexport const repo = route;\n",
      'src/services/use-case.ts':
        "import { cli } from '../cli/cli.js';\nimport { other } from './other.js';\nexport const useCase = [cli, other];\n",
      'src/services/other.ts': "import { useCase } from './use-case.js';\nexport const other = () => useCase;\n",
      'web/src/screen.tsx':
        "import { repo } from '../../src/store/repo.js';\nimport { route } from '../../src/server/route.js';\nexport const screen = [repo, route];\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    copyFileSync(join(repo, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    const { status, output } = check(dir);
    assert.notEqual(status, 0, output);
    for (const line of [
      /pure-core: src\/core\/pure\.ts → fs/,
      /pure-core: src\/core\/pure\.ts → src\/server\/route\.ts/,
      /server-not-cli: src\/server\/route\.ts → src\/cli\/cli\.ts/,
      /store-only-stores: src\/store\/repo\.ts → src\/server\/route\.ts/,
      /services-below-transports: src\/services\/use-case\.ts → src\/cli\/cli\.ts/,
      /no-circular: src\/services\/(use-case|other)\.ts/,
      /web-not-store-or-cli: web\/src\/screen\.tsx → src\/store\/repo\.ts/,
      /web-only-api-types-of-server: web\/src\/screen\.tsx → src\/server\/route\.ts/,
      /web-server-types-only: web\/src\/screen\.tsx → src\/server\/route\.ts/,
    ])
      assert.match(output, line);
    // gait importing core is allowed: the two pure folders may use each other.
    assert.doesNotMatch(output, /src\/gait\/steps\.ts/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
