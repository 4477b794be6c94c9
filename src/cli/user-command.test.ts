import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app.js';
import { verifyPassword } from '../server/auth/password.js';
import { migrate, openStore } from '../store/db.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { main } from './main.js';
import { makeUserCommand } from './user-command.js';
import { capture } from '../../test/helpers/cli.js';

async function run(args: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(args, { out: out.stream, err: err.stream });
  return { code, out: out.text, err: err.text };
}

const dir = mkdtempSync(join(tmpdir(), 'footing-user-'));
const pwFile = join(dir, 'pw.txt');
writeFileSync(pwFile, 'clinic password 1\n');

async function withStore<T>(db: string, f: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> {
  const store = openStore({ kind: 'sqlite', path: db });
  await migrate(store);
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

test('clinic create makes a clinic once; a second with the same name is one line and exit 1; list shows it', async () => {
  const db = join(dir, 'clinic.sqlite');
  const made = await run(['clinic', 'create', 'Feet', 'First', '--db', db]);
  assert.equal(made.code, 0, made.err);
  assert.match(made.out, /Clinic "Feet First" created/);
  const again = await run(['clinic', 'create', 'Feet First', '--db', db]);
  assert.equal(again.code, 1);
  assert.equal(again.err, 'footing clinic: a clinic named "Feet First" exists already\n');
  assert.equal((await run(['clinic', 'list', '--db', db])).out, 'Feet First\n');
  const bad = await run(['clinic', 'remove', 'X', '--db', db]);
  assert.equal(bad.code, 2);
  assert.match((await run(['clinic', '--help'])).out, /footing clinic create NAME/);
});

test('user add makes a clinician whose password (from a file) is stored hashed and signs in over HTTP', async () => {
  const db = join(dir, 'user.sqlite');
  assert.equal((await run(['clinic', 'create', 'Feet First', '--db', db])).code, 0);
  const r = await run([
    'user',
    'add',
    '--role',
    'clinician',
    '--clinic',
    'Feet First',
    '--email',
    'Dr.K@Example.org',
    '--name',
    'Dr K',
    '--password-file',
    pwFile,
    '--db',
    db,
  ]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Account dr\.k@example\.org \(clinician, clinic "Feet First"\) created/);
  await withStore(db, async (store) => {
    const row = await store.db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', 'dr.k@example.org')
      .executeTakeFirstOrThrow();
    assert.ok(!row.password_hash.includes('clinic password'));
    assert.equal(await verifyPassword('clinic password 1', row.password_hash), true);
    assert.equal(row.role, 'clinician');
    const app = await buildApp({ store, webRoot: null });
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'dr.k@example.org', password: 'clinic password 1' },
      });
      assert.equal(signIn.statusCode, 200);
      assert.equal(signIn.json().role, 'clinician');
      // The install is in accounts mode now: no anonymous health data.
      assert.equal((await app.inject({ method: 'GET', url: '/api/today' })).statusCode, 401);
    } finally {
      await app.close();
    }
  });
});

test('The password can come from standard input, and is never accepted as an argument', async () => {
  const db = join(dir, 'stdin.sqlite');
  const cmd = makeUserCommand(async () => 'from stdin pw\n', 1024);
  const out = capture();
  await cmd.run({ values: { role: 'patient', email: 'pat@example.org', db }, positionals: ['add'], out: out.stream });
  await withStore(db, async (store) => {
    const row = await store.db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', 'pat@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(await verifyPassword('from stdin pw', row.password_hash), true);
    assert.ok(row.person_id, 'a patient owns a person');
  });
  const arg = await run([
    'user',
    'add',
    '--role',
    'patient',
    '--email',
    'p2@example.org',
    '--password',
    'secret123',
    '--db',
    db,
  ]);
  assert.equal(arg.code, 2);
  assert.match(arg.err, /--password/);
  assert.equal(arg.err.trim().split('\n').length, 1);
});

test('The real footing binary reads the password piped on standard input', () => {
  const db = join(dir, 'bin.sqlite');
  const bin = fileURLToPath(new URL('../../bin/footing.js', import.meta.url));
  const r = spawnSync(
    process.execPath,
    [bin, 'user', 'add', '--role', 'patient', '--email', 'piped@example.org', '--db', db],
    { input: 'piped password\n', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Account piped@example\.org \(patient\) created/);
});

test('Mistakes are one line each with a non-zero exit, and nothing is created', async () => {
  const db = join(dir, 'mistakes.sqlite');
  const short = join(dir, 'short.txt');
  writeFileSync(short, 'abc\n');
  const cases: [string[], number, RegExp][] = [
    [['user', 'add', '--email', 'a@example.org'], 2, /--role must be patient, clinician or admin \(got nothing\)/],
    [['user', 'add', '--role', 'doctor', '--email', 'a@example.org'], 2, /got "doctor"/],
    [['user', 'add', '--role', 'patient', '--email', 'not-an-email'], 2, /--email must be an email address/],
    [
      ['user', 'add', '--role', 'clinician', '--email', 'a@example.org', '--password-file', pwFile],
      2,
      /--clinic NAME is needed/,
    ],
    [
      ['user', 'add', '--role', 'patient', '--clinic', 'X', '--email', 'a@example.org'],
      2,
      /--clinic is for clinicians/,
    ],
    [
      [
        'user',
        'add',
        '--role',
        'clinician',
        '--clinic',
        'Nowhere',
        '--email',
        'a@example.org',
        '--password-file',
        pwFile,
        '--db',
        db,
      ],
      1,
      /no clinic named "Nowhere"/,
    ],
    [
      ['user', 'add', '--role', 'patient', '--email', 'a@example.org', '--password-file', short, '--db', db],
      1,
      /at least 8 characters/,
    ],
    [
      [
        'user',
        'add',
        '--role',
        'patient',
        '--email',
        'a@example.org',
        '--password-file',
        join(dir, 'missing.txt'),
        '--db',
        db,
      ],
      1,
      /cannot read \(ENOENT\)/,
    ],
    [['user', 'remove'], 2, /unknown action "remove"/],
  ];
  for (const [args, code, message] of cases) {
    const r = await run(args);
    assert.equal(r.code, code, args.join(' '));
    assert.match(r.err, message, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, args.join(' '));
  }
  await withStore(db, async (store) =>
    assert.equal((await store.db.selectFrom('accounts').select('id').execute()).length, 0),
  );
  const dup = [['user', 'add', '--role', 'patient', '--email', 'b@example.org', '--password-file', pwFile, '--db', db]];
  assert.equal((await run(dup[0]!)).code, 0);
  const again = await run(dup[0]!);
  assert.equal(again.code, 1);
  assert.match(again.err, /exists already/);
});

test('--adopt-local gives the first patient account the data of local mode', async () => {
  const db = join(dir, 'adopt.sqlite');
  const localId = await withStore(db, async (store) => (await ensureLocalPerson(store.db)).id);
  const r = await run([
    'user',
    'add',
    '--role',
    'patient',
    '--email',
    'me@example.org',
    '--adopt-local',
    '--password-file',
    pwFile,
    '--db',
    db,
  ]);
  assert.equal(r.code, 0, r.err);
  await withStore(db, async (store) => {
    const row = await store.db
      .selectFrom('accounts')
      .select('person_id')
      .where('email', '=', 'me@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.person_id, localId);
  });
  const late = await run([
    'user',
    'add',
    '--role',
    'patient',
    '--email',
    'me2@example.org',
    '--adopt-local',
    '--password-file',
    pwFile,
    '--db',
    db,
  ]);
  assert.equal(late.code, 1);
  assert.match(late.err, /only for the first account/);
});
