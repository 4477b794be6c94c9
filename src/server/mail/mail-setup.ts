/**
 * The server's email: where links point and the mailer (none without SMTP settings), as `app.mail`. Mail that must
 * not slow the answer goes out after it, and so does all of a password reset's work (its answer must take as long
 * whether or not the address has an account); the server's close waits for both.
 */
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { MailConfig } from './mail-config.js';
import { MailError, smtpMailer, type Mailer, type OutgoingMail } from './mailer.js';

declare module 'fastify' {
  interface FastifyInstance {
    mail: MailSetup;
  }
}

export interface MailSetup {
  mailer: Mailer | null;
  /** The origin of links: FOOTING_PUBLIC_URL, else (for links shown on the caller's own screen) the request's. */
  linkOrigin(req: FastifyRequest): string;
  /** The origin of emailed links: FOOTING_PUBLIC_URL only (required with SMTP settings). */
  mailOrigin: string | null;
  /** Sends after the answer; a failure is logged with its SMTP reason only. */
  sendLater(mail: OutgoingMail, log: FastifyBaseLogger, what: string): void;
  /**
   * Runs `work` once the answer has gone (on the event loop's next turn after the handler returns), so that none of
   * it counts in the answer's time; a failure is logged with its SMTP reason only (no address, no content).
   */
  afterAnswer(work: () => Promise<void>, log: FastifyBaseLogger, what: string): void;
  /** Resolves when no mail is being sent. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function mailSetup(config: MailConfig): MailSetup {
  const mailer = config.smtp ? smtpMailer(config.smtp) : null;
  const sending = new Set<Promise<void>>();
  const idle = async () => {
    while (sending.size) await Promise.allSettled([...sending]);
  };
  return {
    mailer,
    linkOrigin: (req) => config.publicUrl ?? `${req.protocol}://${req.host}`,
    mailOrigin: config.publicUrl,
    sendLater(mail, log, what) {
      if (!mailer) return;
      const p = mailer
        .send(mail)
        .catch((e: unknown) => {
          log.error({ reason: e instanceof MailError ? e.reason : 'unknown' }, `${what} not sent`);
        })
        .finally(() => sending.delete(p));
      sending.add(p);
    },
    afterAnswer(work, log, what) {
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .catch((e: unknown) => {
          log.error({ reason: e instanceof MailError ? e.reason : 'unknown' }, `${what} failed`);
        })
        .finally(() => sending.delete(p));
      sending.add(p);
    },
    idle,
    async close() {
      await idle();
      mailer?.close();
    },
  };
}
