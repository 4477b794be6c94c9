/**
 * The clinician's report downloads on the patient page (issue 15), with the period they choose: from (optional: the
 * start of the record) to (default today). Plain links: the browser sends the session cookie and saves the PDF the
 * server names. A period that ends before it starts is said at once, and no link is offered for it (the server would
 * refuse it too).
 */
import { useState } from 'react';
import { FieldError } from '../ui/common.js';

export function ReportDownloads({ base, today }: { base: string; today: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(today);
  const end = to || today;
  const backwards = from !== '' && from > end;
  const query = `${from ? `from=${from}&` : ''}to=${end}`;
  return (
    <div className="report-downloads">
      <fieldset className="report-period">
        <legend>Report period</legend>
        <label htmlFor="report-from">From (empty: the start of the record)</label>
        <input id="report-from" type="date" value={from} max={end} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="report-to">To</label>
        <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </fieldset>
      {backwards ? <FieldError message={`The period starts after it ends: choose a From date on or before ${end}.`} /> : (
        <>
          <p><a className="button" href={`${base}/report?${query}`} download>Download the clinician report (PDF)</a></p>
          <p className="small">Or <a href={`${base}/report?kind=patient&${query}`} download>the patient’s report in plain words (PDF)</a>, to print and hand over.</p>
        </>
      )}
    </div>
  );
}
