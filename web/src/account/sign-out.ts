/** Signing out here or on every device, then back to the start (the gate shows the sign-in screen). */
import { api, setCsrfToken } from '../api/client.js';
import { navigatePath } from '../lib/router.js';

/** Ends this session, or every session of the account (`everywhere`); the caller then refreshes the auth state. */
export async function signOut(everywhere: boolean): Promise<void> {
  await api('POST', everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out');
  setCsrfToken(null);
  // The service worker keeps the last plan, progress and check-ins for offline use: on a shared device they must
  // not outlive the sign-out.
  if ('caches' in window) for (const key of await caches.keys()) await caches.delete(key);
  navigatePath('/');
}
