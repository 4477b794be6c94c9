/**
 * One line on who is using Footing: in local mode, that there is no sign-in and the data stays on this device; in
 * accounts mode, who is signed in, with a way to sign out (the Data page has the rest).
 */
import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { useAuth } from './auth-context.js';
import { signOut } from './sign-out.js';
import { FieldError } from '../ui/common.js';

/** `signedInOnly`: show nothing in local mode (screens where the local note would only add noise, e.g. the stop screen). */
export function AccountModeNote({ signedInOnly = false }: { signedInOnly?: boolean }) {
  const auth = useAuth();
  const [error, setError] = useState<string | null>(null);
  const info = auth.info;
  if (!info) return null;
  if (info.mode === 'local') {
    if (signedInOnly) return null;
    return <p className="mode-note" data-testid="local-mode-note"><strong>Local mode:</strong> no sign-in, this device only.</p>;
  }
  if (!info.signedIn) return null;
  const out = () => signOut(false).then(() => auth.refresh(), (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not sign out.'));
  return (
    <div className="mode-note">
      <span>Signed in as <strong>{info.displayName}</strong> ({info.email}).</span>{' '}
      <button type="button" className="link-button" onClick={() => void out()}>Sign out</button>
      <FieldError message={error} />
    </div>
  );
}
