/**
 * A forgotten password (issue 14 item 7). /forgot-password asks for the email and sends a one-time link (the answer
 * is the same whether or not an account has that email); /reset-password/:token is the link: a new password, twice,
 * or, for a used or expired link, the server's plain message and the way to ask for another. On a Footing without
 * email settings the sign-in page offers none of this and says to ask the clinic.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { Shell } from './shell.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { navigatePath } from '../lib/router.js';

const backToSignIn = <button type="button" className="link-button" onClick={() => navigatePath('/')}>Back to sign-in</button>;

export function ForgotPasswordScreen() {
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, submit: send } = useFormState();
  async function submit(e: FormEvent) {
    e.preventDefault();
    await send(async () => setDone((await api<{ message: string }>('POST', '/api/auth/password-reset', { email })).message), {
      check: () => (email.trim() ? null : { message: 'Enter the email you sign in with.' }),
      fallback: 'Could not ask for a link. Try again.',
    });
  }
  return (
    <Shell>
      <section className="screen">
        <ScreenTitle>Forgotten password</ScreenTitle>
        <div className="card">
          {done ? <p className="success" role="status">{done}</p> : (
            <form onSubmit={submit} noValidate>
              <p>Enter the email you sign in with. We will send a link to choose a new password.</p>
              <label htmlFor="forgot-email">Email</label>
              <input id="forgot-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby="forgot-err" />
              <FieldError id="forgot-err" message={error?.message} />
              <div className="actions account-actions">
                <button type="submit" className="primary" disabled={busy}>{busy ? 'Sending…' : 'Send me a link'}</button>
              </div>
            </form>
          )}
        </div>
        {backToSignIn}
      </section>
    </Shell>
  );
}

export function ResetPasswordScreen({ token }: { token: string }) {
  const [state, setState] = useState<'checking' | 'valid' | 'done'>('checking');
  const [refused, setRefused] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { error, busy, submit: send } = useFormState();
  const url = `/api/auth/password-reset/${encodeURIComponent(token)}`;

  useEffect(() => {
    api('GET', url).then(() => setState('valid'), (e: Error) => setRefused(e.message));
  }, [url]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await send(async () => {
      await api('POST', url, { password });
      setState('done');
    }, {
      check: () => (password.length < 8 ? { message: 'The password must be at least 8 characters.', field: 'password' }
        : password !== again ? { message: 'The two passwords are not the same.', field: 'again' } : null),
      fallback: 'Could not set the password. Try again.',
      // A used or expired link: the whole page says so, not the field. Any other refusal is about the password.
      adapt: (p, err) => {
        if (!(err instanceof ApiError)) return p;
        if (err.status !== 410) return { message: p.message, field: 'password' };
        setRefused(err.message);
        return null;
      },
    });
  }
  const invalid = (f: string) => error?.field === f || undefined;
  let body;
  if (refused) {
    body = (
      <div className="card">
        <FieldError message={refused} />
        <button type="button" className="primary" onClick={() => navigatePath('/forgot-password')}>Ask for a new link</button>
      </div>
    );
  } else if (state === 'checking') body = <Loading what="the link" />;
  else if (state === 'done') {
    body = (
      <div className="card">
        <p className="success" role="status">Your new password is set. You were signed out everywhere: sign in with the new password.</p>
        <button type="button" className="primary" onClick={() => navigatePath('/')}>Sign in</button>
      </div>
    );
  } else {
    body = (
      <div className="card">
        <form onSubmit={submit} noValidate>
          <label htmlFor="reset-password">New password (at least 8 characters)</label>
          <input id="reset-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={invalid('password')} />
          <label htmlFor="reset-again">New password again</label>
          <input id="reset-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={invalid('again')} />
          <FieldError message={error?.message} />
          <div className="actions account-actions">
            <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Set my new password'}</button>
          </div>
        </form>
      </div>
    );
  }
  return (
    <Shell>
      <section className="screen">
        <ScreenTitle>Choose a new password</ScreenTitle>
        {body}
      </section>
    </Shell>
  );
}
