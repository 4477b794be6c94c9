/**
 * The web app's MP4 sample-table reader (web/src/gait/mp4-samples.ts), run in Node on the shared walking clip and
 * checked against ffprobe's packet list (an independent demuxer): every sample's byte offset, size, presentation
 * time and key flag. Damaged files (cut anywhere, bytes flipped in the index) give a located error value, never a
 * throw. The page reads only the index of the file at once (web/src/gait/file-bytes.ts): the same table from it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import fc from 'fast-check';
import { readMp4VideoTrack, vp9Codec } from './mp4-samples.js';
import { fileReader, mp4IndexBytes } from './file-bytes.js';

const VIDEO = fileURLToPath(new URL('../../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const bytes = readFileSync(VIDEO);
const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

test('sample table agrees with ffprobe packet by packet', () => {
  const csv = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v',
      '-show_packets',
      '-show_entries',
      'packet=pts_time,pos,size,flags',
      '-of',
      'csv=p=0',
      VIDEO,
    ],
    { encoding: 'utf8' },
  );
  const packets = csv
    .trim()
    .split('\n')
    .map((l) => {
      const [pts, size, pos, flags] = l.split(',');
      return { time: Number(pts), size: Number(size), offset: Number(pos), key: flags!.startsWith('K') };
    });
  const r = readMp4VideoTrack(buffer);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const t = r.value;
  assert.equal(t.samples.length, packets.length);
  assert.equal(t.samples.length, 230); // SOURCES.md: 230 frames
  t.samples.forEach((s, i) => {
    const p = packets[i]!;
    assert.equal(s.offset, p.offset, `sample ${i} offset`);
    assert.equal(s.size, p.size, `sample ${i} size`);
    assert.ok(Math.abs(s.time - p.time) < 1e-6, `sample ${i} time ${s.time} vs ${p.time}`);
    assert.equal(s.key, p.key, `sample ${i} key`);
  });
  assert.deepEqual([t.width, t.height, t.fps], [1768, 994, 30]);
  // ffprobe reads the profile from the VP9 stream (Profile 0); the file's vpcC box says 1, the frame header wins.
  assert.equal(t.codec, 'vp09.00.40.08');
});

test('cut inside the frames: says which frame', () => {
  const r = readMp4VideoTrack(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 302549 + 100));
  assert.equal(r.ok, false);
  // ffprobe: sample 1 starts at byte 302549 and is 9808 bytes long, so the cut falls inside frame 1.
  if (!r.ok) {
    assert.equal(r.error.code, 'truncated');
    assert.match(r.error.message, /frame 1 of 230/);
  }
});

test('not an MP4: a located error', () => {
  const r = readMp4VideoTrack(new TextEncoder().encode('just some text, not a video at all').buffer as ArrayBuffer);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.code, 'not-mp4');
    assert.equal(r.error.offset, 0);
  }
});

test('a file cut short or with a damaged index never throws and says where', () => {
  const moov = bytes.indexOf('moov') - 4;
  const mdat = bytes.indexOf('mdat') - 4;
  assert.ok(moov > 0 && mdat > moov, 'this clip has its index (moov) before the frames (mdat)');
  fc.assert(
    fc.property(
      fc.oneof(fc.integer({ min: 0, max: mdat + 16 }), fc.integer({ min: 0, max: bytes.length })),
      fc.array(fc.tuple(fc.integer({ min: moov, max: mdat }), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      (cut, flips) => {
        const copy = new Uint8Array(bytes.subarray(0, cut));
        for (const [at, v] of flips) if (at < copy.length) copy[at] = v;
        const r = readMp4VideoTrack(copy.buffer);
        if (!r.ok) {
          assert.ok(['not-mp4', 'no-video-track', 'unsupported-codec', 'truncated'].includes(r.error.code));
          assert.ok(r.error.offset >= 0 && r.error.offset <= bytes.length, `offset ${r.error.offset}`);
          assert.ok(r.error.message.length > 0);
        } else {
          for (const s of r.value.samples)
            assert.ok(Number.isFinite(s.time) && s.size >= 0 && s.offset + s.size <= copy.length);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test("Given only the index bytes of the file (the media data left out), then the same sample table, and samples read through a window are the file's bytes", async () => {
  const blob = new Blob([bytes]);
  const index = await mp4IndexBytes(blob);
  const whole = readMp4VideoTrack(buffer);
  const fromIndex = readMp4VideoTrack(index.buffer, blob.size);
  assert.ok(whole.ok && fromIndex.ok);
  // The index is what holds the table: a few kilobytes of a 3.97 MB file (moov's own size here, from the file).
  const moovSize = bytes.readUInt32BE(bytes.indexOf('moov') - 4);
  assert.ok(index.buffer.byteLength < moovSize + 100, `${index.buffer.byteLength} bytes read at once`);
  assert.deepEqual(fromIndex.value.samples, whole.value.samples);
  // The VP9 profile from the first frame's header: the container says 01 (profile 1), the stream is profile 0.
  assert.equal(fromIndex.value.codec, 'vp09.01.40.08');
  assert.equal(vp9Codec(fromIndex.value.codec, bytes[fromIndex.value.samples[0]!.offset]!), whole.value.codec);
  const read = fileReader(blob, 64 * 1024);
  for (const s of [...whole.value.samples.slice(0, 5), whole.value.samples[100]!, whole.value.samples.at(-1)!]) {
    assert.deepEqual(await read(s.offset, s.size), new Uint8Array(bytes.subarray(s.offset, s.offset + s.size)));
  }
  await assert.rejects(read(bytes.length - 10, 20), /The file ends at byte 3968304, inside a video sample/);
  // A file that is not an MP4 gives its first bytes only, and the reader says so at byte 0.
  const webm = await mp4IndexBytes(
    new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])]),
  );
  assert.equal(webm.buffer.byteLength, 16);
  const r = readMp4VideoTrack(webm.buffer, 18);
  assert.ok(!r.ok && r.error.code === 'not-mp4' && webm.fileOffset(r.error.offset) === 0);
});
