// rota's service worker. scripts/post-build.mjs fills in the cache name and the precache list
// from the real files of each build, so every deploy gets its own cache.
const CACHE = '%CACHE%';
const PRECACHE = %PRECACHE%;
// The app shell: any page of the site, served when a navigation cannot reach the network.
const SHELL = '%SHELL%';
// A navigation waits this long for the network before the cached shell answers.
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('rota-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks for the new version when the person chooses "Reload".
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? navigation(request) : asset(request));
});

// Pages: the network when it answers (so a new deploy shows at once, with its own assets),
// else the cached shell, which renders any route offline.
async function navigation(request) {
  try {
    return await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
    ]);
  } catch {
    return (await caches.match(SHELL, { cacheName: CACHE })) ?? Response.error();
  }
}

// Hashed assets never change, so this build's cache answers first; this keeps a page on the
// assets of the build it started with.
async function asset(request) {
  return (await caches.match(request, { cacheName: CACHE })) ?? fetch(request);
}
