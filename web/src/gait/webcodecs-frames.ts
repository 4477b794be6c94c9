/**
 * Every frame of an MP4/MOV, decoded once in order with WebCodecs (`VideoDecoder`) from the sample table read by
 * mp4-samples.ts, timed by the container's timestamps. No seeking: each coded sample is decoded exactly once.
 */
import type { Frame } from '../../../src/pose/frame.js';
import type { FrameGrabber } from './frame-canvas.js';
import type { Mp4VideoTrack } from './mp4-samples.js';

/** True when this browser has WebCodecs and can decode the track's codec. */
export async function canDecode(track: Mp4VideoTrack): Promise<boolean> {
  if (typeof VideoDecoder === 'undefined') return false;
  try {
    const s = await VideoDecoder.isConfigSupported(decoderConfig(track));
    return s.supported === true;
  } catch {
    return false;
  }
}

function decoderConfig(track: Mp4VideoTrack): VideoDecoderConfig {
  return {
    codec: track.codec,
    codedWidth: track.width,
    codedHeight: track.height,
    ...(track.description ? { description: track.description } : {}),
  };
}

export interface DecodeOptions {
  /** Only frames first..last (presentation order, 0-based) are handed on; earlier ones are decoded and dropped. */
  first?: number;
  last?: number;
  /**
   * Hand on only frames first, first + every, ... The others are still decoded (a delta frame needs the one
   * before it) but never drawn or read back, which is most of the per-frame cost on the page's thread.
   */
  every?: number;
  signal?: AbortSignal;
}

/**
 * Decodes the file's samples (`read(offset, size)`: its bytes, read as needed, file-bytes.ts) and yields frames
 * grabbed by `grabber`, in presentation order. At most a few decoded frames are held at once (the decoder is fed
 * only when the consumer has caught up) and the file is not held whole, so memory stays flat however long the video.
 */
export async function* webCodecsFrames(
  read: (offset: number, size: number) => Promise<Uint8Array>,
  track: Mp4VideoTrack,
  grabber: FrameGrabber,
  options: DecodeOptions = {},
): AsyncGenerator<Frame> {
  const first = options.first ?? 0;
  const last = options.last ?? track.samples.length - 1;
  const every = Math.max(1, Math.floor(options.every ?? 1));
  const ready: VideoFrame[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const decoder = new VideoDecoder({
    output: (f) => {
      ready.push(f);
      poke();
    },
    error: (e) => {
      failure = e instanceof Error ? e : new Error(String(e));
      poke();
    },
  });
  decoder.addEventListener('dequeue', poke);
  decoder.configure(decoderConfig(track));
  let fed = 0;
  let flushed = false;
  let flushDone = false;
  let index = 0;
  try {
    for (;;) {
      if (options.signal?.aborted) throw new DOMException('Analysis cancelled.', 'AbortError'); // i18n-ignore: an abort, never shown (the screen ignores AbortError)
      if (failure) throw failure;
      // Keep the decoder a few samples ahead of the model, no more.
      while (
        fed < track.samples.length &&
        decoder.decodeQueueSize < 3 &&
        ready.length < 3 &&
        index + ready.length <= last
      ) {
        const s = track.samples[fed]!;
        decoder.decode(
          new EncodedVideoChunk({
            type: s.key ? 'key' : 'delta',
            timestamp: Math.round(s.time * 1e6),
            duration: Math.round(s.duration * 1e6),
            data: await read(s.offset, s.size),
          }),
        );
        fed++;
      }
      if (!flushed && (fed === track.samples.length || index + ready.length > last)) {
        flushed = true;
        decoder.flush().then(
          () => {
            flushDone = true;
            poke();
          },
          (e: unknown) => {
            failure ??= e instanceof Error ? e : new Error(String(e));
            poke();
          },
        );
      }
      const f = ready.shift();
      if (f) {
        // The picture is copied out (or drawn) by the grabber, so the decoder's frame goes back at once, before
        // the model runs on it: the decoder's pool of frames stays small however long the video.
        let frame: Frame | null = null;
        try {
          if (index >= first && index <= last && (index - first) % every === 0)
            frame = await grabber.grab(f, index, f.timestamp / 1e6);
        } finally {
          f.close();
        }
        if (frame) yield frame;
        index++;
        if (index > last) return;
        continue;
      }
      if (flushDone) return;
      // Wait for a decoded frame, room in the decode queue or the end of the flush; a timer guards against a
      // decoder that holds frames until it gets more input.
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(poke, 50);
      });
    }
  } finally {
    for (const f of ready) f.close();
    if (decoder.state !== 'closed') decoder.close();
  }
}
