/**
 * Giving an invitation to a patient (issue 14 item 7): its link as a QR code to scan from the clinician's screen,
 * and by email. The server keeps only the hash of an invitation's token, so the QR code comes with the answer that
 * creates the invitation, and emailing it needs the token back from the clinician's screen (with the id, checked
 * against the hash). The patient's email address is used for that one mail: neither stored nor logged.
 *
 * Emails are limited per hour, per invitation and per clinician (AuthConfig), counted like password-reset requests
 * (hashed keys, an hour's window, src/store/repos/password-resets.ts); a refused request sends nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { says } from '../../core/validation-words.js';
import type { Store } from '../../store/db.js';
import { findInvitation } from '../../store/repos/care-links.js';
import { countResetRequest } from '../../store/repos/password-resets.js';
import { access } from '../access.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { safeEqual, sha256 } from '../auth/tokens.js';
import { qrPng } from '../invitation-qr.js';
import { MailError } from '../mail/mailer.js';
import { invitationMail } from '../mail/messages.js';
import { notFound, Problem } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { Email } from './account-routes.js';

/** The path of an invitation link in the web app. */
export const invitationPath = (token: string) => `/invite/${token}`;

/** What the clinician's screen shows of a new invitation: its link in full, the link's QR code, and whether it can be emailed. */
export async function invitationShare(
  app: FastifyInstance,
  req: FastifyRequest,
  token: string,
): Promise<{ url: string; qrPng: string; canEmail: boolean }> {
  const url = `${app.mail.linkOrigin(req)}${invitationPath(token)}`;
  return {
    url,
    qrPng: `data:image/png;base64,${(await qrPng(url)).toString('base64')}`,
    canEmail: app.mail.mailer !== null && app.mail.mailOrigin !== null,
  };
}

const EmailBody = z.object({ token: z.string().min(20).max(100), email: Email }).strict();
const IdParams = z.object({ id: z.string().uuid(says('id.of', { what: 'invitation' })) });

export async function registerInvitationShareRoutes(
  app: FastifyInstance,
  store: Store,
  cfg: AuthConfig,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/invitations/:id/email',
    { config: access('clinician'), schema: { params: IdParams, body: EmailBody } },
    async (req) => {
      const me = req.auth.account!;
      const inv = await findInvitation(store.db, sha256(req.body.token));
      // Another clinician's invitation, or a token that is not this invitation's, is no invitation of yours.
      if (!inv || !safeEqual(inv.link.id, req.params.id) || inv.link.clinicianAccountId !== me.id)
        throw notFound(refusal('invitation.not-yours'));
      if (inv.link.status !== 'pending')
        throw new Problem(410, 'invitation_used', refusal('invitation.share-used', { status: inv.link.status }));
      const { mailer, mailOrigin } = app.mail;
      if (!mailer || !mailOrigin) throw new Problem(503, 'email_not_configured', refusal('invitation.no-email'));
      const counted = await countResetRequest(store.db, [
        { keyHash: sha256(`invitation-mail:${inv.link.id}`), max: cfg.invitationMailsPerInvitationPerHour },
        { keyHash: sha256(`invitation-mail-clinician:${me.id}`), max: cfg.invitationMailsPerClinicianPerHour },
      ]);
      if (!counted.ok)
        throw new Problem(
          429,
          'invitation_mail_limited',
          refusal('invitation.mail-limited', { minutes: counted.waitMinutes }),
        );
      const url = `${mailOrigin}${invitationPath(req.body.token)}`;
      try {
        await mailer.send(
          invitationMail(req.body.email, {
            clinicName: inv.clinicName,
            clinicianName: inv.clinicianName,
            url,
            expiresAt: inv.link.expiresAt,
            qrPng: await qrPng(url),
          }),
        );
      } catch (e) {
        if (!(e instanceof MailError)) throw e;
        req.log.error({ reason: e.reason }, 'invitation mail not sent');
        throw new Problem(502, 'email_failed', refusal('invitation.mail-failed'));
      }
      return { sent: true, to: req.body.email };
    },
  );
}
