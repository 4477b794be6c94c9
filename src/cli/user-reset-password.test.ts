/**
 * `footing user reset-password` (issue 14 item 7): a new password for an account, from a file or standard input,
 * that ends the account's sign-ins, voids its emailed reset links and lifts a sign-in lock; mistakes are one line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { authConfig } from '../server/auth/auth-config.js';
import { verifyPassword } from '../server/auth/password.js';
import { checkCredentials, signInThrottleKey, startSession } from '../server/auth/sign-in.js';
import { migrate, openStore } from '../store/db.js';
import { createAccount, putThrottle } from '../store/repos/accounts.js';
import { insertPasswordReset } from '../store/repos/password-resets.js';
import { hashPassword } from '../server/auth/password.js';
import { main } from './main.js';
import { makeUserCommand } from './user-command.js';

const dir = mkdtempSync(join(tmpdir(), 'footing-reset-'));
const db = join(dir, 'footing.sqlite');
const capture = () => {
  let text = '';
  return {
    stream: new Writable({
      write(c, _e, cb) {
        text += String(c);
        cb();
      },
    }),
    get text() {
      return text;
    },
  };
};
const cfg = authConfig({ passwordCost: 1024 });

test('reset-password sets the new password, ends the sign-ins, voids reset links and lifts the lock', async () => {
  const store = openStore({ kind: 'sqlite', path: db });
  await migrate(store);
  try {
    const a = (await createAccount(store.db, {
      email: 'dr.k@example.org',
      displayName: 'Dr K',
      role: 'admin',
      passwordHash: await hashPassword('the old password', 1024),
    }))!;
    await startSession(store.db, a.id, cfg);
    await startSession(store.db, a.id, cfg);
    await insertPasswordReset(store.db, {
      tokenHash: 'f'.repeat(64),
      accountId: a.id,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await putThrottle(store.db, signInThrottleKey(a.email), {
      failures: 5,
      firstFailureAt: new Date().toISOString(),
      lockedUntil: new Date(Date.now() + 900_000).toISOString(),
    });

    const out = capture();
    await makeUserCommand(async () => 'the new password\n', 1024).run({
      values: { email: ' Dr.K@Example.org ', db },
      positionals: ['reset-password'],
      out: out.stream,
    });
    assert.equal(
      out.text,
      'New password set for dr.k@example.org (admin). 2 sign-ins were ended; unused reset links no longer work.\n',
    );
    const row = await store.db
      .selectFrom('accounts')
      .select('password_hash')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.equal(await verifyPassword('the new password', row.password_hash), true);
    assert.equal(await verifyPassword('the old password', row.password_hash), false);
    assert.equal(
      (await store.db.selectFrom('auth_sessions').select('token_hash').where('account_id', '=', a.id).execute()).length,
      0,
    );
    assert.ok(
      (await store.db.selectFrom('password_resets').select('used_at').executeTakeFirstOrThrow()).used_at,
      'the emailed link is void',
    );
    // The lock is lifted: the new password signs in at once.
    assert.equal((await checkCredentials(store.db, 'dr.k@example.org', 'the new password', cfg)).id, a.id);
  } finally {
    await store.close();
  }
});

test('reset-password mistakes are one line each with a non-zero exit', async () => {
  const pw = join(dir, 'pw.txt');
  writeFileSync(pw, 'a long enough password\n');
  const short = join(dir, 'short.txt');
  writeFileSync(short, 'short\n');
  const cases: [string[], number, RegExp][] = [
    [['user', 'reset-password', '--password-file', pw, '--db', db], 2, /--email E is needed/],
    [
      ['user', 'reset-password', '--email', 'nobody@example.org', '--password-file', pw, '--db', db],
      1,
      /no account has the email nobody@example\.org/,
    ],
    [
      ['user', 'reset-password', '--email', 'dr.k@example.org', '--password-file', short, '--db', db],
      1,
      /at least 8 characters \(in .*short\.txt\)/,
    ],
    [
      ['user', 'reset-password', '--email', 'dr.k@example.org', '--role', 'admin', '--password-file', pw, '--db', db],
      2,
      /--role is for footing user add/,
    ],
  ];
  for (const [args, code, message] of cases) {
    const err = capture();
    const got = await main(args, { out: capture().stream, err: err.stream });
    assert.equal(got, code, args.join(' '));
    assert.match(err.text, message, args.join(' '));
    assert.equal(err.text.trim().split('\n').length, 1, args.join(' '));
  }
});
