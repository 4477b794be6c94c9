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

interface DeviceMotionEventIOS { requestPermission?: () => Promise<'granted' | 'denied'> }

export function WalkNowScreen({ onSaved }: { onSaved: () => void }) {
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
      setView({ elapsedMs: now - s.perf, steps: c.steps, cadence: recentCadence(c.stepTimes(), now), sensor: gotSample.current });
    };
    const id = setInterval(tick, 500);
    return () => { window.removeEventListener('devicemotion', onMotion); clearInterval(id); };
  }, [phase]);

  async function start() {
    setError(null);
    setResult(null);
    const DME = (window as unknown as { DeviceMotionEvent?: DeviceMotionEventIOS }).DeviceMotionEvent;
    if (!DME) return setError('This browser cannot read the phone’s motion sensor, so it cannot count steps. You can log your walk by hand on the Walking page.');
    if (typeof DME.requestPermission === 'function') {
      setPhase('asking');
      try {
        if ((await DME.requestPermission()) !== 'granted') {
          setPhase('ready');
          return setError('Motion access was not allowed, so steps cannot be counted. To allow it, close Safari’s tab and open Footing again, then tap Start and choose Allow.');
        }
      } catch {
        setPhase('ready');
        return setError('The phone did not ask for motion access. Tap Start again.');
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
      return setResult('No steps were counted, so nothing was saved.');
    }
    setPhase('saving');
    const body = phoneWalkFromCount({
      clientId: newClientId('phone-walk'), startEpochMs: s.wall, offsetMinutes: s.offset, durationMs,
      stepOffsetsMs: c.stepTimes().map((t) => t - s.perf), walkingSeconds: summary.walking_s, cadenceSpm: summary.cadence_spm,
    });
    try {
      const how = await keepAndSend('phone-walk', body.clientId, body);
      const what = `${body.steps.toLocaleString('en')} steps in ${clock(durationMs)}`;
      setResult(how === 'sent' ? `Saved: ${what}.` : `Saved on this phone: ${what}. It will be sent when you are back online.`);
      setPhase('saved');
      onSaved();
    } catch (err) {
      setPhase('ready');
      setError(err instanceof ApiError ? `Not saved: ${err.message}` : 'Not saved: something went wrong.');
    }
  }

  const walking = phase === 'walking';
  const cadence = view.cadence;
  const moderate = cadence !== null && cadence >= CADENCE_MODERATE_SPM;
  return (
    <section className="screen walk-now">
      <ScreenTitle>Walk now</ScreenTitle>
      {result && <p className="success" role="status">{result}</p>}
      {phase === 'ready' && !result && (
        <p className="lead">Hold the phone in your hand or put it in a front trouser pocket, tap Start, and walk. Footing counts your steps from the phone’s motion sensor, on the phone.</p>
      )}
      <div className={`walk-now-figures${walking ? ' live' : ''}`} aria-live="off">
        <div className="walk-now-time"><span className="label">Time</span><span className="value" data-testid="walk-time" role="timer">{clock(view.elapsedMs)}</span></div>
        <div className="walk-now-steps"><span className="label">Steps</span><span className="value" data-testid="walk-steps">{view.steps.toLocaleString('en')}</span></div>
        <div className="walk-now-cadence">
          <span className="label">Steps a minute</span>
          <span className="value" data-testid="walk-cadence">{cadence === null ? '–' : Math.round(cadence)}</span>
        </div>
      </div>
      <CadenceBand cadence={cadence} />
      <p className={`walk-now-effort${moderate ? ' moderate' : ''}`} data-testid="walk-effort">
        {cadence === null ? `${CADENCE_MODERATE_SPM} steps a minute or more is about moderate effort.`
          : moderate ? 'About moderate effort (100 steps a minute or more).'
            : `Below moderate effort: about ${CADENCE_MODERATE_SPM} steps a minute or more is moderate.`}
        {' '}<span className="evidence-label">Expert consensus, a rule of thumb for adults (<Citations refs={['7', '7a']} />)</span>
      </p>
      {walking && !view.sensor && view.elapsedMs > 3000 && (
        <p className="warning" role="status">No motion readings yet. On a computer there is no motion sensor; on a phone, check that motion access is allowed.</p>
      )}
      {walking && <p className="muted">Keep Footing open: the screen stays on while you walk (a hidden page gets no motion readings).</p>}
      {walking && confirming && (
        <div className="controls" role="group" aria-label="End the walk?">
          <button type="button" className="big primary" onClick={stop}>Save this walk</button>
          <button type="button" className="big" onClick={() => setConfirming(false)}>Keep walking</button>
        </div>
      )}
      {walking && !confirming && <button type="button" className="big" onClick={() => setConfirming(true)}>Stop</button>}
      {phase === 'saving' && <button type="button" className="big" disabled>Saving…</button>}
      {!walking && phase !== 'saving' && <button type="button" className="big" onClick={start} disabled={phase === 'asking'}>{phase === 'saved' ? 'Start another walk' : 'Start'}</button>}
      <FieldError message={error} />
      <p className="muted">The count is an estimate: a few steps in a hundred either way with the phone in the hand or a front pocket, tested on recorded walks whose steps were counted. A walk another device also counted is not added twice.</p>
      <p><Link to="/walking">Back to Walking</Link></p>
    </section>
  );
}

/** A bar from 60 to 140 steps/min with the moderate band (100 and up) shaded and a mark at the cadence now. */
function CadenceBand({ cadence }: { cadence: number | null }) {
  const lo = 60;
  const hi = 140;
  const pos = (v: number) => `${((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * 100}%`;
  return (
    <div className="cadence-band" aria-hidden="true">
      <div className="cadence-band-moderate" style={{ left: pos(CADENCE_MODERATE_SPM), right: 0 }}><span>moderate</span></div>
      {cadence !== null && <div className="cadence-band-mark" style={{ left: pos(cadence) }} />}
      <span className="cadence-band-tick" style={{ left: pos(CADENCE_MODERATE_SPM) }}>{CADENCE_MODERATE_SPM}</span>
    </div>
  );
}
