/**
 * The guided session: pain before, then each drill segment by segment with a large timer, rep and set counters,
 * rest periods, spoken cues and beeps (mutable), pause/resume and skip, then pain after and save. The screen is
 * kept awake while it runs. Nothing is lost: once the exercises are done the session is kept on the phone as a draft
 * (sent as it is if the tab closes before Save), and Save keeps it there until the server has it (web/src/outbox/outbox.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { currentLanguage } from '../i18n/i18n.js';
import type { SessionInput, TodayState } from '../api/types.js';
import { ApiError } from '../api/client.js';
import { ClaimLine, FieldError, Link, ScreenTitle } from '../ui/common.js';
import { PAIN_DURING_ACCEPTABLE_MAX } from '../../../src/core/clinical-constants.js';
import { sessionFeedback } from '../../../src/core/session-feedback.js';
import { decisionHeadline } from '../today/program-reactions.js';
import { PainScale } from '../ui/pain-scale.js';
import { isMuted, setMuted, unlockAudio } from './cues.js';
import { localIso } from '../lib/local-time.js';
import { keepAndSend, keepDraft, newClientId, releaseDraft } from '../outbox/outbox.js';
import { speedFactor } from './speed.js';
import { useWakeLock } from '../lib/wake-lock.js';
import { ExercisePicture } from '../pictures/exercise-picture.js';
import { motionFor } from '../pictures/picture-motion.js';
import { buildSegments, sessionItems, tallyItems } from './segments.js';
import { useSessionRunner } from './use-session-runner.js';

type Phase = 'before' | 'running' | 'after' | 'done';
interface Pain {
  back: number | null;
  neck: number | null;
  foot: number | null;
}
const NO_PAIN: Pain = { back: null, neck: null, foot: null };

function PainForm({ prefix, pain, setPain }: { prefix: string; pain: Pain; setPain: (p: Pain) => void }) {
  const { t } = useTranslation('session');
  return (
    <>
      <PainScale
        name={`${prefix}-back`}
        label={t('pain.back')}
        value={pain.back}
        onChange={(v) => setPain({ ...pain, back: v })}
      />
      <PainScale
        name={`${prefix}-neck`}
        label={t('pain.neck')}
        value={pain.neck}
        onChange={(v) => setPain({ ...pain, neck: v })}
      />
      <PainScale
        name={`${prefix}-foot`}
        label={t('pain.foot')}
        value={pain.foot}
        onChange={(v) => setPain({ ...pain, foot: v })}
      />
    </>
  );
}

const scores = (p: Pain) => {
  const out: { back?: number; neck?: number; foot?: number } = {};
  if (p.back !== null) out.back = p.back;
  if (p.neck !== null) out.neck = p.neck;
  if (p.foot !== null) out.foot = p.foot;
  return Object.keys(out).length ? out : undefined;
};

function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds - 1e-9));
  return s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : String(s);
}

export function Session({ today, onSaved }: { today: TodayState; onSaved: () => void }) {
  const { t } = useTranslation('session');
  const items = useMemo(() => (today.plan.status === 'active' ? sessionItems(today.plan.items) : []), [today]);
  const segments = useMemo(() => buildSegments(items, t), [items, t]);
  const speed = useMemo(() => speedFactor(), []);
  const [phase, setPhase] = useState<Phase>('before');
  const [before, setBefore] = useState<Pain>(NO_PAIN);
  const [after, setAfter] = useState<Pain>(NO_PAIN);
  const [muted, setMute] = useState(isMuted());
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'sent' | 'queued'>('idle');
  const [error, setError] = useState<string | null>(null);
  const startedAt = useRef<string>('');
  /** Today's state when Save was pressed: the plan's reaction is shown once a newer one (after the save) arrives. */
  const todayAtSave = useRef<TodayState | null>(null);
  const clientId = useRef<string>(newClientId('session'));
  const saving = useRef(false);
  const runner = useSessionRunner(segments, speed, phase === 'running');
  useWakeLock(phase === 'running');

  useEffect(() => {
    if (phase === 'running' && runner.finished) setPhase('after');
  }, [phase, runner.finished]);
  // The exercises are done: keep the session on the phone now, so a tab closed before Save does not lose it.
  useEffect(() => {
    if (phase === 'after') void keepDraft('session', clientId.current, sessionBody(false));
  }, [phase]); // eslint-disable-line react-hooks/exhaustive-deps
  // Leaving the screen with the exercises done but not saved (the back button) is like closing the tab: the draft is
  // sent as it is. Read from refs at unmount, so StrictMode's trial unmount (phase 'before') does nothing.
  const phaseNow = useRef<Phase>(phase);
  phaseNow.current = phase;
  useEffect(
    () => () => {
      if (phaseNow.current === 'after' && !saving.current) void releaseDraft(clientId.current);
    },
    [],
  );
  // Each phase starts at the top of the screen (the timer must be fully visible on a phone).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [phase]);

  /** The session as the API takes it; the pain after only once the person has saved (the draft has none). */
  function sessionBody(withPainAfter: boolean): SessionInput {
    return {
      clientId: clientId.current,
      startedAt: startedAt.current || localIso(),
      completedAt: localIso(),
      items: tallyItems(items, segments, runner.outcomes) as SessionInput['items'],
      ...(scores(before) ? { painBefore: scores(before) } : {}),
      ...(withPainAfter && scores(after) ? { painAfter: scores(after) } : {}),
    };
  }

  if (today.plan.status !== 'active' || items.length === 0) {
    return (
      <section className="screen">
        <ScreenTitle>{t('none.title')}</ScreenTitle>
        <p>{t('none.text')}</p>
        <Link to="/" className="button">
          {t('backToToday')}
        </Link>
      </section>
    );
  }

  const toggleMute = () => {
    setMuted(!muted);
    setMute(!muted);
  };

  if (phase === 'before') {
    const minutes = Math.round(segments.reduce((sum, s) => sum + s.seconds, 0) / 60);
    return (
      <section className="screen">
        <ScreenTitle>{t('before.title')}</ScreenTitle>
        <p className="lead">{t('before.lead')}</p>
        <PainForm prefix="before" pain={before} setPain={setBefore} />
        <div className="card">
          <h2>{t('before.todaysSession')}</h2>
          <ul>
            {items.map((i) => (
              <li key={i.exercise}>
                <strong>{i.name}</strong>: {i.doseText}
              </li>
            ))}
          </ul>
          <p className="muted">{t('before.about', { count: minutes, minutes: formatNumber(minutes) })}</p>
        </div>
        <button type="button" className={`toggle${muted ? '' : ' on'}`} aria-pressed={!muted} onClick={toggleMute}>
          {muted ? t('before.soundOff') : t('before.soundOn')}
        </button>
        <button
          type="button"
          className="primary big"
          onClick={() => {
            unlockAudio();
            startedAt.current = localIso();
            setPhase('running');
          }}
        >
          {t('before.start')}
        </button>
      </section>
    );
  }

  if (phase === 'running' && !runner.finished) {
    const seg = segments[runner.index]!;
    const item = items[seg.item]!;
    const remaining = seg.seconds - runner.elapsed;
    const next = segments.slice(runner.index + 1).find((s) => s.kind !== 'relax');
    return (
      <section className={`screen session-run kind-${seg.kind}${runner.paused ? ' paused' : ''}`}>
        <ScreenTitle>{item.name}</ScreenTitle>
        <p className="muted">{t('run.exerciseOf', { n: seg.item + 1, total: items.length })}</p>
        <div className="timer-box">
          <p className="seg-title" aria-live="polite">
            {runner.paused ? t('run.paused', { title: seg.title }) : seg.title}
          </p>
          <p
            className="timer"
            data-testid="timer"
            role="timer"
            aria-label={t('run.secondsLeft', { time: clock(remaining) })}
          >
            {clock(remaining)}
          </p>
          <progress max={seg.seconds} value={Math.min(seg.seconds, runner.elapsed)} aria-label={t('run.timeInStep')} />
          <p className="seg-detail" data-testid="seg-detail">
            {seg.detail}
          </p>
          {seg.rep !== undefined && (
            <p className="rep-counter" data-testid="rep-counter">
              <Trans
                t={t}
                i18nKey="run.rep"
                values={{ rep: seg.rep, reps: item.dose.kind === 'holds' ? item.dose.reps : '' }}
                components={{ strong: <strong /> }}
              />
            </p>
          )}
        </div>
        <ExercisePicture
          exercise={item.exercise}
          position={item.position}
          motion={motionFor(seg, item.dose.kind, speed)}
          motionKey={runner.index}
          paused={runner.paused}
        />
        {next && (
          <p className="muted">
            {next.kind === 'work' && next.item !== seg.item
              ? t('run.nextExercise', { title: next.title, name: items[next.item]!.name })
              : t('run.next', { title: next.title })}
          </p>
        )}
        <div className="controls">
          {runner.paused ? (
            <button type="button" className="primary big" onClick={runner.resume}>
              {t('run.resume')}
            </button>
          ) : (
            <button type="button" className="primary big" onClick={runner.pause}>
              {t('run.pause')}
            </button>
          )}
          <button type="button" onClick={runner.skipSegment}>
            {seg.kind === 'rest' ? t('run.skipRest') : t('run.skipStep')}
          </button>
          <button type="button" onClick={runner.skipExercise}>
            {t('run.skipExercise')}
          </button>
          <button type="button" className={`toggle${muted ? '' : ' on'}`} aria-pressed={!muted} onClick={toggleMute}>
            {muted ? t('run.soundOff') : t('run.soundOn')}
          </button>
          <button type="button" className="link-button" onClick={() => setPhase('after')}>
            {t('run.end')}
          </button>
        </div>
      </section>
    );
  }

  async function save() {
    setError(null);
    setSaveState('saving');
    saving.current = true;
    todayAtSave.current = today;
    try {
      const how = await keepAndSend('session', clientId.current, sessionBody(true));
      setSaveState(how);
      setPhase('done');
      onSaved();
    } catch (e) {
      saving.current = false;
      setSaveState('idle');
      setError(e instanceof ApiError ? e.message : t('after.saveFailed'));
    }
  }

  if (phase === 'after') {
    const done = tallyItems(items, segments, runner.outcomes);
    return (
      <section className="screen">
        <ScreenTitle>{t('after.title')}</ScreenTitle>
        <ul className="summary">
          {items.map((i, k) => (
            <li key={i.exercise}>
              <strong>{i.name}</strong>: {done[k]!.completed ? t('after.done') : t('after.partly')}
              {i.dose.kind === 'holds'
                ? ` ${t('after.holds', { count: done[k]!.repsDone, n: formatNumber(done[k]!.repsDone) })}`
                : ''}
            </li>
          ))}
        </ul>
        <p className="lead">{t('after.lead')}</p>
        <PainForm prefix="after" pain={after} setPain={setAfter} />
        <p className="muted">{t('after.acceptable', { max: PAIN_DURING_ACCEPTABLE_MAX })}</p>
        <FieldError message={error} />
        <button type="button" className="primary big" onClick={save} disabled={saveState === 'saving'}>
          {saveState === 'saving' ? t('after.saving') : t('after.save')}
        </button>
      </section>
    );
  }

  // The words follow the pain given right after the session (DOMAIN.md §8, src/core/session-feedback.ts): above the
  // limit they say what to do, never "Well done", and show how the plan reacted once the server has the session.
  // Pain after the session, said in the language on screen (src/core/session-feedback.ts writes both).
  const feedback = sessionFeedback(scores(after), currentLanguage());
  const high = feedback.band === 'high';
  const queued = saveState === 'queued';
  const reviewed = !queued && todayAtSave.current !== null && today !== todayAtSave.current ? today.decision : null;
  return (
    <section className="screen">
      <ScreenTitle>{high ? t('done.easeOff') : t('done.saved')}</ScreenTitle>
      {queued && (
        <p className="notice" role="status">
          {t('done.queued')}
        </p>
      )}
      <div
        className={high ? 'alert session-feedback' : 'session-feedback'}
        data-testid="session-feedback"
        data-band={feedback.band ?? 'none'}
      >
        <p className={high ? '' : 'success'} role={queued ? undefined : 'status'}>
          <strong>{queued && !high ? t('done.kept') : feedback.title}</strong>
        </p>
        {feedback.lines.map((l) => (
          <p key={l}>{l}</p>
        ))}
        {high &&
          (queued ? (
            <p>{t('done.onceSent')}</p>
          ) : (
            reviewed && (
              <div data-testid="session-review">
                <p>
                  <strong>{decisionHeadline(reviewed, t)}</strong>
                </p>
                <ul>
                  {reviewed.reasons.map((r) => (
                    <li key={r.rule + r.text}>{r.text}</li>
                  ))}
                </ul>
              </div>
            )
          ))}
        {feedback.safetyPrompt && (
          <p>
            {feedback.safetyPrompt} <Link to="/screen">{t('done.safetyQuestions')}</Link>
          </p>
        )}
        {feedback.band !== null && feedback.band !== 'safe' && (
          <ul className="claims">{<ClaimLine claim={feedback.claim} />}</ul>
        )}
      </div>
      <Link to="/" className="button primary">
        {t('backToToday')}
      </Link>
      <Link to="/progress" className="button">
        {t('done.progress')}
      </Link>
    </section>
  );
}
