/**
 * Runs the walker scan (walker-scan.ts) for the gait screen: progress, the result or a plain failure, and a `stop`
 * that the screen awaits before analysing (the scan and the pose pass share the page's one detector).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FrameSource, OpenedVideo } from './video-source.js';
import type { WalkerScan } from './walker-scan.js';

export type WalkerScanState =
  | { status: 'idle' }
  | { status: 'scanning'; done: number; total: number }
  | { status: 'done'; scan: WalkerScan }
  | { status: 'stopped' }
  | { status: 'failed'; message: string };

/** `onFound` gets each finished scan (the screen pre-sets the region from it unless the user drew their own). */
export function useWalkerScan(onFound: (scan: WalkerScan, video: OpenedVideo) => void) {
  const [state, setState] = useState<WalkerScanState>({ status: 'idle' });
  const ctl = useRef<AbortController | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const found = useRef(onFound);
  found.current = onFound;

  /** Stops a running scan and waits until it has let go of the detector. */
  const stop = useCallback(async () => {
    ctl.current?.abort();
    await running.current;
  }, []);

  const start = useCallback(
    async (video: OpenedVideo, frames: FrameSource) => {
      await stop();
      const c = new AbortController();
      ctl.current = c;
      setState({ status: 'scanning', done: 0, total: 0 });
      const run = (async () => {
        try {
          const { scanForWalker } = await import('./walker-scan.js');
          const r = await scanForWalker(video, frames, {
            signal: c.signal,
            onProgress: (done, total) => {
              if (!c.signal.aborted) setState({ status: 'scanning', done, total });
            },
          });
          if (c.signal.aborted) {
            setState({ status: 'stopped' });
            return;
          }
          if (!r.ok) {
            setState({ status: 'failed', message: r.error.message });
            return;
          }
          setState({ status: 'done', scan: r.value });
          found.current(r.value, video);
        } catch (e) {
          if (c.signal.aborted) setState({ status: 'stopped' });
          else setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
        } finally {
          if (ctl.current === c) ctl.current = null;
        }
      })();
      running.current = run;
      await run;
    },
    [stop],
  );

  useEffect(
    () => () => {
      ctl.current?.abort();
    },
    [],
  );
  return { state, start, stop };
}
