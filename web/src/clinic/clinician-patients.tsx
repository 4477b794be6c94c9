/**
 * The clinician's patient list: each patient who accepted their invitation, with stage and status, a red flag,
 * adherence over the last 7 and 28 days, the last check-in (date and highest pain), the last session, and the current
 * remote-monitoring period (days with data against 16, minutes logged; docs/clinic.md). Search by
 * name or email, a choice of order, "needs attention" only (red flag, pain worse, no check-in for 7 days, or
 * adherence under 50%), 50 a page. The server searches, sorts and pages (GET /api/patients); the view is kept in
 * the address, so Back from a patient returns to the same page.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { localDate } from '../lib/local-time.js';
import { LAST_STAGE } from '../../../src/core/stages.js';
import {
  attentionReasons, LIST_ORDERS, listRequest, monitoringLineText, pageRange, painTrendText, searchOf, viewFromSearch,
  type Adherence, type ListOrderId, type ListView, type PatientPage,
} from './clinician-attention.js';
import { ClinicianInvite } from './clinician-invite.js';
import { PathLink } from '../ui/path-link.js';

const pct = (a: Adherence | null) => (a ? `${a.done} of ${a.prescribed} (${Math.round(a.fraction * 100)}%)` : '–');
/** Typing pauses this long before the list is asked again. */
const SEARCH_DELAY_MS = 300;

export function ClinicianPatientsScreen() {
  const today = localDate();
  const [view, setView] = useState<ListView>(() => viewFromSearch(location.search));
  const [query, setQuery] = useState(view.q);
  const [list, setList] = useState<PatientPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    history.replaceState(history.state, '', `${location.pathname}${searchOf(view)}`);
    const n = ++asked.current;
    api<PatientPage>('GET', listRequest(view, today)).then(
      (page) => { if (n === asked.current) { setList(page); setError(null); } },
      (e: Error) => { if (n === asked.current) setError(e.message); },
    );
  }, [view, today]);
  // The search box asks again once typing pauses, from the first page.
  useEffect(() => {
    if (query === view.q) return;
    const t = setTimeout(() => setView((v) => ({ ...v, q: query, page: 1 })), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [query, view.q]);

  const change = (v: Partial<ListView>) => setView((old) => ({ ...old, page: 1, ...v }));
  const range = list ? pageRange(list, list.patients.length) : null;
  const lastPage = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  const go = (page: number) => { setView((v) => ({ ...v, page })); window.scrollTo(0, 0); };
  return (
    <section className="screen">
      <ScreenTitle>Your patients</ScreenTitle>
      <form role="search" className="list-controls card" onSubmit={(e) => { e.preventDefault(); change({ q: query }); }}>
        <label htmlFor="patient-search">Search by name or email</label>
        <input id="patient-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" enterKeyHint="search" />
        <label htmlFor="patient-order">Order</label>
        <select id="patient-order" value={view.order} onChange={(e) => change({ order: e.target.value as ListOrderId })}>
          {LIST_ORDERS.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
        <fieldset className="filter-row">
          <legend className="visually-hidden">Show</legend>
          <label className="check"><input type="radio" name="patient-filter" checked={!view.attentionOnly} onChange={() => change({ attentionOnly: false })} /><span>All patients</span></label>
          <label className="check"><input type="radio" name="patient-filter" checked={view.attentionOnly} onChange={() => change({ attentionOnly: true })} /><span>Needs attention</span></label>
        </fieldset>
      </form>
      {!list ? (error ? <FieldError message={error} /> : <Loading what="your patients" />) : (
        <>
          <FieldError message={error} />
          <p className="list-count" role="status">{range ?? (list.total > 0 ? `No patients on page ${view.page} of ${lastPage}.`
            : view.q ? `No patient matches “${view.q}”.` : view.attentionOnly ? 'No patient needs attention today.'
              : 'No patients yet. Invite one below: they appear here once they accept.')}</p>
          {list.patients.length > 0 && (
            <ul className="patient-list">
              {list.patients.map((p) => {
                const reasons = attentionReasons(p, today);
                return (
                  <li key={p.personId} className={`card patient-line${p.redFlag ? ' red-flag' : ''}`}>
                    <h2><PathLink to={`/patients/${encodeURIComponent(p.personId)}`}>{p.displayName}</PathLink></h2>
                    {p.unreadMessages > 0 && (
                      <p className="small" data-testid="unread-messages">
                        <PathLink to={`/patients/${encodeURIComponent(p.personId)}/messages`}>
                          <span className="unread-badge" aria-hidden="true">{p.unreadMessages}</span> unread message{p.unreadMessages === 1 ? '' : 's'}<span className="visually-hidden"> from {p.displayName}</span>
                        </PathLink>
                      </p>
                    )}
                    {p.email && <p className="small muted patient-email">{p.email}</p>}
                    {p.redFlag && <p className="flag">Red flag: program stopped after a safety answer</p>}
                    <dl className="facts">
                      <dt>Stage</dt><dd>{p.program ? `${p.program.stage} of ${LAST_STAGE}${p.program.status !== 'active' ? ` (${p.program.status})` : ''}` : 'not started (safety check not done)'}</dd>
                      <dt>Adherence, 7 days</dt><dd>{pct(p.adherence7)}</dd>
                      <dt>Adherence, 28 days</dt><dd>{pct(p.adherence28)}</dd>
                      <dt>Pain trend</dt><dd>{painTrendText(p.painTrend)}</dd>
                      <dt>Last check-in</dt><dd>{p.lastCheckin ? `${p.lastCheckin.date}${p.lastCheckin.maxPain !== null ? `, highest pain ${p.lastCheckin.maxPain}/10` : ''}` : 'none'}</dd>
                      <dt>Last session</dt><dd>{p.lastSessionDate ?? 'none'}</dd>
                      <dt>Monitoring, this 30 days</dt><dd data-testid="monitoring" className={p.monitoring?.reached ? 'monitoring-reached' : undefined}>{monitoringLineText(p.monitoring)}</dd>
                    </dl>
                    {reasons.length > 0 && <p className="attention">Needs attention: {reasons.join('; ')}.</p>}
                  </li>
                );
              })}
            </ul>
          )}
          {list.total > list.pageSize && (
            <nav className="pager" aria-label="Pages of patients">
              <button type="button" onClick={() => go(view.page - 1)} disabled={view.page <= 1}>Previous<span className="visually-hidden"> page</span></button>
              <span>{range ?? `Page ${view.page}`}</span>
              <button type="button" onClick={() => go(view.page + 1)} disabled={view.page >= lastPage}>Next<span className="visually-hidden"> page</span></button>
            </nav>
          )}
        </>
      )}
      <ClinicianInvite />
    </section>
  );
}
