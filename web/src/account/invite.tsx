/**
 * An invitation link (/invite/:token): names the clinic and the clinician who will see the patient's data, then
 * either accepts it (a signed-in patient), or creates the patient account from it, or signs in first. After that
 * the normal patient app opens (the safety check on a first run).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { useAuth, type AuthInfo } from './auth-context.js';
import { Shell } from './shell.js';
import { signOut } from './sign-out.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { navigatePath } from '../lib/router.js';
import { SignInForm } from './account-sign-in.js';

interface Invitation { clinicName: string; clinicianName: string; status: 'pending' | 'active' | 'revoked' | 'expired'; expiresAt: string }

const NOT_USABLE: Record<Exclude<Invitation['status'], 'pending'>, string> = {
  active: 'This invitation has already been accepted. Each link works once: ask your clinician for a new one if you need it.',
  revoked: 'This invitation was withdrawn. Ask your clinician for a new one.',
  expired: 'This invitation has expired. Ask your clinician for a new one.',
};

export function InviteScreen({ token }: { token: string }) {
  const auth = useAuth();
  const [inv, setInv] = useState<Invitation | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [haveAccount, setHaveAccount] = useState(false);

  useEffect(() => {
    api<Invitation>('GET', `/api/invitations/${encodeURIComponent(token)}`).then(setInv, (e: Error) => setLoadError(e.message));
  }, [token]);

  const info = auth.info;
  const accept = async () => {
    setError(null);
    setBusy(true);
    try {
      await api('POST', `/api/invitations/${encodeURIComponent(token)}/accept`);
      setAccepted(true);
    } catch (e) { setError(e instanceof ApiError ? e.message : 'Could not accept the invitation.'); } finally { setBusy(false); }
  };
  const signedInThenAccept = async (i: AuthInfo) => {
    auth.signedIn(i);
    if (i.role !== 'patient') { setError('This account is a clinic account. Invitations are for patients: sign out and create a patient account.'); return; }
    await accept();
  };

  let body;
  if (loadError) body = <FieldError message={loadError} />;
  else if (!inv) body = <Loading what="the invitation" />;
  else if (accepted) {
    body = (
      <div className="card">
        <p className="success" role="status">Done: {inv.clinicianName} at {inv.clinicName} can now see your Footing data.</p>
        <p>You can stop sharing at any time from the Data page.</p>
        <button type="button" className="primary" onClick={() => navigatePath('/')}>Continue to Footing</button>
      </div>
    );
  } else {
    body = (
      <>
        <div className="card">
          <p className="lead"><strong>{inv.clinicianName}</strong> at <strong>{inv.clinicName}</strong> invites you to share your Footing program with them.</p>
          <p>If you accept, they can see your program and its history, check-ins, sessions, walking, assessments and gait analyses, and they can change your program’s stage (you will see why). They cannot see anything of anyone else. You can stop sharing at any time; it ends their access at once.</p>
          {inv.status === 'pending' && <p className="muted small">This link works once and until {new Date(inv.expiresAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.</p>}
        </div>
        {inv.status !== 'pending' ? <FieldError message={NOT_USABLE[inv.status]} />
          : info?.mode === 'local' ? <FieldError message="This Footing runs in local mode (no accounts), so it has no invitations. Ask your clinician for the address of their Footing." />
          : info?.signedIn && info.role === 'patient' ? (
            <div className="card">
              <p>You are signed in as {info.displayName} ({info.email}).</p>
              <FieldError message={error} />
              <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>Accept and share my data</button>
            </div>
          ) : info?.signedIn ? (
            <div className="card">
              <p>You are signed in with a clinic account ({info.email}). Invitations are for patients.</p>
              <button type="button" onClick={() => void signOut(false).then(() => auth.refresh()).then(() => navigatePath(`/invite/${token}`))}>Sign out</button>
            </div>
          ) : haveAccount ? (
            <div className="card">
              <h2>Sign in to accept</h2>
              <SignInForm submitLabel="Sign in and accept" onSignedIn={signedInThenAccept} />
              <FieldError message={error} />
              <button type="button" className="link-button" onClick={() => setHaveAccount(false)}>I have no account yet</button>
            </div>
          ) : (
            <div className="card">
              <h2>Create your account</h2>
              <SignUpForm token={token} onDone={(i) => { auth.signedIn(i); navigatePath('/'); }} />
              <button type="button" className="link-button" onClick={() => setHaveAccount(true)}>I already have an account</button>
            </div>
          )}
      </>
    );
  }
  return (
    <Shell>
      <section className="screen">
        <ScreenTitle>Invitation</ScreenTitle>
        {body}
      </section>
    </Shell>
  );
}

/** Name, email and password (twice); the server creates the patient account, accepts the link and signs in. */
function SignUpForm({ token, onDone }: { token: string; onDone: (info: AuthInfo) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { error, busy, submit: send } = useFormState();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await send(async () => onDone(await api<AuthInfo>('POST', `/api/invitations/${encodeURIComponent(token)}/sign-up`, { email, password, displayName: name })), {
      check: () => (!name.trim() ? { message: 'Enter your name.', field: 'displayName' }
        : password.length < 8 ? { message: 'The password must be at least 8 characters.', field: 'password' }
          : password !== again ? { message: 'The two passwords are not the same.', field: 'again' } : null),
      fallback: 'Could not create the account.',
    });
  }
  const invalid = (f: string) => error?.field === f || undefined;
  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor="sign-up-name">Your name</label>
      <input id="sign-up-name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={invalid('displayName')} />
      <label htmlFor="sign-up-email">Email</label>
      <input id="sign-up-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={invalid('email')} />
      <label htmlFor="sign-up-password">Password (at least 8 characters)</label>
      <input id="sign-up-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={invalid('password')} />
      <label htmlFor="sign-up-again">Password again</label>
      <input id="sign-up-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={invalid('again')} />
      <FieldError message={error?.message} />
      <div className="actions account-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Creating your account…' : 'Create my account and accept'}</button>
      </div>
    </form>
  );
}
