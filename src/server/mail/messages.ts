/**
 * The emails Footing sends: an invitation from a clinician, and a password-reset link. Plain words, the link written
 * out in full (so it can be copied where a mail program blocks links), and no health data of anyone.
 */
import type { OutgoingMail } from './mailer.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const paragraphs = (ps: string[]) => ps.map((p) => `<p>${p}</p>`).join('\n');

/** The content id of the invitation's QR image inside the mail. */
export const INVITATION_QR_CID = 'invitation-qr';

export function invitationMail(
  to: string,
  i: { clinicName: string; clinicianName: string; url: string; expiresAt: string; qrPng: Buffer },
): OutgoingMail {
  const who = `${i.clinicianName} at ${i.clinicName}`;
  const until = longDate(i.expiresAt);
  const text = [
    `${who} invites you to Footing, a daily foot program for back and neck pain, and to share your program with them.`,
    `Open this link on your phone to create your account and accept:\n${i.url}`,
    'Or scan the QR code in this email with your phone’s camera.',
    `The link works once, until ${until}. If you did not expect this email, ignore it: nothing happens unless you open the link.`,
  ].join('\n\n');
  const html = paragraphs([
    `${escapeHtml(who)} invites you to Footing, a daily foot program for back and neck pain, and to share your program with them.`,
    `Open this link on your phone to create your account and accept:<br><a href="${escapeHtml(i.url)}">${escapeHtml(i.url)}</a>`,
    `Or scan this QR code with your phone’s camera:<br><img src="cid:${INVITATION_QR_CID}" width="240" height="240" alt="QR code of the invitation link">`,
    `The link works once, until ${escapeHtml(until)}. If you did not expect this email, ignore it: nothing happens unless you open the link.`,
  ]);
  return {
    to,
    subject: `${who} invites you to Footing`,
    text,
    html,
    images: [{ cid: INVITATION_QR_CID, filename: 'footing-invitation.png', png: i.qrPng }],
  };
}

export function passwordResetMail(to: string, r: { url: string; minutes: number }): OutgoingMail {
  const text = [
    `Someone, we hope you, asked to reset the password of the Footing account ${to}.`,
    `To choose a new password, open this link within ${r.minutes} minutes:\n${r.url}`,
    'The link works once. If you did not ask for it, ignore this email: your password stays as it is.',
  ].join('\n\n');
  const html = paragraphs([
    `Someone, we hope you, asked to reset the password of the Footing account ${escapeHtml(to)}.`,
    `To choose a new password, open this link within ${r.minutes} minutes:<br><a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>`,
    'The link works once. If you did not ask for it, ignore this email: your password stays as it is.',
  ]);
  return { to, subject: 'Reset your Footing password', text, html };
}
