/**
 * The clinician's patient list: each patient who accepted their invitation, with stage and status, a red flag,
 * adherence over the last 7 and 28 days, the last check-in (date and highest pain) and the last session, and a
 * "needs attention" filter (red flag, no check-in for 7 days, or adherence under 50%).
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { FieldError, Loading, ScreenTitle } from '../components/common.js';
import { localDate } from '../lib/local-time.js';
import { LAST_STAGE } from '../../../src/core/stages.js';
import { attentionReasons, painTrendText, type Adherence, type PatientLine } from './clinician-attention.js';
import { ClinicianInvite } from './clinician-invite.js';
import { PathLink } from './clinician-workspace.js';

const pct = (a: Adherence | null) => (a ? `${a.done} of ${a.prescribed} (${Math.round(a.fraction * 100)}%)` : '–');

export function ClinicianPatientsScreen() {
  const today = localDate();
  const [patients, setPatients] = useState<PatientLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyAttention, setOnlyAttention] = useState(false);
  useEffect(() => { api<PatientLine[]>('GET', `/api/patients?date=${today}`).then(setPatients, (e: Error) => setError(e.message)); }, [today]);

  const withReasons = (patients ?? []).map((p) => ({ p, reasons: attentionReasons(p, today) }));
  const needing = withReasons.filter((x) => x.reasons.length > 0).length;
  const shown = onlyAttention ? withReasons.filter((x) => x.reasons.length > 0) : withReasons;
  return (
    <section className="screen">
      <ScreenTitle>Your patients</ScreenTitle>
      {!patients ? (error ? <FieldError message={error} /> : <Loading what="your patients" />) : (
        <>
          <fieldset className="filter-row">
            <legend className="visually-hidden">Show</legend>
            <label className="check"><input type="radio" name="patient-filter" checked={!onlyAttention} onChange={() => setOnlyAttention(false)} /><span>All ({patients.length})</span></label>
            <label className="check"><input type="radio" name="patient-filter" checked={onlyAttention} onChange={() => setOnlyAttention(true)} /><span>Needs attention ({needing})</span></label>
          </fieldset>
          {patients.length === 0 ? <p>No patients yet. Invite one below: they appear here once they accept.</p>
            : shown.length === 0 ? <p>No patient needs attention today.</p> : (
              <ul className="patient-list">
                {shown.map(({ p, reasons }) => (
                  <li key={p.personId} className={`card patient-line${p.redFlag ? ' red-flag' : ''}`}>
                    <h2><PathLink to={`/patients/${encodeURIComponent(p.personId)}`}>{p.displayName}</PathLink></h2>
                    {p.redFlag && <p className="flag">Red flag: program stopped after a safety answer</p>}
                    <dl className="facts">
                      <dt>Stage</dt><dd>{p.program ? `${p.program.stage} of ${LAST_STAGE}${p.program.status !== 'active' ? ` (${p.program.status})` : ''}` : 'not started (safety check not done)'}</dd>
                      <dt>Adherence, 7 days</dt><dd>{pct(p.adherence7)}</dd>
                      <dt>Adherence, 28 days</dt><dd>{pct(p.adherence28)}</dd>
                      <dt>Pain trend</dt><dd>{painTrendText(p.painTrend)}</dd>
                      <dt>Last check-in</dt><dd>{p.lastCheckin ? `${p.lastCheckin.date}${p.lastCheckin.maxPain !== null ? `, highest pain ${p.lastCheckin.maxPain}/10` : ''}` : 'none'}</dd>
                      <dt>Last session</dt><dd>{p.lastSessionDate ?? 'none'}</dd>
                    </dl>
                    {reasons.length > 0 && <p className="attention">Needs attention: {reasons.join('; ')}.</p>}
                  </li>
                ))}
              </ul>
            )}
        </>
      )}
      <ClinicianInvite />
    </section>
  );
}
