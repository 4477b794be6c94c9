/**
 * The app shell: loads today's state, decides which screen to show (welcome and safety check on first run, the
 * stop screen after a red flag, otherwise the chosen screen), and holds the bottom navigation.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api/client.js';
import type { ScreenOutcome, TodayState } from './api/types.js';
import { FieldError, Link, Loading } from './ui/common.js';
import { localDate } from './lib/local-time.js';
import { flushQueue, pendingSessions } from './outbox/offline-queue.js';
import { navigate, useRoute, type Route } from './lib/router.js';
import { AssessmentOutcomesScreen } from './chain/assessment-outcomes.js';
import { PainMapScreen } from './chain/assessment-pain-map.js';
import { AssessmentTestsScreen } from './chain/assessment-tests.js';
import { CheckinScreen } from './checkin/checkin.js';
import { ExplainScreen } from './chain/explain.js';
import { FilmingGuideScreen } from './gait/gait-filming-guide.js';
import { GaitVideoScreen } from './gait/gait-video.js';
import { ProgressScreen } from './progress/progress.js';
import { ReferencesScreen } from './references/references.js';
import { RemindersScreen } from './reminders/reminders.js';
import { SafetyAnswers } from './safety/safety-answers.js';
import { SafetyScreen } from './safety/safety-screen.js';
import { Session } from './session/session.js';
import { Settings } from './account/settings.js';
import { Stopped } from './safety/stopped.js';
import { Today } from './today/today.js';
import { WalkingScreen } from './walking/walking.js';
import { WalkNowScreen } from './walking/walk-now.js';
import { Welcome } from './safety/welcome.js';
import { AuthGate } from './account/auth-gate.js';
import { AccountModeNote } from './account/account-mode-note.js';
import { AccountPanel } from './account/account-panel.js';
import { MessagesScreen, type PatientThreads } from './messages/messages.js';
import { useAuth } from './account/auth-context.js';
import { useLivePoll } from './lib/use-live-poll.js';

// The bottom navigation: each link's words are app:nav.<key> in the catalogue.
const NAV: { to: Route; key: 'today' | 'checkin' | 'walking' | 'chain' | 'progress' }[] = [
  { to: '/', key: 'today' },
  { to: '/checkin', key: 'checkin' },
  { to: '/walking', key: 'walking' },
  { to: '/chain', key: 'chain' },
  { to: '/progress', key: 'progress' },
];

/** The app: the auth gate picks sign-in, an invitation, the clinician workspace or the patient app (local mode: always the patient app). */
export function App() {
  return <AuthGate patientApp={() => <PatientApp />} />;
}

