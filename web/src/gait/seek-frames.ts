/**
 * The fallback frame source for files WebCodecs cannot take here (WebM from a camera app, codecs without an MP4
 * sample table): the <video> element is paused and seeked frame by frame, each frame drawn once it is shown.
 * Slower than WebCodecs (each seek decodes from the previous key frame), and the frame times are nominal
 * (index / fps), so variable frame rate videos are timed less exactly.
 */
import { i18n } from '../i18n/i18n.js';
import type { Frame } from '../../../src/pose/frame.js';
import type { FrameGrabber } from './frame-canvas.js';

/** Nominal frame rate assumed when the container does not say (phone cameras default to 30). */
export const ASSUMED_FPS = 30;

/** Waits for an event on the video element, or rejects on its error event. */
function once(video: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => {
      off();
      resolve();
    };
    const bad = () => {
      off();
      reject(new Error(video.error?.message || i18n.t('gait:errors.cannotDecode')));
    };
    const off = () => {
      video.removeEventListener(event, ok);
      video.removeEventListener('error', bad);
    };
    video.addEventListener(event, ok);
    video.addEventListener('error', bad);
  });
}

/** Loads `url` into a detached video element and returns it with its real duration. */
export async function loadVideo(url: string): Promise<{ video: HTMLVideoElement; duration: number }> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  const loaded = once(video, 'loadeddata');
  video.src = url;
  await loaded;
  let duration = video.duration;
  if (!Number.isFinite(duration)) {
    // Recorder WebM files carry no duration: seeking far past the end makes the browser find it.
    const seeked = once(video, 'seeked');
    video.currentTime = 1e7;
    await seeked;
    duration = video.duration;
    video.currentTime = 0;
    await once(video, 'seeked');
  }
  return { video, duration };
}

/**
 * Yields frames first..last (every `every`-th one: only those are seeked to) by seeking to the middle of each
 * nominal frame interval (never onto a boundary).
 */
export async function* seekFrames(
  video: HTMLVideoElement,
  opts: {
    fps: number;
    count: number;
    grabber: FrameGrabber;
    first?: number;
    last?: number;
    every?: number;
    signal?: AbortSignal;
  },
): AsyncGenerator<Frame> {
  const last = Math.min(opts.count - 1, opts.last ?? opts.count - 1);
  const every = Math.max(1, Math.floor(opts.every ?? 1));
  for (let i = opts.first ?? 0; i <= last; i += every) {
    if (opts.signal?.aborted) throw new DOMException('Analysis cancelled.', 'AbortError'); // i18n-ignore: an abort, never shown (the screen ignores AbortError)
    const seeked = once(video, 'seeked');
    video.currentTime = (i + 0.5) / opts.fps;
    await seeked;
    yield await opts.grabber.grab(video, i, i / opts.fps);
  }
}
