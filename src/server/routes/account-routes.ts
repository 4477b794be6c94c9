/**
 * Accounts from the account holder's side: the mode (local or accounts), sign-in and sign-out (here or
 * everywhere), the account, deleting a patient's account with all its data, invitations seen and accepted by a
 * patient (or a patient account created from the link), the patient's care links (consent) and their revocation,
 * and the patient's own audit log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/db.js';
import {
  createAccount,
  deleteAccountSessions,
  deleteAuthSession,
  deletePatientWithData,
  findAccountByEmail,
  type Account,
} from '../../store/repos/accounts.js';
import { listAudit } from '../../store/repos/audit.js';
import {
  acceptInvitation,
  findInvitation,
  hasActiveLink,
  listLinksOfPatient,
  revokeLink,
} from '../../store/repos/care-links.js';
import { getClinic } from '../../store/repos/clinics.js';
import { access } from '../access.js';
import type { AuthConfig } from '../auth/auth-config.js';
import { writeSessionCookie } from '../auth/cookies.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password.js';
import { checkCredentials, startSession } from '../auth/sign-in.js';
import { sha256 } from '../auth/tokens.js';
import { conflict, notFound, Problem } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { says } from '../../core/validation-words.js';

export const Email = z.string().trim().toLowerCase().max(254).email(says('email.address'));
export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, says('password.at-least', { min: MIN_PASSWORD_LENGTH }))
  .max(1024);
const SignInBody = z
  .object({
    email: z.string().trim().min(1, says('email.enter')).max(254),
    password: z.string().min(1, says('password.enter')).max(1024),
  })
  .strict();
const SignUpBody = z
  .object({ email: Email, password: NewPassword, displayName: z.string().trim().min(1, says('name.enter')).max(200) })
  .strict();
const DeleteBody = z.object({ password: z.string().min(1, says('password.enter-to-confirm')).max(1024) }).strict();
const TokenParams = z.object({ token: z.string().min(20).max(100) });
const IdParams = z.object({ id: z.string().uuid(says('id.of', { what: 'id' })) });

/** What the web app needs after a sign-in: who is signed in and the CSRF token to send with every change. */
const signedInBody = (a: Account, csrfToken: string) => ({
  mode: 'accounts' as const,
  signedIn: true,
  role: a.role,
  email: a.email,
  displayName: a.displayName,
  csrfToken,
});