function PatientApp() {
  const { t, i18n } = useTranslation('app');
  const route = useRoute();
  const [today, setToday] = useState<TodayState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(pendingSessions().length);
  const [clinicianCleared, setClinicianCleared] = useState(false);
  // Messages with a clinician (clinic mode): the unread count for the header, or null when there is no one to write to.
  const auth = useAuth();
  const [unread, setUnread] = useState<number | null>(null);
  // What the last answer held (each thread's unread count and newest message): when it changes, the open Messages
  // screen reads the conversation again, so a clinician's message appears without a reload.
  const [messagesKey, setMessagesKey] = useState('');
  const withAccount = auth.info?.mode === 'accounts' && auth.info.signedIn;
  const pollMessages = useCallback(async (): Promise<string> => {
    if (!withAccount) {
      setUnread(null);
      return '';
    }
    const m = await api<PatientThreads>('GET', '/api/messages');
    const key = m.threads.map((th) => `${th.clinicianAccountId}:${th.unread}:${th.lastAt ?? ''}`).join(',');
    setUnread(m.threads.length ? m.unread : null);
    setMessagesKey(key);
    return key;
  }, [withAccount]);
  const loadMessages = useCallback(() => {
    pollMessages().catch(() => undefined);
  }, [pollMessages]);
  useEffect(loadMessages, [loadMessages, route]);
  // Asked again while the app is open and visible, only when there is a clinician to hear from.
  useLivePoll(pollMessages, withAccount && unread !== null);

  const load = useCallback(() => {
    api<TodayState>('GET', `/api/today?date=${localDate()}`).then(
      (t) => {
        setToday(t);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  // Today's plan holds texts the server wrote in the language asked for: a new language asks for them again.
  useEffect(() => {
    i18n.on('languageChanged', load);
    return () => i18n.off('languageChanged', load);
  }, [i18n, load]);

  useEffect(() => {
    load();
    const onQueue = () => setPending(pendingSessions().length);
    const onOnline = () => {
      void flushQueue().then((n) => {
        if (n) load();
      });
    };
    window.addEventListener('footing:queue', onQueue);
    window.addEventListener('online', onOnline);
    onOnline();
    return () => {
      window.removeEventListener('footing:queue', onQueue);
      window.removeEventListener('online', onOnline);
    };
  }, [load]);

  const afterScreen = (o: ScreenOutcome) => {
    setClinicianCleared(false);
    load();
    navigate('/');
  };

  let body: ReactNode;
  // The References page needs nothing from the server: it opens in every state, offline too.
  if (route === '/references') body = <ReferencesScreen />;
  // A clinician can be written to whatever the program's state: after a safety stop above all.
  else if (route === '/messages') body = <MessagesScreen onRead={loadMessages} version={messagesKey} />;
  else if (!today)
    body = error ? (
      <section className="screen">
        <h1>{t('brand')}</h1>
        <FieldError message={error} />
        <button type="button" onClick={load}>
          {t('tryAgain')}
        </button>
      </section>
    ) : (
      <Loading what={t('loadingToday')} />
    );
  // After a stop, the questions only come back once the person has ticked that a clinician checked them.
  else if (route === '/screen' && (today.plan.status !== 'stopped' || clinicianCleared))
    body = <SafetyScreen clinicianCleared={clinicianCleared} onDone={afterScreen} />;
  // Filming and analysing a walk needs no safety check first (an assessment comes before the program), but not after a stop.
  else if (route === '/gait' && today.plan.status !== 'stopped') body = <GaitVideoScreen />;
  else if (route === '/filming-guide') body = <FilmingGuideScreen />;
  // The latest safety check's answers as a printable page: after a stop above all (for the clinician), but any time.
  else if (route === '/my-answers' && today.screen) body = <SafetyAnswers today={today} />;
  // A person's data and account are theirs in every state: before the safety questions and after a stop too (to
  // download a copy or delete the account). Only what would change the program (restoring a backup, reminders of
  // sessions) waits for an active program.
  else if (route === '/settings')
    body = (
      <>
        <Settings
          limited={today.plan.status !== 'active'}
          pending={pending}
          onChanged={() => {
            setPending(pendingSessions().length);
            load();
          }}
        />
        <AccountPanel />
      </>
    );
  else if (today.plan.status === 'needs-screen')
    body = (
      <>
        <Welcome />
        <AccountModeNote />
      </>
    );
  else if (today.plan.status === 'stopped') {
    body = (
      <>
        <Stopped
          today={today}
          onRestart={() => {
            setClinicianCleared(true);
            navigate('/screen');
          }}
        />
        <AccountModeNote signedInOnly />
      </>
    );
  } else if (route === '/session') body = <Session today={today} onSaved={load} />;
  else if (route === '/checkin') body = <CheckinScreen onSaved={load} />;
  else if (route === '/progress') body = <ProgressScreen />;
  else if (route === '/walking') body = <WalkingScreen today={today} onChanged={load} />;
  else if (route === '/walk-now') body = <WalkNowScreen onSaved={load} />;
  else if (route === '/chain') body = <ExplainScreen />;
  else if (route === '/chain/pain-map') body = <PainMapScreen />;
  else if (route === '/chain/tests') body = <AssessmentTestsScreen />;
  else if (route === '/chain/outcomes') body = <AssessmentOutcomesScreen />;
  else if (route === '/reminders') body = <RemindersScreen />;
  else body = <Today today={today} pending={pending} onChanged={load} />;

  // No navigation into the program while it is stopped or not yet started: the stop screen is all there is.
  const showNav = today && today.plan.status === 'active' && route !== '/screen' && route !== '/session';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <span className="brand">{t('brand')}</span>
        <span className="tagline">{t('tagline')}</span>
        {(showNav || unread !== null) && (
          <nav className="top-links" aria-label={t('dataNav')}>
            {unread !== null && (
              <Link to="/messages" className={route === '/messages' ? 'active' : ''} current={route === '/messages'}>
                {t('messages')}
                {unread > 0 && (
                  <>
                    {' '}
                    <span className="unread-badge">
                      {unread}
                      <span className="visually-hidden"> {t('unread')}</span>
                    </span>
                  </>
                )}
              </Link>
            )}
            {showNav && (
              <Link to="/settings" className={route === '/settings' ? 'active' : ''} current={route === '/settings'}>
                {t('data')}
              </Link>
            )}
          </nav>
        )}
      </header>
      <main id="main">{body}</main>
      {showNav && (
        <nav className="bottom-nav" aria-label={t('mainNav')}>
          {NAV.map((n) => (
            <Link
              key={n.to}
              to={n.to}
              className={route === n.to || (n.to === '/chain' && route.startsWith('/chain/')) ? 'active' : ''}
              current={route === n.to}
            >
              {t(`nav.${n.key}`)}
            </Link>
          ))}
        </nav>
      )}
    </>
  );
}
