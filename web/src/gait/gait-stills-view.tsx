/**
 * The stills of the key moments (initial contact, mid stance, toe off; one stride per foot) with the angles
 * measured there: on the result screen from the pictures just made on this device, on a saved analysis (the
 * clinician's patient page) from the API. The caption's figures are the stored ones, as written on the picture.
 */
import type { GaitStillInfo } from '../../../src/gait/gait-stills.js';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { degrees, eventLabel } from './still-frames.js';

export function stillCaption(s: Pick<GaitStillInfo, 'side' | 'event' | 'time' | 'angles'>, t: TFunction): string {
  return t('gait:stills.caption', {
    side: t(`gait:stills.side.${s.side}`),
    event: eventLabel(s.event, t).toLowerCase(),
    time: formatNumber(s.time, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    hip: degrees(s.angles.hip_deg),
    knee: degrees(s.angles.knee_deg),
    ankle: degrees(s.angles.ankle_deg),
  });
}

export function GaitStillsView({
  stills,
  note,
}: {
  stills: Array<{ src: string; info: Pick<GaitStillInfo, 'side' | 'event' | 'time' | 'angles' | 'width' | 'height'> }>;
  note?: string;
}) {
  const { t } = useTranslation('gait');
  if (!stills.length) return null;
  return (
    <div className="gait-stills">
      <h3>{t('stills.title')}</h3>
      {note && <p className="small muted">{note}</p>}
      <p className="small muted">{t('stills.rows')}</p>
      <ul className="gait-still-grid">
        {stills.map(({ src, info }) => {
          const caption = stillCaption(info, t);
          return (
            <li key={`${info.side}-${info.event}`}>
              <figure data-side={info.side} data-event={info.event}>
                <a href={src} target="_blank" rel="noopener" aria-label={t('stills.open', { caption })}>
                  <img src={src} alt={caption} width={info.width} height={info.height} />
                </a>
                <figcaption className="small">{caption}</figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
