import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshStore } from '../../test/helpers/databases.js';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { insertCheckin } from '../store/repos/checkins.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { listProgramEvents } from '../store/repos/program.js';
import { saveSession } from '../store/repos/sessions.js';
import type { Store } from '../store/db.js';
import { adjustStage } from './clinician-service.js';
import { listLineFor } from './patient-list-service.js';
import { getProgress, getToday, submitScreen } from './program-service.js';

/** A safety screen with every answer "no" on that day: the program starts at stage 1. */
const clearScreen = (store: Store, personId: string, day: string) =>
  submitScreen(
    store.db,
    personId,
    { answers: Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false])) },
    day,
  );

test('The patient list line gives the pain trend against the MCID and why the patient needs attention', async () => {
  const { store, cleanup } = await freshStore('sqlite');
  try {
    const me = await ensureLocalPerson(store.db);
    await clearScreen(store, me.id, '2026-11-01');
    // First week: back pain 3 every day (baseline 3). Days 15-20: 6 (up 3 points: at least the 2-point MCID).
    for (let d = 1; d <= 7; d++)
      await insertCheckin(store.db, me.id, {
        at: `2026-11-0${d}T07:00:00+00:00`,
        context: 'daily',
        back: 3,
        regions: [],
      });
    for (let d = 15; d <= 20; d++)
      await insertCheckin(store.db, me.id, {
        at: `2026-11-${d}T07:00:00+00:00`,
        context: 'daily',
        back: 6,
        regions: [],
      });
    const line = await listLineFor(store.db, me.id, '2026-11-20');
    assert.deepEqual(line.painTrend, { baseline: 3, recent: 6, status: 'worse', mcidPoints: 2 });
    assert.ok(line.needsAttention.includes('pain meaningfully worse'));
    assert.ok(line.needsAttention.includes('adherence under 50% this week'));
    assert.ok(!line.needsAttention.includes('no check-in for 7 days'));
    const later = await listLineFor(store.db, me.id, '2026-11-28');
    assert.ok(later.needsAttention.includes('no check-in for 7 days'));
  } finally {
    await cleanup();
  }
});

test('A partly done session counts as done nowhere: Today, Progress, the stage requirement and the clinician list agree', async () => {
  const { store, cleanup } = await freshStore('sqlite');
  const item = (completed: boolean) => ({
    exercise: 'ball-roll' as const,
    position: 'sitting' as const,
    completed,
    setsDone: 1,
    repsDone: 0,
    secondsDone: completed ? 120 : 30,
  });
  try {
    const me = await ensureLocalPerson(store.db);
    await clearScreen(store, me.id, '2026-12-04');
    // 4 Dec: a full session; 5 Dec: a partial one; 6 Dec (today): a partial one only.
    await saveSession(store.db, me.id, 1, {
      clientId: 'full-0412',
      startedAt: '2026-12-04T18:00:00+00:00',
      completedAt: '2026-12-04T18:05:00+00:00',
      items: [item(true)],
    });
    await saveSession(store.db, me.id, 1, {
      clientId: 'part-0512',
      startedAt: '2026-12-05T18:00:00+00:00',
      completedAt: '2026-12-05T18:01:00+00:00',
      items: [item(false)],
    });
    await saveSession(store.db, me.id, 1, {
      clientId: 'part-0612',
      startedAt: '2026-12-06T18:00:00+00:00',
      completedAt: '2026-12-06T18:01:00+00:00',
      items: [item(false)],
    });
    const today = await getToday(store.db, me.id, '2026-12-06');
    assert.equal(today.sessionDoneToday, false);
    const progress = await getProgress(store.db, me.id, '2026-12-06');
    assert.deepEqual(
      progress.sessions.map((s) => s.status),
      ['completed', 'partial', 'partial'],
    );
    // Program started 4 Dec: 3 days, 3 prescribed, a full session on 1 of them.
    assert.deepEqual(progress.weekAdherence, { done: 1, prescribed: 3, fraction: 1 / 3 });
    assert.equal(
      progress.decision!.requirements.find((r) => r.id === 'adherence')!.detail,
      '1 of 3 days with a full session',
    );
    const line = await listLineFor(store.db, me.id, '2026-12-06');
    assert.deepEqual(line.adherence7, { done: 1, prescribed: 3, fraction: 1 / 3 });
  } finally {
    await cleanup();
  }
});

test('A clinician can change doses within the stage limits; the plan uses them and the patient reads why', async () => {
  const { store, cleanup } = await freshStore('sqlite');
  try {
    const me = await ensureLocalPerson(store.db);
    await clearScreen(store, me.id, '2026-11-01');
    // Stage 2's toe lift is 2 sets of 10 holds of 5 s (DOMAIN.md §4 4.6 minimums); 8 s holds stay within the 10 s limit.
    await adjustStage(
      store.db,
      me.id,
      {
        stage: 2,
        reason: 'Your arch control is good',
        clinicianName: 'Dr Kim',
        doses: { 'pinky-toe-lift': { holdSeconds: 8 } },
      },
      '2026-11-03',
    );
    const toe = (await getToday(store.db, me.id, '2026-11-03')).plan;
    assert.equal(toe.status, 'active');
    const item = toe.status === 'active' ? toe.items.find((i) => i.exercise === 'pinky-toe-lift')! : null;
    assert.deepEqual(item!.dose, { kind: 'holds', holdSeconds: 8, reps: 10, sets: 2, restSeconds: 60, perFoot: false });
    assert.match(item!.doseText, /set by your clinician/);
    const events = await listProgramEvents(store.db, me.id);
    assert.match(
      events.at(-1)!.reasons[0]!.text,
      /Dr Kim set your program to stage 2 .*New doses: Pinky-toe lift: hold 8 s\./,
    );
    // 12 s holds exceed the 10 s limit: refused, naming the exercise, and nothing changes.
    await assert.rejects(
      adjustStage(
        store.db,
        me.id,
        { stage: 2, reason: 'Longer holds', clinicianName: 'Dr Kim', doses: { 'pinky-toe-lift': { holdSeconds: 12 } } },
        '2026-11-04',
      ),
      (e: Error & { field?: string }) => e.field === 'doses.pinky-toe-lift',
    );
    // null clears the change.
    await adjustStage(
      store.db,
      me.id,
      { stage: 2, reason: 'Back to the standard dose', clinicianName: 'Dr Kim', doses: null },
      '2026-11-05',
    );
    const plain = (await getToday(store.db, me.id, '2026-11-05')).plan;
    const again = plain.status === 'active' ? plain.items.find((i) => i.exercise === 'pinky-toe-lift')! : null;
    assert.equal((again!.dose as { holdSeconds: number }).holdSeconds, 5);
  } finally {
    await cleanup();
  }
});
