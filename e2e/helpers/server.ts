/**
 * Starts Footing's real server for one browser test file: a fresh SQLite file in a temp folder, migrations, the
 * built web app from web/dist (npm test builds it first), on a free port of 127.0.0.1.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/server/app.js';
import { migrate, openStore } from '../../src/store/db.js';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface TestServer { url: string; close(): Promise<void> }

export async function startServer(): Promise<TestServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error('web/dist is missing: run `npm run build:web` (npm test does it for you)');
  const dir = mkdtempSync(join(tmpdir(), 'footing-e2e-'));
  const store = openStore({ kind: 'sqlite', path: join(dir, 'footing.sqlite') });
  await migrate(store);
  const app = await buildApp({ store, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    close: async () => { await app.close(); await store.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A JSON call to the test server (for seeding and for checking what the UI stored). */
export async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
