/**
 * Who is using the app: local mode (no accounts, no sign-in) or accounts mode, signed in or not, and as which role.
 * The AuthGate loads it from GET /api/auth/mode and shares it with the screens through this context.
 */
import { createContext, useContext } from 'react';

/** The answer of GET /api/auth/mode (and of sign-in / sign-up, which add the same fields). */
export interface AuthInfo {
  mode: 'local' | 'accounts';
  signedIn: boolean;
  role: 'patient' | 'clinician' | 'admin' | null;
  email?: string;
  displayName?: string;
  csrfToken?: string;
}

export interface AuthState {
  /** Null only while the first answer is on its way, or when the server could not be reached. */
  info: AuthInfo | null;
  /** Asks the server again (after sign-in, sign-out, account deletion). */
  refresh(): Promise<void>;
  /** Takes a sign-in or sign-up answer as the new state without another round trip. */
  signedIn(info: AuthInfo): void;
}

export const AuthContext = createContext<AuthState>({
  info: null,
  refresh: async () => undefined,
  signedIn: () => undefined,
});

/** The current sign-in state. */
export function useAuth(): AuthState {
  return useContext(AuthContext);
}
