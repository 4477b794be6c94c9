/**
 * The clinician's side of Footing (clinicians, and clinic admins who invite patients): the patient list with an
 * invitation card at /, one patient at /patients/:personId. Health data only ever comes from the patient-scoped
 * API, which checks the patient's consent on every request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.js';
import { useAuth } from '../account/auth-context.js';
import { Shell } from '../account/shell.js';
import { signOut } from '../account/sign-out.js';
import { FieldError } from '../ui/common.js';
import { PathLink } from '../ui/path-link.js';
import { navigatePath, usePath } from '../lib/router.js';
import { ClinicianPatientScreen } from './clinician-patient.js';
import { ClinicianPatientsScreen } from './clinician-patients.js';
import { ClinicAdminScreen } from './clinic-admin.js';
import {
  ClinicianInboxScreen,
  ClinicianMessagesScreen,
  type ClinicianThreads,
} from '../messages/clinician-messages.js';
import { ReferencesScreen } from '../references/references.js';
import { formatNumber } from '../i18n/format.js';
import { useLivePoll } from '../lib/use-live-poll.js';

export function ClinicianWorkspace() {
  const { t } = useTranslation('clinic');
  const auth = useAuth();
  const path = usePath();
  const [error, setError] = useState<string | null>(null);
  const out = (everywhere: boolean) =>
    signOut(everywhere).then(
      () => auth.refresh(),
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('workspace.signOutFailed')),
    );
  const m = /^\/patients\/([^/]+)$/.exec(path);
  const thread = /^\/patients\/([^/]+)\/messages$/.exec(path);
  const isAdmin = auth.info?.role === 'admin';
  const onClinic = isAdmin && path === '/clinic';
  const onInbox = path === '/messages';
  // The sources behind every evidence label and citation the clinician reads (the patient's References page).
  const onReferences = path === '/references';
  // The conversations and their unread count, asked when the workspace opens and on the list pages (each answer is
  // recorded in the listed patients' audit logs, so not on every page).
  const [inbox, setInbox] = useState<ClinicianThreads | null>(null);
  const [inboxError, setInboxError] = useState<string | null>(null);
  // The header's unread count, from the inbox or, between its reads, from the unread total polled below.
  const [unread, setUnread] = useState<number | null>(null);
  const loadInbox = useCallback(() => {
    api<ClinicianThreads>('GET', '/api/clinician/messages').then(
      (l) => {
        setInbox(l);
        setUnread(l.unread);
        setInboxError(null);
      },
      (e: Error) => setInboxError(e.message),
    );
  }, []);
  const listPage = path === '/' || onInbox;
  useEffect(() => {
    if (listPage || !inbox) loadInbox();
  }, [listPage]); // eslint-disable-line react-hooks/exhaustive-deps
  // New messages while the workspace is open: the unread total and newest message time (which name no patient and
  // are not audited) are polled; when they change, the inbox, the open conversation or the patient list (its unread
  // lines) is read again (and audited, as when it is opened).
  const lastTotal = useRef<string | null>(null);
  const [newMessages, setNewMessages] = useState(0);
  const pollTotal = useCallback(async (): Promise<string> => {
    const s = await api<{ unread: number; lastAt: string | null }>('GET', '/api/clinician/messages/unread');
    const key = `${s.unread}|${s.lastAt ?? ''}`;
    if (lastTotal.current !== null && key !== lastTotal.current) setNewMessages((n) => n + 1);
    lastTotal.current = key;
    setUnread(s.unread);
    return key;
  }, []);
  useEffect(() => {
    pollTotal().catch(() => undefined);
  }, [pollTotal]);
  useLivePoll(pollTotal, true);
  useEffect(() => {
    if (newMessages && onInbox) loadInbox();
  }, [newMessages]); // eslint-disable-line react-hooks/exhaustive-deps
  const body = onReferences ? (
    <ReferencesScreen />
  ) : onClinic ? (
    <ClinicAdminScreen myEmail={auth.info?.email} />
  ) : onInbox ? (
    <ClinicianInboxScreen list={inbox} error={inboxError} />
  ) : thread ? (
    <ClinicianMessagesScreen personId={decodeURIComponent(thread[1]!)} onRead={loadInbox} version={newMessages} />
  ) : m ? (
    <ClinicianPatientScreen personId={decodeURIComponent(m[1]!)} />
  ) : (
    <ClinicianPatientsScreen version={newMessages} />
  );
  return (
    <Shell
      headerEnd={
        <nav className="top-links" aria-label={t('workspace.nav')}>
          <PathLink to="/" className={m || thread || onClinic || onInbox || onReferences ? '' : 'active'}>
            {t('workspace.patients')}
          </PathLink>
          <PathLink to="/messages" className={onInbox || thread ? 'active' : ''}>
            {t('workspace.messages')}
            {unread !== null && unread > 0 && (
              <>
                {' '}
                <span className="unread-badge">
                  <Trans
                    t={t}
                    i18nKey="workspace.unread"
                    values={{ n: formatNumber(unread) }}
                    components={{ hidden: <span className="visually-hidden" /> }}
                  />
                </span>
              </>
            )}
          </PathLink>
          {isAdmin && (
            <PathLink to="/clinic" className={onClinic ? 'active' : ''}>
              {t('workspace.clinic')}
            </PathLink>
          )}
          <PathLink to="/references" className={onReferences ? 'active' : ''}>
            {t('workspace.references')}
          </PathLink>
        </nav>
      }
    >
      <div className="workspace">
        {body}
        <footer className="workspace-account card">
          <p>
            <Trans
              t={t}
              i18nKey="workspace.signedInAs"
              values={{
                name: auth.info?.displayName,
                email: auth.info?.email,
                role: auth.info?.role === 'admin' ? t('admin.roleAdmin') : t('admin.roleClinician'),
              }}
              components={{ strong: <strong /> }}
            />
          </p>
          <div className="actions">
            <button type="button" onClick={() => void out(false)}>
              {t('workspace.signOut')}
            </button>
            <button type="button" onClick={() => void out(true)}>
              {t('workspace.signOutEverywhere')}
            </button>
          </div>
          <FieldError message={error} />
        </footer>
      </div>
    </Shell>
  );
}
