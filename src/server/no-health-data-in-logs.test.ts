import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { withApiApp } from '../../test/helpers/api-app.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

test('A whole day of use, errors included, logs no health data: no bodies, no query strings, no values', async () => {
  let log = '';
  await withApiApp(
    'sqlite',
    {
      log: true,
      logStream: new Writable({
        write(c, _e, cb) {
          log += String(c);
          cb();
        },
      }),
    },
    async (app) => {
      const SENTINEL_NOTE = 'sentinel-note-heel-throbbing-7731';
      const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
      const calls: {
        method: 'GET' | 'POST' | 'PUT';
        url: string;
        payload?: unknown;
        headers?: Record<string, string>;
      }[] = [
        { method: 'POST', url: '/api/screen?date=2026-11-02', payload: { answers, birthYear: 1961 } },
        {
          method: 'POST',
          url: '/api/checkins',
          payload: {
            at: '2026-11-02T07:00:00+01:00',
            context: 'daily',
            back: 7,
            neck: 3,
            note: SENTINEL_NOTE,
            regions: [{ region: 'heel', side: 'left', intensity: 9, view: 'back', type: 'sharp' }],
          },
        },
        {
          method: 'POST',
          url: '/api/checkins',
          payload: { at: '2026-11-02T07:00:00+01:00', context: 'daily', back: 11, note: SENTINEL_NOTE },
        }, // refused: 11 is out of range
        {
          method: 'POST',
          url: '/api/sessions',
          payload: {
            clientId: 'log-test-session',
            startedAt: '2026-11-02T18:00:00+01:00',
            completedAt: '2026-11-02T18:09:00+01:00',
            items: [{ exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 120 }],
            painAfter: { back: 6 },
          },
        },
        { method: 'PUT', url: '/api/walking/manual', payload: { date: '2026-11-01', steps: 4321, minutes: 37 } },
        {
          method: 'POST',
          url: '/api/walking/phone-walks',
          payload: {
            clientId: 'log-test-walk',
            start: '2026-11-02T08:00:00+01:00',
            end: '2026-11-02T08:01:30+01:00',
            stepsPerMinute: [4321 % 250, 12],
            steps: (4321 % 250) + 12,
            walkingSeconds: 80,
            cadenceSpm: 101,
          },
        },
        {
          method: 'POST',
          url: '/api/walking/phone-walks',
          payload: {
            clientId: 'log-test-walk2',
            start: '2026-11-02T08:00:00+01:00',
            end: '2026-11-02T08:01:30+01:00',
            stepsPerMinute: [4321],
            steps: 4321,
            walkingSeconds: 80,
            cadenceSpm: 101,
          },
        }, // refused
        {
          method: 'POST',
          url: '/api/assessment/screening',
          payload: {
            testId: 'navicular-drop',
            values: { left: 13 },
            recordedAt: '2026-11-02T10:00:00+01:00',
            recordedBy: 'me',
          },
        },
        {
          method: 'POST',
          url: '/api/assessment/outcomes',
          payload: {
            measure: 'odi',
            input: { sections: [2, 3, 1, 0, 4, 2, 1, 3, 2, 5] },
            recordedAt: '2026-11-02T10:00:00+01:00',
            recordedBy: 'me',
          },
        },
        {
          method: 'POST',
          url: '/api/imports?name=export.xml',
          payload: readFileSync(`${DATA}apple-health/export6s3sample.xml`),
          headers: { 'content-type': 'application/octet-stream' },
        },
        { method: 'GET', url: '/api/today?date=2026-11-02' },
        { method: 'GET', url: '/api/explain?date=2026-11-02' },
        { method: 'GET', url: '/api/checkins?from=2026-11-01&to=2026-11-02' },
        { method: 'GET', url: '/api/export' },
      ];
      for (const c of calls)
        await app.inject({
          method: c.method,
          url: c.url,
          ...(c.payload !== undefined ? { payload: c.payload as object } : {}),
          ...(c.headers ? { headers: c.headers } : {}),
        });
      await new Promise((r) => setTimeout(r, 300)); // let the background import finish and log
      const lines = log
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.ok(lines.length >= calls.length, 'every request was logged (the log is on)');
      // pino's own numbers (clock, process id, response time with ~15 decimals) are not health data, but their digits
      // can contain "4321" by chance (CI once failed on such a collision). They are checked to be plain numbers, so
      // they cannot carry text, and left out of the search; every other field is searched as logged.
      const searched = lines
        .map((l) => {
          const { time, pid, responseTime, ...rest } = l;
          for (const [name, v] of Object.entries({ time, pid, responseTime })) {
            if (v !== undefined) assert.equal(typeof v, 'number', `${name} is a number`);
          }
          return JSON.stringify(rest);
        })
        .join('\n');
      for (const needle of [
        SENTINEL_NOTE,
        'heel',
        '4321',
        '1961',
        'navicular',
        '2026-11-0',
        'birthYear',
        'StepCount',
        'export.xml',
        '?date',
        'sections',
      ]) {
        assert.ok(!searched.includes(needle), `the log must not contain "${needle}"`);
      }
      for (const l of lines) {
        const req = l.req as Record<string, unknown> | undefined;
        if (req) assert.deepEqual(Object.keys(req).sort(), ['method', 'route']);
      }
    },
  );
});
