import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threadCpuMs } from './thread-cpu.js';

test('Thread CPU grows by about the CPU a busy loop burns (Linux), or is null elsewhere', () => {
  const before = threadCpuMs();
  if (before === null) {
    assert.notEqual(process.platform, 'linux');
    return;
  }
  const c0 = process.cpuUsage();
  const t = performance.now();
  let x = 0;
  while (performance.now() - t < 300) x += Math.sqrt(x + 1);
  const processCpu = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000;
  const threadCpu = threadCpuMs()! - before;
  assert.ok(x > 0);
  // This thread did the burning: its CPU is close to the process's (10 ms ticks; GC threads add a little).
  assert.ok(threadCpu > 0 && threadCpu <= processCpu + 30, `thread ${threadCpu} ms, process ${processCpu} ms`);
  assert.ok(threadCpu >= processCpu * 0.5 - 20, `thread ${threadCpu} ms, process ${processCpu} ms`);
});
