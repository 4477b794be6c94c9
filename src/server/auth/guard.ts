/**
 * The one place where access levels are enforced (deny by default). An onRequest hook, so an anonymous or
 * unauthorised caller is refused before any body is read or validated. It resolves who is calling (local mode, or
 * a session from the cookie), checks CSRF for cookie-authenticated writes, checks the route's access level, sets
 * `req.personId` to the person whose data the route serves, and writes the audit log for every clinician access to
 * a patient's data and every patient write, with its outcome: read, write, refused (by the guard, validation or the
 * handler) or failed.
 *
 * Refusals: 401 not_signed_in; 403 forbidden / csrf_failed / local_mode; 404 not_your_patient (a clinician is not
 * told whether a person they may not see exists). These codes are GUARD_CODES, which the authorization matrix reads.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/db.js';
import { findAuthSession, installMode, type Account, type AuthSession } from '../../store/repos/accounts.js';
import { appendAudit } from '../../store/repos/audit.js';
import { hasActiveLink } from '../../store/repos/care-links.js';
import { ensureLocalPerson } from '../../store/repos/people.js';
import type { Access } from '../access.js';
import { Problem } from '../problem.js';
import { refusal, type RefusalText } from '../../core/refusal-words.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { safeEqual, sha256 } from './tokens.js';

export interface AuthState {
  mode: 'local' | 'accounts';
  account: Account | null;
  session: AuthSession | null;
  /** Hash of the cookie's token (for sign-out), when signed in. */
  tokenHash: string | null;
}

/** Whose data a request touches and who asks, set by the guard; the audit entry is written when the answer is known. */
interface AuditTarget {
  account: Account | null;
  role: string;
  personId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState;
    auditTarget: AuditTarget | null;
  }
}

