/**
 * Seeds nine days of a person's program through the API, as the app would have sent them: a clear safety check
 * nine days ago, then each day a morning check-in, a hand-logged walk and an evening session with pain before and
 * after. Pain falls a little each day and stays at 5/10 or less after sessions, so on the tenth day (today) the
 * engine's rules for moving to stage 2 are all met (DOMAIN.md §8: 7 days at the stage, 80% adherence, activity
 * pain <= 5, daily pain not rising).
 */
import { addDays } from '../../src/core/dates.js';
import { localDate } from '../../web/src/lib/local-time.js';
import { allNo } from './answers.js';
import { call } from './server.js';

/** ISO date-time with this machine's offset for a local date and hour (what the browser on this machine sends). */
export function localAt(date: string, hour: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(y!, m! - 1, d!, hour, 0, 0);
  const off = -t.getTimezoneOffset();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(hour)}:00:00${off >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

export interface Seeded {
  today: string;
  checkins: number;
  dailyCheckins: number;
  sessions: number;
  walkingDays: number;
}

export async function seedNineDays(base: string): Promise<Seeded> {
  const today = localDate();
  const start = addDays(today, -9);
  await call(base, 'POST', `/api/screen?date=${start}`, { answers: allNo(), birthYear: 1970 });
  let checkins = 0;
  let sessions = 0;
  for (let i = 1; i <= 8; i++) {
    const day = addDays(start, i);
    const back = 6 - Math.floor(i / 3); // 6,5,5,4,4,4,3,3: falling
    await call(base, 'POST', '/api/checkins', {
      at: localAt(day, 8),
      context: 'daily',
      back,
      neck: 2,
      foot: 3,
      regions: [],
    });
    checkins += 1;
    await call(base, 'PUT', '/api/walking/manual', { date: day, minutes: 15 + i, steps: 2500 + i * 100 });
    await call(base, 'POST', '/api/sessions', {
      clientId: `seed-session-${i}`,
      startedAt: localAt(day, 18),
      completedAt: localAt(day, 19),
      items: [
        { exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 1, repsDone: 0, secondsDone: 120 },
      ],
      painBefore: { back, foot: 3 },
      painAfter: { back: back - 1, foot: 2 },
    });
    sessions += 1;
    checkins += 2; // the session's before and after scores are stored as check-ins
  }
  return { today, checkins, dailyCheckins: 8, sessions, walkingDays: 8 };
}
