/** Safety-screen answers for seeding through the API: every question "no" unless named. */
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../../src/core/red-flags.js';

export function allNo(yes: string[] = []): Record<string, boolean> {
  return Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, yes.includes(q.id)]));
}
