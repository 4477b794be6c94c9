import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { footingNodeFlags } from './node-flags.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

test('footing runs with the same node flags from its shebang and from npm start (and the bench measures with them)', () => {
  const flags = footingNodeFlags();
  assert.deepEqual(flags, ['--max-semi-space-size=2', '--no-allocation-site-pretenuring']);
  assert.match(pkg.scripts.start!, new RegExp(`node ${flags.join(' ')} bin/footing\\.js serve`));
});
