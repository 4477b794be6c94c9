/**
 * Tells the service worker (web/public/sw.js) the language on screen, so that what it shows with no page open and no
 * server to ask (a notification whose message it cannot read, the page it serves offline before anything is cached)
 * is in the person's language. Sent at start and on every change of language; a browser without a worker ignores it.
 */
export function tellWorkerLanguage(language: string): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.ready
    .then((reg) => reg.active?.postMessage({ type: 'footing-language', language }))
    .catch(() => {
      /* no worker: nothing to tell */
    });
}
