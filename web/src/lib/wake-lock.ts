/**
 * Keeps the phone's screen on during a guided session (Screen Wake Lock API, where it exists). The lock is lost
 * when the tab is hidden, so it is asked for again when the page comes back.
 */
import { useEffect } from 'react';

interface WakeLockSentinelLike { release(): Promise<void> }

export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const wl = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinelLike> } }).wakeLock;
    if (!wl) return;
    let lock: WakeLockSentinelLike | null = null;
    let stopped = false;
    const acquire = () => {
      wl.request('screen').then((l) => {
        if (stopped) void l.release(); else lock = l;
      }).catch(() => { /* refused (battery saver, not visible): the session still works */ });
    };
    const onVisible = () => { if (document.visibilityState === 'visible') acquire(); };
    acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisible);
      void lock?.release().catch(() => {});
    };
  }, [active]);
}
