/**
 * Whose data a command works on: in local mode the one local person; once the install has accounts, the patient
 * named by --email (never "whoever is oldest"), so a clinic database is never written to by accident.
 */
import type { Store } from '../store/db.js';
import { CliError, usageError } from './cli-error.js';
import type { OptionSpec } from './command.js';

export const EMAIL_OPTION: OptionSpec = {
  type: 'string',
  description: 'With accounts (a clinic install): the patient whose data this is',
};

export async function personForCommand(store: Store, email: string | boolean | undefined): Promise<string> {
  // Loaded on use, as the store is (open-store.ts): commands that never open a database do not pay for them.
  const { findAccountByEmail, installMode } = await import('../store/repos/accounts.js');
  const { ensureLocalPerson } = await import('../store/repos/people.js');
  if ((await installMode(store.db)) === 'local') {
    if (typeof email === 'string')
      throw usageError('--email is for installs with accounts; this one is in local mode (one person, no sign-in)');
    return (await ensureLocalPerson(store.db)).id;
  }
  if (typeof email !== 'string')
    throw usageError('This install has accounts: say whose data with --email PATIENT_EMAIL');
  const account = await findAccountByEmail(store.db, email);
  if (!account?.personId) throw new CliError(`No patient account with the email ${email}`);
  return account.personId;
}
