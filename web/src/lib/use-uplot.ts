/**
 * Mounts a uPlot chart into a div, sized to its container's width (and re-sized with it), and rebuilt when
 * the options or data change. `make` gets the width and the element the chart goes into.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export function useUplot(
  make: (width: number, el: HTMLDivElement) => { opts: uPlot.Options; data: uPlot.AlignedData },
  deps: unknown[],
) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const width = Math.max(280, el.clientWidth);
    const { opts, data } = make(width, el);
    const chart = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => {
      const w = Math.max(280, el.clientWidth);
      if (Math.abs(w - chart.width) > 2) chart.setSize({ width: w, height: chart.height });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}
