/**
 * For tests: a clinic world on a fresh store. Clinic A with a clinician and an admin, clinic B with a clinician,
 * two patients; the first patient accepted clinician A's invitation. Sessions are minted straight in the database
 * (no sign-in round trip), so a test can act as anyone; passwords use a low scrypt cost to stay fast.
 */
import { after, before } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';
import type { Store } from '../../src/store/db.js';
import { createAccount, type Account } from '../../src/store/repos/accounts.js';
import { acceptInvitation, createInvitation } from '../../src/store/repos/care-links.js';
import { createClinic } from '../../src/store/repos/clinics.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { authConfig, type AuthConfig } from '../../src/server/auth/auth-config.js';
import { SESSION_COOKIE } from '../../src/server/auth/cookies.js';
import { CSRF_HEADER } from '../../src/server/auth/guard.js';
import { hashPassword } from '../../src/server/auth/password.js';
import { startSession } from '../../src/server/auth/sign-in.js';
import { randomToken, sha256 } from '../../src/server/auth/tokens.js';
import { freshStore, type DbKind } from './databases.js';

// Tests sign in many times a minute from one address; the rate-limit test sets its own low limit.
export const TEST_AUTH: Partial<AuthConfig> = { passwordCost: 1024, signInPerMinute: 10_000 };
export const TEST_PASSWORD = 'correct horse battery';

export const IDENTITIES = [
  'anonymous',
  'patient',
  'otherPatient',
  'clinicianOfClinic',
  'clinicianOtherClinic',
  'clinicAdmin',
] as const;
export type Identity = (typeof IDENTITIES)[number];

export interface ClinicWorld {
  app: FastifyInstance;
  accounts: Record<Exclude<Identity, 'anonymous'>, Account>;
  /** Injects a request as this identity (a fresh session each time; CSRF header included unless `csrf: false`). */
  as(who: Identity, req: InjectOptions & { csrf?: boolean }): Promise<InjectResponse>;
  /** A new session's cookie header and CSRF token for this account. */
  session(account: Account): Promise<{ cookie: string; csrf: string; token: string }>;
}

export async function makeAccount(
  store: Store,
  a: { email: string; role: Account['role']; clinicId?: string; displayName?: string },
): Promise<Account> {
  const account = await createAccount(store.db, {
    email: a.email,
    role: a.role,
    clinicId: a.clinicId ?? null,
    displayName: a.displayName ?? a.email.split('@')[0]!,
    passwordHash: await hashPassword(TEST_PASSWORD, 1024),
  });
  if (!account) throw new Error(`account ${a.email} exists`);
  return account;
}

export async function clinicWorld(
  store: Store,
  opts: { auth?: Partial<AuthConfig>; app?: Partial<AppOptions> } = {},
): Promise<ClinicWorld> {
  const clinicA = (await createClinic(store.db, 'Clinic A'))!;
  const clinicB = (await createClinic(store.db, 'Clinic B'))!;
  const accounts = {
    patient: await makeAccount(store, { email: 'pat@example.org', role: 'patient', displayName: 'Pat' }),
    otherPatient: await makeAccount(store, { email: 'olga@example.org', role: 'patient', displayName: 'Olga' }),
    clinicianOfClinic: await makeAccount(store, {
      email: 'dr.a@example.org',
      role: 'clinician',
      clinicId: clinicA.id,
      displayName: 'Dr A',
    }),
    clinicianOtherClinic: await makeAccount(store, {
      email: 'dr.b@example.org',
      role: 'clinician',
      clinicId: clinicB.id,
      displayName: 'Dr B',
    }),
    clinicAdmin: await makeAccount(store, {
      email: 'admin.a@example.org',
      role: 'admin',
      clinicId: clinicA.id,
      displayName: 'Admin A',
    }),
  };
  const token = randomToken();
  await createInvitation(store.db, {
    clinicId: clinicA.id,
    clinicianAccountId: accounts.clinicianOfClinic.id,
    tokenHash: sha256(token),
    label: null,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  if (!(await acceptInvitation(store.db, sha256(token), accounts.patient.personId!)))
    throw new Error('invitation not accepted');
  const cfg = authConfig({ ...TEST_AUTH, ...opts.auth });
  const app = await buildApp({ ...opts.app, store, webRoot: null, auth: cfg });
  const session = async (account: Account) => {
    const s = await startSession(store.db, account.id, cfg);
    return { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken, token: s.token };
  };
  return {
    app,
    accounts,
    session,
    async as(who, req) {
      const { csrf = true, ...rest } = req;
      if (who === 'anonymous') return app.inject(rest);
      const s = await session(accounts[who]);
      return app.inject({
        ...rest,
        headers: { ...(rest.headers ?? {}), cookie: s.cookie, ...(csrf ? { [CSRF_HEADER]: s.csrf } : {}) },
      });
    },
  };
}

/**
 * A clinic world on a fresh store of this kind for the calling describe block: the hooks are registered there
 * (made before its first test, closed and deleted after its last), so an API test file does not write them again.
 * Use it like the world itself (`world.as(...)`, `world.accounts`), and `world.store` for the store, inside tests
 * and hooks.
 */
export function clinicApi(
  kind: DbKind,
  opts: Parameters<typeof clinicWorld>[1] = {},
): ClinicWorld & { readonly store: Store } {
  let world: ClinicWorld | undefined;
  let store: Store | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  before(async () => {
    ({ store, cleanup } = await freshStore(kind));
    world = await clinicWorld(store, opts);
  });
  after(async () => {
    await world?.app.close();
    await cleanup?.();
  });
  const ready = (): ClinicWorld => {
    if (!world) throw new Error("the clinic world is used before its describe's before hook ran");
    return world;
  };
  return {
    get app() {
      return ready().app;
    },
    get accounts() {
      return ready().accounts;
    },
    get store() {
      ready();
      return store!;
    },
    as: (who, req) => ready().as(who, req),
    session: (account) => ready().session(account),
  };
}
