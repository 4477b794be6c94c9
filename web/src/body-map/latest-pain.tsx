/**
 * The latest pain areas a person marked, whichever screen recorded them (the daily check-in or the pain map), with
 * when and where they came from. The Chain screen and the pain map show the same list.
 */
import { Trans, useTranslation } from 'react-i18next';
import { REGION_SEGMENT } from '../../../src/core/chain.js';
import type { PainAreas } from '../api/assessment-types.js';
import { regionLabel } from './body-diagram.js';
import { Link } from '../ui/common.js';
import { painAreasSource } from './pain-marks.js';

export function LatestPainAreas({ pain }: { pain: PainAreas | null }) {
  const { t } = useTranslation('body-map');
  if (!pain)
    return (
      <p data-testid="latest-pain">
        <Trans
          t={t}
          i18nKey="latest.none"
          components={{ checkin: <Link to="/checkin">{null}</Link>, painMap: <Link to="/chain/pain-map">{null}</Link> }}
        />
      </p>
    );
  return (
    <div data-testid="latest-pain">
      <p className="muted">{painAreasSource(pain)}</p>
      <ul className="saved-marks">
        {pain.marks.map((m) => (
          <li key={`${m.view}-${m.region}-${m.side}`}>
            {regionLabel(m)}: <strong>{m.intensity}/10</strong>
            {m.type ? `, ${t(`painTypes.${m.type}`)}` : ''}
          </li>
        ))}
      </ul>
      {pain.marks.some((m) => REGION_SEGMENT[m.region] === null) && (
        <p className="muted small">{t('latest.armsNotInChain')}</p>
      )}
    </div>
  );
}
