/**
 * What waits on this phone to be sent ("1 session waiting to be sent"), with "Send now", and what was sent in the last
 * day and when ("Check-in sent at 08:14"), for the person using the app (a shared phone shows nobody another's).
 * Shown on Today (nothing when there is nothing to say) and on the Data page (there `empty` says all is sent).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format.js';
import './outbox-status.css';
import { noteLines, ownedBy, waitingText } from './outbox-logic.js';
import { flushOutbox, lastOwner, OUTBOX_EVENT, outboxSnapshot } from './outbox.js';

const time = (iso: string) => formatDate(iso, { hour: '2-digit', minute: '2-digit' });

/** The outbox of the person using the app as it is now, re-read whenever it changes. */
export function useOutbox() {
  const mine = () => {
    const { entries, notes } = outboxSnapshot();
    const owner = lastOwner();
    return { entries: ownedBy(entries, owner), notes: ownedBy(notes, owner) };
  };
  const [state, setState] = useState(mine);
  useEffect(() => {
    const onChange = () => setState(mine());
    window.addEventListener(OUTBOX_EVENT, onChange);
    onChange();
    return () => window.removeEventListener(OUTBOX_EVENT, onChange);
  }, []);
  return state;
}

export function OutboxStatus({ onSent, empty }: { onSent?: () => void; empty?: string }) {
  const { t } = useTranslation('outbox');
  const { entries, notes } = useOutbox();
  const [sending, setSending] = useState(false);
  const waiting = waitingText(entries, t);
  const lines = noteLines(notes, Date.now(), time, t);
  if (!waiting && lines.length === 0) return empty ? <p data-testid="outbox">{empty}</p> : null;
  const sendNow = async () => {
    setSending(true);
    try {
      if (await flushOutbox()) onSent?.();
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="outbox" data-testid="outbox">
      {waiting && (
        <div className="notice">
          <p role="status">
            <strong>{waiting}.</strong> {t('kept', { count: entries.length })}
          </p>
          <button type="button" onClick={() => void sendNow()} disabled={sending}>
            {sending ? t('sending') : t('sendNow')}
          </button>
        </div>
      )}
      {lines.length > 0 && (
        <ul className="outbox-sent muted" aria-label={t('recentlySent')}>
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
