/**
 * The parts of a gait result that read the same wherever the analysis ran (on this device or on the server): the
 * one-line description of the video, the filming warnings with advice, the metrics against their reference ranges
 * with what those ranges mean, and the step times.
 */
import type { GaitAnalysisJson } from '../../../src/gait/analysis-json.js';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { Link } from '../ui/common.js';
import { MetricsTable } from './metrics-table.js';
import { EventTable } from './step-timeline.js';

/**
 * "walk.mp4: 230 frames, filmed from the side, walking right to left" (or in place on a treadmill, facing left), in
 * the language of `t` (gait:summary.*).
 */
export function videoSummary(
  json: Pick<GaitAnalysisJson, 'video' | 'frames' | 'view' | 'direction' | 'setting' | 'mode' | 'treadmill_kmh'>,
  t: TFunction,
): string {
  const moving = t(`gait:summary.moving.${json.mode === 'run' ? 'run' : 'walk'}`);
  const view = t(`gait:summary.view.${json.view}`, { defaultValue: json.view });
  const d = json.direction;
  let how = '';
  if (json.setting === 'in-place') {
    const speed =
      json.treadmill_kmh !== undefined ? t('gait:summary.speed', { kmh: formatNumber(json.treadmill_kmh) }) : '';
    const facing =
      d === 'left-to-right' ? t('gait:summary.facingRight') : d === 'right-to-left' ? t('gait:summary.facingLeft') : '';
    how = t('gait:summary.inPlace', { moving, speed, facing });
  } else if (d !== 'unknown') how = t(`gait:summary.direction.${d}`, { moving, defaultValue: '' });
  return t('gait:summary.line', { video: json.video, frames: formatNumber(json.frames), view, how });
}

export function GaitFindings({ json }: { json: Pick<GaitAnalysisJson, 'warnings' | 'metrics' | 'events' | 'mode'> }) {
  const { t } = useTranslation('gait');
  return (
    <>
      {json.warnings.length > 0 && (
        <div className="notice gait-warnings" role="region" aria-label={t('findings.warnings')}>
          <h2>{t('findings.about')}</h2>
          <ul>
            {json.warnings.map((w, i) => (
              <li key={i}>
                <strong>{w.message}</strong> {w.advice}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/filming-guide">{t('findings.howToFilm')}</Link>
          </p>
        </div>
      )}

      {json.mode === 'run' && (
        <p className="notice gait-run-note">
          <Trans t={t} i18nKey="findings.run" components={{ strong: <strong /> }} />
        </p>
      )}
      <MetricsTable metrics={json.metrics} />
      <p className="small muted">{t('findings.ranges')}</p>
      <details>
        <summary>{t('findings.stepTimes')}</summary>
        <EventTable events={json.events} />
      </details>
    </>
  );
}
