/**
 * Inviting a patient: an optional label (initials, to tell the links apart), then the one-time link to give the
 * patient: as a QR code to scan from this screen, copied, or emailed (when this Footing has email settings). The
 * server keeps only a hash of it, so it is shown once, here. Below, the clinician's invitations and what became of
 * them.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { FieldError } from '../ui/common.js';

interface NewInvitation { id: string; token: string; path: string; url: string; qrPng: string; canEmail: boolean; expiresAt: string; label: string | null }
interface Invitation { id: string; label: string | null; status: string; createdAt: string; expiresAt: string }

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function ClinicianInvite() {
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<NewInvitation | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [list, setList] = useState<Invitation[]>([]);
  const load = useCallback(() => { api<Invitation[]>('GET', '/api/invitations').then(setList, () => undefined); }, []);
  useEffect(load, [load]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setCopied(null);
    try {
      setMade(await api<NewInvitation>('POST', '/api/invitations', label.trim() ? { label: label.trim() } : {}));
      setLabel('');
      load();
    } catch (err) { setError(err instanceof ApiError ? err.message : 'Could not create the invitation.'); }
  }
  const url = made?.url ?? '';
  const copy = async () => {
    try { await navigator.clipboard.writeText(url); setCopied('Copied.'); } catch { setCopied('Could not copy here: select the link and copy it by hand.'); }
  };
  const pending = list.filter((i) => i.status === 'pending');
  return (
    <div className="card">
      <h2>Invite a patient</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor="invite-label">Label (optional, e.g. the patient’s initials; only you see it)</label>
        <input id="invite-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        <FieldError message={error} />
        <button type="submit" className="primary">Create invitation link</button>
      </form>
      {made && (
        <div className="invite-link" role="status">
          <p className="invite-qr-label">Let the patient scan this with their phone’s camera{made.label ? ` (${made.label})` : ''}:</p>
          <img className="invite-qr" src={made.qrPng} width={240} height={240} alt={`QR code of the invitation link${made.label ? ` for ${made.label}` : ''}`} />
          <label htmlFor="invite-url">Invitation link{made.label ? ` for ${made.label}` : ''}</label>
          <input id="invite-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => void copy()}>Copy link</button>
          {copied && <span className="small"> {copied}</span>}
          {made.canEmail && <EmailInvitation key={made.id} invitation={made} />}
          <p className="muted small">Shown only now: Footing keeps no copy it could show again. It works once, until {day(made.expiresAt)}. Give it to the patient in person{made.canEmail ? ', by email' : ''} or by your usual secure channel.</p>
        </div>
      )}
      {pending.length > 0 && <p className="muted small">Waiting to be accepted: {pending.map((i) => `${i.label ?? 'no label'} (until ${day(i.expiresAt)})`).join(', ')}.</p>}
    </div>
  );
}

/** Sends the new invitation to the patient's email (used for this mail only; Footing does not keep it). */
function EmailInvitation({ invitation }: { invitation: NewInvitation }) {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSentTo(null);
    if (!email.trim()) return setError('Enter the patient’s email.');
    setBusy(true);
    try {
      const r = await api<{ to: string }>('POST', `/api/invitations/${invitation.id}/email`, { token: invitation.token, email });
      setSentTo(r.to);
      setEmail('');
    } catch (err) { setError(err instanceof ApiError ? err.message : 'Could not send the email.'); } finally { setBusy(false); }
  }
  return (
    <form className="invite-email" onSubmit={submit} noValidate>
      <label htmlFor="invite-email">Or send it by email to the patient</label>
      <input id="invite-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby="invite-email-err" />
      <FieldError id="invite-email-err" message={error} />
      <button type="submit" disabled={busy}>{busy ? 'Sending…' : 'Send invitation email'}</button>
      {sentTo && <p className="success" role="status">Sent to {sentTo}, with the link and the QR code.</p>}
    </form>
  );
}
