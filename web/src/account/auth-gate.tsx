/**
 * Decides what the app is for whoever opened it: an invitation link (/invite/:token) shows the invitation, a
 * password reset link (/reset-password/:token) its form, /forgot-password asks for one; local
 * mode and signed-in patients get the patient app; clinicians and admins get the clinician workspace; in accounts
 * mode without a session, the sign-in screen. If the mode cannot be read (offline), the patient app opens as
 * before: its own screens say what is wrong, and the server still refuses what the caller may not do.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/client.js';
import { Loading } from '../ui/common.js';
import { usePath } from '../lib/router.js';
import { ClinicianWorkspace } from '../clinic/clinician-workspace.js';
import { InviteScreen } from './invite.js';
import { SignInScreen } from './account-sign-in.js';
import { ForgotPasswordScreen, ResetPasswordScreen } from './password-reset.js';
import { AuthContext, type AuthInfo, type AuthState } from './auth-context.js';
import { Shell } from './shell.js';

export function AuthGate({ patientApp }: { patientApp: () => ReactNode }) {
  const { t } = useTranslation('app');
  const path = usePath();
  const [info, setInfo] = useState<AuthInfo | null>(null);
  const [unreachable, setUnreachable] = useState(false);

  const take = useCallback((i: AuthInfo) => {
    setCsrfToken(i.csrfToken ?? null);
    setInfo(i);
    setUnreachable(false);
  }, []);
  const refresh = useCallback(async () => {
    try {
      take(await api<AuthInfo>('GET', '/api/auth/mode'));
    } catch {
      setUnreachable(true);
    }
  }, [take]);

  useEffect(() => {
    void refresh();
    const onSignedOut = () => {
      void refresh();
    };
    window.addEventListener('footing:signed-out', onSignedOut);
    return () => window.removeEventListener('footing:signed-out', onSignedOut);
  }, [refresh]);

  const state = useMemo<AuthState>(() => ({ info, refresh, signedIn: take }), [info, refresh, take]);

  let content: ReactNode;
  if (path.startsWith('/invite/'))
    content =
      info || unreachable ? (
        <InviteScreen token={decodeURIComponent(path.slice('/invite/'.length))} />
      ) : (
        <Shell>
          <Loading what={t('brand')} />
        </Shell>
      );
  // A password reset link works whoever is signed in on this browser (or no one).
  else if (path.startsWith('/reset-password/'))
    content = <ResetPasswordScreen token={decodeURIComponent(path.slice('/reset-password/'.length))} />;
  else if (path === '/forgot-password' && !info?.signedIn) content = <ForgotPasswordScreen />;
  else if (!info)
    content = unreachable ? (
      patientApp()
    ) : (
      <Shell>
        <Loading what={t('brand')} />
      </Shell>
    );
  else if (info.mode === 'local' || (info.signedIn && info.role === 'patient')) content = patientApp();
  else if (!info.signedIn) content = <SignInScreen />;
  else content = <ClinicianWorkspace />;
  return <AuthContext.Provider value={state}>{content}</AuthContext.Provider>;
}
