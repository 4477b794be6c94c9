import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importGpx } from './gpx.js';
import { collectSamples } from './import-sink.js';
import { sharedData } from '../../test/helpers/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'footing-gpx-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/**
 * Vincenty's inverse formula on the WGS84 ellipsoid: an independent second method for the importer's
 * haversine distances (different model of the Earth, different algorithm).
 */
function vincentyMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = 6378137,
    f = 1 / 298.257223563,
    b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = (lon2 - lon1) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * rad)),
    U2 = Math.atan((1 - f) * Math.tan(lat2 * rad));
  const sinU1 = Math.sin(U1),
    cosU1 = Math.cos(U1),
    sinU2 = Math.sin(U2),
    cosU2 = Math.cos(U2);
  let lambda = L,
    iter = 0,
    sinSigma = 0,
    cosSigma = 0,
    sigma = 0,
    cos2Alpha = 0,
    cos2SigmaM = 0;
  do {
    const sinL = Math.sin(lambda),
      cosL = Math.cos(lambda);
    sinSigma = Math.sqrt((cosU2 * sinL) ** 2 + (cosU1 * sinU2 - sinU1 * cosU2 * cosL) ** 2);
    if (sinSigma === 0) return 0;
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    cos2Alpha = 1 - sinAlpha ** 2;
    cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const prev = lambda;
    lambda =
      L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
    if (Math.abs(lambda - prev) < 1e-12) break;
  } while (++iter < 200);
  const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const dSigma =
    B *
    sinSigma *
    (cos2SigmaM +
      (B / 4) *
        (cosSigma * (-1 + 2 * cos2SigmaM ** 2) -
          (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
  return b * A * (sigma - dSigma);
}

/** Track segments of a GPX text by regex: points (lat, lon, time) per trkseg. */
function segmentsOf(text: string) {
  return [...text.matchAll(/<trkseg>([\s\S]*?)<\/trkseg>/g)].map((m) =>
    [...m[1]!.matchAll(/<trkpt lat="([-\d.]+)" lon="([-\d.]+)">([\s\S]*?)<\/trkpt>/g)].map((p) => ({
      lat: Number(p[1]),
      lon: Number(p[2]),
      time: /<time>([^<]+)<\/time>/.exec(p[3]!)?.[1] ?? null,
    })),
  );
}

test('korita-zbevnica: timed segments give distance (vs Vincenty), duration and speed; the untimed one is flagged', async () => {
  const text = readFileSync(sharedData('gpx/korita-zbevnica.gpx'), 'utf8');
  const segs = segmentsOf(text);
  const timed = segs.filter((s) => s.length > 0 && s.every((p) => p.time !== null));
  const untimed = segs.filter((s) => s.length > 0 && s.every((p) => p.time === null));
  assert.equal(timed.length, 2);
  assert.equal(untimed.length, 1);
  const { samples, summary } = await collectSamples((o) =>
    importGpx(sharedData('gpx/korita-zbevnica.gpx'), { ...o, offsetMinutes: 120 }),
  );
  assert.equal(summary.ok, true);
  assert.equal(summary.recordsSeen, (text.match(/<trkpt /g) ?? []).length);
  const distances = samples.filter((s) => s.kind === 'distance');
  const durations = samples.filter((s) => s.kind === 'duration');
  assert.equal(distances.length, 2);
  timed.forEach((seg, i) => {
    let vincenty = 0;
    for (let k = 1; k < seg.length; k++)
      vincenty += vincentyMetres(seg[k - 1]!.lat, seg[k - 1]!.lon, seg[k]!.lat, seg[k]!.lon);
    const got = distances[i]!.value;
    // Sphere vs ellipsoid: within 0.5 %
    assert.ok(Math.abs(got - vincenty) / vincenty < 0.005, `segment ${i}: ${got} vs ${vincenty}`);
    const seconds = (Date.parse(seg.at(-1)!.time!) - Date.parse(seg[0]!.time!)) / 1000;
    assert.equal(durations[i]!.value, seconds);
  });
  // Local times at +02:00 (CEST, the wearer's zone in October 2010)
  assert.equal(distances[0]!.start, '2010-10-03T11:36:30+02:00');
  assert.equal(summary.warningCount, 1);
  assert.match(summary.issues[0]!.message, /358 points\) has no times/);
});

test('Mojstrovka: 1901 timestamps are flagged with their location, nothing is imported, no crash', async () => {
  const path = sharedData('gpx/Mojstrovka.gpx');
  const text = readFileSync(path, 'utf8');
  const firstTimeLine = text.slice(0, text.indexOf('<time>1901')).split('\n').length;
  const { samples, summary } = await collectSamples((o) => importGpx(path, { ...o, offsetMinutes: 60 }));
  assert.deepEqual(samples, []);
  assert.equal(summary.errorCount, 1);
  const issue = summary.issues[0]!;
  assert.equal(issue.code, 'bad-date');
  assert.equal(issue.location.line, firstTimeLine);
  assert.equal(issue.location.field, 'time');
  assert.match(issue.message, /184 points/);
  const strict = await importGpx(path, { mode: 'strict', offsetMinutes: 60 });
  assert.equal(strict.ok, false);
});

test('waypoints only (Garmin extension file): nothing to import, said so', async () => {
  const s = await importGpx(sharedData('gpx/gpx_with_garmin_extension.gpx'), { offsetMinutes: 0 });
  assert.equal(s.ok, true);
  assert.equal(s.samples, 0);
  assert.match(s.issues[0]!.message, /No track points/);
});

test('heart rate and cadence from the Garmin TrackPointExtension; cadence doubled to steps/min', async () => {
  const gpx = `<?xml version="1.0"?>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><trkseg>
<trkpt lat="46.0" lon="14.0"><time>2024-05-01T08:00:00Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>95</gpxtpx:hr><gpxtpx:cad>55</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
<trkpt lat="46.001" lon="14.0"><time>2024-05-01T08:01:00Z</time></trkpt>
<trkpt lat="abc" lon="14.0"><time>2024-05-01T08:02:00Z</time></trkpt>
</trkseg></trk></gpx>`;
  const p = join(dir, 'ext.gpx');
  writeFileSync(p, gpx);
  const { samples, summary } = await collectSamples((o) => importGpx(p, { ...o, offsetMinutes: 0 }));
  assert.deepEqual(
    samples.filter((s) => s.kind === 'heart_rate' || s.kind === 'cadence').map((s) => [s.kind, s.value]),
    [
      ['heart_rate', 95],
      ['cadence', 110],
    ],
  );
  // 0.001 degree of latitude = 111.2 m (2 pi R / 360 / 1000 with R = 6371 km)
  const d = samples.find((s) => s.kind === 'distance')!.value;
  assert.ok(Math.abs(d - 111.19) < 0.1, String(d));
  assert.deepEqual(
    summary.issues.map((i) => [i.code, i.location.line, i.location.field]),
    [['bad-value', 6, 'lat']],
  );
});

test('the one walking rule: a track whose <type> names another activity is left out by what it was; an untyped one is a walk', async () => {
  const point = (min: number) => `<trkpt lat="46.${min}" lon="14.0"><time>2024-05-01T08:0${min}:00Z</time></trkpt>`;
  const track = (type: string | null) =>
    `<trk><name>x</name>${type === null ? '' : `<type>${type}</type>`}<link href="https://example.org"><type>text/html</type></link><trkseg>${point(1)}${point(2)}</trkseg></trk>`;
  const gpx = `<?xml version="1.0"?>\n<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">\n${track('running')}\n${track('stand_up_paddleboarding')}\n${track(null)}\n${track('hiking')}\n</gpx>`;
  const p = join(dir, 'typed.gpx');
  writeFileSync(p, gpx);
  const { samples, summary } = await collectSamples((o) => importGpx(p, { ...o, offsetMinutes: 0 }));
  assert.equal(summary.recordsSeen, 8, 'every track point is read');
  assert.deepEqual([summary.skipped, summary.skippedBy], [2, { running: 1, paddling: 1 }]);
  assert.equal(samples.filter((s) => s.kind === 'distance').length, 2, 'the untyped track and the hike');
  // korita-zbevnica's types ("jkljkl", "...") name no activity: its tracks are the walk the person chose.
  const korita = await importGpx(sharedData('gpx/korita-zbevnica.gpx'), { offsetMinutes: 120 });
  assert.deepEqual([korita.skipped, korita.skippedBy], [0, {}]);
});

test('every warning says where ("Warning at in trkpt" had no place): no time zone, waypoints only, a segment without times', async () => {
  const text = readFileSync(sharedData('gpx/korita-zbevnica.gpx'), 'utf8');
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  // From the raw text: the <trkseg> whose points have no <time>, and the first <time> of a track point.
  const segs = [...text.matchAll(/<trkseg>([\s\S]*?)<\/trkseg>/g)];
  const untimed = segs.find((m) => m[1]!.includes('<trkpt') && !m[1]!.includes('<time>'))!;
  const firstTime = text.indexOf('<time>', text.indexOf('<trkpt'));
  const korita = await importGpx(sharedData('gpx/korita-zbevnica.gpx'));
  assert.deepEqual(
    korita.issues.map((i) => [
      i.severity,
      i.location.line,
      i.location.field,
      /has no times|no time zone/.exec(i.message)?.[0],
    ]),
    [
      ['warning', lineAt(untimed.index!), 'time', 'has no times'],
      ['warning', lineAt(firstTime), 'time', 'no time zone'],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)),
  );
  const raw = readFileSync(sharedData('gpx/gpx_with_garmin_extension.gpx'), 'utf8');
  const waypoints = await importGpx(sharedData('gpx/gpx_with_garmin_extension.gpx'), { offsetMinutes: 0 });
  // Its root tag's name ends at a line break (`<gpx\n  version=...`): still the line and column of the "<".
  assert.deepEqual(
    waypoints.issues.map((i) => [i.location.line, i.location.column, i.location.field]),
    [[raw.slice(0, raw.indexOf('<gpx')).split('\n').length, 1, 'trkpt']],
  );
  for (const s of [korita, waypoints]) assert.ok(s.issues.every((i) => i.location.column! >= 1));
});
