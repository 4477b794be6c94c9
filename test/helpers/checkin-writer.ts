/**
 * A writer in its own process for the backup restore drill (src/store/sqlite-snapshot.test.ts): it opens the
 * SQLite database through the store, as `footing serve` does, and saves numbered writes as fast as it can until
 * told to stop. Write n is one transaction of two check-ins noted `w<n>` (before and after); it reports
 * `{ committed: n }` to its parent only once that transaction has committed.
 *
 * Run with: fork('test/helpers/checkin-writer.ts', [dbPath, personId], { execArgv: ['--import', 'tsx'] })
 */
import { openStore } from '../../src/store/db.js';
import { insertCheckin } from '../../src/store/repos/checkins.js';

const [dbPath, personId] = process.argv.slice(2);
if (!dbPath || !personId || !process.send)
  throw new Error('usage: fork checkin-writer.ts DB_PATH PERSON_ID (with IPC)');
const send = process.send.bind(process);

let stopping = false;
process.on('message', (m) => {
  if (m === 'stop') stopping = true;
});

const store = openStore({ kind: 'sqlite', path: dbPath });
for (let n = 1; !stopping; n++) {
  const note = `w${n}`;
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  await store.db.transaction().execute(async (trx) => {
    await insertCheckin(trx, personId, { at, context: 'before', back: n % 11, regions: [], note });
    await insertCheckin(trx, personId, { at, context: 'after', back: (n + 1) % 11, regions: [], note });
  });
  send({ committed: n });
  // Let the stop message in now and then (the loop would otherwise keep the event loop to itself).
  if (n % 20 === 0) await new Promise((r) => setImmediate(r));
}
await store.close();
process.disconnect();
