/**
 * The web app is cross-origin isolated (COOP same-origin + COEP require-corp), so the pose model's wasm threads can
 * run in the page (issue 13), and every response says it is for this origin only (CORP), which require-corp needs
 * of the app's own files: the page, its scripts and the model's runtime files.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiApp } from '../../test/helpers/api-app.js';

// A stand-in web root: the page, a client-side route and a model runtime file, as web/dist lays them out.
const web = mkdtempSync(join(tmpdir(), 'footing-coep-'));
writeFileSync(join(web, 'index.html'), '<!doctype html><title>Footing</title>');
mkdirSync(join(web, 'models', 'ort-wasm'), { recursive: true });
writeFileSync(join(web, 'models', 'ort-wasm', 'ort-wasm-simd-threaded.mjs'), 'export {};');
after(() => rmSync(web, { recursive: true, force: true }));
const api = apiApp('sqlite', { webRoot: web });

for (const url of ['/', '/gait', '/models/ort-wasm/ort-wasm-simd-threaded.mjs', '/api/health']) {
  test(`GET ${url} is cross-origin isolated and same-origin only`, async () => {
    const res = await api.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp');
    assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
  });
}
