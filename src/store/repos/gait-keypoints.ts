/**
 * One saved gait analysis's keypoints (the body-point positions over time), read on their own because they are
 * large: the list of analyses (gait-analyses.ts) leaves them out.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The keypoints of this person's analysis, `null` when there is no such analysis of theirs or it has none. */
export async function getGaitKeypoints(
  db: Kysely<Database>,
  personId: string,
  analysisId: string,
): Promise<unknown | null> {
  const r = await db
    .selectFrom('gait_analyses')
    .select('keypoints')
    .where('id', '=', analysisId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return r?.keypoints ? (JSON.parse(r.keypoints) as unknown) : null;
}
