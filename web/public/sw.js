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
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
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
    // Any app path is the same single page: fall back to the cached index.html.
    event.respondWith(networkFirst(req, '/index.html'));
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
const REMINDER_DEFAULT = { title: 'Footing', body: 'Time for today’s walk and foot exercises.', url: '/session', tag: 'footing-reminder' };

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
  const m = { ...REMINDER_DEFAULT, ...msg };
  event.waitUntil(self.registration.showNotification(String(m.title), {
    body: String(m.body), tag: String(m.tag), icon: '/icon-192.png', badge: '/icon-192.png', data: { url: appPath(m.url) },
  }));
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
