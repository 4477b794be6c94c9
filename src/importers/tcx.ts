/**
 * TCX importer (Garmin Training Center XML v2 with the ActivityExtension v2), streaming through saxes.
 *
 * Per lap: duration from `TotalTimeSeconds` (device timer, pauses excluded), distance from the lap's
 * `DistanceMeters` (the device's own total) or, with `distanceFrom: 'track'` or when the lap has none, from the
 * track points (haversine, see geodesy.ts), steps from the extension's `LX/Steps`, and mean speed. Per track
 * point: heart rate, run cadence (`TPX/RunCadence`, strides per minute like FIT, so steps/min = 2 × value) and
 * speed (`TPX/Speed`) instants.
 *
 * What counts as walking is the one rule of src/core/walking-activity.ts: TCX's Sport is Running, Biking or Other
 * (there is no Walking; Garmin writes a walk as Other), so an Other activity is taken as the walk the person chose
 * to import, and a Running or Biking one is left out and counted as a run or a ride. Its track points are still
 * counted as records read. Times are UTC; pass `offsetMinutes` for local days.
 */
import { said } from '../core/import-problem-words.js';
import type { SaxesTagPlain } from 'saxes';
import type { WalkingSample } from '../core/walking.js';
import { walkingVerdict } from '../core/walking-activity.js';
import { importError, importWarning, quoteToken } from './import-error.js';
import { ImportSink, type ImportSummary } from './import-sink.js';
import { displayName } from './file-input.js';
import { formatIsoWithOffset } from '../core/iso-time.js';
import { isValidPosition } from './geodesy.js';
import type { TrackImportOptions } from './gpx.js';
import { parseTrackTime, TrackSegment } from './track-segment.js';
import { importXmlFile, xmlLocator } from './xml-import.js';
import type { XmlPosition } from './xml-stream.js';

