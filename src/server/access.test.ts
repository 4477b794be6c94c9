import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshStore } from '../../test/helpers/databases.js';
import { buildApp } from './app.js';

test('Every API route declares who may call it, and health data routes are never public', async () => {
  const { store, cleanup } = await freshStore('sqlite');
  try {
    const app = await buildApp({ store, webRoot: null });
    await app.ready();
    const table = app.accessTable;
    assert.ok(table.length >= 12, `expected the whole route table, got ${table.length}`);
    const publicRoutes = table.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort();
    // Only routes without personal data may be public: the health check, the screen's questions, the catalogues,
    // the mode, sign-in, and an invitation link (its clinic's name) with the patient sign-up from it.
    assert.deepEqual(publicRoutes, [
      'GET /api/assessment/catalogue', 'GET /api/auth/mode', 'GET /api/health', 'GET /api/invitations/:token', 'GET /api/library', 'GET /api/screen/questions',
      'POST /api/auth/sign-in', 'POST /api/invitations/:token/sign-up',
    ]);
    await app.close();
  } finally { await cleanup(); }
});

test('A route added without an access level stops the server from starting', async () => {
  const { store, cleanup } = await freshStore('sqlite');
  try {
    const app = await buildApp({ store, webRoot: null });
    assert.throws(() => app.get('/api/undeclared', async () => ({})), /declares no access level/);
    await app.close();
  } finally { await cleanup(); }
});
