#!/usr/bin/env node
// The one test command (README, CI): builds the web app the browser tests load, then runs every *.test.ts
// under node's own runner. Node 20's --test has no glob support and skips .ts files, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'e2e', 'test', 'bench'];
const skipDirs = new Set(['node_modules', 'dist', 'fixtures']);

function collect(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { if (!skipDirs.has(name)) collect(path, out); }
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = roots.flatMap((r) => collect(r, [])).sort();
if (filter.length) files = files.filter((f) => filter.some((p) => f.includes(p)));
if (files.length === 0) { console.error('No test files matched.'); process.exit(1); }

// Types first: a type error anywhere (server, core, web) fails the run before any test starts.
if (filter.length === 0) {
  for (const project of ['tsconfig.json', 'web/tsconfig.json']) {
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], { stdio: 'inherit' });
    if (tsc.status !== 0) { console.error(`Type check failed (${project}).`); process.exit(tsc.status ?? 1); }
  }
}

// The PostgreSQL half of the store and API tests needs a server: start Debian's if nobody named one.
if (!process.env.FOOTING_TEST_PG_URL) {
  const pgStart = spawnSync('bash', ['scripts/start-postgres.sh'], { stdio: 'inherit' });
  if (pgStart.status === 0) process.env.FOOTING_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  else console.error('PostgreSQL could not be started: the PostgreSQL tests will fail. See STACK notes in README.');
}

if (files.some((f) => f.startsWith('e2e'))) {
  const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const result = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', ...files,
], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
process.exit(result.status ?? 1);
