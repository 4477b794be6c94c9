/**
 * A forgotten password, reset by an emailed one-time link (issue 14 item 7). Asking for a link gets the same answer
 * whether or not an account has the email, and the account's lookup, the link and the mail all happen after the
 * answer, so neither the answer nor its time tells which emails have accounts. Requests are limited per email (whether or not it has an account) and per
 * client address, in the database (every server process counts them), on top of the per-minute limit of sign-in.
 * The link's token is stored as its SHA-256 only; it works once, within `resetMinutes`; using it ends every sign-in
 * of the account and voids its other links.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import { findAccountByEmail, normalizeEmail } from '../../store/repos/accounts.js';
import {
  countResetRequest,
  findResetLink,
  insertPasswordReset,
  useResetLink,
  type ResetLinkState,
} from '../../store/repos/password-resets.js';
import { access } from '../access.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { hashPassword } from '../auth/password.js';
import { signInThrottleKey } from '../auth/sign-in.js';
import { randomToken, sha256 } from '../auth/tokens.js';
import { passwordResetMail } from '../mail/messages.js';
import { Problem } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { refusalTextIn } from '../../core/i18n/refusal-texts.js';
import { requestLanguage } from '../request-language.js';
import { Email, NewPassword } from './account-routes.js';

const RequestBody = z.object({ email: Email }).strict();
const ResetBody = z.object({ password: NewPassword }).strict();
const TokenParams = z.object({ token: z.string().min(20).max(100) });

/** The path of a reset link in the web app. */
export const resetPath = (token: string) => `/reset-password/${token}`;

export async function registerPasswordResetRoutes(app: FastifyInstance, store: Store, cfg: AuthConfig): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perMinute = { rateLimit: { max: cfg.signInPerMinute, timeWindow: '1 minute' } };
  const mail = app.mail;
  const linkRefusal = (state: Exclude<ResetLinkState, 'valid'>) =>
    state === 'used'
      ? new Problem(410, 'reset_link_used', refusal('reset.used'))
      : new Problem(410, 'reset_link_expired', refusal('reset.expired', { minutes: cfg.resetMinutes }));
  const notValid = () => new Problem(404, 'not_found', refusal('reset.not-valid'));

  // Whether this Footing can send a link at all (the sign-in page offers "Forgot your password?" only then).
  r.get('/api/auth/password-reset', { config: access('public') }, async () => ({
    available: mail.mailer !== null && mail.mailOrigin !== null,
    minutes: cfg.resetMinutes,
  }));

  r.post(
    '/api/auth/password-reset',
    { config: { ...access('public'), ...perMinute }, schema: { body: RequestBody } },
    async (req, reply) => {
      if (!mail.mailer || !mail.mailOrigin) throw new Problem(503, 'email_not_configured', refusal('reset.no-email'));
      const email = normalizeEmail(req.body.email);
      const counted = await countResetRequest(store.db, [
        { keyHash: sha256(`reset-email:${email}`), max: cfg.resetsPerEmailPerHour },
        { keyHash: sha256(`reset-client:${req.ip}`), max: cfg.resetsPerClientPerHour },
      ]);
      if (!counted.ok)
        throw new Problem(429, 'reset_limited', refusal('reset.limited', { minutes: counted.waitMinutes }));
      // Everything that depends on whether the email has an account (looking it up, storing a link, the mail) runs
      // after the answer, so the answer does the same work and takes the same time either way (bench/password-reset.ts).
      const mailer = mail.mailer;
      const origin = mail.mailOrigin;
      mail.afterAnswer(
        async () => {
          const account = await findAccountByEmail(store.db, email);
          if (!account) return;
          const token = randomToken();
          await insertPasswordReset(store.db, {
            tokenHash: sha256(token),
            accountId: account.id,
            expiresAt: new Date(Date.now() + cfg.resetMinutes * 60_000).toISOString(),
          });
          await mailer.send(
            passwordResetMail(account.email, { url: `${origin}${resetPath(token)}`, minutes: cfg.resetMinutes }),
          );
        },
        req.log,
        'password reset link',
      );
      return reply.status(202).send({
        message: refusalTextIn(refusal('reset.sent', { email, minutes: cfg.resetMinutes }), requestLanguage(req)),
      });
    },
  );

  r.get(
    '/api/auth/password-reset/:token',
    { config: access('public'), schema: { params: TokenParams } },
    async (req) => {
      const link = await findResetLink(store.db, sha256(req.params.token));
      if (!link) throw notValid();
      if (link.state !== 'valid') throw linkRefusal(link.state);
      return { expiresAt: link.expiresAt };
    },
  );

  r.post(
    '/api/auth/password-reset/:token',
    { config: { ...access('public'), ...perMinute }, schema: { params: TokenParams, body: ResetBody } },
    async (req) => {
      const tokenHash = sha256(req.params.token);
      const link = await findResetLink(store.db, tokenHash);
      if (!link) throw notValid();
      if (link.state !== 'valid') throw linkRefusal(link.state);
      const hash = await hashPassword(req.body.password, cfg.passwordCost);
      if (!(await useResetLink(store.db, tokenHash, link.accountId, hash, signInThrottleKey(link.email)))) {
        // Used or expired between the check and now (another tab, the clock): say which.
        const now = await findResetLink(store.db, tokenHash);
        throw linkRefusal(now?.state === 'expired' ? 'expired' : 'used');
      }
      return { reset: true, email: link.email };
    },
  );
}
