/**
 * The body map's marks (web/src/body-map/pain-marks.ts), checked in Node without a browser: a tapped area has no
 * strength until the person chooses one, and the form names the area that still needs it; where the latest areas
 * came from, in words. Expected strings are written out by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { finishMarks, markFieldId, painAreasSource, type DraftMark } from './pain-marks.js';

const heel: DraftMark = { region: 'heel', side: 'left', view: 'back', intensity: 4 };
const lowBack: DraftMark = { region: 'low-back', side: 'centre', view: 'back', intensity: null };
const hand: DraftMark = { region: 'hand', side: 'right', view: 'front', intensity: null };

test('marks whose strengths are all chosen are sent as they are', () => {
  const r = finishMarks([heel, { ...hand, intensity: 0 }]);
  assert.deepEqual(r, { marks: [heel, { ...hand, intensity: 0 }], problem: null }); // 0 is a choice, not "missing"
});

test('an area without a strength is named, and the form can move to its choice; none is filled in', () => {
  const r = finishMarks([heel, lowBack]);
  assert.deepEqual(r, {
    marks: null,
    problem: {
      id: 'pm-back-low-back-centre',
      message: 'Choose how strong the pain is in Lower back (back), from 0 to 10, or remove the area.',
    },
  });
  const two = finishMarks([lowBack, heel, hand]);
  assert.equal(
    two.problem?.message,
    'Choose how strong the pain is in Lower back (back), from 0 to 10 (2 areas still need it), or remove the area.',
  );
  assert.equal(markFieldId(hand), 'pm-front-hand-right');
});

test('where the latest areas came from: the check-in or the pain map, the day, and who recorded a map', () => {
  assert.equal(
    painAreasSource({ source: 'checkin', recordedAt: '2026-12-06T09:30:00+01:00', recordedBy: 'me' }),
    'From your daily check-in on Sun 6 Dec.',
  );
  assert.equal(
    painAreasSource({ source: 'pain-map', recordedAt: '2026-12-04T12:00:00+00:00', recordedBy: 'Sam Okafor' }),
    'From the pain map on Fri 4 Dec, recorded by Sam Okafor.',
  );
  assert.equal(
    painAreasSource({ source: 'pain-map', recordedAt: '2026-12-04T12:00:00+00:00', recordedBy: 'me' }),
    'From the pain map on Fri 4 Dec.',
  );
});
