import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  base64Bytes,
  GaitStillsInput,
  GaitStillsRecordSchema,
  sniffStillType,
  stillInfo,
  STILL_MAX_BYTES,
  type GaitStill,
} from './gait-stills.js';

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
const bytes = (head: number[], total: number) =>
  Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, total - head.length), 7)]).toString('base64');
const webp = (total: number) =>
  Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('WEBP'),
    Buffer.alloc(total - 12, 1),
  ]).toString('base64');
const still = (over: Partial<GaitStill> = {}): GaitStill => ({
  event: 'initial_contact',
  side: 'left',
  time: 1.2,
  frame: 36,
  angles: { hip_deg: 25.4, knee_deg: 3.1, ankle_deg: null },
  type: 'image/jpeg',
  width: 270,
  height: 480,
  data: bytes(JPEG_HEAD, 2000),
  ...over,
});
const problems = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

test('base64 sizes and picture types are read from the text', () => {
  assert.equal(base64Bytes(Buffer.alloc(10).toString('base64')), 10); // "AAAAAAAAAAAAAA==": 16 chars, 2 pads
  assert.equal(base64Bytes(Buffer.alloc(12).toString('base64')), 12);
  assert.equal(sniffStillType(bytes(JPEG_HEAD, 20)), 'image/jpeg');
  assert.equal(sniffStillType(webp(20)), 'image/webp');
  assert.equal(sniffStillType(Buffer.from('\x89PNG\r\n\x1a\n0000').toString('base64')), null);
});

test('JPEG and WebP stills within the limit are accepted', () => {
  assert.deepEqual(
    problems(
      GaitStillsInput.safeParse([still(), still({ side: 'right', type: 'image/webp', data: webp(STILL_MAX_BYTES) })]),
    ),
    [],
  );
  const info = stillInfo(still());
  assert.equal('data' in info, false, 'a list carries no picture');
  assert.deepEqual([info.bytes, info.side, info.event, info.angles.knee_deg], [2000, 'left', 'initial_contact', 3.1]);
});

test('an oversized, mistyped or malformed still is refused with the field and the reason', () => {
  const cases: Array<[string, GaitStill, string]> = [
    [
      '61 kB',
      still({ data: bytes(JPEG_HEAD, 61 * 1024) }),
      '0.data: the picture is 61 kB; a still may be at most 60 kB (make it smaller or lower its quality on the device)',
    ],
    [
      'a PNG',
      still({ data: Buffer.from('\x89PNG\r\n\x1a\n00000000').toString('base64') }),
      '0.data: is not a JPEG or WebP picture',
    ],
    ['a WebP said to be JPEG', still({ data: webp(100) }), '0.type: says image/jpeg but the picture is image/webp'],
    ['not base64', still({ data: '!!!!' }), "0.data: must be the picture's bytes in base64"],
    ['a GIF type', still({ type: 'image/gif' as 'image/jpeg' }), '0.type: must be one of image/jpeg, image/webp'],
    ['a picture 2000 px wide', still({ width: 2000 }), '0.width: Too big: expected number to be <=640'],
  ];
  for (const [what, s, expected] of cases) assert.deepEqual(problems(GaitStillsInput.safeParse([s])), [expected], what);
});

test('at most one still per moment and foot, six in all', () => {
  assert.deepEqual(problems(GaitStillsInput.safeParse([still(), still()])), ['1: repeats the left initial contact']);
  const seven = Array.from({ length: 7 }, (_, i) => still({ frame: i }));
  assert.match(problems(GaitStillsInput.safeParse(seven)).join('\n'), /at most 6 stills/);
  assert.deepEqual(problems(GaitStillsRecordSchema.safeParse({ version: 1, stills: [still()] })), []);
  assert.equal(GaitStillsRecordSchema.safeParse({ version: 2, stills: [] }).success, false);
});
