/**
 * A small MP4/MOV reader: finds the first video track and lists its samples (byte offset, size, presentation time,
 * key frame) and the decoder configuration WebCodecs needs (codec string, avcC/hvcC description, size). Enough to
 * decode every frame of a phone video with `VideoDecoder`, timed by the container's real timestamps (phones record
 * at variable frame rates). Pure: bytes in, a value or a located error out. No DOM, no I/O.
 */
import { i18n } from '../i18n/i18n.js';

/** One coded video sample in file order (decode order). */
export interface Mp4Sample {
  offset: number;
  size: number;
  /** Presentation time in seconds (edit list applied). */
  time: number;
  /** Duration in seconds (from the decode time table). */
  duration: number;
  key: boolean;
}

export interface Mp4VideoTrack {
  /** WebCodecs codec string, e.g. 'avc1.64001f', 'vp09.00.40.08'. */
  codec: string;
  /** avcC / hvcC / av1C payload for VideoDecoderConfig.description, when the codec has one. */
  description: Uint8Array | null;
  width: number;
  height: number;
  timescale: number;
  /** In decode order. */
  samples: Mp4Sample[];
  /** Frames per second from the median sample duration (nominal; timing uses each sample's time). */
  fps: number;
}

export type Mp4ErrorCode = 'not-mp4' | 'no-video-track' | 'unsupported-codec' | 'truncated';

/** A located problem with the file: `offset` is the byte where the bad box starts. */
export interface Mp4Error {
  code: Mp4ErrorCode;
  message: string;
  offset: number;
  box?: string;
}

export type Mp4Result = { ok: true; value: Mp4VideoTrack } | { ok: false; error: Mp4Error };

interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

class Mp4Fail extends Error {
  constructor(readonly error: Mp4Error) {
    super(error.message);
  }
}

function fail(code: Mp4ErrorCode, message: string, offset: number, box?: string): never {
  throw new Mp4Fail({ code, message, offset, ...(box ? { box } : {}) });
}

/**
 * Lists the boxes between `from` and `to`. `lenient` (top level only): a last box longer than the file is kept,
 * cut at the end, so a file cut inside its frames still shows its index and the error can name the frame.
 */
function boxes(v: DataView, from: number, to: number, lenient = false): Box[] {
  const out: Box[] = [];
  let p = from;
  while (p + 8 <= to) {
    let size = v.getUint32(p);
    const type = String.fromCharCode(v.getUint8(p + 4), v.getUint8(p + 5), v.getUint8(p + 6), v.getUint8(p + 7));
    let body = p + 8;
    if (size === 1) {
      if (p + 16 > to) fail('truncated', i18n.t('gait:mp4.boxCutOff', { box: type }), p, type);
      size = Number(v.getBigUint64(p + 8));
      body = p + 16;
    } else if (size === 0) size = to - p; // runs to the end of the file
    if (lenient && size >= body - p && p + size > to) {
      out.push({ type, start: p, body, end: to });
      break;
    }
    if (size < body - p || p + size > to)
      fail('truncated', i18n.t('gait:mp4.boxTooLong', { box: type, size, remain: to - p }), p, type);
    out.push({ type, start: p, body, end: p + size });
    p += size;
  }
  return out;
}

function child(v: DataView, parent: Box, type: string, skip = 0): Box | undefined {
  return boxes(v, parent.body + skip, parent.end).find((b) => b.type === type);
}

