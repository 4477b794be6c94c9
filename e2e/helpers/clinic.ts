/**
 * The usual setting of a clinic browser test file: Footing's server with one clinic and one clinician account, and
 * two phone-sized browsers, the clinician's and the patient's, started before the file's tests and stopped after
 * them. The file starts the server itself (`clinicServerAndPhones(() => startServer(withClinic(...)))`), so the
 * test runner sees that it needs a database and runs it on PostgreSQL too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { launchPhone, type Phone } from './browser.js';
import type { ServerOptions, TestServer } from './server.js';

export interface ClinicianAccount {
  email: string;
  name: string;
  password: string;
}
export interface ClinicSetting {
  readonly server: TestServer;
  readonly clinician: Phone;
  readonly patient: Phone;
}

/** Server options that create the clinic and the clinician's account with the CLI (in-process) before it starts. */
export function withClinic(clinic: string, account: ClinicianAccount): ServerOptions {
  return {
    prepare: async (db) => {
      const dir = mkdtempSync(join(tmpdir(), 'footing-clinic-e2e-'));
      try {
        const pwFile = join(dir, 'password.txt');
        writeFileSync(pwFile, account.password);
        await db.cli(['clinic', 'create', clinic]);
        await db.cli([
          'user',
          'add',
          '--role',
          'clinician',
          '--clinic',
          clinic,
          '--email',
          account.email,
          '--name',
          account.name,
          '--password-file',
          pwFile,
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The server `start` gives and two phones, for the file's tests; `clinicianLocale` is the clinician browser's language. */
export function clinicServerAndPhones(
  start: () => Promise<TestServer>,
  opts: { clinicianLocale?: string } = {},
): ClinicSetting {
  let server: TestServer | undefined;
  let clinician: Phone | undefined;
  let patient: Phone | undefined;
  before(async () => {
    server = await start();
    clinician = await launchPhone(opts.clinicianLocale ? { locale: opts.clinicianLocale } : {});
    patient = await launchPhone();
  });
  after(async () => {
    await clinician?.close();
    await patient?.close();
    await server?.close();
  });
  const started = <T>(x: T | undefined, what: string): T => {
    if (!x) throw new Error(`the ${what} is not started yet`);
    return x;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get clinician() {
      return started(clinician, "clinician's browser");
    },
    get patient() {
      return started(patient, "patient's browser");
    },
  };
}
