/**
 * Accounts mode without a session: sign in with email and password. Errors come from the server as they are
 * (a wrong email or password, the lock-out after repeated failures, an empty field), next to the form.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { useAuth, type AuthInfo } from './auth-context.js';
import { Shell } from './shell.js';
import { FieldError, ScreenTitle } from '../ui/common.js';
import { navigatePath } from '../lib/router.js';

/** The email and password form; `onSignedIn` gets the server's answer (role and CSRF token). */
export function SignInForm({ onSignedIn, submitLabel = 'Sign in' }: { onSignedIn: (info: AuthInfo) => void | Promise<void>; submitLabel?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit: send } = useFormState();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await send(async () => {
      const info = await api<AuthInfo>('POST', '/api/auth/sign-in', { email, password });
      setPassword('');
      await onSignedIn(info);
    }, {
      check: () => (!email.trim() || !password ? { message: 'Enter your email and your password.', field: email.trim() ? 'password' : 'email' } : null),
      fallback: 'Could not sign in. Try again.',
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby="sign-in-err">
      <label htmlFor="sign-in-email">Email</label>
      <input id="sign-in-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={error?.field === 'email' || undefined} />
      <label htmlFor="sign-in-password">Password</label>
      <input id="sign-in-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={error?.field === 'password' || undefined} />
      <FieldError id="sign-in-err" message={error?.message} />
      <div className="actions account-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : submitLabel}</button>
      </div>
    </form>
  );
}

export function SignInScreen() {
  const auth = useAuth();
  // Whether this Footing can email a reset link (it has email settings); until known, the clinic is the answer.
  const [canReset, setCanReset] = useState(false);
  useEffect(() => { api<{ available: boolean }>('GET', '/api/auth/password-reset').then((r) => setCanReset(r.available), () => undefined); }, []);
  return (
    <Shell>
      <section className="screen">
        <ScreenTitle>Sign in</ScreenTitle>
        <p>This Footing is run by a clinic: sign in to see your program, or your patients.</p>
        <div className="card">
          <SignInForm onSignedIn={(info) => auth.signedIn(info)} />
        </div>
        {canReset
          ? <p><a href="/forgot-password" onClick={(e) => { e.preventDefault(); navigatePath('/forgot-password'); }}>Forgotten your password?</a></p>
          : <p className="muted small">Forgotten password? Ask your clinic to set a new one.</p>}
        <p className="muted small">New patient? Open the invitation link your clinician gave you (or scan its QR code): it lets you create your account.</p>
      </section>
    </Shell>
  );
}