function need(v: DataView, parent: Box, type: string, skip = 0): Box {
  return (
    child(v, parent, type, skip) ??
    fail('truncated', i18n.t('gait:mp4.noChildBox', { parent: parent.type, box: type }), parent.start, parent.type)
  );
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');
const dec2 = (n: number) => String(n).padStart(2, '0');

/** The codec string and description from a visual sample entry (ISO/IEC 14496-15, VP9-in-MP4, AV1-in-ISOBMFF). */
function codecOf(v: DataView, bytes: Uint8Array, entry: Box): { codec: string; description: Uint8Array | null } {
  const kids = boxes(v, entry.body + 78, entry.end);
  const payload = (b: Box) => bytes.slice(b.body, b.end);
  const t = entry.type;
  if (t === 'avc1' || t === 'avc3') {
    const c =
      kids.find((b) => b.type === 'avcC') ??
      fail('unsupported-codec', i18n.t('gait:mp4.trackWithout', { codec: 'H.264', box: 'avcC' }), entry.start, t);
    return {
      codec: `${t}.${hex2(v.getUint8(c.body + 1))}${hex2(v.getUint8(c.body + 2))}${hex2(v.getUint8(c.body + 3))}`,
      description: payload(c),
    };
  }
  if (t === 'hvc1' || t === 'hev1') {
    const c =
      kids.find((b) => b.type === 'hvcC') ??
      fail('unsupported-codec', i18n.t('gait:mp4.trackWithout', { codec: 'HEVC', box: 'hvcC' }), entry.start, t);
    const b1 = v.getUint8(c.body + 1);
    const space = ['', 'A', 'B', 'C'][b1 >> 6]!;
    const tier = (b1 >> 5) & 1 ? 'H' : 'L';
    const profile = b1 & 0x1f;
    // The 32 compatibility flags are written in reverse bit order (RFC 6381 / ISO 14496-15 annex E).
    let compat = v.getUint32(c.body + 2);
    let rev = 0;
    for (let i = 0; i < 32; i++) {
      rev = (rev << 1) | (compat & 1);
      compat >>>= 1;
    }
    const level = v.getUint8(c.body + 12);
    const cons: string[] = [];
    for (let i = 0; i < 6; i++) cons.push(hex2(v.getUint8(c.body + 6 + i)));
    while (cons.length && cons[cons.length - 1] === '00') cons.pop();
    return {
      codec: [`${t}.${space}${profile}`, (rev >>> 0).toString(16), `${tier}${level}`, ...cons].join('.'),
      description: payload(c),
    };
  }
  if (t === 'vp09') {
    const c =
      kids.find((b) => b.type === 'vpcC') ??
      fail('unsupported-codec', i18n.t('gait:mp4.trackWithout', { codec: 'VP9', box: 'vpcC' }), entry.start, t);
    const p = c.body + 4; // full box: version and flags first
    return {
      codec: `vp09.${dec2(v.getUint8(p))}.${dec2(v.getUint8(p + 1))}.${dec2(v.getUint8(p + 2) >> 4)}`,
      description: null,
    };
  }
  if (t === 'av01') {
    const c =
      kids.find((b) => b.type === 'av1C') ??
      fail('unsupported-codec', i18n.t('gait:mp4.trackWithout', { codec: 'AV1', box: 'av1C' }), entry.start, t);
    const b1 = v.getUint8(c.body + 1);
    const b2 = v.getUint8(c.body + 2);
    const bits = b2 & 0x40 ? (b2 & 0x20 ? 12 : 10) : 8;
    return {
      codec: `av01.${b1 >> 5}.${dec2(b1 & 0x1f)}${b2 & 0x80 ? 'H' : 'M'}.${dec2(bits)}`,
      description: payload(c),
    };
  }
  return fail('unsupported-codec', i18n.t('gait:mp4.codecNotSupported', { codec: t }), entry.start, t);
}

function fullBoxVersion(v: DataView, b: Box): number {
  return v.getUint8(b.body);
}

/** Reads the first video track's sample table. */
export function readMp4VideoTrack(buffer: ArrayBuffer, fileLength = buffer.byteLength): Mp4Result {
  try {
    return { ok: true, value: read(buffer, fileLength) };
  } catch (e) {
    if (e instanceof Mp4Fail) return { ok: false, error: e.error };
    if (e instanceof RangeError)
      return {
        ok: false,
        error: { code: 'truncated', message: i18n.t('gait:mp4.indexCut'), offset: buffer.byteLength },
      };
    throw e;
  }
}

/**
 * `buffer` is the whole file, or its boxes without the media data (file-bytes.ts: `fileLength` is then the file's
 * length, for the truncation check, and the VP9 profile is left to `vp9Codec` on the first sample's first byte).
 */
/**
 * Some writers put a wrong profile into vpcC; the VP9 frame header's own profile bits are authoritative
 * (frame_marker 2 bits, then profile_low_bit, profile_high_bit). `firstByte`: the first sample's first byte.
 * Other codecs' strings come back as they are.
 */
export function vp9Codec(codec: string, firstByte: number): string {
  if (!codec.startsWith('vp09.') || firstByte >> 6 !== 2) return codec;
  const profile = ((firstByte >> 5) & 1) | (((firstByte >> 4) & 1) << 1);
  return `vp09.${dec2(profile)}${codec.slice(7)}`;
}

function read(buffer: ArrayBuffer, fileLength: number): Mp4VideoTrack {
  const v = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  let top: Box[];
  try {
    top = boxes(v, 0, buffer.byteLength, true);
  } catch {
    top = [];
  }
  if (!top.length || !['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(top[0]!.type))
    fail('not-mp4', i18n.t('gait:mp4.notMp4'), 0);
  const moov = top.find((b) => b.type === 'moov') ?? fail('not-mp4', i18n.t('gait:mp4.noIndex'), 0);
  for (const trak of boxes(v, moov.body, moov.end).filter((b) => b.type === 'trak')) {
    const mdia = need(v, trak, 'mdia');
    const hdlr = need(v, mdia, 'hdlr');
    const handler = String.fromCharCode(...bytes.slice(hdlr.body + 8, hdlr.body + 12));
    if (handler !== 'vide') continue;
    const mdhd = need(v, mdia, 'mdhd');
    const timescale = fullBoxVersion(v, mdhd) === 1 ? v.getUint32(mdhd.body + 20) : v.getUint32(mdhd.body + 12);
    if (!(timescale > 0)) fail('truncated', i18n.t('gait:mp4.noTimescale'), mdhd.start, 'mdhd');
    const stbl = need(v, need(v, mdia, 'minf'), 'stbl');
    const stsd = need(v, stbl, 'stsd');
    const entry =
      boxes(v, stsd.body + 8, stsd.end)[0] ??
      fail('no-video-track', i18n.t('gait:mp4.noSampleDescription'), stsd.start, 'stsd');
    const width = v.getUint16(entry.body + 24);
    const height = v.getUint16(entry.body + 26);
    const { codec, description } = codecOf(v, bytes, entry);

    // Sizes
    const stsz = child(v, stbl, 'stsz');
    const sizes: number[] = [];
    if (stsz) {
      const fixed = v.getUint32(stsz.body + 4);
      const n = v.getUint32(stsz.body + 8);
      for (let i = 0; i < n; i++) sizes.push(fixed || v.getUint32(stsz.body + 12 + 4 * i));
    } else fail('truncated', i18n.t('gait:mp4.noSampleSizes'), stbl.start, 'stbl');
    const n = sizes.length;
    // Chunk offsets and samples per chunk -> sample offsets
    const stco = child(v, stbl, 'stco');
    const co64 = child(v, stbl, 'co64');
    const chunkOffsets: number[] = [];
    if (stco)
      for (let i = 0, c = v.getUint32(stco.body + 4); i < c; i++) chunkOffsets.push(v.getUint32(stco.body + 8 + 4 * i));
    else if (co64)
      for (let i = 0, c = v.getUint32(co64.body + 4); i < c; i++)
        chunkOffsets.push(Number(v.getBigUint64(co64.body + 8 + 8 * i)));
    else fail('truncated', i18n.t('gait:mp4.noChunkOffsets'), stbl.start, 'stbl');
    const stsc = need(v, stbl, 'stsc');
    const runs: { first: number; per: number }[] = [];
    for (let i = 0, c = v.getUint32(stsc.body + 4); i < c; i++)
      runs.push({ first: v.getUint32(stsc.body + 8 + 12 * i), per: v.getUint32(stsc.body + 12 + 12 * i) });
    const offsets: number[] = [];
    for (let chunk = 0, r = 0; chunk < chunkOffsets.length && offsets.length < n; chunk++) {
      while (r + 1 < runs.length && runs[r + 1]!.first <= chunk + 1) r++;
      let off = chunkOffsets[chunk]!;
      for (let k = 0; k < (runs[r]?.per ?? 0) && offsets.length < n; k++) {
        offsets.push(off);
        off += sizes[offsets.length - 1]!;
      }
    }
    if (offsets.length < n)
      fail('truncated', i18n.t('gait:mp4.chunkTableShort', { covered: offsets.length, total: n }), stsc.start, 'stsc');
    // Decode times and durations
    const stts = need(v, stbl, 'stts');
    const dts: number[] = [];
    const dur: number[] = [];
    for (let i = 0, c = v.getUint32(stts.body + 4), t = 0; i < c; i++) {
      const count = v.getUint32(stts.body + 8 + 8 * i);
      const delta = v.getUint32(stts.body + 12 + 8 * i);
      for (let k = 0; k < count && dts.length < n; k++) {
        dts.push(t);
        dur.push(delta);
        t += delta;
      }
    }
    if (dts.length < n)
      fail('truncated', i18n.t('gait:mp4.timeTableShort', { covered: dts.length, total: n }), stts.start, 'stts');
    // Composition offsets (B-frames): presentation = decode + offset
    const ctts = child(v, stbl, 'ctts');
    const cto = new Array<number>(n).fill(0);
    if (ctts) {
      const signed = fullBoxVersion(v, ctts) === 1;
      for (let i = 0, c = v.getUint32(ctts.body + 4), s = 0; i < c; i++) {
        const count = v.getUint32(ctts.body + 8 + 8 * i);
        const off = signed ? v.getInt32(ctts.body + 12 + 8 * i) : v.getUint32(ctts.body + 12 + 8 * i);
        for (let k = 0; k < count && s < n; k++) cto[s++] = off;
      }
    }
    const stss = child(v, stbl, 'stss');
    const keys = new Set<number>();
    if (stss)
      for (let i = 0, c = v.getUint32(stss.body + 4); i < c; i++) keys.add(v.getUint32(stss.body + 8 + 4 * i) - 1);
    // Edit list: the first edit's media time is where presentation starts (often the first composition offset).
    let shift = Math.min(...cto.map((o, i) => dts[i]! + o));
    const edts = child(v, trak, 'edts');
    const elst = edts ? child(v, edts, 'elst') : undefined;
    if (elst) {
      const v1 = fullBoxVersion(v, elst) === 1;
      const entries = v.getUint32(elst.body + 4);
      for (let i = 0, p = elst.body + 8; i < entries; i++, p += v1 ? 20 : 12) {
        const mediaTime = v1 ? Number(v.getBigInt64(p + 8)) : v.getInt32(p + 4);
        if (mediaTime >= 0) {
          shift = mediaTime;
          break;
        }
      }
    }
    const samples: Mp4Sample[] = sizes.map((size, i) => ({
      offset: offsets[i]!,
      size,
      time: (dts[i]! + cto[i]! - shift) / timescale,
      duration: dur[i]! / timescale,
      key: stss ? keys.has(i) : true,
    }));
    const cut = samples.findIndex((s) => s.offset + s.size > fileLength);
    if (cut >= 0) fail('truncated', i18n.t('gait:mp4.frameCut', { frame: cut, total: n }), fileLength);
    let codecString = codec;
    if (fileLength === bytes.length && samples[0] && samples[0].size > 0 && samples[0].offset < bytes.length)
      codecString = vp9Codec(codec, bytes[samples[0].offset]!);
    const sorted = [...dur].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    return {
      codec: codecString,
      description,
      width,
      height,
      timescale,
      samples,
      fps: median > 0 ? timescale / median : 0,
    };
  }
  return fail('no-video-track', i18n.t('gait:mp4.noVideoTrack'), moov.start, 'moov');
}
