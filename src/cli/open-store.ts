import type { Store } from '../store/db.js';
import { CliError } from './cli-error.js';

/** Opens the database the command names (--db PATH, else DATABASE_URL, else ./data/footing.sqlite) and migrates it. */
export async function openCliStore(dbPath: string | undefined): Promise<Store> {
  // Loaded here, not at the top: the store (kysely, both database drivers, every migration) is ~0.6 s of CPU to
  // load, which `footing analyze`, `steps` and `--help` never need (they share this module graph through commands.ts).
  const { migrate, openStore, resolveDbConfig } = await import('../store/db.js');
  let config;
  try {
    config = resolveDbConfig({ dbPath, env: process.env });
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
  let store: Store;
  try {
    store = openStore(config);
  } catch (e) {
    throw new CliError(
      `Cannot open database ${config.kind === 'sqlite' ? config.path : '(DATABASE_URL)'}: ${(e as Error).message}`,
    );
  }
  try {
    await migrate(store);
  } catch (e) {
    await store.close().catch(() => {});
    const msg = (e as Error).message;
    throw new CliError(
      `Cannot prepare database ${config.kind === 'sqlite' ? config.path : '(DATABASE_URL)'}: ${/ECONNREFUSED/.test(msg) ? 'connection refused (is PostgreSQL running?)' : msg}`,
    );
  }
  return store;
}
