/**
 * `footing user add`: creates an account without the web app. `footing user reset-password`: gives an account a new
 * password (someone who forgot theirs on a Footing that sends no email), ending its sign-ins and voiding its emailed
 * reset links. The password never appears on the command line (where other users and shell history would see it):
 * it is read from standard input or from --password-file.
 */
import { readFile } from 'node:fs/promises';
// The accounts and password modules are loaded when the command runs: every other command loads this file.
import { CliError, usageError } from './cli-error.js';
import { DB_OPTION, type Command } from './command.js';
import { openCliStore } from './open-store.js';

const ROLES = ['patient', 'clinician', 'admin'] as const;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

/** The password: the whole of stdin or the file, without one trailing newline. */
export async function readPassword(file: string | undefined, stdin: () => Promise<string>): Promise<string> {
  let text: string;
  if (file) {
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new CliError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else text = await stdin();
  const { MIN_PASSWORD_LENGTH } = await import('../server/auth/password.js');
  const password = text.replace(/\r?\n$/, '');
  if (password.includes('\n')) throw new CliError('the password must be one line');
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new CliError(
      `the password must be at least ${MIN_PASSWORD_LENGTH} characters${file ? ` (in ${file})` : ' (read from standard input)'}`,
    );
  return password;
}

async function processStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw usageError(
      'give the password on standard input (footing user add ... < password.txt) or with --password-file FILE, never as an argument',
    );
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

/** The command, with where stdin comes from (tests pass their own). */
export function makeUserCommand(stdin: () => Promise<string> = processStdin, cost?: number): Command {
  return {
    name: 'user',
    summary: 'Add an account (patient, clinician or clinic admin), or set a new password',
    usage:
      'footing user add --role patient|clinician|admin --email E [--clinic NAME] [--name NAME] [--password-file FILE] [--adopt-local] [--db PATH]  (password on stdin)\n' +
      "       footing user reset-password --email E [--password-file FILE] [--db PATH]  (the new password on stdin; ends the account's sign-ins)",
    options: {
      role: { type: 'string', description: 'patient, clinician or admin (the clinic admin)' },
      email: { type: 'string', description: 'The email to sign in with' },
      clinic: { type: 'string', description: 'The clinic (clinicians and admins; see footing clinic create)' },
      name: { type: 'string', description: 'The name shown to others (default: the part of the email before @)' },
      'password-file': { type: 'string', description: 'Read the password from this file (default: standard input)' },
      'adopt-local': {
        type: 'boolean',
        description: 'Patient only: this account takes over the data of local mode (the first account only)',
      },
      db: DB_OPTION,
    },
    positionals: { min: 1, name: 'add|reset-password' },
    async run({ values, positionals, out }) {
      if (positionals.length === 1 && positionals[0] === 'reset-password')
        return resetPassword(values, out, stdin, cost);
      if (positionals[0] !== 'add' || positionals.length > 1)
        throw usageError(
          `unknown action "${positionals.join(' ')}": use footing user add --role ... --email ... or footing user reset-password --email ...`,
        );
      const role = str(values.role);
      if (!role || !(ROLES as readonly string[]).includes(role))
        throw usageError(`--role must be patient, clinician or admin (got ${role ? `"${role}"` : 'nothing'})`);
      const { z } = await import('zod');
      const { DEFAULT_SCRYPT_N, hashPassword } = await import('../server/auth/password.js');
      const { createAccount, installMode, normalizeEmail } = await import('../store/repos/accounts.js');
      const { findClinicByName } = await import('../store/repos/clinics.js');
      const { ensureLocalPerson } = await import('../store/repos/people.js');
      const emailText = str(values.email);
      const email = z
        .string()
        .email()
        .safeParse(normalizeEmail(emailText ?? ''));
      if (!email.success)
        throw usageError(
          `--email must be an email address like name@example.org (got ${emailText ? `"${emailText}"` : 'nothing'})`,
        );
      const clinicName = str(values.clinic);
      if (role === 'patient' && clinicName)
        throw usageError(
          '--clinic is for clinicians and admins; a patient joins a clinician by accepting an invitation',
        );
      if (role !== 'patient' && !clinicName)
        throw usageError(`--clinic NAME is needed for a ${role} (footing clinic list shows them)`);
      if (values['adopt-local'] && role !== 'patient') throw usageError('--adopt-local is for a patient account');
      const displayName = (str(values.name) ?? email.data.split('@')[0]!).trim().slice(0, 200);
      const password = await readPassword(str(values['password-file']), stdin);

      const store = await openCliStore(str(values.db));
      try {
        let clinicId: string | null = null;
        if (clinicName) {
          const clinic = await findClinicByName(store.db, clinicName);
          if (!clinic)
            throw new CliError(
              `no clinic named "${clinicName}" (create it with footing clinic create "${clinicName}")`,
            );
          clinicId = clinic.id;
        }
        let personId: string | null = null;
        if (values['adopt-local']) {
          if ((await installMode(store.db)) !== 'local')
            throw new CliError('--adopt-local works only for the first account, while Footing is still in local mode');
          personId = (await ensureLocalPerson(store.db)).id;
        }
        const account = await createAccount(store.db, {
          email: email.data,
          displayName,
          role: role as (typeof ROLES)[number],
          clinicId,
          personId,
          passwordHash: await hashPassword(password, cost ?? DEFAULT_SCRYPT_N),
        });
        if (!account) throw new CliError(`an account with email ${email.data} exists already`);
        out.write(
          `Account ${account.email} (${role}${clinicName ? `, clinic "${clinicName}"` : ''}) created. Footing now asks everyone to sign in.\n`,
        );
      } finally {
        await store.close();
      }
    },
  };
}

type Values = Record<string, string | boolean | undefined>;

/** footing user reset-password: the account's new password, its sign-ins ended, its reset links voided. */
async function resetPassword(
  values: Values,
  out: NodeJS.WritableStream,
  stdin: () => Promise<string>,
  cost: number | undefined,
): Promise<void> {
  for (const only of ['role', 'clinic', 'name', 'adopt-local'] as const)
    if (values[only] !== undefined) throw usageError(`--${only} is for footing user add, not reset-password`);
  const { normalizeEmail, findAccountByEmail } = await import('../store/repos/accounts.js');
  const emailText = str(values.email);
  if (!emailText) throw usageError('--email E is needed: the email of the account whose password to set');
  const email = normalizeEmail(emailText);
  const password = await readPassword(str(values['password-file']), stdin);
  const { DEFAULT_SCRYPT_N, hashPassword } = await import('../server/auth/password.js');
  const { signInThrottleKey } = await import('../server/auth/sign-in.js');
  const { replacePassword } = await import('../store/repos/password-resets.js');
  const store = await openCliStore(str(values.db));
  try {
    const account = await findAccountByEmail(store.db, email);
    if (!account)
      throw new CliError(
        `no account has the email ${email} (the accounts are listed in the clinic admin's Clinic page)`,
      );
    const ended = await replacePassword(
      store.db,
      account.id,
      await hashPassword(password, cost ?? DEFAULT_SCRYPT_N),
      signInThrottleKey(email),
    );
    out.write(
      `New password set for ${account.email} (${account.role}). ${ended === 1 ? '1 sign-in was' : `${ended} sign-ins were`} ended; unused reset links no longer work.\n`,
    );
  } finally {
    await store.close();
  }
}

export const userCommand = makeUserCommand();
