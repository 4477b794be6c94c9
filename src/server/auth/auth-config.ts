/** Settings of accounts and sign-in, with production defaults; tests lower the password cost. */
import { DEFAULT_SCRYPT_N } from './password.js';

export interface AuthConfig {
  /** scrypt N for new password hashes (default 2^16; tests use 2^10 to stay fast). */
  passwordCost: number;
  /** How long a sign-in lasts. */
  sessionDays: number;
  /** Failed sign-ins for one email, within `lockMinutes`, before that email is locked for `lockMinutes`. */
  maxFailures: number;
  lockMinutes: number;
  /** Sign-in requests per minute per client address (on top of the per-email lock-out). */
  signInPerMinute: number;
  /** How long an invitation link stays valid. */
  invitationDays: number;
  /** How long an emailed password-reset link works (OWASP's forgot-password cheat sheet: short-lived). */
  resetMinutes: number;
  /** Password-reset requests per hour for one email (whether or not an account has it), and from one client address. */
  resetsPerEmailPerHour: number;
  resetsPerClientPerHour: number;
  /**
   * Invitation emails per hour for one invitation (a typo in the address, a resend) and from one clinician: the
   * server sends mail to any address a clinician types, so without a limit a clinician's session could flood an inbox.
   */
  invitationMailsPerInvitationPerHour: number;
  invitationMailsPerClinicianPerHour: number;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  passwordCost: DEFAULT_SCRYPT_N,
  sessionDays: 14,
  maxFailures: 5,
  lockMinutes: 15,
  signInPerMinute: 20,
  invitationDays: 14,
  resetMinutes: 60,
  resetsPerEmailPerHour: 3,
  resetsPerClientPerHour: 20,
  invitationMailsPerInvitationPerHour: 3,
  invitationMailsPerClinicianPerHour: 30,
};

export function authConfig(partial: Partial<AuthConfig> | undefined): AuthConfig {
  return { ...DEFAULT_AUTH_CONFIG, ...partial };
}
