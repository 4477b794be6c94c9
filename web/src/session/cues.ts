/**
 * Spoken cues (Web Speech API) and beeps (Web Audio API) for the guided session, both silenced by one mute
 * switch that is remembered on this device. Each is optional: a browser without them just stays quiet.
 */
import { formatLocale } from '../i18n/i18n.js';

const MUTE_KEY = 'footing.muted';

export function isMuted(): boolean {
  return localStorage.getItem(MUTE_KEY) === '1';
}

export function setMuted(muted: boolean): void {
  localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  if (muted && 'speechSynthesis' in window) window.speechSynthesis.cancel();
}

let ctx: AudioContext | null = null;

/** Call from a tap (browsers only allow audio after a user gesture). */
export function unlockAudio(): void {
  const Ctor =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return;
  try {
    ctx ??= new Ctor();
    if (ctx.state === 'suspended') void ctx.resume();
  } catch {
    ctx = null;
  }
}

/** A short beep; `high` for the start of work, low for its end. */
export function beep(high = true): void {
  if (isMuted() || !ctx) return;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = high ? 880 : 440;
  gain.gain.setValueAtTime(0.0001, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.25);
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  osc.stop(ctx.currentTime + 0.3);
}

/** Says a cue out loud, replacing anything still being said. */
export function speak(text: string): void {
  if (isMuted() || !('speechSynthesis' in window)) return;
  try {
    window.speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.rate = 0.95;
    // The cues are written in the language on screen: the voice should read them in it.
    u.lang = formatLocale();
    window.speechSynthesis.speak(u);
  } catch {
    /* speech is a nicety: never break the session over it */
  }
}
