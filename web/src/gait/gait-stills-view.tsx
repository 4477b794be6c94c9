/**
 * The stills of the key moments (initial contact, mid stance, toe off; one stride per foot) with the angles
 * measured there: on the result screen from the pictures just made on this device, on a saved analysis (the
 * clinician's patient page) from the API. The caption's figures are the stored ones, as written on the picture.
 */
import type { GaitStillInfo } from '../../../src/gait/gait-stills.js';
import { degrees, EVENT_LABELS } from './still-frames.js';

export function stillCaption(s: Pick<GaitStillInfo, 'side' | 'event' | 'time' | 'angles'>): string {
  return `${s.side === 'left' ? 'Left' : 'Right'} ${EVENT_LABELS[s.event].toLowerCase()} at ${s.time.toFixed(2)} s: hip ${degrees(s.angles.hip_deg)}, knee ${degrees(s.angles.knee_deg)}, ankle ${degrees(s.angles.ankle_deg)}`;
}

export function GaitStillsView({ stills, note }: { stills: Array<{ src: string; info: Pick<GaitStillInfo, 'side' | 'event' | 'time' | 'angles' | 'width' | 'height'> }>; note?: string }) {
  if (!stills.length) return null;
  return (
    <div className="gait-stills">
      <h3>Key moments</h3>
      {note && <p className="small muted">{note}</p>}
      <p className="small muted">A row per foot: initial contact, mid stance (halfway to toe off), toe off. Tap a picture to see it full size.</p>
      <ul className="gait-still-grid">
        {stills.map(({ src, info }) => {
          const caption = stillCaption(info);
          return (
            <li key={`${info.side}-${info.event}`}>
              <figure data-side={info.side} data-event={info.event}>
                <a href={src} target="_blank" rel="noopener" aria-label={`${caption} (open the picture full size)`}><img src={src} alt={caption} width={info.width} height={info.height} /></a>
                <figcaption className="small">{caption}</figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
