/**
 * Messages, the patient's side (clinic mode only): one conversation with each clinician who sees their data now.
 * With several clinicians, the person picks one; with one, it opens. Opening a conversation marks the clinician's
 * messages read (GET /api/messages/:accountId). When the person stops sharing with a clinician, the conversation
 * goes from this page at once, as the API answers.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src/core/message-record.js';
import { api } from '../api/client.js';
import { FieldError, Link, Loading, ScreenTitle } from '../ui/common.js';
import { MessageThread } from './message-thread.js';
import { UnreadBadge } from './unread-badge.js';

/** GET /api/messages: one line per clinician (src/store/repos/messages.ts PatientThread). */
export interface PatientThreads {
  threads: {
    clinicianAccountId: string;
    clinicianName: string;
    clinicName: string;
    unread: number;
    lastAt: string | null;
  }[];
  unread: number;
}
type Thread = PatientThreads['threads'][number];

/**
 * `version` changes when the app's poll of GET /api/messages sees something new (web/src/app.tsx): the list and the
 * open conversation are read again, so a clinician's message appears while the screen is open.
 */
export function MessagesScreen({ onRead, version }: { onRead: () => void; version: string }) {
  const { t } = useTranslation('messages');
  const [list, setList] = useState<PatientThreads | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<PatientThreads>('GET', '/api/messages').then(setList, (e: Error) => setError(e.message));
  }, [version]);

  const threads = list?.threads ?? [];
  const open = threads.length === 1 ? threads[0]! : (threads.find((th) => th.clinicianAccountId === chosen) ?? null);
  return (
    <section className="screen">
      <ScreenTitle>{t('title')}</ScreenTitle>
      {!list ? (
        error ? (
          <FieldError message={error} />
        ) : (
          <Loading what={t('loading')} />
        )
      ) : threads.length === 0 ? (
        <p>{t('noClinician')}</p>
      ) : (
        <>
          <p className="notice">{t('notEmergencies')}</p>
          {threads.length > 1 && (
            <ul className="thread-choice" aria-label={t('clinicians')}>
              {threads.map((th) => (
                <li key={th.clinicianAccountId}>
                  <button
                    type="button"
                    aria-pressed={open?.clinicianAccountId === th.clinicianAccountId}
                    onClick={() => setChosen(th.clinicianAccountId)}
                  >
                    {th.clinicianName}, {th.clinicName}
                    <UnreadBadge count={th.unread} word={t('unread')} />
                  </button>
                </li>
              ))}
            </ul>
          )}
          {open && <Conversation key={open.clinicianAccountId} thread={open} onRead={onRead} version={version} />}
        </>
      )}
      <p>
        <Link to="/settings">{t('settingsLink')}</Link>
      </p>
    </section>
  );
}

function Conversation({ thread, onRead, version }: { thread: Thread; onRead: () => void; version: string }) {
  const { t } = useTranslation('messages');
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/messages/${encodeURIComponent(thread.clinicianAccountId)}`;
  const load = useCallback(
    () =>
      api<{ messages: Message[] }>('GET', path).then(
        (r) => {
          setMessages(r.messages);
          setError(null);
          onRead();
        },
        (e: Error) => setError(e.message),
      ),
    [path, onRead],
  );
  useEffect(() => {
    void load();
  }, [load, version]);
  return (
    <div className="card">
      <h2>
        {thread.clinicianName} <span className="muted small">{thread.clinicName}</span>
      </h2>
      {!messages ? (
        error ? (
          <FieldError message={error} />
        ) : (
          <Loading what={t('loadingConversation')} />
        )
      ) : (
        <MessageThread
          messages={messages}
          me="patient"
          otherName={thread.clinicianName}
          onSend={async (text) => {
            await api('POST', path, { text });
            await load();
          }}
        />
      )}
    </div>
  );
}
