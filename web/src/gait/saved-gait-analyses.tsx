/**
 * Saved gait analyses, for a clinician reviewing a patient's walk without the video: each with its summary, the
 * angles over the gait cycle and the stills of the key moments (read from the API; the newest open).
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import type { GaitAnalysisJson } from '../../../src/gait/analysis-json.js';
import type { GaitAnalysisRecord } from '../../../src/server/api-types.js';
import { AngleCharts } from './angle-charts.js';
import { videoSummary } from './gait-findings.js';
import { GaitStillsView } from './gait-stills-view.js';

export function SavedGaitAnalyses({
  analyses,
  stillUrl,
}: {
  analyses: GaitAnalysisRecord[];
  stillUrl: (analysisId: string, index: number) => string;
}) {
  const { t } = useTranslation('gait');
  if (!analyses.length) return <p>{t('saved.none')}</p>;
  const newestFirst = [...analyses].reverse();
  return (
    <ul className="gait-saved">
      {newestFirst.map((g, i) => {
        // An analysis taken from a FHIR file (src/services/import-gait.ts) has its measurements only.
        const json = g.analysis as unknown as GaitAnalysisJson & { imported_from?: { file: string } };
        const who = g.recordedBy === 'me' ? t('saved.patient') : g.recordedBy;
        return (
          <li key={g.id}>
            <details open={i === 0} data-analysis={g.id}>
              <summary>
                {t('saved.line', {
                  date: g.recordedAt.slice(0, 10),
                  view: t(`saved.view.${g.view}`, { defaultValue: g.view }),
                  name: g.sourceName,
                })}
                {g.stills.length ? t('saved.stills', { count: g.stills.length, n: formatNumber(g.stills.length) }) : ''}
              </summary>
              {json.imported_from ? (
                <p className="small muted" data-testid="gait-imported">
                  {t('saved.imported', { file: json.imported_from.file, who })}
                </p>
              ) : (
                <p className="small muted">{t('saved.recordedBy', { summary: videoSummary(json, t), who })}</p>
              )}
              <AngleCharts curves={json.angle_curves} mode={json.mode} />
              <GaitStillsView stills={g.stills.map((s, k) => ({ src: stillUrl(g.id, k), info: s }))} />
              {!json.imported_from && !json.angle_curves && !g.stills.length && (
                <p className="small muted">{t('saved.old')}</p>
              )}
            </details>
          </li>
        );
      })}
    </ul>
  );
}
