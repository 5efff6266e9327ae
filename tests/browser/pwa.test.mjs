// Deployment: installable PWA, offline after one visit, clean updates, subpath hosting, CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, startServer, waitForApp, DIST, DIST_ONCALL, DIST_V2, NY, TEST_LIMIT_MS } from './support.mjs';

let browser;
before(async () => {
  for (const dir of [DIST_ONCALL, DIST_V2]) {
    assert.ok(existsSync(join(dir, 'index.html')), `${dir} is missing: scripts/test builds it`);
  }
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

/**
 * Opens `url` and waits until the service worker controls the page. With `fixedClock` false
 * the real clock runs (Playwright's fake clock also replaces `performance`).
 */
async function openControlled(context, url, ready, { fixedClock = true } = {}) {
  const page = await newPage(context);
  if (fixedClock) await page.clock.install({ time: new Date(NY.thanksgiving) });
  await page.goto(url);
  await waitForApp(page, ready);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  return page;
}

/** The name of the cache a build's service worker fills (see scripts/post-build.mjs). */
function cacheOf(dir) {
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  return JSON.parse(worker.match(/const DEPLOYMENT = (".*");/)[1]) + worker.match(/const CACHE = DEPLOYMENT \+ '([0-9a-f]+)'/)[1];
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(buffer) {
  assert.equal(buffer.subarray(1, 4).toString(), 'PNG');
  return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
}

test('the manifest and icons meet the install criteria', { timeout: TEST_LIMIT_MS }, async () => {
  const server = await startServer(DIST);
  const context = await browser.newContext();
  const page = await openControlled(context, server.url + '/', '[data-testid="on-call-now"]');
  const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  assert.equal(href, server.url + '/manifest.webmanifest');
  const response = await page.request.get(href);
  assert.equal(response.headers()['content-type'], 'application/manifest+json');
  const manifest = await response.json();
  assert.equal(manifest.name, 'rota — on call and runbooks');
  assert.equal(manifest.short_name, 'rota');
  assert.equal(manifest.display, 'standalone');
  assert.equal(new URL(manifest.start_url, href).href, server.url + '/');
  assert.equal(new URL(manifest.scope, href).href, server.url + '/');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  assert.ok(manifest.description.length > 20);
  const sizes = {};
  for (const icon of manifest.icons) {
    const png = await (await page.request.get(new URL(icon.src, href).href)).body();
    const [w, h] = pngSize(png);
    assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is really ${icon.sizes}`);
    sizes[`${icon.sizes} ${icon.purpose}`] = true;
  }
  assert.deepEqual(Object.keys(sizes).sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
  // Chromium's own verdict. Test contexts are incognito, which alone blocks installing.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  assert.deepEqual(page.problems, []);
  await context.close();
  await server.close();
});

test('after one online visit every route opens offline, deep links included', { timeout: TEST_LIMIT_MS }, async () => {
  const server = await startServer(DIST);
  const context = await browser.newContext();
  const first = await openControlled(context, server.url + '/', '[data-testid="on-call-now"]');
  const origin = server.url;
  await server.close(); // the network is gone
  const offline = [
    ['/', '[data-testid="on-call-now"]'],
    ['/runbooks/aggregate-growth#duplicate-user-ids', '#duplicate-user-ids.targeted'],
    ['/schedule?week=2026-W48&weeks=4', 'tr[data-week="2026-W51"]'],
    ['/people/diana?leave=alice:2026-11-23..2026-11-27', '.preview-banner'],
    ['/pipelines/aggregate-profit', 'main h1'],
  ];
  for (const [path, ready] of offline) {
    const page = await newPage(context);
    await page.clock.install({ time: new Date(NY.thanksgiving) });
    await page.goto(origin + path);
    await waitForApp(page, ready);
    assert.deepEqual(page.problems, [], path);
    await page.close();
  }
  // The calendar feeds are not precached (calendar apps fetch them from the host; issue 16).
  const feed = await first.evaluate(() => fetch('calendar/alice.ics').then(() => 'answered', () => 'unreachable'));
  assert.equal(feed, 'unreachable');
  await context.close();
});

/** The files a build's service worker precaches, by path, with their content hashes. */
function precacheOf(dir) {
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  return JSON.parse(worker.match(/const PRECACHE = (\{[\s\S]*?\n\});/)[1]);
}

test('an update downloads only the files that changed, and no calendar feed', { timeout: TEST_LIMIT_MS }, async () => {
  const server = await startServer(DIST);
  const context = await browser.newContext();
  const page = await openControlled(context, server.url + '/', '[data-testid="on-call-now"]');
  const [old, next] = [precacheOf(DIST), precacheOf(DIST_V2)];
  const changed = Object.keys(next).filter((path) => old[path] !== next[path]).sort();
  // The later deploy has other data: a new wasm and runbook text, the same styles and icons.
  assert.ok(changed.some((path) => path.endsWith('.wasm')), `changed: ${changed}`);
  assert.ok(Object.keys(next).some((path) => path.endsWith('.css') && !changed.includes(path)), `changed: ${changed}`);
  assert.ok(Object.keys(next).every((path) => !path.startsWith('/calendar/')), 'no feed is precached');

  server.requests.length = 0;
  server.deploy(DIST_V2);
  // The browser's own update check (as on a navigation), without loading anything into the page.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
  // Installed: the new worker waits for the page's "Reload" (its install fetched what it needed).
  await page.locator('#update:not([hidden])').waitFor();
  const fetched = server.requests.filter((path) => path !== '/sw.js').sort();
  assert.deepEqual(fetched, changed, 'the update fetched exactly the changed files');
  // The new cache holds every file all the same, the unchanged ones copied from the old cache.
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  }, cacheOf(DIST_V2));
  for (const path of Object.keys(next)) assert.ok(cached.includes(path), `${path} is in the new cache`);
  assert.deepEqual(page.problems, []);
  await context.close();
  await server.close();
});

test('a new deploy takes over cleanly: reload offered, new data, no mixed assets', { timeout: TEST_LIMIT_MS }, async () => {
  const server = await startServer(DIST);
  const context = await browser.newContext();
  const page = await openControlled(context, server.url + '/', '[data-testid="on-call-now"]', { fixedClock: false });
  assert.equal(await page.locator('.team-name').innerText(), 'Data Engineering');

  server.deploy(DIST_V2);
  // The browser checks for a new service worker on navigation; the page offers the reload.
  await page.reload();
  await waitForApp(page, '[data-testid="on-call-now"]');
  await page.locator('#update:not([hidden])').waitFor();
  // Listening before the click: the click waits for the reload it starts, whose load event can
  // fire before the click returns.
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await waitForApp(page, '[data-testid="on-call-now"]');
  assert.equal(await page.locator('.team-name').innerText(), 'Data Engineering v2');

  const v2 = new Set(readdirSync(DIST_V2));
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  const assets = loaded.filter((p) => /\.(js|wasm|css)$/.test(p));
  assert.ok(assets.length >= 3, `assets loaded: ${assets}`);
  for (const asset of assets) assert.ok(v2.has(asset.slice(1)), `${asset} belongs to the new deploy`);
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, [cacheOf(DIST_V2)], 'the old cache is gone');
  assert.equal(await page.locator('#update').isHidden(), true);
  assert.deepEqual(page.problems, []);
  await context.close();
  await server.close();
});

test('two deployments on one origin each stay offline, also after the other updates', { timeout: TEST_LIMIT_MS }, async (t) => {
  // The team's site at / and a second deployment at /oncall/ on the same host.
  const server = await startServer(DIST, { others: { '/oncall': DIST_ONCALL } });
  const context = await browser.newContext();
  t.after(async () => {
    await context.close();
    await server.close();
  });
  // Caches as builds named them before names carried the base path, one per deployment.
  const unscoped = { root: 'rota-00000000000000aa', oncall: 'rota-00000000000000bb' };
  // A page of the origin that runs no app (so registers no service worker) to look at caches.
  const blank = await newPage(context);
  await blank.goto(server.url + '/manifest.webmanifest');
  await blank.evaluate(async ([root, oncall]) => {
    await (await caches.open(root)).put('/index.html', new Response('old shell'));
    await (await caches.open(oncall)).put('/oncall/index.html', new Response('old shell'));
  }, [unscoped.root, unscoped.oncall]);
  const cacheNames = async () => (await blank.evaluate(() => caches.keys())).sort();

  const opened = async (path, ready = '[data-testid="on-call-now"]') => {
    const page = await newPage(context);
    await page.clock.install({ time: new Date(NY.thanksgiving) });
    await page.clock.pauseAt(new Date(NY.thanksgiving));
    await page.goto(server.url + path);
    await waitForApp(page, ready);
    assert.doesNotMatch(await page.locator('main h1').innerText(), /Loading/, path);
    assert.deepEqual(page.problems, [], path);
    return page;
  };
  const controlled = async (path) => {
    const page = await opened(path);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    return page;
  };
  const offline = async (paths) => {
    server.setOnline(false);
    for (const path of paths) await (await opened(path, 'main h1')).close();
    server.setOnline(true);
  };

  const oncall = await controlled('/oncall/');
  assert.deepEqual(await cacheNames(), [cacheOf(DIST_ONCALL), unscoped.root].sort(), '/oncall/ removed only its own old cache');
  const root = await controlled('/');
  assert.deepEqual(await cacheNames(), [cacheOf(DIST), cacheOf(DIST_ONCALL)].sort());
  await offline(['/schedule?week=2026-W48&weeks=4', '/oncall/people/alice', '/oncall/runbooks/aggregate-profit']);

  // The site at / updates; /oncall/ keeps its offline copy.
  server.deploy(DIST_V2);
  await root.reload();
  await waitForApp(root, '[data-testid="on-call-now"]');
  await root.locator('#update:not([hidden])').waitFor();
  // Listening before the click, whose reload's load event can fire before the click returns.
  const reloaded = root.waitForEvent('load');
  await root.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await waitForApp(root, '.team-name');
  await root.locator('.team-name', { hasText: 'Data Engineering v2' }).waitFor();
  assert.deepEqual(await cacheNames(), [cacheOf(DIST_V2), cacheOf(DIST_ONCALL)].sort());
  await offline(['/oncall/', '/oncall/schedule?week=2026-W48&weeks=4', '/pipelines']);
  assert.deepEqual([...root.problems, ...oncall.problems], []);
});

test('under /oncall/ cold deep links, navigation, the service worker and feeds stay in the subpath', { timeout: TEST_LIMIT_MS }, async () => {
  const server = await startServer(DIST_ONCALL, { prefix: '/oncall' });
  const context = await browser.newContext();
  const site = server.url + '/oncall';
  const page = await openControlled(context, site + '/runbooks/aggregate-profit#schema-drift', '#schema-drift.targeted');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), site + '/sw.js');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipelines' }).click();
  await page.waitForURL(site + '/pipelines');
  await waitForApp(page, 'tr[data-pipeline]');
  await page.getByRole('link', { name: 'Aggregate Growth' }).first().click();
  await page.waitForURL(site + '/pipelines/aggregate-growth');
  for (const path of ['/schedule?week=2026-W48&weeks=4', '/people/alice', '/no/such/page']) {
    const cold = await newPage(context);
    await cold.goto(site + path);
    await waitForApp(cold, 'main h1');
    assert.doesNotMatch(await cold.locator('main h1').innerText(), /Loading/);
    assert.deepEqual(cold.problems, [], path);
    await cold.close();
  }
  const feed = await page.locator('body').evaluate(async () => (await fetch('calendar/alice.ics')).status);
  assert.equal(feed, 200);
  const manifest = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  assert.equal(manifest, site + '/manifest.webmanifest');
  assert.deepEqual(page.problems, []);
  await context.close();
  await server.close();
});

test('no Content-Security-Policy violations on any route', { timeout: TEST_LIMIT_MS }, async () => {
  const server = await startServer(DIST);
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  const routes = readdirSync(DIST, { recursive: true })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => '/' + f.replace(/index\.html$/, ''));
  assert.ok(routes.length >= 18, `pages: ${routes}`);
  routes.push('/schedule?week=2026-W48&weeks=12&leave=bob:2026-12-01..2026-12-03', '/runbooks/aggregate-profit#schema-drift', '/nope');
  for (const route of routes) {
    const page = await newPage(context);
    await page.goto(server.url + route);
    await waitForApp(page, 'main h1:not(:empty)');
    await page.keyboard.press('/');
    await page.keyboard.type('drift');
    await page.locator('#search-results').waitFor();
    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], route);
    assert.deepEqual(page.problems, [], route);
    await page.close();
  }
  await context.close();
  await server.close();
});
