// rota's service worker. scripts/post-build.mjs fills in the cache name and the precache list
// from the real files of each build, so every deploy gets its own cache.
// Caches belong to the whole origin, which may host other deployments of rota (/oncall/ and
// /oncall-staging/): each deployment's cache names start with its own base path, and it
// deletes only its own old caches.
const DEPLOYMENT = %DEPLOYMENT%;
const CACHE = DEPLOYMENT + '%VERSION%';
// Earlier builds named their caches "rota-<hash>" for any deployment: one holding this
// deployment's shell was this deployment's.
const UNSCOPED = /^rota-[0-9a-f]{16}$/;
// Every file of this build by its path, with the hash of its content: an update fetches only
// the files whose hash changed, and copies the others from the cache of the build before.
const PRECACHE = %PRECACHE%;
// In each cache, the PRECACHE it was filled from (a key no file of the site has).
const REVISIONS = '%REVISIONS%';
// The app shell: any page of the site, served when a navigation cannot reach the network.
const SHELL = '%SHELL%';
// A navigation waits this long for the network before the cached shell answers.
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const unchanged = await unchangedCopies();
    await Promise.all(Object.keys(PRECACHE).map((path) => {
      const copy = unchanged.get(path);
      // `reload`: past the browser's HTTP cache, which may hold the previous build's file.
      return copy ? cache.put(path, copy) : cache.add(new Request(path, { cache: 'reload' }));
    }));
    await cache.put(REVISIONS, new Response(JSON.stringify(PRECACHE)));
  })());
});

/** This deployment's cached files (from its earlier caches) whose content this build did not change. */
async function unchangedCopies() {
  const copies = new Map();
  for (const key of await caches.keys()) {
    if (!key.startsWith(DEPLOYMENT) || key === CACHE) continue;
    const revisions = await (await caches.match(REVISIONS, { cacheName: key }))?.json().catch(() => null);
    for (const [path, revision] of Object.entries(revisions ?? {})) {
      if (PRECACHE[path] !== revision || copies.has(path)) continue;
      const response = await caches.match(path, { cacheName: key });
      if (response) copies.set(path, response);
    }
  }
  return copies;
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      const ours = key.startsWith(DEPLOYMENT) || (UNSCOPED.test(key) && await caches.match(SHELL, { cacheName: key }));
      if (ours && key !== CACHE) await caches.delete(key);
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
