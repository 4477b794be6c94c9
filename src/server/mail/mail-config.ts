/**
 * Email settings, from the environment (`footing serve` reads them; docs/clinic.md, Email):
 *
 * - FOOTING_PUBLIC_URL: the address people open Footing at, e.g. https://footing.feetfirst.example. Links in emails
 *   are built on it, never on a request's Host header (which a caller chooses: a reset link must not point
 *   elsewhere). Without it, the invitation link shown on screen uses the address the clinician's browser used.
 * - FOOTING_SMTP_URL: the mail server, smtp://user:password@host:587 (STARTTLS when the server offers it) or
 *   smtps://user:password@host:465 (TLS from the start); user and password percent-encoded. Without it, Footing
 *   sends no email: invitations are given as a link or QR code, and a forgotten password is reset by the clinic
 *   (footing user reset-password).
 * - FOOTING_MAIL_FROM: the sender, e.g. "Feet First Physio <footing@feetfirst.example>" (needed with the SMTP URL).
 */
export interface MailConfig {
  /** The origin links are built on (no trailing slash), or null. */
  publicUrl: string | null;
  smtp: { url: string; from: string } | null;
}

export const NO_MAIL: MailConfig = { publicUrl: null, smtp: null };

/** Reads the settings; throws an Error naming the variable and what is wrong (never echoing a password). */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv): MailConfig {
  const publicText = env.FOOTING_PUBLIC_URL?.trim() || undefined;
  const smtpText = env.FOOTING_SMTP_URL?.trim() || undefined;
  const fromText = env.FOOTING_MAIL_FROM?.trim() || undefined;
  let publicUrl: string | null = null;
  if (publicText) {
    let u: URL;
    try {
      u = new URL(publicText);
    } catch {
      throw new Error(`FOOTING_PUBLIC_URL must be an address like https://footing.example.org (got "${publicText}")`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
      throw new Error(`FOOTING_PUBLIC_URL must start with https:// or http:// (got "${u.protocol}")`);
    if (u.pathname !== '/' || u.search || u.hash || u.username)
      throw new Error(
        `FOOTING_PUBLIC_URL must be the address of the server alone, with no path, query or user (got "${publicText}")`,
      );
    publicUrl = u.origin;
  }
  if (!smtpText) {
    if (fromText)
      throw new Error(
        'FOOTING_MAIL_FROM is set but FOOTING_SMTP_URL is not: set the mail server too (smtp://user:password@host:587)',
      );
    return { publicUrl, smtp: null };
  }
  let smtp: URL;
  try {
    smtp = new URL(smtpText);
  } catch {
    throw new Error(
      'FOOTING_SMTP_URL must be a URL like smtp://user:password@mail.example.org:587 (user and password percent-encoded)',
    );
  }
  if (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:')
    throw new Error(`FOOTING_SMTP_URL must start with smtp:// or smtps:// (got "${smtp.protocol}")`);
  if (!smtp.hostname) throw new Error('FOOTING_SMTP_URL names no mail server host');
  if (!fromText)
    throw new Error(
      'FOOTING_MAIL_FROM is needed with FOOTING_SMTP_URL: the sender, e.g. "Feet First Physio <footing@feetfirst.example>"',
    );
  if (!/^(?:[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+|[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>)$/.test(fromText))
    throw new Error(`FOOTING_MAIL_FROM must be an email address, or a name and <address> (got "${fromText}")`);
  if (!publicUrl)
    throw new Error(
      'FOOTING_PUBLIC_URL is needed with FOOTING_SMTP_URL: the address patients open Footing at (e.g. https://footing.feetfirst.example), so that emailed links point there',
    );
  return { publicUrl, smtp: { url: smtp.href, from: fromText } };
}
