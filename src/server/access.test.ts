import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApiApp } from '../../test/helpers/api-app.js';
import { freshStore } from '../../test/helpers/databases.js';
import { buildApp } from './app.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { rawRequest } from '../../test/helpers/raw-http.js';

test('Every API route declares who may call it, and health data routes are never public', async () => {
  await withApiApp('sqlite', {}, async (app) => {
    await app.ready();
    const table = app.accessTable;
    assert.ok(table.length >= 12, `expected the whole route table, got ${table.length}`);
    const publicRoutes = table
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    // Only routes without personal data may be public: the health check, the screen's questions, the catalogues,
    // the mode, sign-in, and an invitation link (its clinic's name) with the patient sign-up from it; and the
    // reminder calendar feed (only a reminder's days and time), which a calendar app fetches without a sign-in and
    // whose unguessable, revocable token is its access (an unknown token gets 404); and the FHIR API's
    // CapabilityStatement (what the server can do, no one's data); and a forgotten password (issue 14 item 7): whether
    // this server can send a link, asking for one (the same answer whether or not the email has an account), and a
    // link's state and use, whose unguessable single-use token is its access; and the service worker's renewal of a
    // push subscription, which holds no CSRF token and whose access is the old endpoint (an unguessable URL only that
    // browser, its push service and the server know): it moves that one subscription and reads nothing.
    assert.deepEqual(publicRoutes, [
      'GET /api/assessment/catalogue',
      'GET /api/auth/mode',
      'GET /api/auth/password-reset',
      'GET /api/auth/password-reset/:token',
      'GET /api/calendar/:token',
      'GET /api/health',
      'GET /api/invitations/:token',
      'GET /api/library',
      'GET /api/screen/questions',
      'GET /fhir/R4/metadata',
      'POST /api/auth/password-reset',
      'POST /api/auth/password-reset/:token',
      'POST /api/auth/sign-in',
      'POST /api/invitations/:token/sign-up',
      'POST /api/push-subscription/renew',
    ]);
  });
});

test('A route added without an access level stops the server from starting', async () => {
  await withApiApp('sqlite', {}, async (app) => {
    assert.throws(() => app.get('/api/undeclared', async () => ({})), /declares no access level/);
  });
});

test('Outside /api too, a route that writes must declare its level; only plain reads of the web app default to public', async () => {
  await withApiApp('sqlite', {}, async (app) => {
    assert.throws(() => app.post('/upload', async () => ({})), /declares no access level/);
    assert.throws(() => app.delete('/files/:id', async () => ({})), /declares no access level/);
    assert.doesNotThrow(() => app.get('/robots.txt', async () => 'User-agent: *'));
    // The FHIR API serves health data with plain reads: none of its routes defaults to public.
    assert.throws(() => app.get('/fhir/R4/Encounter', async () => ({})), /declares no access level/);
  });
});

test('The web app is served to anyone whatever the form of the target; client-side routes get index.html', async () => {
  const { store, cleanup } = await freshStore('sqlite');
  const webRoot = mkdtempSync(join(tmpdir(), 'footing-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Footing</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  const app = await buildApp({ store, webRoot });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    for (const target of [
      '/',
      'http://footing.example/',
      '/assets/app.js',
      'http://footing.example/assets/app.js',
      '/today',
      'HTTP://footing.example/today',
    ]) {
      const res = await rawRequest(port, { method: 'GET', target });
      assert.equal(res.statusCode, 200, target);
      assert.equal(
        res.body,
        target.endsWith('app.js') ? 'console.log(1)' : '<!doctype html><title>Footing</title>',
        target,
      );
    }
  } finally {
    await app.close();
    await cleanup();
    rmSync(webRoot, { recursive: true, force: true });
  }
});

test('Without a built web app, a page says how to build it (not a JSON 404); the API still answers', async () => {
  const { store, cleanup } = await freshStore('sqlite');
  const empty = mkdtempSync(join(tmpdir(), 'footing-noweb-'));
  const app = await buildApp({ store, webRoot: empty });
  try {
    for (const url of ['/', '/today']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 503, url);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /web app is not built/);
      assert.match(res.body, /<code>npm run build:web<\/code>/);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/nothing' })).json().error.code, 'not_found');
  } finally {
    await app.close();
    await cleanup();
    rmSync(empty, { recursive: true, force: true });
  }
});
