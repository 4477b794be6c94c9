/**
 * A person's history as the today benches seed it, through the API the way a phone sends it: the safety check,
 * then each day from `start` a check-in, a session and a hand-logged walk.
 */
import { addDays } from '../src/core/dates.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';

/** One request to the app under test (in-process or over HTTP); it throws on a refusal. */
export type Send = (method: 'GET' | 'POST' | 'PUT', path: string, body?: object) => Promise<unknown>;

/** The steps logged by hand on day `d`, so a bench can check they are read back. */
export const seededSteps = (d: number): number => 5000 + d * 20;

export async function seedDays(send: Send, start: string, days: number): Promise<void> {
  const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
  await send('POST', `/api/screen?date=${start}`, { answers });
  for (let d = 0; d < days; d++) {
    const date = addDays(start, d);
    await send('POST', '/api/checkins', {
      at: `${date}T07:30:00+00:00`,
      context: 'daily',
      back: 3 + (d % 3),
      neck: 2,
      foot: 1,
      regions: [],
    });
    await send('POST', '/api/sessions', {
      clientId: `bench-${date}`,
      startedAt: `${date}T18:00:00+00:00`,
      completedAt: `${date}T18:12:00+00:00`,
      items: [
        { exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 0, repsDone: 0, secondsDone: 120 },
      ],
      painBefore: { back: 4 },
      painAfter: { back: 3 },
    });
    await send('PUT', '/api/walking/manual', { date, steps: seededSteps(d) });
  }
}
