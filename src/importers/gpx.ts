/**
 * GPX importer (GPX 1.0 and 1.1, Garmin TrackPointExtension), streaming through saxes.
 *
 * Per track segment (`trkseg`) with usable times: distance from the points (haversine, see geodesy.ts),
 * duration (first to last time) and mean speed; per point: heart rate and cadence instants from
 * `gpxtpx:hr` / `gpxtpx:cad`. Garmin writes `cad` as the FIT cadence, strides per minute, so steps/min = 2 × cad.
 *
 * What counts as walking is the one rule of src/core/walking-activity.ts, applied to each track's `<type>`: GPX
 * has no activity vocabulary (the type is free text, often absent), so a track whose type names another activity
 * ("running", "cycling", "stand_up_paddleboarding") is left out and counted by what it was, and any other track
 * is taken as the walk the person chose to import. Its points are still counted as records read. (GPX puts the
 * type before the segments.) Times are UTC in GPX; pass `offsetMinutes` (the wearer's time zone) so days are
 * local, otherwise days are UTC days and a warning says so.
 *
 * Segments that cannot be placed in time are not imported: no timestamps at all is a warning (saved tracks
 * often lose them), implausible timestamps (before 1990, e.g. Mojstrovka.gpx's 1901 dates) are an error that
 * names the first bad `<time>` and the distance that was read.
 */
import { said } from '../core/import-problem-words.js';
import type { SaxesTagPlain } from 'saxes';
import type { WalkingSample } from '../core/walking.js';
import { walkingVerdict } from '../core/walking-activity.js';
import { importError, importWarning, quoteToken } from './import-error.js';
import { ImportSink, type ImportOptions, type ImportSummary } from './import-sink.js';
import { displayName } from './file-input.js';
import { formatIsoWithOffset } from '../core/iso-time.js';
import { isValidPosition } from './geodesy.js';
import { parseTrackTime, TrackSegment } from './track-segment.js';
import { importXmlFile, xmlLocator } from './xml-import.js';
import type { XmlPosition } from './xml-stream.js';

