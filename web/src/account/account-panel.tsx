/**
 * The account part of the Data page. Local mode: a note that there is no sign-in and the data stays on this
 * device. Accounts mode (a patient): the clinicians who see your data, each with a way to stop sharing (their
 * access ends at once); who read or changed your data and when (the audit log); sign out here or everywhere; and
 * deleting the account with all its data, after the password.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.js';
import { useAuth } from './auth-context.js';
import { signOut } from './sign-out.js';
import { FieldError, Loading } from '../ui/common.js';
import { TextField } from '../ui/text-field.js';
import { useFormState } from '../ui/use-form-state.js';
import { navigatePath } from '../lib/router.js';
import { AccountAudit } from './account-audit.js';
import { formatDate } from '../i18n/format.js';

interface CareLink {
  id: string;
  status: 'pending' | 'active' | 'revoked' | 'expired';
  clinicName: string;
  clinicianName: string;
  clinicianEmail: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

const day = (iso: string) => formatDate(iso);

export function AccountPanel() {
  const { t } = useTranslation('account');
  const auth = useAuth();
  const info = auth.info;
  if (!info) return null;
  if (info.mode === 'local') {
    return (
      <section className="screen account-panel" aria-labelledby="local-mode-h">
        <div className="card">
          <h2 id="local-mode-h">{t('panel.localTitle')}</h2>
          <p data-testid="local-mode-note">
            <Trans t={t} i18nKey="panel.localNote" components={{ strong: <strong /> }} />
          </p>
        </div>
      </section>
    );
  }
  if (!info.signedIn || info.role !== 'patient') return null;
  return (
    <section className="screen account-panel" aria-label={t('panel.label')}>
      <MyClinicians />
      <AccountAudit />
      <SignOutCard />
      <DeleteAccount
        onDeleted={() => {
          navigatePath('/');
          void auth.refresh();
        }}
      />
    </section>
  );
}

function MyClinicians() {
  const { t } = useTranslation('account');
  const [links, setLinks] = useState<CareLink[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => {
    api<CareLink[]>('GET', '/api/care-links').then(setLinks, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const revoke = async (l: CareLink) => {
    setError(null);
    try {
      await api('DELETE', `/api/care-links/${l.id}`);
      setDone(t('clinicians.stopped', { name: l.clinicianName }));
      setConfirming(null);
      load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('clinicians.stopFailed'));
    }
  };
  const active = links?.filter((l) => l.status === 'active') ?? [];
  const ended = links?.filter((l) => l.status === 'revoked') ?? [];
  return (
    <div className="card">
      <h2>{t('clinicians.title')}</h2>
      {!links ? (
        error ? (
          <FieldError message={error} />
        ) : (
          <Loading what={t('clinicians.loading')} />
        )
      ) : (
        <>
          {active.length === 0 ? (
            <p>{t('clinicians.none')}</p>
          ) : (
            <ul className="care-links">
              {active.map((l) => (
                <li key={l.id}>
                  <p>
                    <strong>{l.clinicianName}</strong>, {l.clinicName}{' '}
                    <span className="muted small">
                      {t('clinicians.since', { email: l.clinicianEmail, date: l.acceptedAt ? day(l.acceptedAt) : '?' })}
                    </span>
                  </p>
                  {confirming === l.id ? (
                    <div className="confirm-row">
                      <p>{t('clinicians.confirm', { name: l.clinicianName })}</p>
                      <button type="button" className="danger" onClick={() => void revoke(l)}>
                        {t('clinicians.yesStop')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('clinicians.keep')}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      onClick={() => {
                        setDone(null);
                        setConfirming(l.id);
                      }}
                    >
                      {t('clinicians.stop', { name: l.clinicianName })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {ended.length > 0 && (
            <p className="muted small">
              {t('clinicians.ended', {
                list: ended.map((l) => `${l.clinicianName} (${l.revokedAt ? day(l.revokedAt) : ''})`).join(', '),
              })}
            </p>
          )}
          {done && (
            <p className="success" role="status">
              {done}
            </p>
          )}
          <FieldError message={error} />
        </>
      )}
    </div>
  );
}

function SignOutCard() {
  const { t } = useTranslation('account');
  const auth = useAuth();
  const [error, setError] = useState<string | null>(null);
  const out = (everywhere: boolean) =>
    signOut(everywhere).then(
      () => auth.refresh(),
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('signOut.failed')),
    );
  return (
    <div className="card">
      <h2>{t('panel.signedIn')}</h2>
      <p>
        <Trans
          t={t}
          i18nKey="panel.as"
          values={{ name: auth.info?.displayName, email: auth.info?.email }}
          components={{ strong: <strong /> }}
        />
      </p>
      <div className="actions">
        <button type="button" onClick={() => void out(false)}>
          {t('signOut.here')}
        </button>
        <button type="button" onClick={() => void out(true)}>
          {t('signOut.everywhere')}
        </button>
      </div>
      <FieldError message={error} />
    </div>
  );
}

function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation('account');
  const [password, setPassword] = useState('');
  const { error, busy, submit: send } = useFormState();
  function submit(e: FormEvent) {
    e.preventDefault();
    void send(
      async () => {
        await api('DELETE', '/api/account', { password });
        onDeleted();
      },
      { check: () => (password ? null : { message: t('delete.needPassword') }), fallback: t('delete.failed') },
    );
  }
  return (
    <div className="card">
      <details>
        <summary>{t('delete.title')}</summary>
        <p>{t('delete.intro')}</p>
        <form onSubmit={submit} noValidate>
          <TextField
            id="delete-password"
            label={t('delete.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            aria-describedby="delete-err"
            invalid={Boolean(error)}
          />
          <FieldError id="delete-err" message={error?.message} />
          <button type="submit" className="danger" disabled={busy}>
            {t('delete.submit')}
          </button>
        </form>
      </details>
    </div>
  );
}
