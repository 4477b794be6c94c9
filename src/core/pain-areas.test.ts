import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BODY_REGIONS } from './pain.js';
import { latestPainAreas, painAreaLabel, REGION_NAMES } from './pain-areas.js';

test('Every body-map region has a name in words, with no stored value (hyphens) in it', () => {
  for (const r of BODY_REGIONS) assert.match(REGION_NAMES[r], /^[a-z ]+$/, r);
});

test('An area reads as a person says it: the side when it is one side, the view when given', () => {
  assert.equal(painAreaLabel({ region: 'heel', side: 'left', view: 'back' }), 'Left heel (back)');
  assert.equal(painAreaLabel({ region: 'low-back', side: 'centre', view: 'back' }), 'Lower back (back)');
  assert.equal(painAreaLabel({ region: 'foot-sole', side: 'both' }), 'Sole of the foot');
  assert.equal(painAreaLabel({ region: 'shoulder', side: 'right', view: 'front' }), 'Right shoulder (front)');
});

test('The arms and hands read as areas: upper arm, forearm, hand, each side', () => {
  assert.equal(painAreaLabel({ region: 'upper-arm', side: 'right', view: 'front' }), 'Right upper arm (front)');
  assert.equal(painAreaLabel({ region: 'forearm', side: 'left', view: 'back' }), 'Left forearm (back)');
  assert.equal(painAreaLabel({ region: 'hand', side: 'left', view: 'front' }), 'Left hand (front)');
});

// Latest pain areas, whichever screen recorded them (issue 17: after a check-in the pain map still said "None yet").
const heel = { region: 'heel', side: 'left', intensity: 6, view: 'back' } as const;
const neck = { region: 'neck', side: 'centre', intensity: 4, view: 'front' } as const;
const hand = { region: 'hand', side: 'right', intensity: 3, view: 'front' } as const;

test('Given only a check-in with a marked area, then it is the latest, from the check-in, by me', () => {
  assert.deepEqual(
    latestPainAreas({ painMaps: [], checkins: [{ at: '2026-12-06T09:30:00+00:00', regions: [heel] }] }),
    { marks: [heel], source: 'checkin', recordedAt: '2026-12-06T09:30:00+00:00', recordedBy: 'me' },
  );
});

test('Given a pain map on 4 Dec and a check-in on 6 Dec, then the check-in; a later map wins back', () => {
  const painMaps = [{ marks: [neck], recordedAt: '2026-12-04T18:00:00+00:00', recordedBy: 'Sam Okafor' }];
  const checkins = [{ at: '2026-12-06T08:00:00+00:00', regions: [heel, hand] }];
  assert.equal(latestPainAreas({ painMaps, checkins })!.source, 'checkin');
  const later = [...painMaps, { marks: [neck], recordedAt: '2026-12-06T19:00:00+00:00', recordedBy: 'me' }];
  assert.deepEqual(latestPainAreas({ painMaps: later, checkins }), {
    marks: [neck],
    source: 'pain-map',
    recordedAt: '2026-12-06T19:00:00+00:00',
    recordedBy: 'me',
  });
});

test('Times are compared as instants: 10:00+02:00 (08:00 UTC) is before 09:00+00:00', () => {
  const r = latestPainAreas({
    painMaps: [{ marks: [neck], recordedAt: '2026-12-06T10:00:00+02:00', recordedBy: 'me' }],
    checkins: [{ at: '2026-12-06T09:00:00+00:00', regions: [heel] }],
  });
  assert.equal(r!.source, 'checkin');
});

test('A later check-in with no marked area does not hide the map; nothing marked anywhere is null; a tie goes to the map', () => {
  const painMaps = [{ marks: [neck], recordedAt: '2026-12-04T18:00:00+00:00', recordedBy: 'me' }];
  assert.equal(
    latestPainAreas({ painMaps, checkins: [{ at: '2026-12-06T08:00:00+00:00', regions: [] }] })!.source,
    'pain-map',
  );
  assert.equal(latestPainAreas({ painMaps: [], checkins: [{ at: '2026-12-06T08:00:00+00:00', regions: [] }] }), null);
  assert.equal(
    latestPainAreas({ painMaps, checkins: [{ at: '2026-12-04T18:00:00+00:00', regions: [heel] }] })!.source,
    'pain-map',
  );
});