/** Options of the GPX and TCX importers. */
export interface TrackImportOptions extends ImportOptions {
  /** The wearer's UTC offset in minutes for local days; default 0 (UTC) with a warning. */
  offsetMinutes?: number;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Imports a GPX file. Never throws for a bad file: see the summary. */
export async function importGpx(path: string, options: TrackImportOptions = {}): Promise<ImportSummary> {
  const sink = new ImportSink('gpx', displayName(path), options);
  const offset = options.offsetMinutes ?? 0;
  // Said once, at the first time it concerns.
  let zoneSaid = options.offsetMinutes !== undefined;
  const iso = (ms: number): string => formatIsoWithOffset(ms, offset)!;
  let trackNo = 0;
  /** Where the document's root element starts: problems of the whole file point there. */
  let rootAt: XmlPosition | null = null;
  const loc = xmlLocator(sink.file);
  await importXmlFile(
    sink,
    path,
    options.onBytes,
    (at) => {
      let segment: TrackSegment | null = null;
      let inTrk = false;
      /** Depth below the current <trk> (1: its children, where its <type> is). */
      let trkDepth = 0;
      let typeText: string | null = null;
      /** The current track's type names an activity that is not walking. */
      let skipTrack = false;
      let segmentNo = 0;
      let segmentAt: XmlPosition = { line: 0, column: 0 };
      // Current point
      let inPoint = false;
      let lat: number | null = null;
      let lon: number | null = null;
      let pointAt: XmlPosition = { line: 0, column: 0 };
      let timeAt: XmlPosition = { line: 0, column: 0 };
      let timeText = '';
      let hr = '';
      let cad = '';
      let capture: 'time' | 'hr' | 'cad' | null = null;
      let pointBad = false;

      const endSegment = (): void => {
        if (!segment) return;
        const s = segment;
        segment = null;
        if (s.points === 0) return;
        if (s.implausible) {
          sink.issue(
            importError(
              'bad-date',
              said('gpx.implausible-times', {
                track: trackNo,
                segment: segmentNo,
                points: s.points,
                km: (s.distanceM / 1000).toFixed(2),
                token: quoteToken(s.implausible.text),
              }),
              s.implausible.location,
            ),
          );
          return;
        }
        if (s.firstMs === null || s.lastMs === null) {
          sink.issue(
            importWarning(
              'missing-field',
              said('gpx.no-times', { track: trackNo, segment: segmentNo, points: s.points }),
              loc(segmentAt, 'time'),
            ),
          );
          return;
        }
        const base = { source: 'gpx', device: null, start: iso(s.firstMs), end: iso(s.lastMs) };
        const seconds = (s.lastMs - s.firstMs) / 1000;
        sink.add({ ...base, kind: 'distance', value: s.distanceM, unit: 'm' });
        sink.add({ ...base, kind: 'duration', value: seconds, unit: 's' });
        if (seconds > 0) sink.add({ ...base, kind: 'speed', value: s.distanceM / seconds, unit: 'm/s' });
      };

      const num = (raw: string | undefined, field: string, p: XmlPosition): number | null => {
        const v = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
        if (Number.isFinite(v)) return v;
        sink.issue(
          importError(
            raw === undefined ? 'missing-field' : 'bad-value',
            raw === undefined
              ? said('xml.missing-attribute', { field })
              : said('xml.not-a-number', { field, token: quoteToken(raw) }),
            loc(p, field),
          ),
        );
        pointBad = true;
        return null;
      };

      return {
        open(tag: SaxesTagPlain) {
          const name = local(tag.name);
          rootAt ??= at();
          if (inTrk) trkDepth++;
          if (name === 'trk') {
            inTrk = true;
            trkDepth = 0;
            skipTrack = false;
            trackNo++;
            segmentNo = 0;
          } else if (skipTrack) {
            if (name === 'trkpt') sink.recordsSeen++;
          } else if (name === 'type' && inTrk && trkDepth === 1) {
            typeText = '';
          } else if (name === 'trkseg' && inTrk) {
            segmentNo++;
            segmentAt = at();
            segment = new TrackSegment();
          } else if (name === 'trkpt' && segment) {
            inPoint = true;
            pointBad = false;
            pointAt = at();
            sink.recordsSeen++;
            lat = num(tag.attributes.lat, 'lat', pointAt);
            lon = num(tag.attributes.lon, 'lon', pointAt);
            if (lat !== null && lon !== null && !isValidPosition(lat, lon)) {
              sink.issue(importError('bad-value', said('gpx.off-globe', { lat, lon }), loc(pointAt, 'lat')));
              pointBad = true;
            }
            timeText = '';
            hr = '';
            cad = '';
          } else if (inPoint && (name === 'time' || name === 'hr' || name === 'cad')) {
            capture = name;
            if (name === 'time') timeAt = at();
          }
        },
        text(t: string) {
          if (typeText !== null) typeText += t;
          else if (capture === 'time') timeText += t;
          else if (capture === 'hr') hr += t;
          else if (capture === 'cad') cad += t;
        },
        close(tagName: string) {
          const name = local(tagName);
          if (inTrk) trkDepth--;
          if (typeText !== null && name === 'type') {
            const verdict = walkingVerdict('gpx', typeText.trim());
            typeText = null;
            if (!verdict.walking) {
              skipTrack = true;
              sink.skip(verdict.kind);
            }
          } else if (skipTrack) {
            if (name === 'trk') inTrk = false;
          } else if (name === 'time' || name === 'hr' || name === 'cad') capture = null;
          else if (name === 'trkpt' && inPoint && segment) {
            inPoint = false;
            let timeMs: number | null = null;
            if (timeText.trim() !== '') {
              timeMs = parseTrackTime(timeText);
              if (timeMs === null) {
                sink.issue(
                  importError(
                    'bad-date',
                    said('xml.not-iso-time', { field: 'time', token: quoteToken(timeText.trim()) }),
                    loc(timeAt, 'time'),
                  ),
                );
                pointBad = true;
              }
            }
            if (pointBad) return;
            segment.add(lat, lon, timeMs, timeText, loc(timeAt, 'time'));
            if (timeMs === null || segment.implausible) return;
            if (!zoneSaid) {
              zoneSaid = true;
              sink.issue(importWarning('missing-field', said('gpx.utc'), loc(timeAt, 'time')));
            }
            const ts = iso(timeMs);
            const instant = { source: 'gpx', device: null, start: ts, end: ts };
            const addInstant = (
              raw: string,
              kind: WalkingSample['kind'],
              unit: WalkingSample['unit'],
              factor: number,
              field: string,
            ): void => {
              if (raw.trim() === '') return;
              const v = Number(raw);
              if (Number.isFinite(v) && v >= 0) sink.add({ ...instant, kind, value: v * factor, unit });
              else
                sink.issue(
                  importError(
                    'bad-value',
                    said('xml.not-a-number', { field, token: quoteToken(raw.trim()) }),
                    loc(pointAt, field),
                  ),
                );
            };
            addInstant(hr, 'heart_rate', 'bpm', 1, 'hr');
            addInstant(cad, 'cadence', 'steps/min', 2, 'cad');
          } else if (name === 'trkseg') endSegment();
          else if (name === 'trk') {
            endSegment();
            inTrk = false;
          }
        },
      };
    },
    (p) => loc(p),
  );
  if (sink.recordsSeen === 0 && !sink.stopped) {
    sink.issue(importWarning('missing-field', said('gpx.no-points'), loc(rootAt ?? { line: 1, column: 1 }, 'trkpt')));
  }
  return sink.finish();
}
