/**
 * The metrics of one analysis: value, confidence and the typical range with its sources (carried in the JSON's
 * `reference` field, cited as links to the References page), or why a metric could not be measured from this video.
 */
import type { GaitAnalysisJson } from '../../../src/gait/analysis-json.js';
import { Citations } from '../ui/citations.js';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { againstReference, formatReference, formatValue, metricLabel, referenceIds } from './metric-labels.js';

export function MetricsTable({ metrics }: { metrics: GaitAnalysisJson['metrics'] }) {
  const { t } = useTranslation('gait');
  const two = (n: number) => formatNumber(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const keys = Object.keys(metrics);
  const measured = keys.filter((k) => metrics[k]!.value !== null);
  const missing = keys.filter((k) => metrics[k]!.value === null);
  return (
    <>
      {measured.length === 0 && (
        <p className="gait-none">
          <Trans t={t} i18nKey="table.nothing" components={{ strong: <strong /> }} />
        </p>
      )}
      {measured.length > 0 && (
        <table className="gait-metrics">
          <caption>{t('table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.metric')}</th>
              <th scope="col">{t('table.value')}</th>
            </tr>
          </thead>
          <tbody>
            {measured.map((k) => {
              const m = metrics[k]!;
              const where = againstReference(m);
              return (
                <tr key={k} data-metric={k}>
                  <th scope="row">
                    {metricLabel(k, t)}
                    {m.left !== undefined && m.right !== undefined && (
                      <span className="small muted">
                        {' '}
                        {t('table.leftRight', { left: two(m.left), right: two(m.right) })}
                      </span>
                    )}
                    {m.reference && (
                      <span className="gait-ref small">
                        {t('table.typical', { range: formatReference(m) })}
                        {referenceIds(m).length > 0 && (
                          <>
                            {' '}
                            (<Citations refs={referenceIds(m)} />)
                          </>
                        )}
                      </span>
                    )}
                  </th>
                  <td>
                    <span className="gait-value">{formatValue(k, m, t)}</span>{' '}
                    <span className="small muted">
                      {t('table.confidence', { percent: formatNumber(Math.round(m.confidence * 100)) })}
                    </span>
                    {where && where !== 'within' && <span className="gait-ref-note small"> {t(`table.${where}`)}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {missing.length > 0 && (
        <details className="gait-missing">
          <summary>{t('table.missing', { n: formatNumber(missing.length) })}</summary>
          <ul>
            {missing.map((k) => (
              <li key={k}>
                <strong>{metricLabel(k, t)}</strong>: {metrics[k]!.reason ?? t('values.notMeasurable')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
