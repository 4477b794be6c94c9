/**
 * One conversation between a patient and a clinician, for both sides: the messages oldest first (the reader's own on
 * the right), and a box to write the next one, with the length limit of the message record
 * (src/core/message-record.ts) counted as the person types. Not for emergencies, and it says so.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../i18n/format.js';
import { MESSAGE_MAX_CHARS, type Message, type MessageSender } from '../../../src/core/message-record.js';
import { useFormState } from '../ui/use-form-state.js';
import { FieldError } from '../ui/common.js';
import './messages.css';

const when = (iso: string) =>
  formatDate(iso, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
// Character counts as the limit is written (2000, not 2,000).
const count = (n: number) => formatNumber(n, { useGrouping: false });

export function MessageThread({
  messages,
  me,
  otherName,
  onSend,
}: {
  messages: readonly Message[];
  me: MessageSender;
  otherName: string;
  /** Sends the text; resolves once the server has it (the thread is then read again by the caller). */
  onSend: (text: string) => Promise<void>;
}) {
  const { t } = useTranslation('messages');
  const [text, setText] = useState('');
  const { error, busy, submit } = useFormState();
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length]);
  const over = text.length > MESSAGE_MAX_CHARS;

  async function send(e: FormEvent) {
    e.preventDefault();
    await submit(
      async () => {
        await onSend(text);
        setText('');
      },
      {
        check: () =>
          !text.trim()
            ? { message: t('thread.empty') }
            : over
              ? { message: t('thread.tooLong', { max: count(MESSAGE_MAX_CHARS) }) }
              : null,
        fallback: t('thread.sendFailed'),
      },
    );
  }

  return (
    <div className="message-thread">
      {messages.length === 0 ? (
        <p className="muted">{t('thread.none')}</p>
      ) : (
        // Polite: a message that arrives while the conversation is open is read out after what is being said.
        <ol
          className="messages"
          aria-label={t('thread.label', { name: otherName })}
          aria-live="polite"
          aria-relevant="additions"
        >
          {messages.map((m, i) => (
            <li
              key={m.id}
              ref={i === messages.length - 1 ? end : undefined}
              className={m.from === me ? 'mine' : 'theirs'}
            >
              <p className="message-meta">
                <strong>{m.from === me ? t('thread.you') : otherName}</strong>,{' '}
                <time dateTime={m.sentAt}>{when(m.sentAt)}</time>
              </p>
              <p className="message-text">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="message-form" onSubmit={(e) => void send(e)} noValidate>
        <label htmlFor="message-text">{t('thread.to', { name: otherName })}</label>
        <textarea
          id="message-text"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={over || undefined}
          aria-describedby="message-count message-error"
        />
        <p id="message-count" className={`small ${over ? 'field-error' : 'muted'}`}>
          {t('thread.count', { n: count(text.length), max: count(MESSAGE_MAX_CHARS) })}
        </p>
        <FieldError id="message-error" message={error?.message} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('thread.sending') : t('thread.send')}
        </button>
      </form>
    </div>
  );
}
