/**
 * Walk now: the phone counts steps live from its motion sensor (DeviceMotion's acceleration with gravity) with the
 * step counter `footing steps` uses (src/core/step-counter.ts), shows the time, the steps and the cadence against
 * the moderate-intensity band (DOMAIN.md §2b 2.7), keeps the screen awake, and Stop saves the walk as walking
 * samples (src/core/phone-walk.ts) through the outbox, so a walk ended offline is sent later.
 *
 * iOS asks for motion access only from a tap: Start calls DeviceMotionEvent.requestPermission where it exists.
 * Sample times are performance.now() as each event arrives (the counter puts them on its own 100 Hz grid).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { CADENCE_MODERATE_SPM } from '../../../src/core/clinical-constants.js';
import { phoneWalkFromCount } from '../../../src/core/phone-walk.js';
import { createStepCounter, recentCadence, type StepCounter } from '../../../src/core/step-counter.js';
import { ApiError } from '../api/client.js';
import { Citations } from '../ui/citations.js';
import { FieldError, Link, ScreenTitle } from '../ui/common.js';
import { keepAndSend, newClientId } from '../outbox/outbox.js';
import { useWakeLock } from '../lib/wake-lock.js';
import './walk-now.css';

type Phase = 'ready' | 'asking' | 'walking' | 'saving' | 'saved';

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
};

interface DeviceMotionEventIOS {
  requestPermission?: () => Promise<'granted' | 'denied'>;
}

export function WalkNowScreen({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('walking');
  const [phase, setPhase] = useState<Phase>('ready');
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState({ elapsedMs: 0, steps: 0, cadence: null as number | null, sensor: false });
  const [result, setResult] = useState<string | null>(null);
  // Stop asks once more (a phone in a pocket with its screen on can be touched by accident); counting goes on.
  const [confirming, setConfirming] = useState(false);
  const counter = useRef<StepCounter | null>(null);
  const started = useRef<{ perf: number; wall: number; offset: number } | null>(null);
  const gotSample = useRef(false);
  useWakeLock(phase === 'walking');

  function onMotion(e: DeviceMotionEvent) {
    const a = e.accelerationIncludingGravity;
    if (!a || a.x === null || a.y === null || a.z === null || !counter.current) return;
    gotSample.current = true;
    counter.current.push(performance.now(), a.x, a.y, a.z);
  }

  useEffect(() => {
    if (phase !== 'walking') return;
    window.addEventListener('devicemotion', onMotion);
    const tick = () => {
      const c = counter.current;
      const s = started.current;
      if (!c || !s) return;
      const now = performance.now();
      setView({
        elapsedMs: now - s.perf,
        steps: c.steps,
        cadence: recentCadence(c.stepTimes(), now),
        sensor: gotSample.current,
      });
    };
    const id = setInterval(tick, 500);
    return () => {
      window.removeEventListener('devicemotion', onMotion);
      clearInterval(id);
    };
  }, [phase]);

  async function start() {
    setError(null);
    setResult(null);
    const DME = (window as unknown as { DeviceMotionEvent?: DeviceMotionEventIOS }).DeviceMotionEvent;
    if (!DME) return setError(t('now.noSensor'));
    if (typeof DME.requestPermission === 'function') {
      setPhase('asking');
      try {
        if ((await DME.requestPermission()) !== 'granted') {
          setPhase('ready');
          return setError(t('now.denied'));
        }
      } catch {
        setPhase('ready');
        return setError(t('now.notAsked'));
      }
    }
    counter.current = createStepCounter();
    gotSample.current = false;
    const wall = Date.now();
    started.current = { perf: performance.now(), wall, offset: -new Date(wall).getTimezoneOffset() };
    setView({ elapsedMs: 0, steps: 0, cadence: null, sensor: false });
    setPhase('walking');
  }

  async function stop() {
    setConfirming(false);
    const c = counter.current;
    const s = started.current;
    if (!c || !s) return;
    const durationMs = performance.now() - s.perf;
    const summary = c.summary();
    setView({ elapsedMs: durationMs, steps: summary.steps, cadence: summary.cadence_spm, sensor: gotSample.current });
    if (summary.steps === 0) {
      setPhase('ready');
      return setResult(t('now.noSteps'));
    }
    setPhase('saving');
    const body = phoneWalkFromCount({
      clientId: newClientId('phone-walk'),
      startEpochMs: s.wall,
      offsetMinutes: s.offset,
      durationMs,
      stepOffsetsMs: c.stepTimes().map((ms) => ms - s.perf),
      walkingSeconds: summary.walking_s,
      cadenceSpm: summary.cadence_spm,
    });
    try {
      const how = await keepAndSend('phone-walk', body.clientId, body);
      const what = { steps: formatNumber(body.steps), time: clock(durationMs) };
      setResult(how === 'sent' ? t('now.saved', what) : t('now.savedOffline', what));
      setPhase('saved');
      onSaved();
    } catch (err) {
      setPhase('ready');
      setError(err instanceof ApiError ? t('now.notSaved', { message: err.message }) : t('now.notSavedUnknown'));
    }
  }

  const walking = phase === 'walking';
  const cadence = view.cadence;
  const moderate = cadence !== null && cadence >= CADENCE_MODERATE_SPM;
  return (
    <section className="screen walk-now">
      <ScreenTitle>{t('now.title')}</ScreenTitle>
      {result && (
        <p className="success" role="status">
          {result}
        </p>
      )}
      {phase === 'ready' && !result && <p className="lead">{t('now.lead')}</p>}
      <div className={`walk-now-figures${walking ? ' live' : ''}`} aria-live="off">
        <div className="walk-now-time">
          <span className="label">{t('now.time')}</span>
          <span className="value" data-testid="walk-time" role="timer">
            {clock(view.elapsedMs)}
          </span>
        </div>
        <div className="walk-now-steps">
          <span className="label">{t('now.steps')}</span>
          <span className="value" data-testid="walk-steps">
            {formatNumber(view.steps)}
          </span>
        </div>
        <div className="walk-now-cadence">
          <span className="label">{t('now.cadence')}</span>
          <span className="value" data-testid="walk-cadence">
            {cadence === null ? '–' : formatNumber(Math.round(cadence))}
          </span>
        </div>
      </div>
      <CadenceBand cadence={cadence} />
      <p className={`walk-now-effort${moderate ? ' moderate' : ''}`} data-testid="walk-effort">
        {cadence === null
          ? t('now.effortUnknown', { spm: formatNumber(CADENCE_MODERATE_SPM) })
          : moderate
            ? t('now.effortModerate', { spm: formatNumber(CADENCE_MODERATE_SPM) })
            : t('now.effortBelow', { spm: formatNumber(CADENCE_MODERATE_SPM) })}{' '}
        <span className="evidence-label">
          {t('now.evidence')} (<Citations refs={['7', '7a']} />)
        </span>
      </p>
      {walking && !view.sensor && view.elapsedMs > 3000 && (
        <p className="warning" role="status">
          {t('now.noReadings')}
        </p>
      )}
      {walking && <p className="muted">{t('now.keepOpen')}</p>}
      {walking && confirming && (
        <div className="controls" role="group" aria-label={t('now.endQuestion')}>
          <button type="button" className="big primary" onClick={stop}>
            {t('now.save')}
          </button>
          <button type="button" className="big" onClick={() => setConfirming(false)}>
            {t('now.keepWalking')}
          </button>
        </div>
      )}
      {walking && !confirming && (
        <button type="button" className="big" onClick={() => setConfirming(true)}>
          {t('now.stop')}
        </button>
      )}
      {phase === 'saving' && (
        <button type="button" className="big" disabled>
          {t('now.saving')}
        </button>
      )}
      {!walking && phase !== 'saving' && (
        <button type="button" className="big" onClick={start} disabled={phase === 'asking'}>
          {phase === 'saved' ? t('now.startAnother') : t('now.start')}
        </button>
      )}
      <FieldError message={error} />
      <p className="muted">{t('now.estimate')}</p>
      <p>
        <Link to="/walking">{t('now.back')}</Link>
      </p>
    </section>
  );
}

/** A bar from 60 to 140 steps/min with the moderate band (100 and up) shaded and a mark at the cadence now. */
function CadenceBand({ cadence }: { cadence: number | null }) {
  const { t } = useTranslation('walking');
  const lo = 60;
  const hi = 140;
  const pos = (v: number) => `${((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * 100}%`;
  return (
    <div className="cadence-band" aria-hidden="true">
      <div className="cadence-band-moderate" style={{ left: pos(CADENCE_MODERATE_SPM), right: 0 }}>
        <span>{t('now.bandModerate')}</span>
      </div>
      {cadence !== null && <div className="cadence-band-mark" style={{ left: pos(cadence) }} />}
      <span className="cadence-band-tick" style={{ left: pos(CADENCE_MODERATE_SPM) }}>
        {CADENCE_MODERATE_SPM}
      </span>
    </div>
  );
}
