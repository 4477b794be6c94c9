/**
 * For tests: a real SMTP server (smtp-server) on 127.0.0.1 that asks for a user name and password, and parses each
 * mail it is given (mailparser), so a test sees what a patient's mail program would. Plain SMTP with AUTH PLAIN/LOGIN
 * (no STARTTLS offered: the loopback needs none), any number of messages, waited for one at a time. Inline images
 * stay as cid: links in the HTML, as a mail program gets them.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** smtp://user:password@127.0.0.1:port, for FOOTING_SMTP_URL. */
  url: string;
  /** The next mail received (in order of arrival), or a failure after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ParsedMail>;
  /** How many mails arrived so far. */
  readonly received: number;
  close(): Promise<void>;
}

export const SMTP_USER = 'footing';
export const SMTP_PASSWORD = 'p@ss word/1';

export async function startSmtpSink(): Promise<SmtpSink> {
  const inbox: ParsedMail[] = [];
  const waiting: ((m: ParsedMail) => void)[] = [];
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, _session, cb) {
      simpleParser(stream, { keepCidLinks: true }).then(
        (mail) => {
          received++;
          const w = waiting.shift();
          if (w) w(mail);
          else inbox.push(mail);
          cb();
        },
        (e: Error) => cb(e),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`,
    get received() {
      return received;
    },
    next(timeoutMs = 5000) {
      const ready = inbox.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(got), 1);
          reject(new Error(`no mail arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        const got = (m: ParsedMail) => {
          clearTimeout(timer);
          resolve(m);
        };
        waiting.push(got);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
