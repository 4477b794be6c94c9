/**
 * Inviting a patient: an optional label (initials, to tell the links apart), then the one-time link to give the
 * patient: as a QR code to scan from this screen, copied, or emailed (when this Footing has email settings). The
 * server keeps only a hash of it, so it is shown once, here. Below, the clinician's invitations and what became of
 * them.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { FieldError } from '../ui/common.js';
import { useFormState } from '../ui/use-form-state.js';
import { formatDate } from '../i18n/format.js';

interface NewInvitation {
  id: string;
  token: string;
  path: string;
  url: string;
  qrPng: string;
  canEmail: boolean;
  expiresAt: string;
  label: string | null;
}
interface Invitation {
  id: string;
  label: string | null;
  status: string;
  createdAt: string;
  expiresAt: string;
}

const day = (iso: string) => formatDate(iso);

export function ClinicianInvite() {
  const { t } = useTranslation('clinic');
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<NewInvitation | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const { error, busy, submit: send } = useFormState();
  const [list, setList] = useState<Invitation[]>([]);
  const load = useCallback(() => {
    api<Invitation[]>('GET', '/api/invitations').then(setList, () => undefined);
  }, []);
  useEffect(load, [load]);

  // Busy while the request runs, so a second tap does not make a second invitation.
  function submit(e: FormEvent) {
    e.preventDefault();
    setCopied(null);
    void send(
      async () => {
        setMade(await api<NewInvitation>('POST', '/api/invitations', label.trim() ? { label: label.trim() } : {}));
        setLabel('');
        load();
      },
      { fallback: t('invite.createFailed') },
    );
  }
  const url = made?.url ?? '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('invite.copied'));
    } catch {
      setCopied(t('invite.copyFailed'));
    }
  };
  const pending = list.filter((i) => i.status === 'pending');
  return (
    <div className="card">
      <h2>{t('invite.title')}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor="invite-label">{t('invite.label')}</label>
        <input id="invite-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        <FieldError message={error?.message} />
        <button type="submit" className="primary" disabled={busy}>
          {t('invite.create')}
        </button>
      </form>
      {made && (
        <div className="invite-link" role="status">
          <p className="invite-qr-label">
            {made.label ? t('invite.scanFor', { label: made.label }) : t('invite.scan')}
          </p>
          <img
            className="invite-qr"
            src={made.qrPng}
            width={240}
            height={240}
            alt={made.label ? t('invite.qrAltFor', { label: made.label }) : t('invite.qrAlt')}
          />
          <label htmlFor="invite-url">
            {made.label ? t('invite.linkFor', { label: made.label }) : t('invite.link')}
          </label>
          <input id="invite-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void copy()}>
            {t('invite.copy')}
          </button>
          {copied && <span className="small"> {copied}</span>}
          {made.canEmail && <EmailInvitation key={made.id} invitation={made} />}
          <p className="muted small">
            {t(made.canEmail ? 'invite.shownOnceEmail' : 'invite.shownOnce', { date: day(made.expiresAt) })}
          </p>
        </div>
      )}
      {pending.length > 0 && (
        <p className="muted small">
          {t('invite.waiting', {
            list: pending
              .map((i) => t('invite.waitingOne', { label: i.label ?? t('invite.noLabel'), date: day(i.expiresAt) }))
              .join(', '),
          })}
        </p>
      )}
    </div>
  );
}

/** Sends the new invitation to the patient's email (used for this mail only; Footing does not keep it). */
function EmailInvitation({ invitation }: { invitation: NewInvitation }) {
  const { t } = useTranslation('clinic');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { error, busy, submit: send } = useFormState();
  function submit(e: FormEvent) {
    e.preventDefault();
    setSentTo(null);
    void send(
      async () => {
        const r = await api<{ to: string }>('POST', `/api/invitations/${invitation.id}/email`, {
          token: invitation.token,
          email,
        });
        setSentTo(r.to);
        setEmail('');
      },
      { check: () => (email.trim() ? null : { message: t('invite.emailMissing') }), fallback: t('invite.emailFailed') },
    );
  }
  return (
    <form className="invite-email" onSubmit={submit} noValidate>
      <label htmlFor="invite-email">{t('invite.emailLabel')}</label>
      <input
        id="invite-email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby="invite-email-err"
      />
      <FieldError id="invite-email-err" message={error?.message} />
      <button type="submit" disabled={busy}>
        {busy ? t('invite.sending') : t('invite.send')}
      </button>
      {sentTo && (
        <p className="success" role="status">
          {t('invite.sent', { to: sentTo })}
        </p>
      )}
    </form>
  );
}
