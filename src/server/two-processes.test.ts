import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { freshStore } from '../../test/helpers/databases.js';
import { main } from '../cli/main.js';
import { openStore } from '../store/db.js';
import { jobFileBytes } from '../store/repos/job-files.js';
import { cutWalkClip } from '../../test/helpers/gait-test-clip.js';

const BIN = fileURLToPath(new URL('../../bin/footing.js', import.meta.url));
const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** Starts `footing serve --port 0` and resolves with its base URL once it says where it listens. */
function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start: ${out}`));
    }, 30_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /running at (http:\/\/[^\s]+) /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    });
    child.stderr!.on('data', (d) => {
      out += String(d);
    });
  });
}

/**
 * A fresh PostgreSQL database set up by the `footing` CLI (`setup` argument lists), two `footing serve` processes
 * on it, and a sign-in on the first. `close` stops both and drops the database.
 */
async function twoServers(setup: string[][], email: string) {
  const { store, cleanup } = await freshStore('postgres');
  const url = store.config.kind === 'postgres' ? store.config.url : '';
  await store.close();
  const pw = join(mkdtempSync(join(tmpdir(), 'footing-2p-')), 'pw');
  writeFileSync(pw, `${PASSWORD}\n`);
  const quiet = new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });
  const prev = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    for (const args of setup)
      assert.equal(
        await main(
          args.map((x) => (x === PASSWORD_FILE ? pw : x)),
          { out: quiet, err: quiet },
        ),
        0,
        args.join(' '),
      );
  } finally {
    if (prev === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = prev;
  }
  const a = await serve({ DATABASE_URL: url });
  const b = await serve({ DATABASE_URL: url });
  const close = async () => {
    a.child.kill();
    b.child.kill();
    await new Promise((r) => setTimeout(r, 300));
    await cleanup();
  };
  try {
    const signIn = await fetch(`${a.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    assert.equal(signIn.status, 200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    return { url, a, b, cookie, csrfToken, close };
  } catch (e) {
    await close();
    throw e;
  }
}

const PASSWORD = 'a long enough passphrase 42';
/** Stands for the password file's path in setup argument lists. */
const PASSWORD_FILE = '<password-file>';
const patient = [['user', 'add', '--role', 'patient', '--email', 'pat@example.org', '--password-file', PASSWORD_FILE]];

test('Two server processes on one PostgreSQL database share sign-in sessions', { timeout: 120_000 }, async () => {
  const { a, b, cookie, csrfToken, close } = await twoServers(
    [
      ['clinic', 'create', 'Two Rivers Physio'],
      [
        'user',
        'add',
        '--role',
        'clinician',
        '--clinic',
        'Two Rivers Physio',
        '--email',
        'dr@example.org',
        '--password-file',
        PASSWORD_FILE,
      ],
    ],
    'dr@example.org',
  );
  try {
    // The session made by process A is honoured by process B.
    const listOnB = await fetch(`${b.url}/api/patients`, { headers: { cookie } });
    assert.equal(listOnB.status, 200);
    // Signing out on B ends it for A at once.
    const out = await fetch(`${b.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    assert.ok(out.status < 300, `sign-out answered ${out.status}`);
    const listOnA = await fetch(`${a.url}/api/patients`, { headers: { cookie } });
    assert.equal(listOnA.status, 401);
  } finally {
    await close();
  }
});

test(
  'Two server processes share import jobs: uploaded to one, followed to the end on the other',
  { timeout: 120_000 },
  async () => {
    const { a, b, cookie, csrfToken, close } = await twoServers(patient, 'pat@example.org');
    try {
      const up = await fetch(`${a.url}/api/imports?name=export.xml`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/octet-stream' },
        body: readFileSync(`${DATA}apple-health/export6s3sample.xml`),
      });
      assert.equal(up.status, 202);
      const { jobId } = (await up.json()) as { jobId: string };
      let job: { status: string; result: { added: number } | null } = { status: 'queued', result: null };
      for (let i = 0; i < 120 && job.status !== 'done' && job.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        job = (await (await fetch(`${b.url}/api/jobs/${jobId}`, { headers: { cookie } })).json()) as typeof job;
      }
      assert.equal(job.status, 'done');
      assert.equal(job.result!.added, 15);
      const days = (await (
        await fetch(`${b.url}/api/walking/daily?from=2014-09-01&to=2014-09-30`, { headers: { cookie } })
      ).json()) as unknown[];
      assert.equal(days.length, 2);
    } finally {
      await close();
    }
  },
);

test(
  'Two server processes share gait video jobs: the video sent to one is analysed, deleted, and seen through the other',
  { timeout: 150_000 },
  async () => {
    const clip = await cutWalkClip();
    const { url, a, b, cookie, csrfToken, close } = await twoServers(patient, 'pat@example.org');
    const check = openStore({ kind: 'postgres', url });
    try {
      const up = await fetch(`${a.url}/api/gait-jobs?name=walk.mp4&view=side`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'video/mp4' },
        body: new Uint8Array(clip.bytes),
      });
      assert.equal(up.status, 202, await up.clone().text());
      const { jobId } = (await up.json()) as { jobId: string };
      let job: {
        status: string;
        progress: { phase?: string; done?: number };
        result: { analysisId?: string; analysis?: { metrics: { cadence_spm: { value: number | null } } } } | null;
      } = { status: 'queued', progress: {}, result: null };
      const phases = new Set<string>();
      for (let i = 0; i < 400 && job.status !== 'done' && job.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        job = (await (await fetch(`${b.url}/api/jobs/${jobId}`, { headers: { cookie } })).json()) as typeof job;
        if (job.progress.phase) phases.add(job.progress.phase);
      }
      assert.equal(job.status, 'done', JSON.stringify(job.result));
      // Progress written by whichever process ran the job was read through the other.
      assert.ok(phases.has('analysing') || phases.has('finding'), [...phases].join(','));
      assert.equal(typeof job.result!.analysis!.metrics.cadence_spm.value, 'number');
      const list = (await (await fetch(`${b.url}/api/gait-analyses`, { headers: { cookie } })).json()) as Array<{
        id: string;
      }>;
      assert.deepEqual(
        list.map((x) => x.id),
        [job.result!.analysisId],
      );
      assert.equal(await jobFileBytes(check.db), 0);
    } finally {
      await check.close();
      await close();
    }
  },
);
