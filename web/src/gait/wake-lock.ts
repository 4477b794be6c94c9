/**
 * Keeps the phone's screen on while the Gait screen analyses a video (Screen Wake Lock API): a phone that dims and
 * locks after 30 s would pause the page and with it the analysis. The lock is released when the analysis ends or
 * is cancelled; the browser also drops it whenever the page is hidden, so it is asked for again when the page is
 * shown while the analysis still runs. Browsers without the API (or that refuse it, e.g. on low battery) analyse
 * all the same; `onChange` tells the screen whether the lock is held, so it says so only when it is.
 */
export interface ScreenKeeper { release(): void }

export function keepScreenOn(onChange: (held: boolean) => void): ScreenKeeper {
  const api = typeof navigator !== 'undefined' ? (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock : undefined;
  let sentinel: WakeLockSentinel | null = null;
  let released = false;
  const ask = async () => {
    if (!api || released || sentinel || document.visibilityState !== 'visible') return;
    try {
      const s = await api.request('screen');
      if (released) { void s.release(); return; }
      sentinel = s;
      onChange(true);
      s.addEventListener('release', () => { if (sentinel === s) { sentinel = null; onChange(false); } });
    } catch {
      onChange(false); // refused: the analysis runs anyway
    }
  };
  const shown = () => { void ask(); };
  document.addEventListener('visibilitychange', shown);
  void ask();
  return {
    release() {
      released = true;
      document.removeEventListener('visibilitychange', shown);
      const s = sentinel; sentinel = null;
      if (s) void s.release();
      onChange(false);
    },
  };
}
