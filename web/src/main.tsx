// The message catalogue first: every screen reads its words from it (web/src/i18n).
import { currentLanguage, i18n } from './i18n/i18n.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { initSpeedFromUrl } from './session/speed.js';
import { tellWorkerLanguage } from './lib/worker-language.js';
import './styles.css';

initSpeedFromUrl();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker caches the app shell so the daily session opens offline (web/public/sw.js).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      /* no offline mode, app still works */
    });
  });
  // The worker speaks with no page open (an unreadable push, the offline page): in the language on screen.
  tellWorkerLanguage(currentLanguage());
  i18n.on('languageChanged', () => tellWorkerLanguage(currentLanguage()));
}
