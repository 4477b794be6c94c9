/**
 * A one-line progress bar on a terminal (stderr), redrawn at most 10 times a second: done/total, rate and time
 * left. On anything that is not a terminal (a pipe, CI, --json) it prints nothing.
 */
export interface ProgressBar {
  update(done: number, extra?: string): void;
  finish(): void;
}

export function progressBar(opts: {
  label: string;
  total: number | null;
  unit: string;
  stream?: NodeJS.WriteStream;
  format?: (n: number) => string;
}): ProgressBar {
  const stream = opts.stream ?? process.stderr;
  if (!stream.isTTY) return { update() {}, finish() {} };
  const fmt = opts.format ?? ((n: number) => String(Math.round(n)));
  const started = Date.now();
  let last = 0;
  let lastLine = '';
  const draw = (done: number, extra: string) => {
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const width = 24;
    let line: string;
    if (opts.total && opts.total > 0) {
      const frac = Math.min(1, done / opts.total);
      const left = rate > 0 ? (opts.total - done) / rate : NaN;
      line = `${opts.label} [${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(0).padStart(3)}% ${fmt(done)}/${fmt(opts.total)} ${opts.unit}, ${fmt(rate)} ${opts.unit}/s${Number.isFinite(left) ? `, ${formatSeconds(left)} left` : ''}`;
    } else {
      line = `${opts.label} ${fmt(done)} ${opts.unit}, ${fmt(rate)} ${opts.unit}/s`;
    }
    if (extra) line += ` ${extra}`;
    const cols = stream.columns ?? 100;
    line = line.slice(0, cols - 1);
    stream.write(`\r${line.padEnd(lastLine.length)}`);
    lastLine = line;
  };
  let lastDone = 0;
  let lastExtra = '';
  return {
    update(done, extra = '') {
      lastDone = done;
      lastExtra = extra;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(done, extra);
    },
    finish() {
      draw(lastDone, lastExtra);
      stream.write('\n');
    },
  };
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const formatBytes = (n: number): string =>
  n >= 1e9
    ? `${(n / 1e9).toFixed(2)} GB`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(1)} MB`
      : n >= 1e3
        ? `${(n / 1e3).toFixed(0)} kB`
        : `${n} B`;
