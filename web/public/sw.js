/*
 * Footing's service worker: keeps the app shell (index.html, its hashed JS/CSS, icons) and the last answers of the
 * GET endpoints the daily session needs, so the app opens and the session runs offline once loaded. Sessions
 * finished offline are kept by the app itself (IndexedDB, web/src/outbox/outbox.ts) and sent when back online.
 * Strategy: hashed assets and model files cache-first (they never change); pages and API GETs network-first with the cache as the
 * fallback; everything that is not a GET goes straight to the network.
 */
const CACHE = 'footing-v1';
const SHELL = ['/', '/index.html', '/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/icon-512.png'];
const API_CACHED = ['/api/today', '/api/screen/questions', '/api/progress', '/api/checkins', '/api/library'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    // The built index.html names its hashed bundles: cache them too, so the first offline start works.
    const html = await (await cache.match('/index.html')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    await cache.addAll(assets);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE && key !== PUSH_CACHE) await caches.delete(key);
    await self.clients.claim();
    await rememberSubscription();
  })());
});

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(cacheKey, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(cacheKey);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // Hashed bundles and the pose model files never change under the same name: cache-first, so a gait video
  // can be analysed offline once the model has been loaded.
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/models/')) {
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req).then(async (res) => {
      if (res.ok) await (await caches.open(CACHE)).put(req, res.clone());
      return res;
    })));
    return;
  }
  if (req.mode === 'navigate') {
    // Any app path is the same single page: fall back to the cached index.html, and to a short page in the person's
    // language when even that is not on the device yet (offline before the first visit finished caching).
    event.respondWith(networkFirst(req, '/index.html').catch(offlinePage));
    return;
  }
  if (API_CACHED.includes(url.pathname)) {
    // Keyed without the query (?date=...): offline, yesterday's plan is better than none.
    event.respondWith(networkFirst(req, url.pathname));
    return;
  }
  if (SHELL.includes(url.pathname)) event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});

/*
 * Reminders (Web Push): the server's message holds no health data, only the words to show and the page to open
 * (src/services/reminder-dispatch.ts REMINDER_MESSAGE). A message that cannot be read still shows the reminder:
 * a push without a notification is what browsers penalise, and the person asked to be reminded.
 */
const REMINDER_DEFAULT = { title: 'Footing', url: '/session', tag: 'footing-reminder' };

/*
 * What the worker says with no page and no server to ask (a push it cannot read, the offline page), in the language
 * the page last told it (web/src/lib/worker-language.ts; English until told). The reminder is the server's own
 * sentence (PUSH_WORDS in src/core/i18n/reminder-texts.ts): web/src/lib/worker-language.test.ts keeps them equal
 * and every text in both languages.
 */
const WORKER_WORDS = {
  en: {
    reminder: 'Time for today’s walk and foot exercises.',
    offlineTitle: 'Footing is offline',
    offline: 'This page is not on this device yet, and there is no connection. Connect to the internet and try again.',
  },
  es: {
    reminder: 'Es la hora de la caminata y los ejercicios de pies de hoy.',
    offlineTitle: 'Footing está sin conexión',
    offline: 'Esta página todavía no está en este dispositivo y no hay conexión. Conéctate a internet y vuelve a intentarlo.',
  },
};
const LANGUAGE_KEY = '/__footing/language';

async function rememberedLanguage() {
  try {
    const hit = await (await caches.open(PUSH_CACHE)).match(LANGUAGE_KEY);
    const language = hit ? await hit.text() : 'en';
    return Object.hasOwn(WORKER_WORDS, language) ? language : 'en';
  } catch { return 'en'; }
}

