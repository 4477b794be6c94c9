/**
 * The start of a record the FHIR API tests export (fhir-api, fhir-import-api, fhir-rest-api): three days of steps
 * typed by hand (4,000, 5,000 and 6,000 from 30 Oct 2026) and a morning check-in of back 5, neck 2 on 1 Nov.
 * Each test counts the resources these give by hand.
 */
export type Seed = (method: 'POST' | 'PUT', url: string, payload: object) => Promise<void>;

export const SEED_STEP_DAYS = [
  ['2026-10-30', 4000],
  ['2026-10-31', 5000],
  ['2026-11-01', 6000],
] as const;

export async function seedStepsAndCheckin(seed: Seed): Promise<void> {
  for (const [date, steps] of SEED_STEP_DAYS) await seed('PUT', '/api/walking/manual', { date, steps });
  await seed('POST', '/api/checkins', { at: '2026-11-01T08:00:00+00:00', context: 'daily', back: 5, neck: 2 });
}
