/**
 * The video with the skeleton drawn over it: a canvas above the <video>, redrawn for the frame on screen
 * (requestVideoFrameCallback while playing, the seeked/timeupdate events otherwise).
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import type { KeypointSeries } from '../../../src/gait/keypoints.js';
import { drawSkeleton, frameAt } from './skeleton.js';

export interface SkeletonPlayerProps {
  url: string;
  series: KeypointSeries;
  onTime: (t: number) => void;
  /** Set to seek the video (seconds). */
  seekTo: { t: number } | null;
}

export function SkeletonPlayer({ url, series, onTime, seekTo }: SkeletonPlayerProps) {
  const { t } = useTranslation('gait');
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const video = videoRef.current;
    const canvas = canvasRef.current;
    if (!video || !canvas) return;
    let handle = 0;
    let stopped = false;
    const paint = (t: number) => {
      const r = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(r.width * dpr)) {
        canvas.width = Math.round(r.width * dpr);
        canvas.height = Math.round(r.height * dpr);
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawSkeleton(ctx, series.frames[frameAt(series.frames, t)], series, { width: r.width, height: r.height });
      onTime(t);
    };
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (stopped) return;
      paint(meta.mediaTime);
      handle = video.requestVideoFrameCallback(onFrame);
    };
    const onEvent = () => paint(video.currentTime);
    if ('requestVideoFrameCallback' in video) handle = video.requestVideoFrameCallback(onFrame);
    for (const ev of ['seeked', 'loadeddata', 'timeupdate']) video.addEventListener(ev, onEvent);
    window.addEventListener('resize', onEvent);
    return () => {
      stopped = true;
      if ('cancelVideoFrameCallback' in video) video.cancelVideoFrameCallback(handle);
      for (const ev of ['seeked', 'loadeddata', 'timeupdate']) video.removeEventListener(ev, onEvent);
      window.removeEventListener('resize', onEvent);
    };
  }, [series, onTime]);

  useEffect(() => {
    if (seekTo && videoRef.current) videoRef.current.currentTime = Math.max(0, seekTo.t);
  }, [seekTo]);

  return (
    <div className="gait-player" style={{ aspectRatio: `${series.width} / ${series.height}` }}>
      <video ref={videoRef} src={url} controls muted playsInline preload="auto" aria-label={t('player.label')} />
      <canvas ref={canvasRef} aria-hidden="true" />
    </div>
  );
}
