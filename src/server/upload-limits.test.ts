/**
 * Uploads leave nothing behind when they are refused or fail, every upload route has a size limit, and a file name
 * that is not a name is refused with a plain message that reveals no server path. On SQLite and PostgreSQL.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { DATABASES } from '../../test/helpers/databases.js';
import { apiApp } from '../../test/helpers/api-app.js';
import { safeUploadName } from './routes/receive-upload.js';
import { rawRequest } from '../../test/helpers/raw-http.js';

// This process's own temporary folder (os.tmpdir() reads TMPDIR on every call): the check that nothing is left
// behind cannot see the folders of test files running beside it.
const realTmp = tmpdir();
process.env.TMPDIR = mkdtempSync(join(realTmp, 'footing-uplim-'));
const uploadDirs = () =>
  readdirSync(tmpdir()).filter((n) => n.startsWith('footing-upload-') || n.startsWith('footing-gait-'));
after(() => {
  rmSync(tmpdir(), { recursive: true, force: true });
});

test("safeUploadName keeps a file's own name and refuses what names no file", () => {
  assert.equal(safeUploadName('export.zip'), 'export.zip');
  assert.equal(safeUploadName('My walk (1).gpx'), 'My_walk__1_.gpx');
  assert.equal(safeUploadName('../../etc/passwd'), 'passwd');
  assert.equal(safeUploadName('C:\\Users\\me\\export.xml'), 'export.xml');
  for (const bad of ['..', '.', '...', 'a/..', '', 'x/']) assert.equal(safeUploadName(bad), null, bad);
});

const LIMIT = 64 * 1024;

for (const kind of DATABASES) {
  describe(`Upload limits and clean-up on ${kind}`, () => {
    const api = apiApp(kind, { importMaxBytes: LIMIT, gaitVideoMaxBytes: LIMIT });
    let port: number;
    before(async () => {
      await api.app.listen({ port: 0, host: '127.0.0.1' });
      port = (api.app.server.address() as AddressInfo).port;
    });

    const ROUTES = [
      { url: '/api/imports?name=export.xml', type: 'application/octet-stream', code: 'file_too_large' },
      { url: '/api/gait-jobs?name=walk.mp4', type: 'video/mp4', code: 'video_too_large' },
    ];

    test('every upload route refuses a body over its limit, declared or streamed without a length, and keeps no file', async () => {
      for (const r of ROUTES) {
        const declared = await api.app.inject({
          method: 'POST',
          url: r.url,
          payload: Buffer.alloc(LIMIT + 1, 0x41),
          headers: { 'content-type': r.type },
        });
        assert.equal(declared.statusCode, 413, `${r.url}: ${declared.body}`);
        assert.equal(declared.json().error.code, r.code);
        assert.match(declared.json().error.message, /larger than 64 KB/);
        // No content-length: the limit is met while the bytes arrive.
        const streamed = await rawRequest(port, {
          method: 'POST',
          target: r.url,
          headers: { 'content-type': r.type },
          chunks: Array.from({ length: 40 }, () => Buffer.alloc(8 * 1024, 0x42)),
        });
        assert.equal(streamed.statusCode, 413, `${r.url} streamed: ${streamed.body}`);
        assert.equal(JSON.parse(streamed.body).error.code, r.code);
        assert.deepEqual(uploadDirs(), [], `${r.url}: a refused upload left files behind`);
      }
    });

    test('a refused video (not a video, empty) keeps no file', async () => {
      for (const body of [Buffer.from('not a video\n'.repeat(50)), Buffer.alloc(0)]) {
        const res = await api.app.inject({
          method: 'POST',
          url: '/api/gait-jobs?name=walk.mp4',
          payload: body,
          headers: { 'content-type': 'video/mp4' },
        });
        assert.equal(res.statusCode, 400, res.body);
        assert.deepEqual(uploadDirs(), []);
      }
    });

    test('an upload named ".." or "." is refused with a plain message that names no server path, and keeps no file', async () => {
      for (const name of ['..', '.', '../..', '....']) {
        const res = await api.app.inject({
          method: 'POST',
          url: `/api/imports?name=${encodeURIComponent(name)}`,
          payload: Buffer.from('<gpx></gpx>'),
          headers: { 'content-type': 'application/octet-stream' },
        });
        assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
        const { error } = res.json();
        assert.equal(error.field, 'querystring.name');
        assert.match(error.message, /own name, e\.g\. export\.zip/);
        for (const path of [realTmp, tmpdir(), process.cwd(), '/tmp', '/work'])
          assert.ok(!res.body.includes(path), `${name}: the answer shows ${path}`);
      }
      assert.deepEqual(uploadDirs(), []);
    });

    test('an accepted import removes its upload when the job ends', async () => {
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/imports?name=walk.gpx',
        payload: Buffer.from('<?xml version="1.0"?><gpx version="1.1" creator="t"><trk><trkseg></trkseg></trk></gpx>'),
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(res.statusCode, 202, res.body);
      const { jobId } = res.json();
      for (let i = 0; i < 200; i++) {
        const job = (await api.app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
        if (job.status === 'done' || job.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.deepEqual(uploadDirs(), []);
    });
  });
}
