import type { Kysely } from 'kysely';

/**
 * The assessment: pain maps, screening test results, outcome-measure scores and gait analyses, each dated and
 * with who recorded it; check-ins gain first-step heel pain and new lower-limb symptoms (regression signals,
 * DOMAIN.md §8).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('checkins').addColumn('heel_first_steps', 'integer').execute();
  await db.schema.alterTable('checkins').addColumn('new_lower_limb', 'integer').execute();

  await db.schema
    .createTable('pain_maps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('marks', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pain_maps_person').on('pain_maps').columns(['person_id', 'recorded_at']).execute();

  await db.schema
    .createTable('screening_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('test_id', 'text', (c) => c.notNull())
    .addColumn('values', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('screening_person')
    .on('screening_results')
    .columns(['person_id', 'test_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('outcome_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outcome_person')
    .on('outcome_scores')
    .columns(['person_id', 'measure_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('gait_analyses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('keypoints', 'text')
    .addColumn('video_kept', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('video_path', 'text')
    .execute();
  await db.schema.createIndex('gait_person').on('gait_analyses').columns(['person_id', 'recorded_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['gait_analyses', 'outcome_scores', 'screening_results', 'pain_maps'])
    await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('checkins').dropColumn('new_lower_limb').execute();
  await db.schema.alterTable('checkins').dropColumn('heel_first_steps').execute();
}
