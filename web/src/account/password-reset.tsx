/**
 * A forgotten password (issue 14 item 7). /forgot-password asks for the email and sends a one-time link (the answer
 * is the same whether or not an account has that email); /reset-password/:token is the link: a new password, twice,
 * or, for a used or expired link, the server's plain message and the way to ask for another. On a Footing without
 * email settings the sign-in page offers none of this and says to ask the clinic.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { Shell } from './shell.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { TextField } from '../ui/text-field.js';
import { NewPasswordFields } from './new-password-fields.js';
import { navigatePath } from '../lib/router.js';

function BackToSignIn() {
  const { t } = useTranslation('account');
  return (
    <button type="button" className="link-button" onClick={() => navigatePath('/')}>
      {t('reset.back')}
    </button>
  );
}

export function ForgotPasswordScreen() {
  const { t } = useTranslation('account');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, submit: send } = useFormState();
  async function submit(e: FormEvent) {
    e.preventDefault();
    await send(
      async () => setDone((await api<{ message: string }>('POST', '/api/auth/password-reset', { email })).message),
      {
        check: () => (email.trim() ? null : { message: t('reset.needEmail') }),
        fallback: t('reset.askFailed'),
      },
    );
  }
  return (
    <Shell>
      <section className="screen">
        <ScreenTitle>{t('reset.forgotTitle')}</ScreenTitle>
        <div className="card">
          {done ? (
            <p className="success" role="status">
              {done}
            </p>
          ) : (
            <form onSubmit={submit} noValidate>
              <p>{t('reset.forgotIntro')}</p>
              <TextField
                id="forgot-email"
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                value={email}
                onChange={setEmail}
                invalid={Boolean(error)}
                aria-describedby="forgot-err"
              />
              <FieldError id="forgot-err" message={error?.message} />
              <div className="actions account-actions">
                <button type="submit" className="primary" disabled={busy}>
                  {busy ? t('reset.sending') : t('reset.send')}
                </button>
              </div>
            </form>
          )}
        </div>
        <BackToSignIn />
      </section>
    </Shell>
  );
}

export function ResetPasswordScreen({ token }: { token: string }) {
  const { t } = useTranslation('account');
  const [state, setState] = useState<'checking' | 'valid' | 'done'>('checking');
  const [refused, setRefused] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { error, busy, submit: send } = useFormState();
  const url = `/api/auth/password-reset/${encodeURIComponent(token)}`;

  useEffect(() => {
    api('GET', url).then(
      () => setState('valid'),
      (e: Error) => setRefused(e.message),
    );
  }, [url]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await send(
      async () => {
        await api('POST', url, { password });
        setState('done');
      },
      {
        check: () =>
          password.length < 8
            ? { message: t('password.tooShort'), field: 'password' }
            : password !== again
              ? { message: t('password.notSame'), field: 'again' }
              : null,
        fallback: t('reset.setFailed'),
        // A used or expired link: the whole page says so, not the field. Any other refusal is about the password.
        adapt: (p, err) => {
          if (!(err instanceof ApiError)) return p;
          if (err.status !== 410) return { message: p.message, field: 'password' };
          setRefused(err.message);
          return null;
        },
      },
    );
  }
  const invalid = (f: string) => error?.field === f || undefined;
  let body;
  if (refused) {
    body = (
      <div className="card">
        <FieldError message={refused} />
        <button type="button" className="primary" onClick={() => navigatePath('/forgot-password')}>
          {t('reset.askNew')}
        </button>
      </div>
    );
  } else if (state === 'checking') body = <Loading what={t('reset.loading')} />;
  else if (state === 'done') {
    body = (
      <div className="card">
        <p className="success" role="status">
          {t('reset.done')}
        </p>
        <button type="button" className="primary" onClick={() => navigatePath('/')}>
          {t('signIn.submit')}
        </button>
      </div>
    );
  } else {
    body = (
      <div className="card">
        <form onSubmit={submit} noValidate>
          <NewPasswordFields
            idPrefix="reset"
            labels={{ password: t('reset.newPassword'), again: t('reset.newAgain') }}
            password={password}
            again={again}
            onPassword={setPassword}
            onAgain={setAgain}
            invalid={invalid}
          />
          <FieldError message={error?.message} />
          <div className="actions account-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('reset.saving') : t('reset.submit')}
            </button>
          </div>
        </form>
      </div>
    );
  }
  return (
    <Shell>
      <section className="screen">
        <ScreenTitle>{t('reset.title')}</ScreenTitle>
        {body}
      </section>
    </Shell>
  );
}
