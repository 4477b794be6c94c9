/**
 * A message between a patient and their clinician (issue 14 item 4; clinic mode only, and only while the patient's
 * care link with that clinician is active). A thread is the patient and one clinician: every message between them,
 * oldest first. Its type, its validator (the API's body, parsed once at the boundary) and the version of its stored
 * form, in one place: the API schemas, the store and the web app import them from here.
 *
 * Stored in table `messages` (migration 0015): one row per message with its sender's side, its text, when it was
 * sent and when the other side first opened the thread after it (`read_at`). Version 1 is the only stored form so
 * far; a change to it bumps the version and adds here the reading of the older form, with a test that reads an old row.
 *
 * A message's text is health data: it goes to the database and to the two people in the thread, never to a log, a
 * push notification (whose words are the same for every message) or the audit log (which names the route only).
 */
import { z } from 'zod';
import { says } from './validation-words.js';

export const MESSAGE_RECORD_VERSION = 1;

/** The longest message, in characters: a few paragraphs. Longer belongs in an appointment, not a chat. */
export const MESSAGE_MAX_CHARS = 2000;

/** Who wrote a message: the patient, or the clinician of the thread. */
export const MESSAGE_SENDERS = ['patient', 'clinician'] as const;
export type MessageSender = (typeof MESSAGE_SENDERS)[number];

/** A new message as the API takes it (POST /api/messages/:accountId, POST /api/patients/:personId/messages). */
export const MessageInput = z
  .object({
    text: z
      .string()
      .transform((s) => s.replace(/\r\n?/g, '\n').trim())
      .pipe(
        z
          .string()
          .min(1, says('message.write-first'))
          .max(MESSAGE_MAX_CHARS, says('message.at-most', { max: MESSAGE_MAX_CHARS })),
      ),
  })
  .strict();
export type MessageInput = z.infer<typeof MessageInput>;

/** A stored message, as the store reads it and the API returns it. */
export interface Message {
  id: string;
  from: MessageSender;
  text: string;
  sentAt: string;
  /** When the other side opened the thread after it arrived; null while unread. */
  readAt: string | null;
}

/** One thread as a list shows it: who it is with, how many messages to them are unread, and when the last was sent. */
export interface ThreadSummary {
  unread: number;
  lastAt: string | null;
}

/** The messages `reader` has not read yet: those the other side sent that have no read time. */
export const unreadFor = (messages: readonly Message[], reader: MessageSender): number =>
  messages.filter((m) => m.from !== reader && m.readAt === null).length;
