import type { Kysely } from 'kysely';

/**
 * A saved gait analysis keeps the stills of its key moments (issue 13 part 2): small JPEG or WebP pictures made
 * on the device, with the skeleton and angles drawn on them, so a clinician sees the walk without the video. JSON
 * text (src/gait/gait-stills.ts: version and stills, each picture base64, at most 6 x 60 kB); null for analyses
 * saved before, or saved without stills (the server's video job, an analysis from the command line).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('gait_analyses').addColumn('stills', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('gait_analyses').dropColumn('stills').execute();
}
