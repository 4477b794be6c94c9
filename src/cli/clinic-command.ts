/** `footing clinic create NAME` and `footing clinic list`: clinics for accounts, without the web app. */
import { CliError, usageError } from './cli-error.js';
import { DB_OPTION, type Command } from './command.js';
import { openCliStore } from './open-store.js';

export const clinicCommand: Command = {
  name: 'clinic',
  summary: 'Create or list clinics (for clinician accounts)',
  usage: 'footing clinic create NAME | footing clinic list [--db PATH]',
  options: { db: DB_OPTION },
  positionals: { min: 1, name: 'create NAME or list' },
  async run({ values, positionals, out }) {
    const [action, ...rest] = positionals;
    if (action !== 'create' && action !== 'list')
      throw usageError(`unknown action "${action}": use create NAME or list`);
    const name = rest.join(' ').trim();
    if (action === 'create' && !name) throw usageError('missing NAME (usage: footing clinic create NAME)');
    if (action === 'create' && name.length > 200) throw usageError('NAME must be at most 200 characters');
    const store = await openCliStore(typeof values.db === 'string' ? values.db : undefined);
    try {
      if (action === 'list') {
        const rows = await store.db.selectFrom('clinics').select('name').orderBy('name').execute();
        out.write(
          rows.length ? `${rows.map((r) => r.name).join('\n')}\n` : 'No clinics yet (footing clinic create NAME).\n',
        );
        return;
      }
      const { createClinic } = await import('../store/repos/clinics.js'); // on use, as the store (open-store.ts)
      const clinic = await createClinic(store.db, name);
      if (!clinic) throw new CliError(`a clinic named "${name}" exists already`);
      out.write(
        `Clinic "${clinic.name}" created. Add its admin: footing user add --role admin --clinic "${clinic.name}" --email ... < password.txt\n`,
      );
    } finally {
      await store.close();
    }
  },
};
