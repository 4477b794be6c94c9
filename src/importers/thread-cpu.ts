/**
 * CPU time of the calling thread (not the process), for telling which thread of an import bounds it. Node 20
 * has no per-thread CPU clock, so this reads Linux's /proc/thread-self/stat (utime + stime, in clock ticks of
 * 10 ms); elsewhere it returns null and callers show wall-time shares only.
 */
import { readFileSync } from 'node:fs';

/** Linux USER_HZ: /proc reports CPU times in these ticks per second (100 on every mainstream build). */
const TICKS_PER_SECOND = 100;

/** Milliseconds of CPU this thread has used, or null when the platform does not say. */
export function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    // Fields after the command name (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
