import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../../store/db.js';
import { exportBackup, parseBackup, restoreBackup } from '../../store/backup.js';
import { badRequest } from '../problem.js';
import { refusal } from '../../core/refusal-words.js';
import { access } from '../access.js';

export async function registerBackupRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/export', { config: access('self') }, async (req, reply) => {
    const backup = await exportBackup(store.db, req.personId);
    return reply
      .header('content-disposition', `attachment; filename="footing-backup-${backup.exportedAt.slice(0, 10)}.json"`)
      .send(backup);
  });
  // An encapsulated scope that takes the body as raw text, so the same located parser serves the CLI and the API.
  await app.register(async (scope) => {
    scope.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    scope.post('/api/import-backup', { config: access('self') }, async (req) => {
      const parsed = parseBackup(typeof req.body === 'string' ? req.body : '');
      if ('problem' in parsed) {
        const { path, json } = parsed.problem;
        const said =
          json !== undefined
            ? refusal('backup.not-json', { path, words: json })
            : refusal('backup.field', { path, refusal: parsed.problem });
        throw badRequest(said, path);
      }
      return { restored: await restoreBackup(store.db, req.personId, parsed.backup) };
    });
  });
}
