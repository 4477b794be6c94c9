import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLog } from './helpers/server.js';

test('The e2e log scan flags request details and health fields, and passes a clean log', () => {
  const clean =
    '{"level":30,"req":{"method":"POST","route":"/api/checkins"},"msg":"incoming request"}\n{"level":30,"res":{"statusCode":201},"responseTime":3.2,"msg":"request completed"}\n';
  assert.deepEqual(scanLog(clean), []);
  assert.ok(scanLog('{"req":{"method":"GET","url":"/api/today?date=2026-11-02"}}\n').length > 0);
  assert.ok(scanLog('{"msg":"saved","back":7}\n').some((p) => p.includes('back')));
  assert.ok(scanLog('{"req":{"method":"GET","route":"/api/today?x=1"}}\n').some((p) => p.includes('query string')));
});
