import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGE_MAX_CHARS, MESSAGE_RECORD_VERSION, MessageInput, unreadFor, type Message } from './message-record.js';

const issue = (v: unknown) => {
  const r = MessageInput.safeParse(v);
  return r.success ? null : [r.error.issues[0]!.path.join('.'), r.error.issues[0]!.message];
};

test('a message is taken trimmed, with its line breaks, up to the length limit', () => {
  assert.equal(MESSAGE_RECORD_VERSION, 1);
  assert.deepEqual(MessageInput.parse({ text: '  Ball roll hurt today.\r\nShould I skip it?  ' }), {
    text: 'Ball roll hurt today.\nShould I skip it?',
  });
  assert.equal(MessageInput.parse({ text: 'x'.repeat(MESSAGE_MAX_CHARS) }).text.length, 2000);
});

test('an empty, too long or extra-field message is refused with the field named', () => {
  assert.deepEqual(issue({ text: '   \n ' }), ['text', 'write a message first']);
  assert.deepEqual(issue({ text: 'x'.repeat(2001) }), ['text', 'must be at most 2000 characters']);
  assert.equal(issue({ text: 'hi', to: 'someone' })?.[0], '');
  assert.equal(issue({})?.[0], 'text');
});

test('unread counts only what the other side sent and nobody opened yet', () => {
  const m = (from: Message['from'], readAt: string | null): Message => ({
    id: from + String(readAt),
    from,
    text: 't',
    sentAt: '2026-12-07T08:00:00Z',
    readAt,
  });
  const thread = [
    m('clinician', null),
    m('clinician', '2026-12-07T09:00:00Z'),
    m('patient', null),
    m('clinician', null),
  ];
  assert.equal(unreadFor(thread, 'patient'), 2);
  assert.equal(unreadFor(thread, 'clinician'), 1);
});