/** Options of the TCX importer. */
export interface TcxImportOptions extends TrackImportOptions {
  /** Lap distance from the device's lap total (default) or re-derived from the track points. */
  distanceFrom?: 'device' | 'track';
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Text elements read, by the element path that ends in them. */
const LAP_FIELDS = new Set(['Lap/TotalTimeSeconds', 'Lap/DistanceMeters', 'LX/Steps']);
const POINT_FIELDS = new Set([
  'Trackpoint/Time',
  'Position/LatitudeDegrees',
  'Position/LongitudeDegrees',
  'HeartRateBpm/Value',
  'TPX/RunCadence',
  'TPX/Speed',
]);

/** Imports a TCX file. Never throws for a bad file: see the summary. */
export async function importTcx(path: string, options: TcxImportOptions = {}): Promise<ImportSummary> {
  const sink = new ImportSink('tcx', displayName(path), options);
  const offset = options.offsetMinutes ?? 0;
  // Said once, at the first lap it concerns.
  let zoneSaid = options.offsetMinutes !== undefined;
  const iso = (ms: number): string => formatIsoWithOffset(ms, offset)!;
  const loc = xmlLocator(sink.file);
  await importXmlFile(
    sink,
    path,
    options.onBytes,
    (at) => {
      const stack: string[] = [];
      let skipActivity = false;
      let lapNo = 0;
      let lastPosition: { lat: number; lon: number } | null = null;
      let lap: {
        startMs: number | null;
        startAt: XmlPosition;
        fields: Map<string, { text: string; at: XmlPosition }>;
        track: TrackSegment;
      } | null = null;
      let point: Map<string, { text: string; at: XmlPosition }> | null = null;
      let pointAt: XmlPosition = { line: 0, column: 0 };
      let capture: { key: string; at: XmlPosition; text: string } | null = null;

      const number = (f: { text: string; at: XmlPosition } | undefined, field: string): number | null => {
        if (!f) return null;
        const v = f.text.trim() === '' ? Number.NaN : Number(f.text);
        if (Number.isFinite(v) && v >= 0) return v;
        sink.issue(
          importError(
            'bad-value',
            said('tcx.not-non-negative', { field, token: quoteToken(f.text.trim()) }),
            loc(f.at, field),
          ),
        );
        return null;
      };

      const endPoint = (): void => {
        if (!lap || !point) return;
        const p = point;
        point = null;
        sink.recordsSeen++;
        const timeF = p.get('Trackpoint/Time');
        let timeMs: number | null = null;
        if (timeF) {
          timeMs = parseTrackTime(timeF.text);
          if (timeMs === null) {
            sink.issue(
              importError(
                'bad-date',
                said('xml.not-iso-time', { field: 'Time', token: quoteToken(timeF.text.trim()) }),
                loc(timeF.at, 'Time'),
              ),
            );
            return;
          }
        }
        const latF = p.get('Position/LatitudeDegrees');
        const lonF = p.get('Position/LongitudeDegrees');
        let lat: number | null = null;
        let lon: number | null = null;
        if (latF && lonF) {
          lat = Number(latF.text);
          lon = Number(lonF.text);
          if (!isValidPosition(lat, lon)) {
            sink.issue(
              importError(
                'bad-value',
                said('tcx.off-globe', { token: quoteToken(`${latF.text.trim()}, ${lonF.text.trim()}`) }),
                loc(latF.at, 'LatitudeDegrees'),
              ),
            );
            return;
          }
        }
        lap.track.add(lat, lon, timeMs, timeF?.text ?? '', loc(timeF?.at ?? pointAt, 'Time'));
        if (timeMs === null || lap.track.implausible) return;
        const ts = iso(timeMs);
        const instant = { source: 'tcx', device: null, start: ts, end: ts };
        const add = (
          key: string,
          field: string,
          kind: WalkingSample['kind'],
          unit: WalkingSample['unit'],
          factor: number,
        ): void => {
          const v = number(p.get(key), field);
          if (v !== null) sink.add({ ...instant, kind, value: v * factor, unit });
        };
        add('HeartRateBpm/Value', 'HeartRateBpm', 'heart_rate', 'bpm', 1);
        add('TPX/RunCadence', 'RunCadence', 'cadence', 'steps/min', 2);
        add('TPX/Speed', 'Speed', 'speed', 'm/s', 1);
      };

      const endLap = (): void => {
        if (!lap) return;
        const l = lap;
        lap = null;
        const t = l.track;
        lastPosition = t.lastPosition;
        if (t.implausible) {
          sink.issue(
            importError(
              'bad-date',
              said('tcx.implausible-lap', { lap: lapNo, token: quoteToken(t.implausible.text) }),
              t.implausible.location,
            ),
          );
          return;
        }
        const startMs = l.startMs ?? t.firstMs;
        if (startMs === null) {
          sink.issue(
            importWarning('missing-field', said('tcx.lap-no-start', { lap: lapNo }), loc(l.startAt, 'StartTime')),
          );
          return;
        }
        const seconds =
          number(l.fields.get('Lap/TotalTimeSeconds'), 'TotalTimeSeconds') ??
          (t.lastMs !== null ? (t.lastMs - startMs) / 1000 : 0);
        const deviceDistance = number(l.fields.get('Lap/DistanceMeters'), 'DistanceMeters');
        const distance = options.distanceFrom === 'track' || deviceDistance === null ? t.distanceM : deviceDistance;
        const base = { source: 'tcx', device: null, start: iso(startMs), end: iso(startMs + seconds * 1000) };
        sink.add({ ...base, kind: 'duration', value: seconds, unit: 's' });
        sink.add({ ...base, kind: 'distance', value: distance, unit: 'm' });
        const steps = number(l.fields.get('LX/Steps'), 'Steps');
        if (steps !== null) sink.add({ ...base, kind: 'steps', value: steps, unit: 'count' });
        if (seconds > 0) sink.add({ ...base, kind: 'speed', value: distance / seconds, unit: 'm/s' });
      };

      return {
        open(tag: SaxesTagPlain) {
          const name = local(tag.name);
          const parent = stack.at(-1) ?? '';
          stack.push(name);
          if (name === 'Activity') {
            lastPosition = null;
            const verdict = walkingVerdict('tcx', tag.attributes.Sport);
            skipActivity = !verdict.walking;
            if (!verdict.walking) sink.skip(verdict.kind);
          } else if (skipActivity) {
            if (name === 'Trackpoint') sink.recordsSeen++;
            return;
          } else if (name === 'Lap') {
            lapNo++;
            const startAt = at();
            if (!zoneSaid) {
              zoneSaid = true;
              sink.issue(importWarning('missing-field', said('tcx.utc'), loc(startAt, 'StartTime')));
            }
            const raw = tag.attributes.StartTime;
            const startMs = raw === undefined ? null : parseTrackTime(raw);
            if (raw !== undefined && startMs === null) {
              sink.issue(
                importError(
                  'bad-date',
                  said('xml.not-iso-time', { field: 'StartTime', token: quoteToken(raw) }),
                  loc(startAt, 'StartTime'),
                ),
              );
            }
            lap = { startMs, startAt, fields: new Map(), track: new TrackSegment().continueFrom(lastPosition) };
          } else if (name === 'Trackpoint' && lap) {
            point = new Map();
            pointAt = at();
          }
          const key = `${parent}/${name}`;
          if ((lap && !point && LAP_FIELDS.has(key)) || (point && POINT_FIELDS.has(key)))
            capture = { key, at: at(), text: '' };
        },
        text(t: string) {
          if (capture) capture.text += t;
        },
        close(tagName: string) {
          const name = local(tagName);
          stack.pop();
          if (capture && capture.key.endsWith(`/${name}`)) {
            (point ?? lap?.fields)?.set(capture.key, { text: capture.text, at: capture.at });
            capture = null;
          }
          if (name === 'Trackpoint') endPoint();
          else if (name === 'Lap') endLap();
          else if (name === 'Activity') skipActivity = false;
        },
      };
    },
    (p) => loc(p),
  );
  return sink.finish();
}
