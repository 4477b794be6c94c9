/// <reference lib="dom" />
/**
 * Browser test: the exercise pictures. On the tenth day the person is at stage 2 (ball roll sitting, 2 min per
 * foot; pinky-toe lift sitting, 2 sets of 10 holds of 5 s). Today's cards show each exercise's start and end
 * positions; the guided session (at real speed: the animations are read, not waited for) moves the picture at the
 * dose's pace, pauses it with the session, and shows the positions side by side without motion when the person
 * prefers reduced motion. Expected paces are worked out by hand: DOMAIN.md §3 3.15 gives 1-2 min per foot (stage
 * 2 uses 2 min = 120 s, drawn as 12 rolls of 10 s); §4 4.6 gives holds of 5-10 s (stage 2 uses 5 s), lowered over
 * the session's 3 s between holds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { serverAndPhone } from './helpers/fixture.js';
import { seedNineDays } from './helpers/seed.js';

const ctx = serverAndPhone(async (server) => {
  await seedNineDays(server.url);
});

interface Moving {
  name: string;
  duration: string;
  runs: string;
  state: string;
  playState: string | null;
}

/** The computed animation of the moving part of the picture (the toe or the foot), and its Web Animations state. */
async function moving(page: Page): Promise<Moving> {
  return page
    .locator('[data-testid=exercise-picture] [class^="pic-anim-"]')
    .first()
    .evaluate((el) => {
      const cs = getComputedStyle(el);
      return {
        name: cs.animationName,
        duration: cs.animationDuration,
        runs: cs.animationIterationCount,
        state: cs.animationPlayState,
        playState: el.getAnimations()[0]?.playState ?? null,
      };
    });
}

/** The picture's accessible description: the text its aria-describedby points at. */
async function description(page: Page, name: string): Promise<string> {
  const img = page.getByRole('img', { name, exact: true });
  const id = await img.getAttribute('aria-describedby');
  return page.locator(`[id="${id}"]`).innerText();
}

test('Today: each exercise card shows its start and end positions, with a name and a description', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/', { waitUntil: 'domcontentloaded' });
  await page.getByText('Stage 2 of 5').waitFor({ timeout: 30_000 }); // the first load of the app on a busy machine (2 cores, shared)
  const toe = page.getByRole('img', { name: 'How to do the pinky-toe lift, sitting down', exact: true });
  await toe.waitFor();
  assert.equal(await toe.locator('li').count(), 2, 'start and end');
  assert.match(
    await description(page, 'How to do the pinky-toe lift, sitting down'),
    /big toe presses into the floor and stays down while the little toe lifts/,
  );
  const roll = page.getByRole('img', { name: 'How to do the ball roll under the sole, sitting down', exact: true });
  assert.deepEqual(await roll.locator('li p').allInnerTexts(), [
    'Start: ball under the heel',
    'Then: under the arch',
    'End: under the ball of the foot, then back',
  ]);
  await page.getByRole('img', { name: 'How to do the daily walk', exact: true }).waitFor();
  await assertAccessible(page, 'today with pictures');
  await toe.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await screenshot(page, 'pic-a-today-toe-lift');
});

test('guided session: the picture moves at the dose’s pace, pauses with the session, and stands still for reduced motion', async () => {
  const { page } = ctx.phone;
  await page.getByRole('link', { name: 'Start today’s session' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  // Getting ready: the picture stands in its start position.
  await page.getByText('Get ready', { exact: true }).waitFor();
  await page.locator('[data-testid=exercise-picture] [data-animation=none]').waitFor();
  await page.getByRole('button', { name: 'Skip this step' }).click();

  // Ball roll, left foot: 12 rolls of 10 s = the 120 s the timer shows.
  await page.getByText('Left foot', { exact: true }).waitFor();
  const rollName = 'How to do the ball roll under the sole, sitting down';
  await page.getByRole('img', { name: rollName, exact: true }).waitFor();
  assert.match(await description(page, rollName), /from the heel, over the arch, to the ball of the foot and back/);
  assert.deepEqual(await moving(page), {
    name: 'pic-roll',
    duration: '10s',
    runs: '12',
    state: 'running',
    playState: 'running',
  });
  assert.equal(await page.getByTestId('timer').innerText(), '2:00');
  await assertAccessible(page, 'session: ball roll with its picture');
  await screenshot(page, 'pic-b-session-roll', { top: true });

  // Pinky-toe lift: the lift and hold takes the 5 s hold; lowering takes the 3 s between holds.
  await page.getByRole('button', { name: 'Skip this exercise' }).click();
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await page.getByText('Lift and hold', { exact: true }).waitFor();
  const toeName = 'How to do the pinky-toe lift, sitting down';
  await page.getByRole('img', { name: toeName, exact: true }).waitFor();
  assert.deepEqual(await moving(page), {
    name: 'pic-lift-hold',
    duration: '5s',
    runs: '1',
    state: 'running',
    playState: 'running',
  });
  // And it does move: within the first second (18 % of the hold) the little toe is up by the drawing's lift.
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=exercise-picture] .pic-anim-lift-hold');
      return el !== null && new DOMMatrix(getComputedStyle(el).transform).f <= -15;
    },
    null,
    { timeout: 4000 },
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByText('Paused: Lift and hold', { exact: true }).waitFor();
  const paused = await moving(page);
  assert.equal(paused.state, 'paused');
  assert.equal(paused.playState, 'paused');
  await assertAccessible(page, 'session: toe lift with its picture (paused)');
  await screenshot(page, 'pic-c-session-toe-lift', { top: true });
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: 'Skip this step' }).click();
  await page.getByText('Lower slowly', { exact: true }).waitFor();
  assert.deepEqual(await moving(page), {
    name: 'pic-lower',
    duration: '3s',
    runs: '1',
    state: 'running',
    playState: 'running',
  });

  // Reduced motion: the same picture, its positions side by side, nothing animated.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const still = page.getByRole('img', { name: toeName, exact: true });
  await still.locator('li').nth(1).waitFor();
  assert.deepEqual(await still.locator('li p').allInnerTexts(), [
    'Start: all toes on the floor, big toe pressing down',
    'End: little toe lifted, big toe still down. Hold',
  ]);
  assert.equal(await page.locator('[data-testid=exercise-picture] [class^="pic-anim-"]').count(), 0);
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  await assertAccessible(page, 'session: reduced motion');
  await screenshot(page, 'pic-d-session-reduced-motion', { top: true });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.getByRole('button', { name: 'End session now' }).click();
  await page.getByRole('heading', { level: 1, name: 'How do you feel now?' }).waitFor();
});
