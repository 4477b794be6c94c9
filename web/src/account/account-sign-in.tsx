/**
 * Accounts mode without a session: sign in with email and password. Errors come from the server as they are
 * (a wrong email or password, the lock-out after repeated failures, an empty field), next to the form.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { useAuth, type AuthInfo } from './auth-context.js';
import { Shell } from './shell.js';
import { FieldError, ScreenTitle } from '../ui/common.js';
import { TextField } from '../ui/text-field.js';
import { navigatePath } from '../lib/router.js';

/** The email and password form; `onSignedIn` gets the server's answer (role and CSRF token). */
export function SignInForm({
  onSignedIn,
  submitLabel,
}: {
  onSignedIn: (info: AuthInfo) => void | Promise<void>;
  submitLabel?: string;
}) {
  const { t } = useTranslation('account');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit: send } = useFormState();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await send(
      async () => {
        const info = await api<AuthInfo>('POST', '/api/auth/sign-in', { email, password });
        setPassword('');
        await onSignedIn(info);
      },
      {
        check: () =>
          !email.trim() || !password
            ? { message: t('signIn.missing'), field: email.trim() ? 'password' : 'email' }
            : null,
        fallback: t('signIn.failed'),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby="sign-in-err">
      <TextField
        id="sign-in-email"
        label={t('signIn.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        invalid={error?.field === 'email'}
      />
      <TextField
        id="sign-in-password"
        label={t('signIn.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        invalid={error?.field === 'password'}
      />
      <FieldError id="sign-in-err" message={error?.message} />
      <div className="actions account-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : (submitLabel ?? t('signIn.submit'))}
        </button>
      </div>
    </form>
  );
}

export function SignInScreen() {
  const { t } = useTranslation('account');
  const auth = useAuth();
  // Whether this Footing can email a reset link (it has email settings); until known, the clinic is the answer.
  const [canReset, setCanReset] = useState(false);
  useEffect(() => {
    api<{ available: boolean }>('GET', '/api/auth/password-reset').then(
      (r) => setCanReset(r.available),
      () => undefined,
    );
  }, []);
  return (
    <Shell>
      <section className="screen">
        <ScreenTitle>{t('signIn.title')}</ScreenTitle>
        <p>{t('signIn.intro')}</p>
        <div className="card">
          <SignInForm onSignedIn={(info) => auth.signedIn(info)} />
        </div>
        {canReset ? (
          <p>
            <a
              href="/forgot-password"
              onClick={(e) => {
                e.preventDefault();
                navigatePath('/forgot-password');
              }}
            >
              {t('signIn.forgotLink')}
            </a>
          </p>
        ) : (
          <p className="muted small">{t('signIn.forgotAskClinic')}</p>
        )}
        <p className="muted small">{t('signIn.newPatient')}</p>
      </section>
    </Shell>
  );
}
