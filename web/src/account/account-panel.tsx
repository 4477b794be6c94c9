/**
 * The account part of the Data page. Local mode: a note that there is no sign-in and the data stays on this
 * device. Accounts mode (a patient): the clinicians who see your data, each with a way to stop sharing (their
 * access ends at once); who read or changed your data and when (the audit log); sign out here or everywhere; and
 * deleting the account with all its data, after the password.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { useAuth } from './auth-context.js';
import { signOut } from './sign-out.js';
import { FieldError, Loading } from '../ui/common.js';
import { navigatePath } from '../lib/router.js';
import { AccountAudit } from './account-audit.js';

interface CareLink { id: string; status: 'pending' | 'active' | 'revoked' | 'expired'; clinicName: string; clinicianName: string; clinicianEmail: string; acceptedAt: string | null; revokedAt: string | null }

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function AccountPanel() {
  const auth = useAuth();
  const info = auth.info;
  if (!info) return null;
  if (info.mode === 'local') {
    return (
      <section className="screen account-panel" aria-labelledby="local-mode-h">
        <div className="card">
          <h2 id="local-mode-h">Local mode</h2>
          <p data-testid="local-mode-note"><strong>Local mode: no sign-in, this device only.</strong> Footing has no accounts here; anyone who can open it on this device sees this data. A clinic can run Footing on its own server with accounts instead, so that each person signs in and sees only their own data.</p>
        </div>
      </section>
    );
  }
  if (!info.signedIn || info.role !== 'patient') return null;
  return (
    <section className="screen account-panel" aria-label="Your account">
      <MyClinicians />
      <AccountAudit />
      <SignOutCard />
      <DeleteAccount onDeleted={() => { navigatePath('/'); void auth.refresh(); }} />
    </section>
  );
}

function MyClinicians() {
  const [links, setLinks] = useState<CareLink[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => { api<CareLink[]>('GET', '/api/care-links').then(setLinks, (e: Error) => setError(e.message)); }, []);
  useEffect(load, [load]);

  const revoke = async (l: CareLink) => {
    setError(null);
    try {
      await api('DELETE', `/api/care-links/${l.id}`);
      setDone(`${l.clinicianName} no longer sees your data.`);
      setConfirming(null);
      load();
    } catch (e) { setError(e instanceof ApiError ? e.message : 'Could not stop sharing.'); }
  };
  const active = links?.filter((l) => l.status === 'active') ?? [];
  const ended = links?.filter((l) => l.status === 'revoked') ?? [];
  return (
    <div className="card">
      <h2>My clinicians</h2>
      {!links ? (error ? <FieldError message={error} /> : <Loading what="your clinicians" />) : (
        <>
          {active.length === 0 ? <p>No clinician sees your data.</p> : (
            <ul className="care-links">
              {active.map((l) => (
                <li key={l.id}>
                  <p><strong>{l.clinicianName}</strong>, {l.clinicName} <span className="muted small">({l.clinicianEmail}; since {l.acceptedAt ? day(l.acceptedAt) : '?'})</span></p>
                  {confirming === l.id ? (
                    <div className="confirm-row">
                      <p>Stop sharing with {l.clinicianName}? Their access ends at once; to share again you need a new invitation.</p>
                      <button type="button" className="danger" onClick={() => void revoke(l)}>Yes, stop sharing</button>
                      <button type="button" onClick={() => setConfirming(null)}>Keep sharing</button>
                    </div>
                  ) : <button type="button" onClick={() => { setDone(null); setConfirming(l.id); }}>Stop sharing with {l.clinicianName}</button>}
                </li>
              ))}
            </ul>
          )}
          {ended.length > 0 && <p className="muted small">Stopped: {ended.map((l) => `${l.clinicianName} (${l.revokedAt ? day(l.revokedAt) : ''})`).join(', ')}.</p>}
          {done && <p className="success" role="status">{done}</p>}
          <FieldError message={error} />
        </>
      )}
    </div>
  );
}

function SignOutCard() {
  const auth = useAuth();
  const [error, setError] = useState<string | null>(null);
  const out = (everywhere: boolean) => signOut(everywhere).then(() => auth.refresh(), (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not sign out.'));
  return (
    <div className="card">
      <h2>Signed in</h2>
      <p>As <strong>{auth.info?.displayName}</strong> ({auth.info?.email}).</p>
      <div className="actions">
        <button type="button" onClick={() => void out(false)}>Sign out</button>
        <button type="button" onClick={() => void out(true)}>Sign out on every device</button>
      </div>
      <FieldError message={error} />
    </div>
  );
}

function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!password) { setError('Enter your password to confirm.'); return; }
    setBusy(true);
    try {
      await api('DELETE', '/api/account', { password });
      onDeleted();
    } catch (err) { setError(err instanceof ApiError ? err.message : 'Could not delete the account.'); } finally { setBusy(false); }
  }
  return (
    <div className="card">
      <details>
        <summary>Delete my account</summary>
        <p>This deletes your account and everything Footing keeps about you: answers, program and its history, sessions, check-ins, walking, assessments and gait analyses. It cannot be undone. Download a backup first if you want a copy.</p>
        <form onSubmit={submit} noValidate>
          <label htmlFor="delete-password">Your password</label>
          <input id="delete-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="delete-err" aria-invalid={Boolean(error) || undefined} />
          <FieldError id="delete-err" message={error} />
          <button type="submit" className="danger" disabled={busy}>Delete my account and all my data</button>
        </form>
      </details>
    </div>
  );
}
