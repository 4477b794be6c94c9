/**
 * Messages, the clinician's side: the conversations with their patients, unread first by recency
 * (GET /api/clinician/messages, which records the read in each listed patient's audit log), and one patient's
 * conversation at /patients/:personId/messages (GET and POST /api/patients/:personId/messages: the guard checks the
 * care link and audits every call). When the patient stops sharing, the API answers "not found", and so does this page.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import type { Message } from '../../../src/core/message-record.js';
import { api } from '../api/client.js';
import { PatientLoadError, usePatientData } from '../clinic/patient-load.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { ClinicianNoticesCard } from './clinician-notices.js';
import { MessageThread } from './message-thread.js';
import { UnreadBadge } from './unread-badge.js';
import { PathLink } from '../ui/path-link.js';

/** GET /api/clinician/messages (src/store/repos/messages.ts ClinicianThread). */
export interface ClinicianThreads {
  threads: { personId: string; displayName: string; unread: number; lastAt: string | null }[];
  unread: number;
}

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '');

export function ClinicianInboxScreen({ list, error }: { list: ClinicianThreads | null; error: string | null }) {
  const { t } = useTranslation('clinician-messages');
  return (
    <section className="screen">
      <ScreenTitle>{t('title')}</ScreenTitle>
      {!list ? (
        error ? (
          <FieldError message={error} />
        ) : (
          <Loading what={t('loading')} />
        )
      ) : list.threads.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="thread-choice">
          {list.threads.map((th) => (
            <li key={th.personId} className="card">
              <PathLink to={`/patients/${encodeURIComponent(th.personId)}/messages`}>{th.displayName}</PathLink>
              <UnreadBadge count={th.unread} word={t('unread')} />
              <span className="muted small"> · {t('last', { when: when(th.lastAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      <ClinicianNoticesCard />
    </section>
  );
}

/** `version` changes when the workspace's poll sees a new message: the conversation is read again. */
export function ClinicianMessagesScreen({
  personId,
  onRead,
  version,
}: {
  personId: string;
  onRead: () => void;
  version: number;
}) {
  const { t } = useTranslation('clinician-messages');
  const base = `/api/patients/${encodeURIComponent(personId)}/messages`;
  // `version` is read so that a new message the workspace's poll saw loads the conversation again.
  const fetchConversation = useCallback(async () => {
    const d = await api<{ patient: { displayName: string }; messages: Message[] }>('GET', base);
    onRead();
    return d;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, onRead, version]);
  const { data, error, reload: load } = usePatientData(fetchConversation);

  if (error)
    return (
      <PatientLoadError
        error={error}
        title={t('title')}
        goneTitle={t('notFound.title')}
        goneMessage={t('notFound.message')}
        back={t('back')}
      />
    );
  const name = data?.patient.displayName || t('yourPatient');
  return (
    <section className="screen">
      <p className="small">
        <PathLink to={`/patients/${encodeURIComponent(personId)}`}>← {data ? name : t('thePatient')}</PathLink>
      </p>
      <ScreenTitle>{t('with', { name: data ? name : '…' })}</ScreenTitle>
      {!data ? (
        <Loading what={t('loadingConversation')} />
      ) : (
        <div className="card">
          <MessageThread
            messages={data.messages}
            me="clinician"
            otherName={name}
            onSend={async (text) => {
              await api('POST', base, { text });
              await load();
            }}
          />
        </div>
      )}
    </section>
  );
}
