/**
 * Keeps asking the server while the screen is open, so that what someone else writes (a message) appears without a
 * reload: `poll` is called after the wait of live-poll.ts (5 s, longer while nothing changes or while calls fail)
 * and resolves to a key of what it saw; a key unlike the last one is a change. A hidden tab asks nothing (a phone in
 * a pocket, a clinician's other tab) and asks at once when shown again, as it does when the browser comes back
 * online. One call at a time; nothing is asked while `enabled` is false.
 */
import { useEffect, useRef } from 'react';
import { LIVE_POLL_BASE_MS, nextPollWait, type PollOutcome } from './live-poll.js';

export function useLivePoll(poll: () => Promise<string>, enabled: boolean): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wait = LIVE_POLL_BASE_MS;
    let lastKey: string | null = null;
    let busy = false;
    const visible = () => document.visibilityState === 'visible';
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && visible()) timer = setTimeout(() => void run(), wait);
    };
    const run = async () => {
      if (busy || stopped) return;
      busy = true;
      let outcome: PollOutcome;
      try {
        const key = await latest.current();
        outcome = lastKey === null || key === lastKey ? 'same' : 'changed';
        lastKey = key;
      } catch {
        outcome = 'failed';
      }
      busy = false;
      wait = nextPollWait(wait, outcome);
      schedule();
    };
    // Shown again, or back online: ask now, and from the shortest wait.
    const wake = () => {
      if (!visible()) {
        clearTimeout(timer);
        return;
      }
      wait = LIVE_POLL_BASE_MS;
      void run();
    };
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', wake);
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('online', wake);
    };
  }, [enabled]);
}
