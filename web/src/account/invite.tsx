/**
 * An invitation link (/invite/:token): names the clinic and the clinician who will see the patient's data, then
 * either accepts it (a signed-in patient), or creates the patient account from it, or signs in first. After that
 * the normal patient app opens (the safety check on a first run).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format.js';
import { api } from '../api/client.js';
import { useFormState } from '../ui/use-form-state.js';
import { useAuth, type AuthInfo } from './auth-context.js';
import { Shell } from './shell.js';
import { signOut } from './sign-out.js';
import { FieldError, Loading, ScreenTitle } from '../ui/common.js';
import { TextField } from '../ui/text-field.js';
import { NewPasswordFields } from './new-password-fields.js';
import { navigatePath } from '../lib/router.js';
import { SignInForm } from './account-sign-in.js';

interface Invitation {
  clinicName: string;
  clinicianName: string;
  status: 'pending' | 'active' | 'revoked' | 'expired';
  expiresAt: string;
}

export function InviteScreen({ token }: { token: string }) {
  const { t } = useTranslation('account');
  const auth = useAuth();
  const [inv, setInv] = useState<Invitation | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const { error, setError, busy, submit } = useFormState();
  const [haveAccount, setHaveAccount] = useState(false);

  useEffect(() => {
    api<Invitation>('GET', `/api/invitations/${encodeURIComponent(token)}`).then(setInv, (e: Error) =>
      setLoadError(e.message),
    );
  }, [token]);

  const info = auth.info;
  const accept = () =>
    submit(
      async () => {
        await api('POST', `/api/invitations/${encodeURIComponent(token)}/accept`);
        setAccepted(true);
      },
      { fallback: t('invite.acceptFailed') },
    );
  const signedInThenAccept = async (i: AuthInfo) => {
    auth.signedIn(i);
    if (i.role !== 'patient') {
      setError({ message: t('invite.clinicAccountError') });
      return;
    }
    await accept();
  };

  let body;
  if (loadError) body = <FieldError message={loadError} />;
  else if (!inv) body = <Loading what={t('invite.loading')} />;
  else if (accepted) {
    body = (
      <div className="card">
        <p className="success" role="status">
          {t('invite.done', { clinician: inv.clinicianName, clinic: inv.clinicName })}
        </p>
        <p>{t('invite.stopAnyTime')}</p>
        <button type="button" className="primary" onClick={() => navigatePath('/')}>
          {t('invite.continue')}
        </button>
      </div>
    );
  } else {
    body = (
      <>
        <div className="card">
          <p className="lead">
            <Trans
              t={t}
              i18nKey="invite.lead"
              values={{ clinician: inv.clinicianName, clinic: inv.clinicName }}
              components={{ strong: <strong /> }}
            />
          </p>
          <p>{t('invite.whatTheySee')}</p>
          {inv.status === 'pending' && (
            <p className="muted small">
              {t('invite.until', {
                date: formatDate(inv.expiresAt, { day: 'numeric', month: 'long', year: 'numeric' }),
              })}
            </p>
          )}
        </div>
        {inv.status !== 'pending' ? (
          <FieldError message={t(`invite.notUsable.${inv.status}`)} />
        ) : info?.mode === 'local' ? (
          <FieldError message={t('invite.localMode')} />
        ) : info?.signedIn && info.role === 'patient' ? (
          <div className="card">
            <p>{t('invite.signedInAs', { name: info.displayName, email: info.email })}</p>
            <FieldError message={error?.message} />
            <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
              {t('invite.accept')}
            </button>
          </div>
        ) : info?.signedIn ? (
          <div className="card">
            <p>{t('invite.clinicAccount', { email: info.email })}</p>
            <button
              type="button"
              onClick={() =>
                void signOut(false)
                  .then(() => auth.refresh())
                  .then(() => navigatePath(`/invite/${token}`))
              }
            >
              {t('signOut.here')}
            </button>
          </div>
        ) : haveAccount ? (
          <div className="card">
            <h2>{t('invite.signInTitle')}</h2>
            <SignInForm submitLabel={t('invite.signInSubmit')} onSignedIn={signedInThenAccept} />
            <FieldError message={error?.message} />
            <button type="button" className="link-button" onClick={() => setHaveAccount(false)}>
              {t('invite.noAccount')}
            </button>
          </div>
        ) : (
          <div className="card">
            <h2>{t('invite.createTitle')}</h2>
            <SignUpForm
              token={token}
              onDone={(i) => {
                auth.signedIn(i);
                navigatePath('/');
              }}
            />
            <button type="button" className="link-button" onClick={() => setHaveAccount(true)}>
              {t('invite.haveAccount')}
            </button>
          </div>
        )}
      </>
    );
  }
  return (
    <Shell>
      <section className="screen">
        <ScreenTitle>{t('invite.title')}</ScreenTitle>
        {body}
      </section>
    </Shell>
  );
}

/** Name, email and password (twice); the server creates the patient account, accepts the link and signs in. */
function SignUpForm({ token, onDone }: { token: string; onDone: (info: AuthInfo) => void }) {
  const { t } = useTranslation('account');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { error, busy, submit: send } = useFormState();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await send(
      async () =>
        onDone(
          await api<AuthInfo>('POST', `/api/invitations/${encodeURIComponent(token)}/sign-up`, {
            email,
            password,
            displayName: name,
          }),
        ),
      {
        check: () =>
          !name.trim()
            ? { message: t('signUp.needName'), field: 'displayName' }
            : password.length < 8
              ? { message: t('password.tooShort'), field: 'password' }
              : password !== again
                ? { message: t('password.notSame'), field: 'again' }
                : null,
        fallback: t('signUp.failed'),
      },
    );
  }
  const invalid = (f: string) => error?.field === f || undefined;
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        id="sign-up-name"
        label={t('signUp.name')}
        autoComplete="name"
        value={name}
        onChange={setName}
        invalid={invalid('displayName')}
      />
      <TextField
        id="sign-up-email"
        label={t('signIn.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        invalid={invalid('email')}
      />
      <NewPasswordFields
        idPrefix="sign-up"
        labels={{ password: t('signUp.password'), again: t('signUp.again') }}
        password={password}
        again={again}
        onPassword={setPassword}
        onAgain={setAgain}
        invalid={invalid}
      />
      <FieldError message={error?.message} />
      <div className="actions account-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signUp.busy') : t('signUp.submit')}
        </button>
      </div>
    </form>
  );
}
