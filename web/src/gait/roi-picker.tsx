/**
 * Choosing the person to follow: the first frame of the video with a box the user drags around the walker
 * (pointer or touch), and the same box as four number fields in video pixels for keyboard and screen-reader users.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import type { RegionOfInterest } from '../../../src/pose/frame.js';

export interface RoiPickerProps {
  url: string;
  size: { width: number; height: number };
  roi: RegionOfInterest;
  onChange: (roi: RegionOfInterest) => void;
  /** Show the picture at this time (seconds) instead of the first frame (the walker picker's chosen frame). */
  frameTime?: number;
  /** Drawn over the picture, above the box (the walker picker's candidate boxes). */
  overlay?: ReactNode;
}

/** Keeps a box whole, at least 16 px and inside the picture (what the pose runtime accepts). */
export function clampRoi(r: RegionOfInterest, size: { width: number; height: number }): RegionOfInterest {
  const x = Math.max(0, Math.min(size.width - 16, Math.round(r.x)));
  const y = Math.max(0, Math.min(size.height - 16, Math.round(r.y)));
  return {
    x,
    y,
    width: Math.max(16, Math.min(size.width - x, Math.round(r.width))),
    height: Math.max(16, Math.min(size.height - y, Math.round(r.height))),
  };
}

export function RoiPicker({ url, size, roi, onChange, frameTime, overlay }: RoiPickerProps) {
  const { t } = useTranslation('gait');
  const frameRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const v = videoRef.current;
    if (!v || frameTime === undefined) return;
    const seek = () => {
      v.currentTime = frameTime;
    };
    if (v.readyState >= 1) seek();
    else v.addEventListener('loadedmetadata', seek, { once: true });
    return () => v.removeEventListener('loadedmetadata', seek);
  }, [frameTime, url]);
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);

  const toSource = (e: PointerEvent) => {
    const r = frameRef.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * size.width, y: ((e.clientY - r.top) / r.height) * size.height };
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag(toSource(e));
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const p = toSource(e);
    onChange(
      clampRoi(
        {
          x: Math.min(drag.x, p.x),
          y: Math.min(drag.y, p.y),
          width: Math.abs(p.x - drag.x),
          height: Math.abs(p.y - drag.y),
        },
        size,
      ),
    );
  };
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  const field = (key: keyof RegionOfInterest, label: string) => (
    <div>
      <label htmlFor={`roi-${key}`}>{label}</label>
      <input
        id={`roi-${key}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={key === 'x' || key === 'width' ? size.width : size.height}
        value={roi[key]}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (Number.isFinite(n)) onChange(clampRoi({ ...roi, [key]: n }, size));
        }}
      />
    </div>
  );
  return (
    <div className="gait-roi">
      <div
        ref={frameRef}
        className="gait-roi-frame"
        style={{ aspectRatio: `${size.width} / ${size.height}` }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={() => setDrag(null)}
        onPointerCancel={() => setDrag(null)}
      >
        <video
          ref={videoRef}
          src={url}
          muted
          playsInline
          preload="auto"
          aria-label={frameTime === undefined ? t('roi.firstFrame') : t('roi.aFrame')}
        />
        <div
          className="gait-roi-box"
          aria-hidden="true"
          style={{
            left: pct(roi.x, size.width),
            top: pct(roi.y, size.height),
            width: pct(roi.width, size.width),
            height: pct(roi.height, size.height),
          }}
        />
        {overlay}
      </div>
      <p className="muted small">{t('roi.drag')}</p>
      <fieldset className="gait-roi-fields">
        <legend>{t('roi.legend', { width: size.width, height: size.height })}</legend>
        {field('x', t('roi.left'))}
        {field('y', t('roi.top'))}
        {field('width', t('roi.width'))}
        {field('height', t('roi.height'))}
      </fieldset>
      <div className="row">
        <button type="button" className="link-button" onClick={() => onChange({ x: 0, y: 0, ...size })}>
          {t('roi.whole')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            onChange(clampRoi({ x: 0, y: size.height / 3, width: size.width, height: (size.height * 2) / 3 }, size))
          }
        >
          {t('roi.lower')}
        </button>
      </div>
    </div>
  );
}
