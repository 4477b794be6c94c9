/**
 * The result of one import, in plain words: what kind of file it was, how many records it held, how many were
 * added and how many were already there, which days it covers, and each bad record with where it is in the file.
 */
import { shortDate } from '../lib/local-time.js';
import type { ImportJob } from './import-types.js';
import { isReport } from './import-types.js';
import { locationText, PROBLEM_TEXT } from './location-text.js';

const FORMAT_TEXT: Record<string, string> = {
  'apple-health-xml': 'Apple Health export (export.xml)',
  'apple-health-zip': 'Apple Health export (export.zip)',
  fit: 'Garmin / FIT activity file',
  gpx: 'GPX track',
  tcx: 'TCX activity (Garmin Training Center)',
  'fitbit-csv': 'Fitbit daily export (CSV)',
};

/** How many bad records are listed before "and N more". */
const SHOWN_PROBLEMS = 20;

export function ImportResult({ job, fileName }: { job: ImportJob; fileName: string }) {
  const r = job.result;
  if (!isReport(r)) {
    return (
      <div className="import-result failed" data-testid="import-result" data-status="failed">
        <h3>{fileName}: not imported</h3>
        <p>{r && 'error' in r ? r.error : 'The import stopped; nothing from this file was stored.'}</p>
      </div>
    );
  }
  const days = Object.keys(r.days).sort();
  const stored = r.ok;
  return (
    <div className={`import-result ${stored ? 'ok' : 'failed'}`} data-testid="import-result" data-status={job.status}
      data-records={r.records} data-added={r.added} data-skipped={r.skipped}>
      <h3>{stored ? `${fileName}: imported` : `${fileName}: nothing imported`}</h3>
      {!stored && (
        <p className="field-error" role="alert">
          {r.mode === 'strict' ? 'You chose “import nothing if anything is damaged”, and this file has damage, so nothing from it was stored.' : 'This file could not be read, so nothing from it was stored.'}
        </p>
      )}
      <dl className="import-figures">
        <div><dt>Kind of file</dt><dd>{FORMAT_TEXT[r.format] ?? r.format}</dd></div>
        <div><dt>Records read</dt><dd data-testid="import-records">{r.records.toLocaleString('en')}</dd></div>
        <div><dt>Added</dt><dd data-testid="import-added">{r.added.toLocaleString('en')}</dd></div>
        <div><dt>Already there or not walking</dt><dd data-testid="import-skipped">{r.skipped.toLocaleString('en')}</dd></div>
        <div><dt>Days covered</dt><dd data-testid="import-days">{days.length === 0 ? 'none' : days.length === 1 ? `${shortDate(days[0]!)} ${days[0]!.slice(0, 4)}` : `${days.length} days, ${shortDate(days[0]!)} ${days[0]!.slice(0, 4)} to ${shortDate(days.at(-1)!)} ${days.at(-1)!.slice(0, 4)}`}</dd></div>
      </dl>
      {r.error_count + r.warning_count > 0 && (
        <div className="import-problems">
          <h4>{r.error_count > 0 ? `${r.error_count.toLocaleString('en')} bad record${r.error_count === 1 ? '' : 's'}` : ''}{r.error_count > 0 && r.warning_count > 0 ? ', ' : ''}{r.warning_count > 0 ? `${r.warning_count.toLocaleString('en')} warning${r.warning_count === 1 ? '' : 's'}` : ''}{stored && r.error_count > 0 ? ' (left out; the rest was imported)' : ''}</h4>
          <ol data-testid="import-problems">
            {r.errors.slice(0, SHOWN_PROBLEMS).map((e, i) => (
              <li key={i} className={`problem problem-${e.severity}`} data-code={e.code}>
                <span className="problem-where">{e.severity === 'warning' ? 'Warning at ' : 'At '}{locationText(e.location)}</span>
                <span>{PROBLEM_TEXT[e.code] ?? 'This record could not be used.'}</span>
                <span className="muted small">{e.message}</span>
              </li>
            ))}
          </ol>
          {r.error_count + r.warning_count > Math.min(r.errors.length, SHOWN_PROBLEMS) && <p className="muted">…and {(r.error_count + r.warning_count - Math.min(r.errors.length, SHOWN_PROBLEMS)).toLocaleString('en')} more like these (only the first {SHOWN_PROBLEMS} are listed).</p>}
        </div>
      )}
    </div>
  );
}
