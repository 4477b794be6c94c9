/**
 * Opens a chosen or recorded video on the device (nothing is uploaded): reads its size, frame rate and frame times,
 * and picks how to decode every frame: WebCodecs with the MP4 sample table when the browser can decode the codec,
 * otherwise seeking a <video> element frame by frame. Problems the file can cause come back as located values.
 */
import { i18n } from '../i18n/i18n.js';
import type { Frame, RegionOfInterest } from '../../../src/pose/frame.js';
import { frameGrabber } from './frame-canvas.js';
import { readMp4VideoTrack, vp9Codec, type Mp4VideoTrack } from './mp4-samples.js';
import { ASSUMED_FPS, loadVideo, seekFrames } from './seek-frames.js';
import { canDecode, webCodecsFrames } from './webcodecs-frames.js';
import { fileReader, mp4IndexBytes } from './file-bytes.js';

export interface OpenedVideo {
  name: string;
  /** An object URL of the file, for playback on this page only. */
  url: string;
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  /** 'webcodecs': every frame decoded once, real timestamps; 'seek': <video> seeked per frame, nominal times. */
  decoder: 'webcodecs' | 'seek';
  /** Codec string when known (MP4/MOV). */
  codec: string | null;
}

export interface VideoError {
  code: 'not-a-video' | 'decode-failed' | 'too-short';
  message: string;
  location: { file: string; offset?: number; box?: string };
}

export type Opened = { ok: true; value: OpenedVideo; frames: FrameSource } | { ok: false; error: VideoError };

/**
 * Produces the frames of the opened video for one region. `every`: only frames first, first + every, ... (the
 * walker scan); `maxHeight`: scale limit of the whole picture (frame-canvas.ts, default 720).
 */
export type FrameSource = (opts: {
  roi: RegionOfInterest;
  first?: number;
  last?: number;
  every?: number;
  maxHeight?: number;
  signal?: AbortSignal;
}) => AsyncIterable<Frame>;

/** Opens `file`. The caller revokes `value.url` when done with it. */
export async function openVideoFile(file: File): Promise<Opened> {
  const bad = (code: VideoError['code'], message: string, extra: Partial<VideoError['location']> = {}): Opened => ({
    ok: false,
    error: { code, message, location: { file: file.name, ...extra } },
  });
  // The index only: the samples are read from the file while they are decoded (file-bytes.ts).
  const index = await mp4IndexBytes(file);
  const read = readMp4VideoTrack(index.buffer, file.size);
  const fileAt = (at: number) => (at >= index.buffer.byteLength ? at : index.fileOffset(at));
  const mp4 = read.ok ? read : { ...read, error: { ...read.error, offset: fileAt(read.error.offset) } };
  if (mp4.ok && mp4.value.samples[0]?.size) {
    const first = new Uint8Array(
      await file.slice(mp4.value.samples[0].offset, mp4.value.samples[0].offset + 1).arrayBuffer(),
    );
    if (first.length) mp4.value.codec = vp9Codec(mp4.value.codec, first[0]!);
  }
  let track: Mp4VideoTrack | null = null;
  if (mp4.ok && (await canDecode(mp4.value))) track = mp4.value;
  else if (!mp4.ok && mp4.error.code !== 'not-mp4' && mp4.error.code !== 'unsupported-codec') {
    return bad(
      'not-a-video',
      `${mp4.error.message} (byte ${mp4.error.offset}${mp4.error.box ? `, box ${mp4.error.box}` : ''})`,
      { offset: mp4.error.offset, ...(mp4.error.box ? { box: mp4.error.box } : {}) },
    );
  }
  const url = URL.createObjectURL(file);
  if (track) {
    const t = track;
    if (t.samples.length < 2) {
      URL.revokeObjectURL(url);
      return bad('too-short', i18n.t('gait:errors.fewerFrames'));
    }
    return {
      ok: true,
      value: {
        name: file.name,
        url,
        width: t.width,
        height: t.height,
        fps: t.fps,
        frameCount: t.samples.length,
        decoder: 'webcodecs',
        codec: t.codec,
      },
      frames: ({ roi, first, last, every, maxHeight, signal }) =>
        webCodecsFrames(fileReader(file), t, frameGrabber(t, roi, maxHeight), {
          ...(first !== undefined ? { first } : {}),
          ...(last !== undefined ? { last } : {}),
          ...(every ? { every } : {}),
          ...(signal ? { signal } : {}),
        }),
    };
  }
  try {
    const { video, duration } = await loadVideo(url);
    const fps = mp4.ok && mp4.value.fps > 0 ? mp4.value.fps : ASSUMED_FPS;
    const frameCount = mp4.ok ? mp4.value.samples.length : Math.floor(duration * fps);
    if (frameCount < 2) {
      URL.revokeObjectURL(url);
      return bad('too-short', i18n.t('gait:errors.tooShort'));
    }
    const size = { width: video.videoWidth, height: video.videoHeight };
    return {
      ok: true,
      value: {
        name: file.name,
        url,
        ...size,
        fps,
        frameCount,
        decoder: 'seek',
        codec: mp4.ok ? mp4.value.codec : null,
      },
      frames: ({ roi, first, last, every, maxHeight, signal }) =>
        seekFrames(video, {
          fps,
          count: frameCount,
          grabber: frameGrabber(size, roi, maxHeight),
          ...(first !== undefined ? { first } : {}),
          ...(last !== undefined ? { last } : {}),
          ...(every ? { every } : {}),
          ...(signal ? { signal } : {}),
        }),
    };
  } catch (e) {
    URL.revokeObjectURL(url);
    return bad(
      'decode-failed',
      i18n.t('gait:errors.cannotPlay', {
        codec: mp4.ok ? ` (codec ${mp4.value.codec})` : '',
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
  }
}
