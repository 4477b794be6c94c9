/**
 * Sends email over SMTP with nodemailer (one transport per server, loaded when the first mail goes out). A mail's
 * address and content are never logged; a failure is reported to the caller as a MailError with the SMTP stage or
 * code only.
 */
import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Inline images, referred to from the HTML as cid:<cid>. */
  images?: { cid: string; filename: string; png: Buffer }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The mail server could not be reached or refused the mail; `reason` is safe to log (no address, no content). */
export class MailError extends Error {
  constructor(readonly reason: string) {
    super(`mail not sent (${reason})`);
  }
}

/** A mailer for the SMTP server at `url` (smtp:// or smtps://), sending as `from`. */
export function smtpMailer(smtp: { url: string; from: string }): Mailer {
  let transport: Promise<Transporter> | null = null;
  const open = async () => {
    const nodemailer = (await import('nodemailer')).default;
    const url = new URL(smtp.url);
    return nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      // A stalled mail server must not hold a request for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
      debug: false,
    });
  };
  return {
    async send(mail) {
      transport ??= open();
      try {
        await (
          await transport
        ).sendMail({
          from: smtp.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: (mail.images ?? []).map((i) => ({
            filename: i.filename,
            content: i.png,
            contentType: 'image/png',
            cid: i.cid,
          })),
        });
      } catch (e) {
        const err = e as { code?: string; responseCode?: number; command?: string };
        throw new MailError([err.code, err.responseCode, err.command].filter(Boolean).join(' ') || 'unknown error');
      }
    },
    close() {
      void transport?.then(
        (t) => t.close(),
        () => undefined,
      );
    },
  };
}