async function offlinePage() {
  const language = await rememberedLanguage();
  const w = WORKER_WORDS[language];
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${w.offlineTitle}</title></head>`
    + `<body style="font-family: system-ui, sans-serif; margin: 2rem; line-height: 1.5"><h1>${w.offlineTitle}</h1><p>${w.offline}</p></body></html>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** Only a page of this app may be opened from a notification. */
function appPath(url) {
  try {
    const u = new URL(url, self.location.origin);
    return u.origin === self.location.origin ? u.pathname + u.search : REMINDER_DEFAULT.url;
  } catch { return REMINDER_DEFAULT.url; }
}

self.addEventListener('push', (event) => {
  let msg = {};
  try { msg = event.data ? event.data.json() : {}; } catch { msg = {}; }
  event.waitUntil(Promise.all([
    (async () => {
      const m = { ...REMINDER_DEFAULT, body: WORKER_WORDS[await rememberedLanguage()].reminder, ...msg };
      await self.registration.showNotification(String(m.title), {
        body: String(m.body), tag: String(m.tag), icon: '/icon-192.png', badge: '/icon-192.png', data: { url: appPath(m.url) },
      });
    })(),
    rememberSubscription(),
  ]));
});

/*
 * A renewed subscription (pushsubscriptionchange): the push service replaced this browser's subscription (it
 * expired, or the keys were rotated), and the server would go on pushing to the old endpoint, which fails, so the
 * person would silently stop getting reminders or message notices. The worker subscribes again with the same server
 * key when the browser gave no new subscription, and sends the new one with the old endpoint to
 * POST /api/push-subscription/renew, which moves it for whoever had it (a patient or a clinician) and needs no
 * sign-in (the worker may run with no page open). Some browsers give no old subscription: the worker keeps the
 * last one it saw (its endpoint and server key, at activation, after each push and when the page subscribes) in a
 * cache of its own.
 */
const PUSH_CACHE = 'footing-push-v1';
const PUSH_KEY = '/__footing/push-subscription';

/** base64url of an ArrayBuffer (a subscription's applicationServerKey). */
function base64url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Keeps the current subscription's endpoint and server key (or those given), for a later renewal. */
async function rememberSubscription(sub) {
  try {
    const current = sub || await self.registration.pushManager.getSubscription();
    if (!current) return;
    const key = current.options && current.options.applicationServerKey ? base64url(current.options.applicationServerKey) : null;
    await (await caches.open(PUSH_CACHE)).put(PUSH_KEY, new Response(JSON.stringify({ endpoint: current.endpoint, key })));
  } catch { /* nothing to keep: a renewal then needs the page to subscribe again */ }
}

async function rememberedSubscription() {
  const hit = await (await caches.open(PUSH_CACHE)).match(PUSH_KEY);
  return hit ? hit.json() : null;
}

/** Sends the new subscription with the old endpoint; true when the server moved it. */
async function renewSubscription(oldSubscription, newSubscription) {
  const remembered = await rememberedSubscription();
  const oldEndpoint = (oldSubscription && oldSubscription.endpoint) || (remembered && remembered.endpoint);
  if (!oldEndpoint) return false; // never subscribed here as far as this worker knows
  let sub = newSubscription;
  if (!sub) {
    const key = (oldSubscription && oldSubscription.options && oldSubscription.options.applicationServerKey) || (remembered && remembered.key);
    if (!key) return false;
    sub = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  const res = await fetch('/api/push-subscription/renew', {
    method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'omit',
    body: JSON.stringify({ oldEndpoint, subscription: sub.toJSON() }),
  });
  if (res.ok) await rememberSubscription(sub);
  return res.ok;
}

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(renewSubscription(event.oldSubscription, event.newSubscription).catch(() => false));
});

// The page tells the worker when it subscribed or unsubscribed, so the remembered subscription is current, and
// which language is on screen.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'footing-push-changed') event.waitUntil(rememberSubscription());
  if (event.data && event.data.type === 'footing-language' && Object.hasOwn(WORKER_WORDS, event.data.language)) {
    event.waitUntil(caches.open(PUSH_CACHE).then((c) => c.put(LANGUAGE_KEY, new Response(event.data.language))));
  }
});

/**
 * Opens the reminder's page: an open Footing window is moved there and brought forward; otherwise a new one opens.
 * Focusing needs the click's user activation; without it (a test calling this directly) the window is still moved.
 */
async function openFromNotification(notification) {
  const path = appPath(notification.data && notification.data.url);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (!open) return self.clients.openWindow(path);
  const moved = (await open.navigate(path).catch(() => null)) || open;
  return moved.focus().catch(() => moved);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openFromNotification(event.notification));
});
