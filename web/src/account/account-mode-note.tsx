/**
 * One line on who is using Footing: in local mode, that there is no sign-in and the data stays on this device; in
 * accounts mode, who is signed in, with a way to sign out (the Data page has the rest).
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useAuth } from './auth-context.js';
import { signOut } from './sign-out.js';
import { FieldError, Link } from '../ui/common.js';

/** `signedInOnly`: show nothing in local mode (screens where the local note would only add noise, e.g. the stop screen). */
export function AccountModeNote({ signedInOnly = false }: { signedInOnly?: boolean }) {
  const { t } = useTranslation('account');
  const auth = useAuth();
  const [error, setError] = useState<string | null>(null);
  const info = auth.info;
  if (!info) return null;
  if (info.mode === 'local') {
    if (signedInOnly) return null;
    return (
      <p className="mode-note" data-testid="local-mode-note">
        <Trans t={t} i18nKey="modeNote.local" components={{ strong: <strong /> }} />
      </p>
    );
  }
  if (!info.signedIn) return null;
  const out = () =>
    signOut(false).then(
      () => auth.refresh(),
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('signOut.failed')),
    );
  return (
    <div className="mode-note">
      <span>
        <Trans
          t={t}
          i18nKey="modeNote.signedIn"
          values={{ name: info.displayName, email: info.email }}
          components={{ strong: <strong /> }}
        />
      </span>{' '}
      <button type="button" className="link-button" onClick={() => void out()}>
        {t('signOut.here')}
      </button>{' '}
      {/* Settings opens in every state: a copy of the data, or deleting the account, before the questions or after a stop. */}
      <Link to="/settings">{t('modeNote.dataAndAccount')}</Link>
      <FieldError message={error} />
    </div>
  );
}