export async function registerAccountRoutes(app: FastifyInstance, store: Store, cfg: AuthConfig): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signInLimit = { rateLimit: { max: cfg.signInPerMinute, timeWindow: '1 minute' } };

  const signInAs = async (req: FastifyRequest, reply: FastifyReply, account: Account) => {
    const s = await startSession(store.db, account.id, cfg);
    writeSessionCookie(req, reply, s.token, s.maxAgeSeconds);
    return signedInBody(account, s.csrfToken);
  };

  r.get('/api/auth/mode', { config: { ...access('public'), readsSession: true } }, async (req) => {
    const { mode, account, session } = req.auth;
    if (mode === 'local') return { mode, signedIn: false, role: null };
    if (!account || !session) return { mode, signedIn: false, role: null };
    return signedInBody(account, session.csrfToken);
  });

  r.post(
    '/api/auth/sign-in',
    { config: { ...access('public'), ...signInLimit }, schema: { body: SignInBody } },
    async (req, reply) => {
      const account = await checkCredentials(store.db, req.body.email, req.body.password, cfg);
      return signInAs(req, reply, account);
    },
  );

  r.post('/api/auth/sign-out', { config: access('signed-in') }, async (req, reply) => {
    if (req.auth.tokenHash) await deleteAuthSession(store.db, req.auth.tokenHash);
    writeSessionCookie(req, reply, '', 0);
    return { signedOut: true };
  });

  r.post('/api/auth/sign-out-everywhere', { config: access('signed-in') }, async (req, reply) => {
    const ended = await deleteAccountSessions(store.db, req.auth.account!.id);
    writeSessionCookie(req, reply, '', 0);
    return { signedOut: true, sessionsEnded: ended };
  });

  r.get('/api/account', { config: access('signed-in') }, async (req) => {
    const a = req.auth.account!;
    const clinic = a.clinicId ? await getClinic(store.db, a.clinicId) : null;
    return {
      id: a.id,
      email: a.email,
      displayName: a.displayName,
      role: a.role,
      clinic: clinic ? { id: clinic.id, name: clinic.name } : null,
      createdAt: a.createdAt,
    };
  });

  // Deletes the patient's account and every record of their health data, after the password is confirmed.
  r.delete('/api/account', { config: access('self'), schema: { body: DeleteBody } }, async (req, reply) => {
    const a = req.auth.account;
    if (!a) throw conflict(refusal('account.local-no-delete'));
    const withHash = await findAccountByEmail(store.db, a.email);
    if (!withHash || !(await verifyPassword(req.body.password, withHash.passwordHash)))
      throw new Problem(403, 'wrong_password', refusal('account.wrong-password'), 'password');
    await deletePatientWithData(store.db, req.personId);
    writeSessionCookie(req, reply, '', 0);
    return { deleted: true };
  });

  // ---- invitations, from the patient's side ----

  r.get('/api/invitations/:token', { config: access('public'), schema: { params: TokenParams } }, async (req) => {
    const inv = await findInvitation(store.db, sha256(req.params.token));
    if (!inv) throw notFound(refusal('invitation.not-valid'));
    return {
      clinicName: inv.clinicName,
      clinicianName: inv.clinicianName,
      status: inv.link.status,
      expiresAt: inv.link.expiresAt,
    };
  });

  const accept = async (token: string, personId: string) => {
    const inv = await findInvitation(store.db, sha256(token));
    if (!inv) throw notFound(refusal('invitation.not-valid'));
    if (inv.link.status !== 'pending')
      throw new Problem(410, 'invitation_used', refusal('invitation.used', { status: inv.link.status }));
    if (await hasActiveLink(store.db, inv.link.clinicianAccountId, inv.link.clinicId, personId))
      throw conflict(refusal('invitation.already-sees', { clinician: inv.clinicianName }));
    const link = await acceptInvitation(store.db, sha256(token), personId);
    if (!link) throw new Problem(410, 'invitation_used', refusal('invitation.used-just-now'));
    return { ...link, clinicName: inv.clinicName, clinicianName: inv.clinicianName };
  };

  r.post('/api/invitations/:token/accept', { config: access('self'), schema: { params: TokenParams } }, async (req) =>
    accept(req.params.token, req.personId),
  );

  // Creating the patient account from the link: the account, the acceptance and a signed-in session.
  r.post(
    '/api/invitations/:token/sign-up',
    { config: { ...access('public'), ...signInLimit }, schema: { params: TokenParams, body: SignUpBody } },
    async (req, reply) => {
      const inv = await findInvitation(store.db, sha256(req.params.token));
      if (!inv || inv.link.status !== 'pending') throw notFound(refusal('invitation.not-valid-any-more'));
      const account = await createAccount(store.db, {
        email: req.body.email,
        displayName: req.body.displayName,
        role: 'patient',
        passwordHash: await hashPassword(req.body.password, cfg.passwordCost),
      });
      if (!account) throw conflict(refusal('account.email-exists-sign-in'), 'email');
      const link = await accept(req.params.token, account.personId!);
      const body = await signInAs(req, reply, account);
      return reply.status(201).send({ ...body, link });
    },
  );

  // ---- consent and audit, the patient's own ----

  r.get('/api/care-links', { config: access('self') }, async (req) => listLinksOfPatient(store.db, req.personId));
  r.delete('/api/care-links/:id', { config: access('self'), schema: { params: IdParams } }, async (req) => {
    if (!(await revokeLink(store.db, req.personId, req.params.id))) throw notFound(refusal('link.not-found'));
    return { revoked: true };
  });
  r.get('/api/audit', { config: access('self') }, async (req) => listAudit(store.db, req.personId));
}
