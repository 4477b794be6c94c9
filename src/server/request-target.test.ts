import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originForm } from './request-target.js';

test('origin-form paths pass unchanged, query and encoding included', () => {
  for (const t of ['/', '/api/today', '/api/today?date=2026-12-06', '/%61pi/today', '/api/patients/abc/gait-jobs'])
    assert.deepEqual(originForm(t), { ok: true, path: t });
});

test('http(s) absolute-form becomes its path and query, whatever the case of the scheme or the host and port', () => {
  assert.deepEqual(originForm('http://x/api/today'), { ok: true, path: '/api/today' });
  assert.deepEqual(originForm('HTTPS://Footing.Example:8443/api/today?date=2026-12-06'), {
    ok: true,
    path: '/api/today?date=2026-12-06',
  });
  assert.deepEqual(originForm('http://user@127.0.0.1:8080/api/patients/p1'), { ok: true, path: '/api/patients/p1' });
  assert.deepEqual(originForm('http://x'), { ok: true, path: '/' });
  assert.deepEqual(originForm('http://x?a=1'), { ok: true, path: '/?a=1' });
  assert.deepEqual(originForm('http://[::1]:8080/api/health'), { ok: true, path: '/api/health' });
});

test('other forms are refused with a message naming what was sent', () => {
  const cases: Array<[string, RegExp]> = [
    ['*', /asterisk/],
    ['//api/today', /starts with "\/\/"/],
    ['http://x//api/today', /starts with "\/\/"/],
    ['ftp://x/api/today', /scheme "ftp"/],
    ['javascript://x/api', /scheme "javascript"/],
    ['http:///api/today', /no host/],
    ['127.0.0.1:8080', /not a path/],
    ['api/today', /not a path/],
    ['', /not a path/],
  ];
  for (const [t, message] of cases) {
    const r = originForm(t);
    assert.equal(r.ok, false, t);
    if (!r.ok) assert.match(r.message, message, t);
  }
});