/** The codes of the guard's refusals (as opposed to a handler's own 404 or 400). */
export const GUARD_CODES = ['not_signed_in', 'forbidden', 'csrf_failed', 'local_mode', 'not_your_patient'] as const;
/** The header a cookie-authenticated write must carry, equal to the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const notSignedIn = () => new Problem(401, 'not_signed_in', refusal('auth.sign-in-first'));
const forbidden = (said: RefusalText) => new Problem(403, 'forbidden', said);
const localMode = () => new Problem(403, 'local_mode', refusal('auth.local-mode'));
const STAFF = new Set(['clinician', 'admin']);

export async function installGuard(app: FastifyInstance, store: Store): Promise<void> {
  // Local mode's single person, fixed at start-up as before accounts existed. Once an account exists the install
  // stays in accounts mode for good, so the cached flag only ever turns from local to accounts.
  let accounts = (await installMode(store.db)) === 'accounts';
  const localPersonId = accounts ? null : (await ensureLocalPerson(store.db)).id;
  const currentMode = async (): Promise<'local' | 'accounts'> => {
    if (!accounts) accounts = (await installMode(store.db)) === 'accounts';
    return accounts ? 'accounts' : 'local';
  };

  app.decorateRequest('personId', '');
  app.decorateRequest('auth', null as unknown as AuthState);
  app.decorateRequest('auditTarget', null);

  // The audit entry of an audited request is written once its status is known and before any byte of the answer
  // leaves (onSend): a read that was answered is recorded as read; a request refused by the guard (a clinician's
  // 404 for someone who is not their patient included), by validation or by its handler as refused; one that
  // failed on the server as failed. If the entry cannot be written, the answer becomes an error and no data goes out.
  app.addHook('onSend', async (req, reply, payload) => {
    const target = req.auditTarget;
    if (!target) return payload;
    req.auditTarget = null; // once, even if writing it fails and an error answer follows
    const status = reply.statusCode;
    const action =
      status >= 500 ? 'failed' : status >= 400 ? 'refused' : SAFE_METHODS.has(req.method) ? 'read' : 'write';
    await appendAudit(store.db, {
      actorAccountId: target.account?.id ?? null,
      actorRole: target.role,
      personId: target.personId,
      method: req.method,
      route: req.routeOptions.url ?? 'unknown',
      action,
    });
    return payload;
  });

  app.addHook('onRequest', async (req) => {
    // Access follows the route that will run, never the shape of the URL: a request target in absolute-form or with
    // percent-encoded letters reaches the same handler as the plain path, so it meets the same level.
    if (req.is404) return; // the not-found handler answers 404 (or the web app's index.html): no data
    const level = req.routeOptions.config?.access as Access | undefined;
    // Deny by default: every route declares a level at registration (app.ts's onRoute gives the web app's static
    // files 'public' and refuses any other route without one), so a route without one here is refused, not served.
    if (!level) throw forbidden(refusal('auth.no-access-level'));
    const mode = await currentMode();
    req.auth = { mode, account: null, session: null, tokenHash: null };
    // A public route serves the same to everyone (the web app's files, questions, the health check): the session is
    // looked up only for the one that says who is signed in (`readsSession`), which saves a database read on every
    // other public request a signed-in browser sends. Any other public route sees no account: it fails closed.
    if (level === 'public' && !req.routeOptions.config?.readsSession) return;
    if (mode === 'accounts') {
      const token = readCookie(req, SESSION_COOKIE);
      if (token) {
        const tokenHash = sha256(token);
        const found = await findAuthSession(store.db, tokenHash);
        if (found) req.auth = { mode, account: found.account, session: found.session, tokenHash };
      }
    }
    if (level === 'public') return;
    if (mode === 'local') {
      if (level !== 'self' && level !== 'patient-or-clinician') throw localMode();
      req.personId = localPersonId ?? (await ensureLocalPerson(store.db)).id;
      if (!SAFE_METHODS.has(req.method)) req.auditTarget = { account: null, role: 'local', personId: req.personId };
      return;
    }
    const { account, session } = req.auth;
    if (!account || !session) throw notSignedIn();
    // Cookie-authenticated writes must echo the session's CSRF token in a header a cross-site form cannot set.
    // Checked once the person whose data it is is known, so a refused forged write is in their audit log too.
    const checkCsrf = () => {
      if (SAFE_METHODS.has(req.method)) return;
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken))
        throw new Problem(403, 'csrf_failed', refusal('auth.csrf', { header: CSRF_HEADER }));
    };
    switch (level) {
      case 'signed-in':
        checkCsrf();
        return;
      case 'self': {
        if (account.role === 'patient' && account.personId && !SAFE_METHODS.has(req.method))
          req.auditTarget = { account, role: 'patient', personId: account.personId };
        checkCsrf();
        if (account.role !== 'patient' || !account.personId) throw forbidden(refusal('auth.patient-only'));
        req.personId = account.personId;
        return;
      }
      case 'clinician':
        checkCsrf();
        if (!STAFF.has(account.role) || !account.clinicId) throw forbidden(refusal('auth.clinic-staff-only'));
        return;
      case 'clinic-admin':
        checkCsrf();
        if (account.role !== 'admin' || !account.clinicId) throw forbidden(refusal('auth.admin-only'));
        return;
      case 'clinician-of-patient': {
        const personId = (req.params as { personId?: string }).personId;
        // Recorded whatever the outcome: a refused attempt on someone's data is something they should be able to see.
        if (personId && STAFF.has(account.role)) req.auditTarget = { account, role: account.role, personId };
        checkCsrf();
        if (!STAFF.has(account.role) || !account.clinicId) throw forbidden(refusal('auth.clinicians-see-patients'));
        if (!personId || !(await hasActiveLink(store.db, account.id, account.clinicId, personId))) {
          throw new Problem(404, 'not_your_patient', refusal('auth.not-your-patient'));
        }
        req.personId = personId;
        return;
      }
      case 'patient-or-clinician':
        checkCsrf();
        if (account.role === 'patient' && account.personId) {
          req.personId = account.personId;
          return;
        }
        // A clinician reaches the handler with no person: it names one and asks person-access.ts (care link, audit).
        if (STAFF.has(account.role) && account.clinicId) return;
        throw forbidden(refusal('auth.health-records'));
      default: {
        const never: never = level;
        throw new Error(`Unknown access level ${String(never)}`);
      }
    }
  });
}
