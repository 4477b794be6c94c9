/**
 * Keeps the phone's screen on (Screen Wake Lock API) while something must not stop: a guided session, Walk now,
 * the Gait screen's analysis (a phone that dims and locks after 30 s would pause the page and with it the
 * analysis). The browser drops the lock whenever the page is hidden, so it is asked for again when the page is
 * shown while it is still wanted. Browsers without the API (or that refuse it, e.g. on low battery) work all the
 * same; `onChange` tells a screen whether the lock is held, so it says so only when it is.
 */
import { useEffect } from 'react';

export interface ScreenKeeper {
  release(): void;
}

export function keepScreenOn(onChange: (held: boolean) => void): ScreenKeeper {
  const api =
    typeof navigator !== 'undefined' ? (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock : undefined;
  let sentinel: WakeLockSentinel | null = null;
  let released = false;
  const ask = async () => {
    if (!api || released || sentinel || document.visibilityState !== 'visible') return;
    try {
      const s = await api.request('screen');
      if (released) {
        void s.release();
        return;
      }
      sentinel = s;
      onChange(true);
      s.addEventListener('release', () => {
        if (sentinel === s) {
          sentinel = null;
          onChange(false);
        }
      });
    } catch {
      onChange(false); // refused: the screen goes on all the same
    }
  };
  const shown = () => {
    void ask();
  };
  document.addEventListener('visibilitychange', shown);
  void ask();
  return {
    release() {
      released = true;
      document.removeEventListener('visibilitychange', shown);
      const s = sentinel;
      sentinel = null;
      if (s) void s.release();
      onChange(false);
    },
  };
}

/** Keeps the screen on while `active` (the session running, a walk being counted). */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const keeper = keepScreenOn(() => {});
    return () => keeper.release();
  }, [active]);
}
