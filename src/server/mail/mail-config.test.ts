/** The email settings from the environment: what is accepted, and a located message for each mistake. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mailConfigFromEnv } from './mail-config.js';

const SMTP = 'smtp://footing:s%40cret@mail.example.org:587';

test('no settings: no email; a public address alone sets where links point', () => {
  assert.deepEqual(mailConfigFromEnv({}), { publicUrl: null, smtp: null });
  assert.deepEqual(mailConfigFromEnv({ FOOTING_PUBLIC_URL: ' https://Footing.Example.org/ ' }), {
    publicUrl: 'https://footing.example.org',
    smtp: null,
  });
});

test('SMTP settings with a sender and a public address', () => {
  const c = mailConfigFromEnv({
    FOOTING_SMTP_URL: SMTP,
    FOOTING_MAIL_FROM: 'Feet First <footing@feetfirst.example>',
    FOOTING_PUBLIC_URL: 'https://footing.feetfirst.example',
  });
  assert.deepEqual(c, {
    publicUrl: 'https://footing.feetfirst.example',
    smtp: { url: SMTP, from: 'Feet First <footing@feetfirst.example>' },
  });
});

test('each mistake names its variable, and no message repeats the SMTP password', () => {
  const base = {
    FOOTING_SMTP_URL: SMTP,
    FOOTING_MAIL_FROM: 'footing@feetfirst.example',
    FOOTING_PUBLIC_URL: 'https://footing.feetfirst.example',
  };
  const cases: [Record<string, string>, RegExp][] = [
    [
      { FOOTING_PUBLIC_URL: 'footing.example.org' },
      /^FOOTING_PUBLIC_URL must be an address like https:\/\/footing\.example\.org \(got "footing\.example\.org"\)$/,
    ],
    [
      { FOOTING_PUBLIC_URL: 'ftp://footing.example.org' },
      /^FOOTING_PUBLIC_URL must start with https:\/\/ or http:\/\/ \(got "ftp:"\)$/,
    ],
    [
      { FOOTING_PUBLIC_URL: 'https://example.org/footing' },
      /^FOOTING_PUBLIC_URL must be the address of the server alone/,
    ],
    [{ FOOTING_MAIL_FROM: 'a@example.org' }, /^FOOTING_MAIL_FROM is set but FOOTING_SMTP_URL is not/],
    [
      { ...base, FOOTING_SMTP_URL: 'https://footing:s%40cret@mail.example.org' },
      /^FOOTING_SMTP_URL must start with smtp:\/\/ or smtps:\/\/ \(got "https:"\)$/,
    ],
    [{ ...base, FOOTING_SMTP_URL: 'smtp//footing:s%40cret@mail' }, /^FOOTING_SMTP_URL must be a URL like smtp:\/\//],
    [{ ...base, FOOTING_MAIL_FROM: '' }, /^FOOTING_MAIL_FROM is needed with FOOTING_SMTP_URL/],
    [
      { ...base, FOOTING_MAIL_FROM: 'Feet First' },
      /^FOOTING_MAIL_FROM must be an email address, or a name and <address> \(got "Feet First"\)$/,
    ],
    [{ ...base, FOOTING_PUBLIC_URL: '' }, /^FOOTING_PUBLIC_URL is needed with FOOTING_SMTP_URL/],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => mailConfigFromEnv(env),
      (e: Error) => message.test(e.message) && !e.message.includes('cret'),
      JSON.stringify(env),
    );
  }
});
