/**
 * Shared by the GPX and TCX importers: accumulates one run of track points (a GPX trkseg, a TCX lap) in
 * constant memory, and judges whether its timestamps can place it in time.
 */
import { haversineMetres } from './geodesy.js';
import type { ImportLocation } from './import-error.js';

/**
 * Timestamps before this are not real GPS-era recordings (consumer GPS logs start in the 1990s; FIT's epoch is
 * 1989-12-31). Mojstrovka.gpx carries 1901 dates written by a device without a clock fix.
 */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(1990, 0, 1);
/** A day of slack for clocks ahead of ours. */
export const FUTURE_SLACK_MS = 86_400_000;

/** Reads an XML Schema dateTime as used by GPX/TCX; null when unreadable. Times without an offset are UTC. */
export function parseTrackTime(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(t)) return null;
  const ms = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(t) ? t : `${t}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** One segment's running totals. */
export class TrackSegment {
  points = 0;
  timedPoints = 0;
  distanceM = 0;
  firstMs: number | null = null;
  lastMs: number | null = null;
  /** First implausible timestamp (e.g. 1901), with where it was. */
  implausible: { text: string; location: ImportLocation } | null = null;
  private lastLat = Number.NaN;
  private lastLon = Number.NaN;

  /** The last position added, to continue the distance into the next lap of the same track. */
  get lastPosition(): { lat: number; lon: number } | null {
    return Number.isNaN(this.lastLat) ? null : { lat: this.lastLat, lon: this.lastLon };
  }

  /** Starts the distance from a previous lap's last point (the step across the lap boundary belongs here). */
  continueFrom(position: { lat: number; lon: number } | null): this {
    if (position) {
      this.lastLat = position.lat;
      this.lastLon = position.lon;
    }
    return this;
  }

  /** Adds a point; `timeMs` null when the point has no time. */
  add(lat: number | null, lon: number | null, timeMs: number | null, timeText: string, location: ImportLocation): void {
    this.points++;
    if (lat !== null && lon !== null) {
      if (!Number.isNaN(this.lastLat)) this.distanceM += haversineMetres(this.lastLat, this.lastLon, lat, lon);
      this.lastLat = lat;
      this.lastLon = lon;
    }
    if (timeMs === null) return;
    if (timeMs < EARLIEST_PLAUSIBLE_MS || timeMs > Date.now() + FUTURE_SLACK_MS) {
      this.implausible ??= { text: timeText.trim(), location };
      return;
    }
    this.timedPoints++;
    if (this.firstMs === null || timeMs < this.firstMs) this.firstMs = timeMs;
    if (this.lastMs === null || timeMs > this.lastMs) this.lastMs = timeMs;
  }
}
