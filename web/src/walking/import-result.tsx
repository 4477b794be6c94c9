/**
 * The result of one import, in words and numbers that agree: one sentence of what it did ("55 new walking
 * measurements added", "Nothing new: all 17 walking measurements in this file were already stored"), then the
 * figures with what each counts (records read from the file, the walking measurements they gave, how many were new
 * and how many already stored, what was left out as not walking and why), the days it covers, and each bad record
 * with where it is in the file. The figures and the problems are shared with the import history.
 */
import { useId, useState } from 'react';
import { shortDate } from '../lib/local-time.js';
import type { ImportJob } from './import-types.js';
import { isReport } from './import-types.js';
import { leftOutText, outcomeText, statusText, viewOfReport, type ImportView } from './import-view.js';
import { locationText, PROBLEM_TEXT } from './location-text.js';

const FORMAT_TEXT: Record<string, string> = {
  'apple-health-xml': 'Apple Health export (export.xml)',
  'apple-health-zip': 'Apple Health export (export.zip)',
  fit: 'Garmin / FIT activity file',
  gpx: 'GPX track',
  tcx: 'TCX activity (Garmin Training Center)',
  'fitbit-csv': 'Fitbit daily export (CSV)',
  fhir: 'FHIR R4 steps and pain (Bundle or NDJSON)',
  'phone-walk': 'A walk counted on this phone (Walk now)',
  unknown: 'Not one Footing can read',
};

/** The kind of file in words. */
export function formatText(format: string): string {
  return FORMAT_TEXT[format] ?? format;
}

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
  const v = viewOfReport(r);
  const people = r.errors.find((e) => e.code === 'several-people')?.choices;
  return (
    <div className={`import-result ${v.status === 'imported' ? 'ok' : v.status === 'not-imported' ? 'failed' : 'unchanged'}`} data-testid="import-result" data-status={job.status}
      data-records={v.records} data-samples={v.samples} data-added={v.added} data-duplicates={v.duplicates} data-skipped={v.skipped ?? ''}>
      <h3>{fileName}: {statusText(v)}</h3>
      {!v.ok && (
        <p className="field-error" role="alert">
          {people ? `This file holds the walking of ${people.length} people, so nothing from it was stored. Choose whose walking it is below.`
            : v.mode === 'strict' && v.errorCount > 0 ? 'You chose “import nothing if anything is damaged”, and this file has damage, so nothing from it was stored.' : 'This file could not be read, so nothing from it was stored.'}
        </p>
      )}
      {people && onChoosePerson && <ChoosePerson ids={people} onChoose={onChoosePerson} />}
      {v.ok && <p className="import-outcome" data-testid="import-outcome">{outcomeText(v)}.</p>}
      <ImportFigures view={v} />
      <ImportProblems view={v} />
    </div>
  );
}

const n = (x: number) => x.toLocaleString('en');

/** A day in words with its year: "Sat 13 Sept 2014". */
const dayText = (d: string) => `${shortDate(d)} ${d.slice(0, 4)}`;

/** The figures of an import, each saying what it counts. */
export function ImportFigures({ view: v }: { view: ImportView }) {
  const left = leftOutText(v);
  const days = v.days;
  return (
    <>
      <dl className="import-figures">
        <div><dt>Kind of file</dt><dd>{formatText(v.format)}</dd></div>
        <div><dt>Records read from the file</dt><dd data-testid="import-records">{n(v.records)}</dd></div>
        <div><dt>Walking measurements in them</dt><dd data-testid="import-samples">{n(v.samples)}</dd></div>
        <div><dt>New, added now</dt><dd data-testid="import-added">{n(v.added)}</dd></div>
        <div><dt>Already stored (or repeated in the file)</dt><dd data-testid="import-duplicates">{n(v.duplicates)}</dd></div>
        <div><dt>Days covered</dt><dd data-testid="import-days">{!days ? 'not recorded' : days.count === 0 || !days.first || !days.last ? 'none' : days.count === 1 ? dayText(days.first) : `${n(days.count)} days, ${dayText(days.first)} to ${dayText(days.last)}`}</dd></div>
        {left !== null && <div className="wide"><dt>Left out as not walking</dt><dd data-testid="import-skipped">{left}</dd></div>}
      </dl>
      <p className="muted small">A record is one entry of the file (a line of an Apple export, a track point, a CSV row); one record can give several walking measurements (a walk’s time, distance and steps).</p>
    </>
  );
}

/** The file's bad records and warnings, each with where it is (a several-people refusal is said apart, with its chooser). */
export function ImportProblems({ view: v }: { view: ImportView }) {
  const problems = v.problems.filter((e) => e.code !== 'several-people');
  const errorCount = v.errorCount - (v.problems.length - problems.length);
  if (errorCount + v.warningCount === 0) return null;
  return (
    <div className="import-problems">
      <h4>{errorCount > 0 ? `${n(errorCount)} bad record${errorCount === 1 ? '' : 's'}` : ''}{errorCount > 0 && v.warningCount > 0 ? ', ' : ''}{v.warningCount > 0 ? `${n(v.warningCount)} warning${v.warningCount === 1 ? '' : 's'}` : ''}{v.ok && errorCount > 0 ? (v.added > 0 ? ' (left out; the rest was imported)' : ' (left out)') : ''}</h4>
      <ol data-testid="import-problems">
        {problems.slice(0, SHOWN_PROBLEMS).map((e, i) => (
          <li key={i} className={`problem problem-${e.severity}`} data-code={e.code}>
            <span className="problem-where">{e.severity === 'warning' ? 'Warning at ' : 'At '}{locationText(e.location)}</span>
            <span>{PROBLEM_TEXT[e.code] ?? 'This record could not be used.'}</span>
            <span className="muted small">{e.message}</span>
          </li>
        ))}
      </ol>
      {errorCount + v.warningCount > Math.min(problems.length, SHOWN_PROBLEMS) && <p className="muted">…and {n(errorCount + v.warningCount - Math.min(problems.length, SHOWN_PROBLEMS))} more like these (only the first {SHOWN_PROBLEMS} are listed).</p>}
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
