/**
 * Messages, the clinician's side: the conversations with their patients, unread first by recency
 * (GET /api/clinician/messages, which records the read in each listed patient's audit log), and one patient's
 * conversation at /patients/:personId/messages (GET and POST /api/patients/:personId/messages: the guard checks the
 * care link and audits every call). When the patient stops sharing, the API answers "not found", and so does this page.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Message } from '../../../src/core/message-record.js';
import { api, ApiError } from '../api/client.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { ClinicianNoticesCard } from './clinician-notices.js';
import { MessageThread } from './message-thread.js';
import { PathLink } from '../ui/path-link.js';

/** GET /api/clinician/messages (src/store/repos/messages.ts ClinicianThread). */
export interface ClinicianThreads { threads: { personId: string; displayName: string; unread: number; lastAt: string | null }[]; unread: number }

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : '');

export function ClinicianInboxScreen({ list, error }: { list: ClinicianThreads | null; error: string | null }) {
  return (
    <section className="screen">
      <ScreenTitle>Messages</ScreenTitle>
      {!list ? (error ? <FieldError message={error} /> : <Loading what="your messages" />) : list.threads.length === 0 ? (
        <p>No messages yet. Write to a patient from their page.</p>
      ) : (
        <ul className="thread-choice">
          {list.threads.map((t) => (
            <li key={t.personId} className="card">
              <PathLink to={`/patients/${encodeURIComponent(t.personId)}/messages`}>{t.displayName}</PathLink>
              {t.unread > 0 && <> <span className="unread-badge">{t.unread}<span className="visually-hidden"> unread</span></span></>}
              <span className="muted small"> · last {when(t.lastAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <ClinicianNoticesCard />
    </section>
  );
}

export function ClinicianMessagesScreen({ personId, onRead }: { personId: string; onRead: () => void }) {
  const base = `/api/patients/${encodeURIComponent(personId)}/messages`;
  const [data, setData] = useState<{ patient: { displayName: string }; messages: Message[] } | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const load = useCallback(() => api<{ patient: { displayName: string }; messages: Message[] }>('GET', base)
    .then((d) => { setData(d); setError(null); onRead(); }, (e: Error) => { setError(e); setData(null); }), [base, onRead]);
  useEffect(() => { void load(); }, [load]);

  if (error) {
    const gone = error instanceof ApiError && error.status === 404;
    return (
      <section className="screen">
        <ScreenTitle>{gone ? 'Patient not found' : 'Messages'}</ScreenTitle>
        <FieldError message={gone ? 'This patient is not among your patients: they may have stopped sharing their data with you, which ends the conversation.' : error.message} />
        <p><PathLink to="/">Back to your patients</PathLink></p>
      </section>
    );
  }
  const name = data?.patient.displayName || 'your patient';
  return (
    <section className="screen">
      <p className="small"><PathLink to={`/patients/${encodeURIComponent(personId)}`}>← {data ? name : 'The patient'}</PathLink></p>
      <ScreenTitle>Messages with {data ? name : '…'}</ScreenTitle>
      {!data ? <Loading what="the conversation" /> : (
        <div className="card">
          <MessageThread messages={data.messages} me="clinician" otherName={name} onSend={async (text) => { await api('POST', base, { text }); await load(); }} />
        </div>
      )}
    </section>
  );
}
