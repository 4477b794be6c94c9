/**
 * The result of one import, in plain words: what kind of file it was, how many records it held, how many were
 * added and how many were already there, which days it covers, and each bad record with where it is in the file.
 */
import { useId, useState } from 'react';
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
  unknown: 'Not one Footing can read',
};

/** How many bad records are listed before "and N more". */
const SHOWN_PROBLEMS = 20;

/**
 * `onChoosePerson` imports the same file again with the chosen person's Id (a Fitbit study export holds several
 * people; the import refuses it until one is chosen).
 */
export function ImportResult({ job, fileName, onChoosePerson }: { job: ImportJob; fileName: string; onChoosePerson?: (id: string) => void }) {
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
  const people = r.errors.find((e) => e.code === 'several-people')?.choices;
  // The several-people refusal is said above with its chooser; the list below is for bad records.
  const problems = people ? r.errors.filter((e) => e.code !== 'several-people') : r.errors;
  const errorCount = r.error_count - (r.errors.length - problems.length);
  return (
    <div className={`import-result ${stored ? 'ok' : 'failed'}`} data-testid="import-result" data-status={job.status}
      data-records={r.records} data-added={r.added} data-skipped={r.skipped}>
      <h3>{stored ? `${fileName}: imported` : `${fileName}: nothing imported`}</h3>
      {!stored && (
        <p className="field-error" role="alert">
          {people ? `This file holds the walking of ${people.length} people, so nothing from it was stored. Choose whose walking it is below.`
            : r.mode === 'strict' ? 'You chose “import nothing if anything is damaged”, and this file has damage, so nothing from it was stored.' : 'This file could not be read, so nothing from it was stored.'}
        </p>
      )}
      {people && onChoosePerson && <ChoosePerson ids={people} onChoose={onChoosePerson} />}
      <dl className="import-figures">
        <div><dt>Kind of file</dt><dd>{FORMAT_TEXT[r.format] ?? r.format}</dd></div>
        <div><dt>Records read</dt><dd data-testid="import-records">{r.records.toLocaleString('en')}</dd></div>
        <div><dt>Added</dt><dd data-testid="import-added">{r.added.toLocaleString('en')}</dd></div>
        <div><dt>Already there or not walking</dt><dd data-testid="import-skipped">{r.skipped.toLocaleString('en')}</dd></div>
        <div><dt>Days covered</dt><dd data-testid="import-days">{days.length === 0 ? 'none' : days.length === 1 ? `${shortDate(days[0]!)} ${days[0]!.slice(0, 4)}` : `${days.length} days, ${shortDate(days[0]!)} ${days[0]!.slice(0, 4)} to ${shortDate(days.at(-1)!)} ${days.at(-1)!.slice(0, 4)}`}</dd></div>
      </dl>
      {errorCount + r.warning_count > 0 && (
        <div className="import-problems">
          <h4>{errorCount > 0 ? `${errorCount.toLocaleString('en')} bad record${errorCount === 1 ? '' : 's'}` : ''}{errorCount > 0 && r.warning_count > 0 ? ', ' : ''}{r.warning_count > 0 ? `${r.warning_count.toLocaleString('en')} warning${r.warning_count === 1 ? '' : 's'}` : ''}{stored && errorCount > 0 ? ' (left out; the rest was imported)' : ''}</h4>
          <ol data-testid="import-problems">
            {problems.slice(0, SHOWN_PROBLEMS).map((e, i) => (
              <li key={i} className={`problem problem-${e.severity}`} data-code={e.code}>
                <span className="problem-where">{e.severity === 'warning' ? 'Warning at ' : 'At '}{locationText(e.location)}</span>
                <span>{PROBLEM_TEXT[e.code] ?? 'This record could not be used.'}</span>
                <span className="muted small">{e.message}</span>
              </li>
            ))}
          </ol>
          {errorCount + r.warning_count > Math.min(problems.length, SHOWN_PROBLEMS) && <p className="muted">…and {(errorCount + r.warning_count - Math.min(problems.length, SHOWN_PROBLEMS)).toLocaleString('en')} more like these (only the first {SHOWN_PROBLEMS} are listed).</p>}
        </div>
      )}
    </div>
  );
}

/** Whose walking is in a several-people Fitbit file: pick an Id (the person's own, from their study or Fitabase). */
function ChoosePerson({ ids, onChoose }: { ids: string[]; onChoose: (id: string) => void }) {
  const [id, setId] = useState(ids[0]!);
  const selectId = useId();
  return (
    <form className="choose-person" data-testid="choose-person" onSubmit={(e) => { e.preventDefault(); onChoose(id); }}>
      <label htmlFor={selectId}>Which Fitbit Id is yours?</label>
      <select id={selectId} value={id} onChange={(e) => setId(e.target.value)}>
        {ids.map((x) => <option key={x} value={x}>{x}</option>)}
      </select>
      <button type="submit" className="button primary">Import this person’s days</button>
      <p className="muted small">Only that Id’s days are stored; the others’ rows are left out. Your Id is in your study’s or Fitabase’s papers.</p>
    </form>
  );
}
