/**
 * Test-only speed-up for the guided session timer. Open the app once with `?fast=N` (e.g. `/session?fast=50`) and
 * session timers run N times faster for this browser tab (kept in sessionStorage, so it survives in-app
 * navigation but not a new tab). `?fast=1` means 50x. Spoken cues are skipped while sped up. Never set in normal
 * use: without the parameter the factor is 1.
 */
const KEY = 'footing.speed';

export function initSpeedFromUrl(): void {
  const p = new URLSearchParams(location.search).get('fast');
  if (p === null) return;
  const n = Number(p);
  const factor = n === 1 ? 50 : n;
  if (Number.isFinite(factor) && factor >= 1 && factor <= 1000) sessionStorage.setItem(KEY, String(factor));
}

/** How many simulated seconds pass per real second (1 in normal use). */
export function speedFactor(): number {
  const n = Number(sessionStorage.getItem(KEY) ?? '1');
  return Number.isFinite(n) && n >= 1 ? n : 1;
}
