import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import fc from 'fast-check';
import { hashPassword, needsRehash, verifyPassword } from './password.js';

const LOW = 1024;

test('The stored hash carries its parameters and salt and is scrypt of the password (checked with scrypt directly)', async () => {
  const stored = await hashPassword('open sesame 42', LOW);
  assert.ok(!stored.includes('open sesame'));
  const [alg, n, r, p, salt, key] = stored.split('$');
  assert.deepEqual([alg, n, r, p], ['scrypt', '1024', '8', '1']);
  // An independent computation from the stored salt and parameters gives the stored key.
  const expected = scryptSync('open sesame 42', Buffer.from(salt!, 'base64url'), 32, { N: 1024, r: 8, p: 1 });
  assert.equal(Buffer.from(key!, 'base64url').toString('hex'), expected.toString('hex'));
  assert.equal(Buffer.from(salt!, 'base64url').length, 16);
});

test('The same password hashes differently each time (fresh salt) and both verify', async () => {
  const a = await hashPassword('same password', LOW);
  const b = await hashPassword('same password', LOW);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('same password', a), true);
  assert.equal(await verifyPassword('same password', b), true);
});

test('A wrong password, a tampered hash or a malformed one does not verify', async () => {
  const stored = await hashPassword('right one', LOW);
  assert.equal(await verifyPassword('right one ', stored), false);
  assert.equal(await verifyPassword('Right one', stored), false);
  const parts = stored.split('$');
  const key = Buffer.from(parts[5]!, 'base64url');
  key[0] = key[0]! ^ 1;
  assert.equal(await verifyPassword('right one', [...parts.slice(0, 5), key.toString('base64url')].join('$')), false);
  for (const bad of ['', 'plain text', 'scrypt$x$8$1$aa$bb', 'bcrypt$1024$8$1$aa$bb', 'scrypt$1024$8$1$aa$'])
    assert.equal(await verifyPassword('right one', bad), false, bad);
});

test('Any password verifies against its own hash and not against a different password (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.string({ minLength: 1, maxLength: 40 }),
      async (pw, other) => {
        fc.pre(pw.normalize('NFKC') !== other.normalize('NFKC'));
        const stored = await hashPassword(pw, 16);
        assert.equal(await verifyPassword(pw, stored), true);
        assert.equal(await verifyPassword(other, stored), false);
      },
    ),
    { numRuns: 40 },
  );
});

test('A hash made at a lower cost than configured needs re-hashing; one at the configured cost does not', async () => {
  const low = await hashPassword('x'.repeat(10), LOW);
  assert.equal(needsRehash(low, 2048), true);
  assert.equal(needsRehash(low, LOW), false);
  assert.equal(needsRehash('garbage', LOW), true);
});
