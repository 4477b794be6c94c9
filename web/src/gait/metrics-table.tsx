/**
 * The metrics of one analysis: value, confidence and the typical range with its sources (carried in the JSON's
 * `reference` field, cited as links to the References page), or why a metric could not be measured from this video.
 */
import type { GaitAnalysisJson } from '../../../src/gait/analysis-json.js';
import { Citations } from '../ui/citations.js';
import { againstReference, formatReference, formatValue, METRIC_LABELS, referenceIds } from './metric-labels.js';

export function MetricsTable({ metrics }: { metrics: GaitAnalysisJson['metrics'] }) {
  const keys = Object.keys(metrics);
  const measured = keys.filter((k) => metrics[k]!.value !== null);
  const missing = keys.filter((k) => metrics[k]!.value === null);
  return (
    <>
      {measured.length === 0 && <p className="gait-none"><strong>Nothing could be measured from this video.</strong> See the notes above on how to film again.</p>}
      {measured.length > 0 && <table className="gait-metrics">
        <caption>Measured from this video</caption>
        <thead><tr><th scope="col">Metric and typical range</th><th scope="col">Value (confidence)</th></tr></thead>
        <tbody>
          {measured.map((k) => {
            const m = metrics[k]!;
            const where = againstReference(m);
            return (
              <tr key={k} data-metric={k}>
                <th scope="row">{METRIC_LABELS[k]?.label ?? k}{m.left !== undefined && m.right !== undefined && <span className="small muted"> (left {m.left.toFixed(2)}, right {m.right.toFixed(2)})</span>}
                  {m.reference && <span className="gait-ref small">Typical: {formatReference(m)}{referenceIds(m).length > 0 && <> (<Citations refs={referenceIds(m)} />)</>}</span>}</th>
                <td><span className="gait-value">{formatValue(k, m)}</span> <span className="small muted">({Math.round(m.confidence * 100)}%)</span>
                  {where && where !== 'within' && <span className="gait-ref-note small"> {where} the typical range</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>}
      {missing.length > 0 && (
        <details className="gait-missing">
          <summary>Not measurable from this video ({missing.length})</summary>
          <ul>{missing.map((k) => <li key={k}><strong>{METRIC_LABELS[k]?.label ?? k}</strong>: {metrics[k]!.reason ?? 'not measurable'}</li>)}</ul>
        </details>
      )}
    </>
  );
}
